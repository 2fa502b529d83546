'use strict';
// TextEncoder and TextDecoder (WHATWG Encoding), as Node 20 has them. The
// byte work is in compat/encoding.go.

const natives = require('internal/text_natives');
const { nodeError } = require('internal/util/errors');

const kInspect = Symbol.for('nodejs.util.inspect.custom');

function describeReceived(v) {
  if (v == null) return ' Received ' + v;
  if (typeof v === 'function') return ` Received function ${v.name}`;
  if (typeof v === 'object') {
    const ctor = v.constructor;
    if (ctor && typeof ctor.name === 'string' && ctor.name !== '') return ` Received an instance of ${ctor.name}`;
    return ' Received [Object: null prototype] {}';
  }
  let shown = typeof v === 'string' ? `'${v}'` : typeof v === 'bigint' ? `${v}n` : String(v);
  if (shown.length > 28) shown = shown.slice(0, 25) + '...';
  return ` Received type ${typeof v} (${shown})`;
}

function invalidArgType(name, expected, value) {
  return nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', `The "${name}" argument must be ${expected}.${describeReceived(value)}`);
}

function invalidThis(type) {
  return nodeError(TypeError, 'ERR_INVALID_THIS', `Value of "this" must be of type ${type}`);
}

function isShared(v) {
  return typeof SharedArrayBuffer === 'function' && v instanceof SharedArrayBuffer;
}

// ------------------------------------------------------------ TextEncoder

const encoders = new WeakSet();

class TextEncoder {
  constructor() {
    encoders.add(this);
  }

  get encoding() {
    if (!encoders.has(this)) throw invalidThis('TextEncoder');
    return 'utf-8';
  }

  encode(input = '') {
    if (!encoders.has(this)) throw invalidThis('TextEncoder');
    return new Uint8Array(natives.encode(`${input}`));
  }

  encodeInto(src, dest) {
    if (!encoders.has(this)) throw invalidThis('TextEncoder');
    if (typeof src !== 'string') throw invalidArgType('src', 'of type string', src);
    if (!(dest instanceof Uint8Array)) throw invalidArgType('dest', 'an instance of Uint8Array', dest);
    return natives.encodeInto(src, dest);
  }

  [kInspect]() {
    return "{ encoding: 'utf-8' }";
  }
}

// ------------------------------------------------------------ TextDecoder

// Kinds shared with compat/encoding.go.
const UTF8 = 0, UTF16LE = 1, UTF16BE = 2, LATIN1 = 3;
const kindNames = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'];

// The WHATWG labels of the encodings we decode.
const labels = { __proto__: null };
for (const l of ['unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'utf-8', 'utf8', 'x-unicode20utf8']) labels[l] = UTF8;
for (const l of ['csunicode', 'iso-10646-ucs-2', 'ucs-2', 'unicode', 'unicodefeff', 'utf-16', 'utf-16le']) labels[l] = UTF16LE;
for (const l of ['unicodefffe', 'utf-16be']) labels[l] = UTF16BE;
for (const l of ['ansi_x3.4-1968', 'ascii', 'cp1252', 'cp819', 'csisolatin1', 'ibm819', 'iso-8859-1',
  'iso-ir-100', 'iso8859-1', 'iso88591', 'iso_8859-1', 'iso_8859-1:1987', 'l1', 'latin1', 'us-ascii',
  'windows-1252', 'x-cp1252']) labels[l] = LATIN1;

function kindOf(label) {
  const key = label.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '').toLowerCase();
  return labels[key];
}

const kState = Symbol('TextDecoder state');

function stateOf(d) {
  const s = d != null && typeof d === 'object' ? d[kState] : undefined;
  if (s === undefined) throw invalidThis('TextDecoder');
  return s;
}

const empty = new Uint8Array(0);

function bytesOf(input) {
  if (input === undefined) return empty;
  if (input instanceof Uint8Array) return input;
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  if (input instanceof ArrayBuffer || isShared(input)) return new Uint8Array(input);
  const err = new TypeError('The "list" argument must be an instance of SharedArrayBuffer, ArrayBuffer or ArrayBufferView.');
  err.code = 'ERR_INVALID_ARG_TYPE';
  throw err;
}

class TextDecoder {
  constructor(encoding = 'utf-8', options = undefined) {
    const label = `${encoding}`;
    const kind = kindOf(label);
    if (options !== undefined && options !== null && typeof options !== 'object') {
      throw invalidArgType('options', 'of type object', options);
    }
    if (kind === undefined) {
      throw nodeError(RangeError, 'ERR_ENCODING_NOT_SUPPORTED', `The "${label}" encoding is not supported`);
    }
    Object.defineProperty(this, kState, {
      value: {
        kind,
        fatal: Boolean(options && options.fatal),
        ignoreBOM: Boolean(options && options.ignoreBOM),
        stream: null, // Go decoder once a stream is in progress
      },
    });
  }

  decode(input = undefined, options = undefined) {
    const s = stateOf(this);
    const bytes = bytesOf(input);
    const stream = Boolean(options != null && options.stream);
    let out;
    if (stream || s.stream !== null) {
      if (s.stream === null) s.stream = natives.newDecoder(s.kind, s.fatal, s.ignoreBOM);
      out = s.stream(bytes, stream);
      if (!stream) s.stream = null;
    } else {
      out = natives.decode(s.kind, bytes, s.fatal, s.ignoreBOM);
    }
    if (out === null) {
      s.stream = null;
      const err = new TypeError(`The encoded data was not valid for encoding ${kindNames[s.kind]}`);
      err.code = 'ERR_ENCODING_INVALID_ENCODED_DATA';
      throw err;
    }
    return out;
  }

  get encoding() { return kindNames[stateOf(this).kind]; }

  get fatal() { return stateOf(this).fatal; }

  get ignoreBOM() { return stateOf(this).ignoreBOM; }

  [kInspect]() {
    const s = stateOf(this);
    return `TextDecoder { encoding: '${kindNames[s.kind]}', fatal: ${s.fatal}, ignoreBOM: ${s.ignoreBOM} }`;
  }
}

for (const [C, names] of [[TextEncoder, ['encoding', 'encode', 'encodeInto']], [TextDecoder, ['encoding', 'fatal', 'ignoreBOM', 'decode']]]) {
  for (const name of names) {
    const d = Object.getOwnPropertyDescriptor(C.prototype, name);
    d.enumerable = true;
    Object.defineProperty(C.prototype, name, d);
  }
  Object.defineProperty(C.prototype, Symbol.toStringTag, { value: C.name, configurable: true, writable: false, enumerable: false });
}

module.exports = { TextEncoder, TextDecoder };
