'use strict';
// node:stream — the module object is the legacy Stream constructor carrying
// Readable, Writable, Duplex, Transform, PassThrough, pipeline, finished,
// addAbortSignal and the stream predicates. The pieces live in
// internal/stream_* (see compat/js/stream_*.js).

const u = require('internal/stream_util');
const { Stream, Readable } = require('internal/stream_readable');
const { Writable } = require('internal/stream_writable');
const { Duplex, Transform, PassThrough, duplexPair } = require('internal/stream_duplex');
const eos = require('internal/stream_eos');

module.exports = Stream;
Stream.Stream = Stream;
Stream.Readable = Readable;
Stream.Writable = Writable;
Stream.Duplex = Duplex;
Stream.Transform = Transform;
Stream.PassThrough = PassThrough;
Stream.pipeline = eos.pipeline;
Stream.finished = eos.finished;
Stream.addAbortSignal = eos.addAbortSignal;
Stream.compose = eos.compose;
Stream.duplexPair = duplexPair;
Stream.destroy = u.destroyer;
Stream.isReadable = u.isReadable;
Stream.isWritable = u.isWritable;
Stream.isErrored = u.isErrored;
Stream.isDisturbed = u.isDisturbed;
Stream.isDestroyed = u.isDestroyed;
Stream.getDefaultHighWaterMark = u.getDefaultHighWaterMark;
Stream.setDefaultHighWaterMark = u.setDefaultHighWaterMark;
Stream._isArrayBufferView = ArrayBuffer.isView;
Stream._isUint8Array = u.isUint8Array;
Stream._uint8ArrayToBuffer = (chunk) => u.toBuffer(chunk);
Readable.isDisturbed = u.isDisturbed;
Readable.isErrored = u.isErrored;
Readable.isReadable = u.isReadable;

const promises = { pipeline: eos.pipelinePromise, finished: eos.eosPromise };
Object.defineProperty(Stream, 'promises', { configurable: true, enumerable: true, get() { return promises; } });
Object.defineProperty(eos.pipeline, require('util').promisify.custom, { enumerable: true, get() { return promises.pipeline; } });
Object.defineProperty(eos.finished, require('util').promisify.custom, { enumerable: true, get() { return promises.finished; } });

// Readable.fromWeb and Readable.toWeb bridge node:stream and WHATWG streams,
// as in Node 20 (e.g. Readable.fromWeb(response.body).pipe(res) to proxy a
// fetch). stream/web is loaded on first use.
Readable.fromWeb = function fromWeb(readableStream, options = {}) {
  const { ReadableStream } = require('stream/web');
  if (!(readableStream instanceof ReadableStream)) {
    throw u.errors.invalidArgType('readableStream', 'an instance of ReadableStream', readableStream);
  }
  const { highWaterMark, encoding, objectMode = false, signal } = options;
  const reader = readableStream.getReader();
  let closed = false;
  const readable = new Readable({
    objectMode,
    highWaterMark,
    encoding,
    signal,
    read() {
      reader.read().then(
        (chunk) => readable.push(chunk.done ? null : chunk.value),
        (error) => readable.destroy(error),
      );
    },
    destroy(error, callback) {
      const done = () => callback(error);
      if (closed) done();
      else reader.cancel(error).then(done, done);
    },
  });
  reader.closed.then(
    () => { closed = true; },
    (error) => { closed = true; readable.destroy(error); },
  );
  return readable;
};

Readable.toWeb = function toWeb(streamReadable, options = {}) {
  if (!u.isReadableNodeStream(streamReadable)) {
    throw u.errors.invalidArgType('streamReadable', 'an stream.Readable', streamReadable);
  }
  const { ReadableStream, CountQueuingStrategy, ByteLengthQueuingStrategy } = require('stream/web');
  const objectMode = streamReadable.readableObjectMode;
  const highWaterMark = streamReadable.readableHighWaterMark;
  const strategy = options.strategy ||
    (objectMode ? new CountQueuingStrategy({ highWaterMark }) : new ByteLengthQueuingStrategy({ highWaterMark }));
  let controller;
  function onData(chunk) {
    if (!objectMode && Buffer.isBuffer(chunk)) chunk = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    controller.enqueue(chunk);
    if (controller.desiredSize <= 0) streamReadable.pause();
  }
  streamReadable.pause();
  const cleanup = eos.finished(streamReadable, (error) => {
    if (error && error.code === 'ERR_STREAM_PREMATURE_CLOSE') error = u.errors.abort(error);
    cleanup();
    streamReadable.removeListener('data', onData);
    streamReadable.on('error', () => {});
    if (error) controller.error(error);
    else controller.close();
  });
  streamReadable.on('data', onData);
  return new ReadableStream({
    start(c) { controller = c; },
    pull() { streamReadable.resume(); },
    cancel(reason) { u.destroyer(streamReadable, reason); },
  }, strategy);
};
