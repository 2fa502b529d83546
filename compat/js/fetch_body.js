'use strict';
// The Body mixin of the Fetch standard, shared by Request and Response:
// extracting a body from what JS passes (strings, buffers, Blobs, FormData,
// URLSearchParams, ReadableStreams, async iterables), and consuming it.
//
// A body is { bytes, stream, source, used, length }: bytes when its content
// is known up front, source when it is a network body still in Go (fetch.js),
// stream otherwise. No stream is built unless JS reads .body: text(), json()
// and the like take bytes as they are and read a source from Go in one go.
// A source has stream() (a ReadableStream of the rest of it) and read(as)
// (a promise of all of it: as 'bytes', a Uint8Array; as 'text', a string; as
// 'json', the value JSON.parse makes of that string).

const {
  utf8Encode, utf8Decode, isArrayBufferView, isArrayBuffer, copyBufferSource, concatBytes,
  streams, byteStream, natives, toUSVString,
} = require('internal/fetch/util');
const { isBlob, blobBytes, makeBlob, makeFile } = require('internal/fetch/blob');
const { FormData, isFormData, serializeFormData, appendEntry } = require('internal/fetch/formdata');

const kBody = Symbol('body');

function isReadableStream(v) {
  const RS = globalThis.ReadableStream;
  return typeof RS === 'function' && v instanceof RS;
}

function isURLSearchParams(v) {
  let USP;
  try { USP = globalThis.URLSearchParams; } catch { USP = undefined; }
  return (typeof USP === 'function' && v instanceof USP) ||
    Object.prototype.toString.call(v) === '[object URLSearchParams]';
}

// isDisturbed asks the streams implementation whether a stream has been
// read from or cancelled (the standard API cannot tell).
let streamInternals;
function isDisturbed(stream) {
  if (streamInternals === undefined) {
    try {
      streamInternals = require('internal/web_streams_readable').internals || null;
    } catch {
      streamInternals = null;
    }
  }
  if (!streamInternals || typeof streamInternals.isDisturbed !== 'function') return false;
  const rec = typeof streamInternals.record === 'function' ? streamInternals.record(stream) : stream;
  return rec ? Boolean(streamInternals.isDisturbed(rec)) : false;
}

// streamFromAsyncIterable wraps an async iterable (a Node stream, an async
// generator object) in a ReadableStream of Uint8Arrays.
function streamFromAsyncIterable(iterable) {
  const RS = streams();
  let it;
  return new RS({
    async pull(controller) {
      if (!it) it = iterable[Symbol.asyncIterator]();
      const { value, done } = await it.next();
      if (done) { controller.close(); return; }
      let chunk = value;
      if (typeof chunk === 'string') chunk = utf8Encode(chunk);
      else if (isArrayBuffer(chunk)) chunk = new Uint8Array(chunk);
      else if (isArrayBufferView(chunk) && !(chunk instanceof Uint8Array)) {
        chunk = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      }
      controller.enqueue(chunk);
    },
    async cancel(reason) {
      if (it && typeof it.return === 'function') await it.return(reason);
    },
  }, { highWaterMark: 0 });
}

// extractBody implements "extract a body": returns { body, type } where
// type is the Content-Type the body implies (or null) and body is
// { bytes, stream, source, used, length }.
function extractBody(object) {
  let bytes = null;
  let stream = null;
  let type = null;
  if (typeof object === 'string') {
    bytes = utf8Encode(object);
    type = 'text/plain;charset=UTF-8';
  } else if (isURLSearchParams(object)) {
    bytes = utf8Encode(object.toString());
    type = 'application/x-www-form-urlencoded;charset=UTF-8';
  } else if (isArrayBuffer(object) || isArrayBufferView(object)) {
    bytes = copyBufferSource(object);
  } else if (isBlob(object)) {
    bytes = blobBytes(object);
    if (object.type) type = object.type;
  } else if (isFormData(object)) {
    const f = serializeFormData(object);
    bytes = f.bytes;
    type = f.type;
  } else if (isReadableStream(object)) {
    if (object.locked || isDisturbed(object)) {
      throw new TypeError('Response body object should not be disturbed or locked');
    }
    stream = object;
  } else if (object !== null && typeof object === 'object' && typeof object[Symbol.asyncIterator] === 'function') {
    stream = streamFromAsyncIterable(object);
  } else {
    bytes = utf8Encode(toUSVString(object));
    type = 'text/plain;charset=UTF-8';
  }
  return { body: { bytes, stream, source: null, used: false, length: bytes ? bytes.byteLength : null }, type };
}

