'use strict';
// TextEncoderStream and TextDecoderStream: transform streams over the
// global TextEncoder and TextDecoder (Encoding standard).

const u = require('internal/web_streams_util');
const { createTransformStream } = require('internal/web_streams_transform').internals;

const kText = Symbol('textStream');

class TextEncoderStream {
  constructor() {
    const encoder = new TextEncoder();
    let pendingHigh = '';
    const transform = createTransformStream((chunk, enqueue) => {
      let s = pendingHigh + String(chunk);
      pendingHigh = '';
      const last = s.charCodeAt(s.length - 1);
      // A high surrogate at the end may pair with the next chunk's first unit.
      if (last >= 0xD800 && last <= 0xDBFF) {
        pendingHigh = s[s.length - 1];
        s = s.slice(0, -1);
      }
      if (s.length > 0) enqueue(encoder.encode(s));
    }, (enqueue) => {
      if (pendingHigh) enqueue(new Uint8Array([0xEF, 0xBF, 0xBD]));
    });
    u.defineSlots(this, kText, { transform });
  }
  get encoding() {
    u.slots(this, kText, 'TextEncoderStream');
    return 'utf-8';
  }
  get readable() { return u.slots(this, kText, 'TextEncoderStream').transform.readable; }
  get writable() { return u.slots(this, kText, 'TextEncoderStream').transform.writable; }
}
u.toStringTag(TextEncoderStream, 'TextEncoderStream');

class TextDecoderStream {
  constructor(label = 'utf-8', options = undefined) {
    const decoder = new TextDecoder(label, options);
    const transform = createTransformStream((chunk, enqueue) => {
      if (!(chunk instanceof ArrayBuffer) && !ArrayBuffer.isView(chunk)) {
        throw u.ev.invalidArgType('input', 'an instance of ArrayBuffer or ArrayBufferView', chunk);
      }
      const out = decoder.decode(chunk, { stream: true });
      if (out) enqueue(out);
    }, (enqueue) => {
      const out = decoder.decode();
      if (out) enqueue(out);
    });
    u.defineSlots(this, kText, { transform, decoder });
  }
  get encoding() { return u.slots(this, kText, 'TextDecoderStream').decoder.encoding; }
  get fatal() { return u.slots(this, kText, 'TextDecoderStream').decoder.fatal; }
  get ignoreBOM() { return u.slots(this, kText, 'TextDecoderStream').decoder.ignoreBOM; }
  get readable() { return u.slots(this, kText, 'TextDecoderStream').transform.readable; }
  get writable() { return u.slots(this, kText, 'TextDecoderStream').transform.writable; }
}
u.toStringTag(TextDecoderStream, 'TextDecoderStream');

module.exports = { TextEncoderStream, TextDecoderStream };
