'use strict';
// Blob and File (File API): immutable bytes with a MIME type. The bytes of
// a Blob are one Uint8Array that slices share.

const {
  utf8Encode, utf8Decode, isArrayBufferView, isArrayBuffer, concatBytes, byteStream,
  defineToStringTag, describeReceived, nodeError, enumerableGetters,
} = require('internal/fetch/util');

const kBytes = Symbol('blob bytes');
const kType = Symbol('blob type');
const kName = Symbol('file name');
const kLastModified = Symbol('file lastModified');

function invalidThis(name) {
  return nodeError(TypeError, 'ERR_INVALID_THIS', `Value of "this" must be of type ${name}`);
}

function checkBlob(b) {
  if (b === null || typeof b !== 'object' || !(kBytes in b)) throw invalidThis('Blob');
}

// normalizeType keeps a type made of printable ASCII, lower-cased, and
// drops any other.
function normalizeType(t) {
  t = String(t);
  return /^[\x20-\x7e]*$/.test(t) ? t.toLowerCase() : '';
}

function isBlob(v) { return v !== null && typeof v === 'object' && kBytes in v; }

function blobBytes(b) { return b[kBytes]; }

function convertNative(s) {
  return s.replace(/\r\n|\r/g, '\n');
}

function partsToBytes(parts, endings) {
  const chunks = [];
  for (const p of parts) {
    if (isBlob(p)) chunks.push(p[kBytes]);
    else if (isArrayBufferView(p)) chunks.push(new Uint8Array(p.buffer.slice(p.byteOffset, p.byteOffset + p.byteLength)));
    else if (isArrayBuffer(p)) chunks.push(new Uint8Array(p.slice(0)));
    else {
      let s = typeof p === 'string' ? p : String(p);
      if (endings === 'native') s = convertNative(s);
      chunks.push(utf8Encode(s));
    }
  }
  return chunks.length === 0 ? new Uint8Array(0) : concatBytes(chunks);
}

function checkOptions(options) {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object' && typeof options !== 'function') {
    throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE',
      `The "options" argument must be a dictionary. ${describeReceived(options)}`);
  }
  return options;
}

function readOptions(options) {
  options = checkOptions(options);
  let endings = options.endings;
  if (endings === undefined) endings = 'transparent';
  else endings = String(endings);
  if (endings !== 'transparent' && endings !== 'native') {
    throw nodeError(TypeError, 'ERR_INVALID_ARG_VALUE',
      `The property 'options.endings' is invalid. Received '${endings}'`);
  }
  const type = options.type === undefined ? '' : normalizeType(options.type);
  return { endings, type };
}

function isSequence(v) {
  return v !== null && typeof v === 'object' && typeof v[Symbol.iterator] === 'function';
}

// relative resolves a slice index (WebIDL long long, negative from the end).
function relative(v, size, dflt) {
  if (v === undefined) return dflt;
  let n = Math.trunc(Number(v));
  if (!Number.isFinite(n)) n = n > 0 ? size : 0;
  if (Number.isNaN(n)) n = 0;
  return n < 0 ? Math.max(size + n, 0) : Math.min(n, size);
}

class Blob {
  constructor(blobParts = [], options = undefined) {
    if (!isSequence(blobParts)) {
      throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE',
        `The "sources" argument must be a sequence. ${describeReceived(blobParts)}`);
    }
    const { endings, type } = readOptions(options);
    this[kBytes] = partsToBytes(Array.from(blobParts), endings);
    this[kType] = type;
  }

  get type() { checkBlob(this); return this[kType]; }
  get size() { checkBlob(this); return this[kBytes].byteLength; }

  slice(start = undefined, end = undefined, contentType = undefined) {
    checkBlob(this);
    const bytes = this[kBytes];
    const size = bytes.byteLength;
    const from = relative(start, size, 0);
    const to = relative(end, size, size);
    const b = Object.create(Blob.prototype);
    b[kBytes] = bytes.subarray(from, Math.max(from, to));
    b[kType] = contentType === undefined ? '' : normalizeType(contentType);
    return b;
  }

  arrayBuffer() {
    try { checkBlob(this); } catch (e) { return Promise.reject(e); }
    const b = this[kBytes];
    return Promise.resolve(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
  }

  text() {
    try { checkBlob(this); } catch (e) { return Promise.reject(e); }
    return Promise.resolve(utf8Decode(this[kBytes]));
  }

  bytes() {
    try { checkBlob(this); } catch (e) { return Promise.reject(e); }
    return Promise.resolve(new Uint8Array(this[kBytes]));
  }

  stream() {
    checkBlob(this);
    return byteStream(this[kBytes]);
  }
}
defineToStringTag(Blob, 'Blob');
enumerableGetters(Blob, ['type', 'size']);

class File extends Blob {
  constructor(fileBits, fileName, options = undefined) {
    if (arguments.length < 2) {
      throw nodeError(TypeError, 'ERR_MISSING_ARGS', 'The "fileBits" and "fileName" arguments must be specified');
    }
    super(fileBits, options);
    const o = checkOptions(options);
    let lm = o.lastModified;
    lm = lm === undefined ? Date.now() : Number(lm);
    this[kName] = String(fileName);
    this[kLastModified] = Number.isFinite(lm) ? Math.trunc(lm) : 0;
  }

  get name() {
    if (this === null || typeof this !== 'object' || !(kName in this)) throw invalidThis('File');
    return this[kName];
  }

  get lastModified() {
    if (this === null || typeof this !== 'object' || !(kName in this)) throw invalidThis('File');
    return this[kLastModified];
  }
}
defineToStringTag(File, 'File');
enumerableGetters(File, ['name', 'lastModified']);

function isFile(v) { return isBlob(v) && kName in v; }

// makeFile builds a File around bytes without copying them.
function makeFile(bytes, name, type, lastModified) {
  const f = Object.create(File.prototype);
  f[kBytes] = bytes;
  f[kType] = normalizeType(type || '');
  f[kName] = String(name);
  f[kLastModified] = lastModified === undefined ? Date.now() : lastModified;
  return f;
}

// makeBlob builds a Blob around bytes without copying them.
function makeBlob(bytes, type) {
  const b = Object.create(Blob.prototype);
  b[kBytes] = bytes;
  b[kType] = normalizeType(type || '');
  return b;
}

module.exports = { Blob, File, isBlob, isFile, blobBytes, makeFile, makeBlob };
