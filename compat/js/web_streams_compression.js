'use strict';
// CompressionStream and DecompressionStream (Compression standard) for
// 'gzip', 'deflate' (zlib) and 'deflate-raw', backed by Go's compress
// packages through internal/web_natives.

const u = require('internal/web_streams_util');
const { createTransformStream } = require('internal/web_streams_transform').internals;
const natives = require('internal/web_natives');

const kCompression = Symbol('compressionStream');
const formats = ['deflate', 'deflate-raw', 'gzip'];

function checkFormat(format) {
  if (!formats.includes(format)) {
    throw u.ev.codedError(TypeError, 'ERR_INVALID_ARG_VALUE',
      "The argument 'format' is invalid. Received " + (typeof format === 'string' ? "'" + format + "'" : String(format)));
  }
  return format;
}

function toBytes(chunk) {
  if (typeof chunk === 'string') return new TextEncoder().encode(chunk);
  if (chunk instanceof ArrayBuffer) return new Uint8Array(chunk);
  if (ArrayBuffer.isView(chunk)) return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  throw u.ev.invalidArgType('chunk', 'of type string or an instance of Buffer, TypedArray, DataView, or ArrayBuffer', chunk);
}

// makeStream wires a Go coder (push(bytes) and finish(), each returning an
// ArrayBuffer of output or null) into a transform stream.
function makeStream(coder) {
  const emit = (enqueue, out) => {
    if (out !== null && out !== undefined && out.byteLength > 0) enqueue(new Uint8Array(out));
  };
  return createTransformStream((chunk, enqueue) => {
    emit(enqueue, coder.push(toBytes(chunk)));
  }, (enqueue) => {
    emit(enqueue, coder.finish());
  });
}

class CompressionStream {
  constructor(format) {
    const transform = makeStream(natives.compressor(checkFormat(format)));
    u.defineSlots(this, kCompression, { transform });
  }
  get readable() { return u.slots(this, kCompression, 'CompressionStream').transform.readable; }
  get writable() { return u.slots(this, kCompression, 'CompressionStream').transform.writable; }
}
u.toStringTag(CompressionStream, 'CompressionStream');

class DecompressionStream {
  constructor(format) {
    const transform = makeStream(natives.decompressor(checkFormat(format)));
    u.defineSlots(this, kCompression, { transform });
  }
  get readable() { return u.slots(this, kCompression, 'DecompressionStream').transform.readable; }
  get writable() { return u.slots(this, kCompression, 'DecompressionStream').transform.writable; }
}
u.toStringTag(DecompressionStream, 'DecompressionStream');

module.exports = { CompressionStream, DecompressionStream };