// bodyStream returns body.stream, making it from the bytes or the source on
// first use.
function bodyStream(body) {
  if (!body.stream) {
    if (body.source) {
      // Once read whole (body.used), the source has nothing left: the
      // stream is empty, as it is for a body of bytes read by text().
      body.stream = body.used ? byteStream(new Uint8Array(0)) : body.source.stream();
      body.source = null;
    } else {
      body.stream = byteStream(body.bytes, () => { body.used = true; });
    }
  }
  return body.stream;
}

function isUnusable(body) {
  return body !== null && (body.used || (body.stream !== null && (body.stream.locked || isDisturbed(body.stream))));
}

function bodyUsed(body) {
  return body !== null && (body.used || (body.stream !== null && isDisturbed(body.stream)));
}

// readAllBytes reads a stream to the end into one Uint8Array.
function readAllBytes(stream) {
  const reader = stream.getReader();
  const chunks = [];
  let total = 0;
  return new Promise((resolve, reject) => {
    function step() {
      reader.read().then(({ value, done }) => {
        if (done) { resolve(concatBytes(chunks, total)); return; }
        if (!(value instanceof Uint8Array)) {
          const err = new TypeError('Received non-Uint8Array chunk');
          reader.cancel(err).catch(() => {});
          reject(err);
          return;
        }
        chunks.push(value);
        total += value.byteLength;
        step();
      }, reject);
    }
    step();
  });
}

// consumeBody implements "consume body": the bytes of the body, once.
function consumeBody(body) {
  if (body === null) return Promise.resolve(new Uint8Array(0));
  if (isUnusable(body)) return Promise.reject(new TypeError('Body is unusable: Body has already been read'));
  body.used = true;
  if (body.source) return body.source.read('bytes');
  if (!body.stream) return Promise.resolve(body.bytes);
  return readAllBytes(body.stream);
}

// consumeText is consumeBody followed by UTF-8 decode (and JSON.parse when
// json); a source decodes in Go and parses as it settles.
function consumeText(body, json) {
  if (body !== null && body.source && !body.used) {
    body.used = true;
    return body.source.read(json ? 'json' : 'text');
  }
  return consumeBody(body).then(json ? (b) => JSON.parse(utf8Decode(b)) : utf8Decode);
}

// freshBytes reports whether consumeBody gave bytes no one else holds (read
// from a stream or a source, not the body's own bytes).
function freshBytes(body) {
  return body !== null && Boolean(body.stream || body.source);
}

// cloneBody tees a body: the original keeps one branch, the clone gets the
// other. Known bytes are shared, since nothing mutates them.
function cloneBody(body) {
  if (body === null) return null;
  if (!body.stream && !body.source) return { bytes: body.bytes, stream: null, source: null, used: false, length: body.length };
  const [a, b] = bodyStream(body).tee();
  body.stream = a;
  return { bytes: null, stream: b, source: null, used: false, length: body.length };
}

