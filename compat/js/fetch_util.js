'use strict';
// Helpers shared by the fetch classes: WebIDL-style conversions, UTF-8 and
// byte handling, and undici's error messages.

const natives = require('internal/fetch/natives');

function argCount(prefix, n, min) {
  if (n < min) {
    throw new TypeError(`${prefix}: ${min} argument${min === 1 ? '' : 's'} required, but${n > 0 ? ' only' : ''} ${n} found.`);
  }
}

// USVString: lone surrogates become U+FFFD.
function toUSVString(v) {
  const s = typeof v === 'string' ? v : String(v);
  if (!/[\uD800-\uDFFF]/.test(s)) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { out += s[i] + s[i + 1]; i++; continue; }
    }
    out += (c >= 0xd800 && c <= 0xdfff) ? '\uFFFD' : s[i];
  }
  return out;
}

function toByteString(v) {
  const s = typeof v === 'string' ? v : String(v);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 255) {
      throw new TypeError('Cannot convert argument to a ByteString because the character at index ' +
        i + ' has a value of ' + c + ' which is greater than 255.');
    }
  }
  return s;
}

function utf8Encode(s) {
  return new Uint8Array(natives.utf8Encode(toUSVString(s)));
}

function utf8Decode(bytes) {
  return natives.utf8Decode(bytes);
}

function isArrayBufferView(v) {
  return ArrayBuffer.isView(v);
}

function isArrayBuffer(v) {
  return v instanceof ArrayBuffer ||
    (typeof SharedArrayBuffer === 'function' && v instanceof SharedArrayBuffer) ||
    Object.prototype.toString.call(v) === '[object ArrayBuffer]';
}

// copyBufferSource returns a fresh Uint8Array holding the bytes of an
// ArrayBuffer or view.
function copyBufferSource(v) {
  if (isArrayBufferView(v)) {
    return new Uint8Array(v.buffer.slice(v.byteOffset, v.byteOffset + v.byteLength));
  }
  return new Uint8Array(v.slice(0));
}

function concatBytes(chunks, total) {
  if (chunks.length === 1) return chunks[0];
  if (total === undefined) {
    total = 0;
    for (const c of chunks) total += c.byteLength;
  }
  const out = new Uint8Array(total);
  let off = 0;
  for (const c of chunks) { out.set(c, off); off += c.byteLength; }
  return out;
}

// The streams and events come from globals that other modules define.
function streams() {
  const RS = globalThis.ReadableStream;
  if (typeof RS !== 'function') throw new Error('ReadableStream is not available');
  return RS;
}

function abortError() {
  return new DOMException('This operation was aborted', 'AbortError');
}

// The reasons of request signals (compat/fetch_signal.go): AbortErrors that
// mean "this request was abandoned", which a handler that lets them escape
// is not at fault for.
const requestAborts = new WeakSet();

function requestAbortError() {
  const e = abortError();
  requestAborts.add(e);
  return e;
}

function isRequestAbort(v) {
  return v !== null && typeof v === 'object' && requestAborts.has(v);
}

// byteStream makes a ReadableStream that yields bytes once, when first
// read (so that creating it does not disturb anything). onPull runs on the
// first pull; it lets the owner note that the body was disturbed.
function byteStream(bytes, onPull) {
  const RS = streams();
  let done = false;
  return new RS({
    type: 'bytes',
    pull(controller) {
      if (onPull) onPull();
      if (!done) {
        done = true;
        if (bytes.byteLength > 0) controller.enqueue(new Uint8Array(bytes));
        controller.close();
        // A BYOB read still pending on an empty body is answered by respond(0).
        if (bytes.byteLength === 0 && controller.byobRequest) controller.byobRequest.respond(0);
      }
    },
    cancel() { if (onPull) onPull(); },
  }, { highWaterMark: 0 });
}

// HTTP token and whitespace rules from the Fetch standard.
const tokenRe = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
function isToken(s) { return tokenRe.test(s); }

function trimHTTPWhitespace(s) {
  return s.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');
}

function defineToStringTag(ctor, tag) {
  Object.defineProperty(ctor.prototype, Symbol.toStringTag, { value: tag, configurable: true });
}

// Getters defined on classes are non-enumerable; WebIDL attributes are
// enumerable, which shows in for-in and util.inspect.
function enumerableGetters(ctor, names) {
  for (const n of names) {
    const d = Object.getOwnPropertyDescriptor(ctor.prototype, n);
    if (d) { d.enumerable = true; Object.defineProperty(ctor.prototype, n, d); }
  }
}

// describeReceived renders a value the way Node's ERR_INVALID_ARG_TYPE
// messages end: "Received type number (5)", "Received an instance of X".
function describeReceived(v) {
  if (v === null) return 'Received null';
  if (v === undefined) return 'Received undefined';
  if (typeof v === 'function') return `Received function ${v.name}`;
  if (typeof v === 'object') {
    const c = v.constructor;
    return c && c.name ? `Received an instance of ${c.name}` : 'Received ' + 'an instance of Object';
  }
  if (typeof v === 'string') {
    const s = v.length > 28 ? v.slice(0, 25) + '...' : v;
    return `Received type string ('${s}')`;
  }
  if (typeof v === 'bigint') return `Received type bigint (${v}n)`;
  if (typeof v === 'symbol') return `Received type symbol (${String(v)})`;
  return `Received type ${typeof v} (${v})`;
}

function nodeError(Ctor, code, message) {
  const e = new Ctor(message);
  e.code = code;
  return e;
}

// illegalInvocation is the TypeError undici throws when a method is called
// on an object of the wrong kind.
function illegalInvocation() {
  const e = new TypeError('Illegal invocation');
  e.code = 'ERR_INVALID_THIS';
  return e;
}

// pairIterator makes the iterators of a WebIDL pair iterable (Headers,
// FormData): makeIterator(target, kind) walks listOf(target), a list of
// [key, value] read afresh at each step, giving keys, values or both
// (kind 'key', 'value' or 'key+value'); its prototype has the toStringTag
// name (e.g. 'Headers Iterator').
function pairIterator(name, listOf) {
  const kTarget = Symbol('target');
  const kKind = Symbol('kind');
  const kIndex = Symbol('index');
  const proto = Object.create(Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())), {
    next: {
      value: function next() {
        if (!this || !(kTarget in this)) throw illegalInvocation();
        const list = listOf(this[kTarget]);
        const i = this[kIndex];
        if (i >= list.length) return { value: undefined, done: true };
        this[kIndex] = i + 1;
        const [k, v] = list[i];
        const kind = this[kKind];
        return { value: kind === 'key' ? k : kind === 'value' ? v : [k, v], done: false };
      },
      writable: true, configurable: true, enumerable: true,
    },
    [Symbol.toStringTag]: { value: name, configurable: true },
  });
  return function makeIterator(target, kind) {
    const it = Object.create(proto);
    it[kTarget] = target;
    it[kKind] = kind;
    it[kIndex] = 0;
    return it;
  };
}

module.exports = {
  describeReceived, nodeError, illegalInvocation,
  natives, argCount, toUSVString, toByteString, utf8Encode, utf8Decode,
  isArrayBufferView, isArrayBuffer, copyBufferSource, concatBytes, streams,
  abortError, requestAbortError, isRequestAbort, byteStream, isToken, trimHTTPWhitespace, defineToStringTag,
  enumerableGetters, pairIterator,
};