// parseMime parses a Content-Type value into { essence, params } or null.
function parseMime(value) {
  if (value === null || value === undefined) return null;
  const parts = String(value).split(';');
  const essence = parts[0].trim().toLowerCase();
  if (!/^[!#$%&'*+\-.^_`|~0-9a-z]+\/[!#$%&'*+\-.^_`|~0-9a-z]+$/.test(essence)) return null;
  const params = new Map();
  for (let i = 1; i < parts.length; i++) {
    const p = parts[i];
    const eq = p.indexOf('=');
    if (eq < 0) continue;
    const name = p.slice(0, eq).trim().toLowerCase();
    let v = p.slice(eq + 1).trim();
    if (v.startsWith('"')) v = v.slice(1, v.endsWith('"') && v.length > 1 ? -1 : undefined).replace(/\\(.)/g, '$1');
    if (name && !params.has(name)) params.set(name, v);
  }
  return { essence, params };
}

function serializeMime(m) {
  let s = m.essence;
  for (const [k, v] of m.params) {
    s += ';' + k + '=' + (/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(v) ? v : '"' + v.replace(/(["\\])/g, '\\$1') + '"');
  }
  return s;
}

// percentDecodeBytes decodes application/x-www-form-urlencoded text.
function formUrlDecode(s) {
  const bytes = utf8Encode(s.replace(/\+/g, ' '));
  const out = new Uint8Array(bytes.length);
  let n = 0;
  const hex = (c) => (c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : c >= 97 && c <= 102 ? c - 87 : -1);
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (c === 37 && i + 2 < bytes.length && hex(bytes[i + 1]) >= 0 && hex(bytes[i + 2]) >= 0) {
      out[n++] = hex(bytes[i + 1]) * 16 + hex(bytes[i + 2]);
      i += 2;
    } else {
      out[n++] = c;
    }
  }
  return utf8Decode(out.subarray(0, n));
}

function bytesToFormData(bytes, contentType) {
  const mime = parseMime(contentType);
  const fd = new FormData();
  if (mime && mime.essence === 'multipart/form-data') {
    const boundary = mime.params.get('boundary');
    if (!boundary) throw new TypeError('Failed to parse body as FormData.');
    for (const [name, value] of natives.parseMultipart(bytes, boundary)) {
      if (typeof value === 'string') appendEntry(fd, name, value);
      else appendEntry(fd, name, makeFile(new Uint8Array(value.data), value.filename, value.type));
    }
    return fd;
  }
  if (mime && mime.essence === 'application/x-www-form-urlencoded') {
    const text = utf8Decode(bytes);
    for (const pair of text.split('&')) {
      if (pair === '') continue;
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      const value = eq < 0 ? '' : pair.slice(eq + 1);
      appendEntry(fd, formUrlDecode(name), formUrlDecode(value));
    }
    return fd;
  }
  throw new TypeError('Content-Type was not one of "multipart/form-data" or "application/x-www-form-urlencoded".');
}

// mixinBody adds the Body methods to a class. state(obj) returns the
// object's state ({ body, ... }) after a brand check; headers(state) its
// Headers.
function mixinBody(Ctor, state, headers) {
  const methods = {
    blob() {
      let s;
      try { s = state(this); } catch (e) { return Promise.reject(e); }
      return consumeBody(s.body).then((b) => {
        const m = parseMime(headers(s).get('content-type'));
        return makeBlob(b, m ? serializeMime(m) : '');
      });
    },
    arrayBuffer() {
      let s;
      try { s = state(this); } catch (e) { return Promise.reject(e); }
      const fresh = freshBytes(s.body);
      return consumeBody(s.body).then((b) => {
        if (b.byteOffset === 0 && b.byteLength === b.buffer.byteLength && fresh) return b.buffer;
        return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
      });
    },
    text() {
      let s;
      try { s = state(this); } catch (e) { return Promise.reject(e); }
      return consumeText(s.body);
    },
    json() {
      let s;
      try { s = state(this); } catch (e) { return Promise.reject(e); }
      return consumeText(s.body, true);
    },
    formData() {
      let s;
      try { s = state(this); } catch (e) { return Promise.reject(e); }
      return consumeBody(s.body).then((b) => bytesToFormData(b, headers(s).get('content-type')));
    },
    bytes() {
      let s;
      try { s = state(this); } catch (e) { return Promise.reject(e); }
      const fresh = freshBytes(s.body);
      return consumeBody(s.body).then((b) => {
        if (fresh) return b;
        return new Uint8Array(b);
      });
    },
  };
  for (const name of Object.keys(methods)) {
    Object.defineProperty(Ctor.prototype, name, {
      value: methods[name], writable: true, enumerable: true, configurable: true,
    });
  }
}

module.exports = {
  kBody, extractBody, bodyStream, bodyUsed, isUnusable, consumeBody, cloneBody, mixinBody,
  isReadableStream, parseMime, readAllBytes,
};
