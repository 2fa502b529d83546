'use strict';
// node:crypto on top of the Go natives of internal/crypto (compat/crypto*.go).
// Byte results are Buffers; argument checks throw Node's errors.

const N = require('internal/crypto');

const kHandle = Symbol('kHandle');
const kKeyType = Symbol('kKeyType');
const kDetails = Symbol('kDetails');

// --- shared helpers ----------------------------------------------------------

let BufferCtor;
function getBuffer() {
  if (BufferCtor === undefined) {
    try { BufferCtor = require('buffer').Buffer; } catch (e) { BufferCtor = null; }
  }
  return BufferCtor;
}
// toBuf wraps an ArrayBuffer from Go in a Buffer (a Uint8Array until the
// buffer module exists).
function toBuf(ab) {
  const B = getBuffer();
  return B ? B.from(ab) : new Uint8Array(ab);
}
// out is toBuf for natives that return a string when given an encoding.
function out(v) { return typeof v === 'string' ? v : toBuf(v); }

function addSeparators(s) {
  let res = '';
  let i = s.length;
  const start = s[0] === '-' ? 1 : 0;
  for (; i >= start + 4; i -= 3) res = `_${s.slice(i - 3, i)}${res}`;
  return `${s.slice(0, i)}${res}`;
}

function received(v) {
  if (v == null) return ` Received ${v}`;
  if (typeof v === 'function') return ` Received function ${v.name || '<anonymous>'}`;
  if (typeof v === 'object') {
    if (v.constructor && v.constructor.name) return ` Received an instance of ${v.constructor.name}`;
    return ' Received [object Object]';
  }
  let s;
  if (typeof v === 'string') {
    s = v.length > 28 ? `${v.slice(0, 25)}...` : v;
    s = `'${s}'`;
  } else if (typeof v === 'number' && Number.isInteger(v) && Math.abs(v) > 2 ** 32) {
    s = addSeparators(String(v));
  } else if (typeof v === 'bigint') {
    s = `${v}n`;
  } else {
    s = String(v);
  }
  return ` Received type ${typeof v} (${s})`;
}

function inspectValue(v) {
  if (typeof v === 'string') return `'${v}'`;
  if (typeof v === 'number' && Number.isInteger(v) && Math.abs(v) > 2 ** 32) return addSeparators(String(v));
  if (typeof v === 'bigint') return `${v}n`;
  if (v !== null && typeof v === 'object') {
    try { return require('util').inspect(v); } catch (e) { return String(v); }
  }
  return String(v);
}

function makeError(Ctor, code, message) {
  const e = new Ctor(message);
  if (code) e.code = code;
  return e;
}
function invalidArgType(name, expected, value) {
  const what = name.includes('.') ? 'property' : 'argument';
  return makeError(TypeError, 'ERR_INVALID_ARG_TYPE', `The "${name}" ${what} must be ${expected}.${received(value)}`);
}
function invalidArgValue(name, value, reason = 'is invalid') {
  const what = name.includes('.') ? 'property' : 'argument';
  return makeError(TypeError, 'ERR_INVALID_ARG_VALUE', `The ${what} '${name}' ${reason}. Received ${inspectValue(value)}`);
}
function outOfRange(name, range, value) {
  return makeError(RangeError, 'ERR_OUT_OF_RANGE', `The value of "${name}" is out of range. It must be ${range}. Received ${inspectValue(value)}`);
}

function isView(v) { return ArrayBuffer.isView(v); }
function isAnyBuffer(v) { return isView(v) || v instanceof ArrayBuffer; }

function validateString(v, name) {
  if (typeof v !== 'string') throw invalidArgType(name, 'of type string', v);
}
function validateFunction(v, name) {
  if (typeof v !== 'function') throw invalidArgType(name, 'of type function', v);
}
function validateObject(v, name) {
  if (v === null || typeof v !== 'object') throw invalidArgType(name, 'of type object', v);
}
function validateNumber(v, name) {
  if (typeof v !== 'number') throw invalidArgType(name, 'of type number', v);
}
function validateInt32(v, name, min = -2147483648, max = 2147483647) {
  if (typeof v !== 'number') throw invalidArgType(name, 'of type number', v);
  if (!Number.isInteger(v)) throw outOfRange(name, 'an integer', v);
  if (v < min || v > max) throw outOfRange(name, `>= ${min} && <= ${max}`, v);
}
function validateData(v, name) {
  if (typeof v !== 'string' && !isView(v)) {
    throw invalidArgType(name, 'of type string or an instance of Buffer, TypedArray, or DataView', v);
  }
}
function validateBinary(v, name) {
  if (typeof v !== 'string' && !isAnyBuffer(v)) {
    throw invalidArgType(name, 'of type string or an instance of ArrayBuffer, Buffer, TypedArray, or DataView', v);
  }
}

// --- random ---------------------------------------------------------------

const kMaxSize = 2147483647;

function assertSize(size, name = 'size') {
  if (typeof size !== 'number') throw invalidArgType(name, 'of type number', size);
  if (Number.isNaN(size) || size < 0 || size > kMaxSize) throw outOfRange(name, `>= 0 && <= ${kMaxSize}`, size);
}

function randomBytes(size, callback) {
  assertSize(size);
  if (callback !== undefined) validateFunction(callback, 'callback');
  const buf = toBuf(N.randomBytes(Math.floor(size)));
  if (callback === undefined) return buf;
  setImmediate(() => callback(null, buf));
}

function checkFillArgs(buf, offset, size) {
  if (!isAnyBuffer(buf)) throw invalidArgType('buf', 'an instance of ArrayBuffer or ArrayBufferView', buf);
  const elt = buf.BYTES_PER_ELEMENT || 1;
  const len = buf.byteLength;
  if (offset === undefined) offset = 0;
  assertSize(offset, 'offset');
  offset *= elt;
  if (offset > len) throw outOfRange('offset', `>= 0 && <= ${len}`, offset);
  if (size === undefined) size = len - offset;
  else { assertSize(size, 'size'); size *= elt; }
  if (size + offset > len) throw outOfRange('size + offset', `<= ${len}`, size + offset);
  return [offset, size];
}

function randomFillSync(buf, offset, size) {
  const [o, s] = checkFillArgs(buf, offset, size);
  N.randomFill(isView(buf) ? new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength) : buf, o, s);
  return buf;
}

function randomFill(buf, offset, size, callback) {
  if (typeof offset === 'function') { callback = offset; offset = undefined; size = undefined; }
  else if (typeof size === 'function') { callback = size; size = undefined; }
  validateFunction(callback, 'callback');
  randomFillSync(buf, offset, size);
  setImmediate(() => callback(null, buf));
}

const kRandomIntMax = 2 ** 48 - 1;

function randomInt(min, max, callback) {
  const minNotSpecified = typeof max === 'undefined' || typeof max === 'function';
  if (minNotSpecified) { callback = max; max = min; min = 0; }
  const isSync = typeof callback === 'undefined';
  if (!isSync) validateFunction(callback, 'callback');
  if (!Number.isSafeInteger(min)) throw invalidArgType('min', 'a safe integer', min);
  if (!Number.isSafeInteger(max)) throw invalidArgType('max', 'a safe integer', max);
  if (max <= min) {
    throw makeError(RangeError, 'ERR_OUT_OF_RANGE',
      `The value of "max" is out of range. It must be greater than the value of "min" (${min}). Received ${max}`);
  }
  const range = max - min;
  if (!(range <= kRandomIntMax)) throw outOfRange(`max${minNotSpecified ? '' : ' - min'}`, `<= ${kRandomIntMax}`, range);
  const limit = 2 ** 48 - (2 ** 48 % range);
  let n;
  for (;;) {
    const b = new Uint8Array(N.randomBytes(6));
    n = b[0] * 2 ** 40 + b[1] * 2 ** 32 + b[2] * 2 ** 24 + b[3] * 2 ** 16 + b[4] * 2 ** 8 + b[5];
    if (n < limit) break;
  }
  const r = min + (n % range);
  if (isSync) return r;
  setImmediate(() => callback(null, r));
}

function randomUUID(options) {
  if (options !== undefined) validateObject(options, 'options');
  return N.randomUUID();
}

// --- LazyTransform ---------------------------------------------------------------
// Hash, Hmac and the ciphers are stream.Transforms, as in Node, but the
// stream state is only built the first time a stream method needs it.

let TransformCtor = null;
try { TransformCtor = require('stream').Transform; } catch (e) { TransformCtor = null; }

class LazyTransform {}
if (TransformCtor !== null) {
  Object.setPrototypeOf(LazyTransform.prototype, TransformCtor.prototype);
  for (const prop of ['_readableState', '_writableState']) {
    Object.defineProperty(LazyTransform.prototype, prop, {
      configurable: true,
      enumerable: true,
      get() {
        TransformCtor.call(this, this._options);
        this._writableState.decodeStrings = false;
        return this[prop];
      },
      set(val) {
        Object.defineProperty(this, prop, { value: val, enumerable: true, configurable: true, writable: true });
      },
    });
  }
}

// --- hashes ---------------------------------------------------------------

class Hash extends LazyTransform {
  constructor(algorithm, options) {
    super();
    if (algorithm === kHandle) { this[kHandle] = options; return; }
    this._options = options;
    validateString(algorithm, 'algorithm');
    let xof;
    if (options != null && options.outputLength !== undefined) {
      xof = options.outputLength;
      validateInt32(xof, 'options.outputLength', 0);
    }
    this[kHandle] = N.createHash(algorithm, xof);
  }
  update(data, encoding) {
    validateData(data, 'data');
    this[kHandle].update(data, encoding);
    return this;
  }
  digest(encoding) { return out(this[kHandle].digest(encoding)); }
  copy(options) {
    const xof = options != null ? options.outputLength : undefined;
    return new Hash(kHandle, this[kHandle].copy(xof));
  }
}

class Hmac extends LazyTransform {
  constructor(hmac, key, options) {
    super();
    validateString(hmac, 'hmac');
    this._options = options;
    this[kHandle] = N.createHmac(hmac, secretBytes(key, options && options.encoding));
  }
  update(data, encoding) {
    validateData(data, 'data');
    this[kHandle].update(data, encoding);
    return this;
  }
  digest(encoding) { return out(this[kHandle].digest(encoding)); }
}

function hashTransform(chunk, encoding, callback) {
  this[kHandle].update(chunk, encoding);
  callback();
}
function hashFlush(callback) {
  this.push(toBuf(this[kHandle].digest()));
  callback();
}
for (const C of [Hash, Hmac]) {
  Object.defineProperty(C.prototype, '_transform', { value: hashTransform, writable: true, configurable: true });
  Object.defineProperty(C.prototype, '_flush', { value: hashFlush, writable: true, configurable: true });
}

function createHash(algorithm, options) { return new Hash(algorithm, options); }
function createHmac(hmac, key, options) { return new Hmac(hmac, key, options); }

function hash(algorithm, input, outputEncoding = 'hex') {
  validateString(algorithm, 'algorithm');
  if (typeof input !== 'string' && !isView(input)) {
    throw invalidArgType('input', 'of type string or an instance of Buffer, TypedArray, or DataView', input);
  }
  validateString(outputEncoding, 'outputEncoding');
  const h = N.createHash(algorithm);
  h.update(input);
  return out(h.digest(outputEncoding));
}

function getHashes() { return N.hashes.slice(); }

function timingSafeEqual(buf1, buf2) {
  if (!isAnyBuffer(buf1)) {
    throw makeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "buf1" argument must be an instance of ArrayBuffer, Buffer, TypedArray, or DataView.');
  }
  if (!isAnyBuffer(buf2)) {
    throw makeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "buf2" argument must be an instance of ArrayBuffer, Buffer, TypedArray, or DataView.');
  }
  if (buf1.byteLength !== buf2.byteLength) {
    throw makeError(RangeError, 'ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH', 'Input buffers must have the same byte length');
  }
  return N.timingSafeEqual(buf1, buf2);
}

// --- key derivation ----------------------------------------------------------

// kdfInput accepts what Node's KDFs take as a password, salt or key.
function kdfInput(v, name) {
  if (v instanceof KeyObject) {
    if (v.type !== 'secret') throw makeError(TypeError, 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE', `Invalid key object type ${v.type}, expected secret.`);
    return N.keyExport(v[kHandle], 'raw');
  }
  if (isCryptoKey(v)) return N.keyExport(cryptoKeyHandle(v), 'raw');
  validateBinary(v, name);
  return v;
}

function pbkdf2Check(password, salt, iterations, keylen, digest) {
  password = kdfInput(password, 'password');
  salt = kdfInput(salt, 'salt');
  validateInt32(iterations, 'iterations', 1);
  validateInt32(keylen, 'keylen', 0);
  validateString(digest, 'digest');
  return [password, salt];
}

function pbkdf2Sync(password, salt, iterations, keylen, digest) {
  [password, salt] = pbkdf2Check(password, salt, iterations, keylen, digest);
  return toBuf(N.pbkdf2(password, salt, iterations, keylen, digest));
}

function pbkdf2(password, salt, iterations, keylen, digest, callback) {
  if (typeof digest === 'function') { callback = digest; digest = undefined; }
  [password, salt] = pbkdf2Check(password, salt, iterations, keylen, digest);
  validateFunction(callback, 'callback');
  N.pbkdf2(password, salt, iterations, keylen, digest, (err, ab) => callback(err, err ? undefined : toBuf(ab)));
}

function hkdfCheck(digest, ikm, salt, info, keylen) {
  validateString(digest, 'digest');
  ikm = kdfInput(ikm, 'ikm');
  salt = kdfInput(salt, 'salt');
  info = kdfInput(info, 'info');
  validateInt32(keylen, 'length', 0);
  if (info.byteLength > 1024 || (typeof info === 'string' && info.length > 1024)) {
    throw outOfRange('info', 'must not contain more than 1024 bytes', info.byteLength);
  }
  return [ikm, salt, info];
}

function hkdfSync(digest, ikm, salt, info, keylen) {
  [ikm, salt, info] = hkdfCheck(digest, ikm, salt, info, keylen);
  return N.hkdf(digest, ikm, salt, info, keylen);
}

function hkdf(digest, ikm, salt, info, keylen, callback) {
  [ikm, salt, info] = hkdfCheck(digest, ikm, salt, info, keylen);
  validateFunction(callback, 'callback');
  N.hkdf(digest, ikm, salt, info, keylen, callback);
}

const kScryptDefaults = { N: 16384, r: 8, p: 1, maxmem: 32 << 20 };

function scryptParams(password, salt, keylen, options) {
  password = kdfInput(password, 'password');
  salt = kdfInput(salt, 'salt');
  validateInt32(keylen, 'keylen', 0);
  let { N: n, r, p, maxmem } = kScryptDefaults;
  if (options != null) {
    const pick = (a, b, name) => {
      const va = options[a];
      const vb = options[b];
      if (va !== undefined && vb !== undefined) {
        throw makeError(Error, 'ERR_CRYPTO_SCRYPT_INVALID_PARAMETER', 'Invalid scrypt parameter');
      }
      const v = va !== undefined ? va : vb;
      if (v !== undefined) validateInt32(v, name, 0);
      return v;
    };
    const on = pick('N', 'cost', 'N');
    const or = pick('r', 'blockSize', 'r');
    const op = pick('p', 'parallelization', 'p');
    if (on !== undefined) n = on;
    if (or !== undefined) r = or;
    if (op !== undefined) p = op;
    if (options.maxmem !== undefined) {
      maxmem = options.maxmem;
      if (typeof maxmem !== 'number' || !(maxmem >= 0)) throw invalidArgType('maxmem', 'a safe integer', maxmem);
    }
    if (n === 0) n = kScryptDefaults.N;
    if (r === 0) r = kScryptDefaults.r;
    if (p === 0) p = kScryptDefaults.p;
    if (maxmem === 0) maxmem = kScryptDefaults.maxmem;
  }
  return [password, salt, keylen, n, r, p, maxmem];
}

function scryptSync(password, salt, keylen, options) {
  const a = scryptParams(password, salt, keylen, options);
  return toBuf(N.scrypt(...a));
}

function scrypt(password, salt, keylen, options, callback) {
  if (typeof options === 'function') { callback = options; options = undefined; }
  const a = scryptParams(password, salt, keylen, options);
  validateFunction(callback, 'callback');
  N.scrypt(...a, (err, ab) => callback(err, err ? undefined : toBuf(ab)));
}

// --- ciphers ----------------------------------------------------------------

function secretBytes(key, encoding) {
  if (key instanceof KeyObject) {
    if (key.type !== 'secret') {
      throw makeError(TypeError, 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE', `Invalid key object type ${key.type}, expected secret.`);
    }
    return N.keyExport(key[kHandle], 'raw');
  }
  if (isCryptoKey(key)) return N.keyExport(cryptoKeyHandle(key), 'raw');
  if (typeof key === 'string') return encoding && encoding !== 'buffer' ? N.decode(key, encoding) : key;
  if (!isAnyBuffer(key)) {
    throw invalidArgType('key', 'of type string or an instance of ArrayBuffer, Buffer, TypedArray, DataView, KeyObject, or CryptoKey', key);
  }
  return key;
}

function ivBytes(iv) {
  if (iv === null || iv === undefined) return null;
  if (typeof iv === 'string' || isAnyBuffer(iv)) return iv;
  throw invalidArgType('iv', 'of type string or an instance of Buffer, TypedArray, or DataView', iv);
}

class CipherBase extends LazyTransform {
  constructor(decrypt, cipher, key, iv, options) {
    super();
    validateString(cipher, 'cipher');
    this._options = options;
    let tagLen;
    if (options != null && options.authTagLength !== undefined) {
      tagLen = options.authTagLength;
      validateInt32(tagLen, 'options.authTagLength', 0);
    }
    const k = secretBytes(key, options && options.encoding);
    const ivv = ivBytes(iv);
    this[kHandle] = N.createCipher(cipher, k, ivv, decrypt, tagLen);
  }
  update(data, inputEncoding, outputEncoding) {
    if (typeof data !== 'string' && !isView(data)) {
      throw invalidArgType('data', 'of type string or an instance of Buffer, TypedArray, or DataView', data);
    }
    return out(this[kHandle].update(data, inputEncoding, outputEncoding));
  }
  final(outputEncoding) { return out(this[kHandle].final(outputEncoding)); }
  setAutoPadding(ap) { this[kHandle].setAutoPadding(ap === undefined ? true : !!ap); return this; }
  setAAD(buffer, options) {
    if (!isView(buffer)) throw invalidArgType('buffer', 'an instance of Buffer, TypedArray, or DataView', buffer);
    this[kHandle].setAAD(buffer);
    return this;
  }
}

Object.defineProperty(CipherBase.prototype, '_transform', {
  writable: true,
  configurable: true,
  value(chunk, encoding, callback) {
    this.push(toBuf(this[kHandle].update(chunk, encoding)));
    callback();
  },
});
Object.defineProperty(CipherBase.prototype, '_flush', {
  writable: true,
  configurable: true,
  value(callback) {
    try { this.push(toBuf(this[kHandle].final())); } catch (e) { callback(e); return; }
    callback();
  },
});

class Cipheriv extends CipherBase {
  constructor(cipher, key, iv, options) { super(false, cipher, key, iv, options); }
  getAuthTag() { return toBuf(this[kHandle].getAuthTag()); }
}

class Decipheriv extends CipherBase {
  constructor(cipher, key, iv, options) { super(true, cipher, key, iv, options); }
  setAuthTag(tagbuf, encoding) {
    if (typeof tagbuf !== 'string' && !isView(tagbuf)) {
      throw invalidArgType('buffer', 'an instance of Buffer, TypedArray, or DataView', tagbuf);
    }
    this[kHandle].setAuthTag(tagbuf, encoding);
    return this;
  }
}

function createCipheriv(cipher, key, iv, options) { return new Cipheriv(cipher, key, iv, options); }
function createDecipheriv(cipher, key, iv, options) { return new Decipheriv(cipher, key, iv, options); }
function getCiphers() { return N.ciphers.slice(); }

const kCipherNids = {
  'aes-128-ecb': 418, 'aes-128-cbc': 419, 'aes-128-ofb': 420, 'aes-128-cfb': 421,
  'aes-192-ecb': 422, 'aes-192-cbc': 423, 'aes-192-ofb': 424, 'aes-192-cfb': 425,
  'aes-256-ecb': 426, 'aes-256-cbc': 427, 'aes-256-ofb': 428, 'aes-256-cfb': 429,
  'aes-128-gcm': 895, 'aes-192-gcm': 898, 'aes-256-gcm': 901,
  'aes-128-ctr': 904, 'aes-192-ctr': 905, 'aes-256-ctr': 906,
};

function getCipherInfo(nameOrNid, options) {
  let name = nameOrNid;
  if (typeof nameOrNid === 'number') {
    name = Object.keys(kCipherNids).find((k) => kCipherNids[k] === nameOrNid);
    if (name === undefined) return undefined;
  } else {
    validateString(nameOrNid, 'nameOrNid');
  }
  const info = N.cipherInfo(name);
  if (info === undefined) return undefined;
  const [keyLength, mode] = info;
  const canonical = `aes-${keyLength * 8}-${mode}`;
  const res = {
    mode,
    name: mode === 'gcm' ? `id-aes${keyLength * 8}-gcm` : canonical,
    nid: kCipherNids[canonical],
    blockSize: mode === 'cbc' || mode === 'ecb' ? 16 : 1,
  };
  if (mode !== 'ecb') res.ivLength = mode === 'gcm' ? 12 : 16;
  res.keyLength = keyLength;
  if (options != null) {
    if (options.keyLength !== undefined && options.keyLength !== keyLength) return undefined;
    if (options.ivLength !== undefined && options.ivLength !== res.ivLength && mode !== 'gcm') return undefined;
  }
  return res;
}

// --- keys -------------------------------------------------------------------

let webcryptoModule;
function web() {
  if (webcryptoModule === undefined) webcryptoModule = require('internal/webcrypto');
  return webcryptoModule;
}
function isCryptoKey(v) {
  return v !== null && typeof v === 'object' && web().isCryptoKey(v);
}
function cryptoKeyHandle(v) { return web().handleOf(v); }

class KeyObject {
  constructor(type, handle) {
    if (type !== 'secret' && type !== 'public' && type !== 'private') {
      throw invalidArgValue('type', type);
    }
    if (handle === undefined || handle === null || typeof handle !== 'object') {
      throw invalidArgType('handle', 'of type object', handle);
    }
    this[kKeyType] = type;
    Object.defineProperty(this, kHandle, { value: handle, enumerable: false, configurable: false, writable: false });
  }
  get type() { return this[kKeyType]; }
  static from(key) {
    if (!isCryptoKey(key)) throw invalidArgType('key', 'an instance of CryptoKey', key);
    return wrapHandle(cryptoKeyHandle(key));
  }
  equals(otherKeyObject) {
    if (!(otherKeyObject instanceof KeyObject)) throw invalidArgType('otherKeyObject', 'an instance of KeyObject', otherKeyObject);
    return otherKeyObject.type === this.type && N.keyEquals(this[kHandle], otherKeyObject[kHandle]);
  }
}
Object.defineProperty(KeyObject.prototype, Symbol.toStringTag, { value: 'KeyObject', configurable: true });

class SecretKeyObject extends KeyObject {
  constructor(handle) { super('secret', handle); }
  get symmetricKeySize() { return N.keyInfo(this[kHandle]).size; }
  export(options) {
    if (options !== undefined) {
      validateObject(options, 'options');
      const { format } = options;
      if (format === 'jwk') return N.keyExport(this[kHandle], 'jwk');
      if (format !== undefined && format !== 'buffer') throw invalidArgValue('options.format', format);
    }
    return toBuf(N.keyExport(this[kHandle], 'raw'));
  }
}

class AsymmetricKeyObject extends KeyObject {
  get asymmetricKeyType() { return N.keyInfo(this[kHandle]).asymmetricKeyType; }
  get asymmetricKeyDetails() {
    if (this[kDetails] === undefined) {
      const d = N.keyInfo(this[kHandle]).details;
      Object.defineProperty(this, kDetails, { value: d, enumerable: false });
    }
    return { ...this[kDetails] };
  }
}

function parseExportOptions(options, kind) {
  validateObject(options, 'options');
  const { format, type, cipher, passphrase } = options;
  if (format === 'jwk') return { format };
  if (format !== 'pem' && format !== 'der') throw invalidArgValue('options.format', format);
  const allowed = kind === 'public' ? ['pkcs1', 'spki'] : ['pkcs1', 'pkcs8', 'sec1'];
  if (!allowed.includes(type)) throw invalidArgValue('options.type', type);
  if (kind === 'private' && cipher !== undefined) {
    validateString(cipher, 'options.cipher');
    if (format === 'der' && type !== 'pkcs8') {
      throw makeError(Error, 'ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS', `The selected key encoding ${format} does not support encryption.`);
    }
    if (passphrase === undefined) throw invalidArgType('options.passphrase', 'of type string or an instance of ArrayBuffer, Buffer, TypedArray, or DataView', passphrase);
  }
  return { format, type, cipher, passphrase };
}

function exportAsymmetric(handle, kind, options) {
  const o = parseExportOptions(options, kind);
  if (o.format === 'jwk') return N.keyExport(handle, 'jwk');
  return out(N.keyExport(handle, o.format, o.type, o.cipher, o.passphrase));
}

class PublicKeyObject extends AsymmetricKeyObject {
  constructor(handle) { super('public', handle); }
  export(options) { return exportAsymmetric(this[kHandle], 'public', options); }
}

class PrivateKeyObject extends AsymmetricKeyObject {
  constructor(handle) { super('private', handle); }
  export(options) { return exportAsymmetric(this[kHandle], 'private', options); }
}

function wrapHandle(handle) {
  const type = N.keyInfo(handle).type;
  if (type === 'secret') return new SecretKeyObject(handle);
  if (type === 'public') return new PublicKeyObject(handle);
  return new PrivateKeyObject(handle);
}

function createSecretKey(key, encoding) {
  if (typeof key === 'string') return new SecretKeyObject(N.keySecret(key, encoding));
  if (!isAnyBuffer(key)) throw invalidArgType('key', 'an instance of ArrayBuffer, Buffer, TypedArray, or DataView', key);
  return new SecretKeyObject(N.keySecret(key));
}

// importKeyData parses the key argument of createPrivateKey/createPublicKey
// and of the functions that take a key: PEM text, DER, JWK, KeyObject or
// CryptoKey, bare or as {key, format, type, passphrase, encoding}.
function importKeyData(key, kind, allowKeyObject) {
  if (key instanceof KeyObject) {
    if (!allowKeyObject) throw invalidArgType('key', 'of type string or an instance of ArrayBuffer, Buffer, TypedArray, or DataView', key);
    return key[kHandle];
  }
  if (isCryptoKey(key)) {
    if (!allowKeyObject) throw invalidArgType('key', 'of type string or an instance of ArrayBuffer, Buffer, TypedArray, or DataView', key);
    return cryptoKeyHandle(key);
  }
  if (typeof key === 'string' || isAnyBuffer(key)) return N.keyImport(kind, key, 'pem');
  if (key === null || typeof key !== 'object') {
    throw invalidArgType('key', 'of type string or an instance of ArrayBuffer, Buffer, TypedArray, DataView, or object', key);
  }
  const { key: data, format, type, passphrase, encoding } = key;
  if (data instanceof KeyObject) return data[kHandle];
  if (isCryptoKey(data)) return cryptoKeyHandle(data);
  if (format === 'jwk') {
    if (data === null || typeof data !== 'object') throw invalidArgType('key.key', 'of type object', data);
    return N.keyImport(kind, data, 'jwk');
  }
  if (format !== undefined && format !== 'pem' && format !== 'der') throw invalidArgValue('key.format', format);
  let bytes = data;
  if (typeof data === 'string') {
    if (encoding !== undefined && encoding !== 'utf8' && encoding !== 'utf-8') bytes = N.decode(data, encoding);
  } else if (!isAnyBuffer(data)) {
    throw invalidArgType('key.key', 'of type string or an instance of ArrayBuffer, Buffer, TypedArray, or DataView', data);
  }
  if (format === 'der') {
    const allowed = kind === 'public' ? ['pkcs1', 'spki'] : ['pkcs1', 'pkcs8', 'sec1'];
    if (!allowed.includes(type)) throw invalidArgValue('options.type', type);
  }
  return N.keyImport(kind, bytes, format || 'pem', type, passphrase);
}

function createPrivateKey(key) {
  const handle = importKeyData(key, 'private', false);
  if (N.keyInfo(handle).type !== 'private') {
    throw makeError(TypeError, 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE', 'Invalid key object type public, expected private.');
  }
  return new PrivateKeyObject(handle);
}

function createPublicKey(key) {
  let handle;
  if (key instanceof KeyObject || isCryptoKey(key)) {
    handle = key instanceof KeyObject ? key[kHandle] : cryptoKeyHandle(key);
    const t = N.keyInfo(handle).type;
    if (t === 'secret' || (key instanceof KeyObject && t === 'public')) {
      throw invalidArgType('key', 'of type string or an instance of ArrayBuffer, Buffer, TypedArray, DataView, or object', key);
    }
  } else {
    handle = importKeyData(key, 'public', true);
  }
  if (N.keyInfo(handle).type === 'secret') {
    throw makeError(TypeError, 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE', 'Invalid key object type secret, expected public.');
  }
  return new PublicKeyObject(N.keyPublic(handle));
}

// --- key generation ----------------------------------------------------------

const kCurveNames = ['P-256', 'prime256v1', 'secp256r1', 'P-384', 'secp384r1', 'P-521', 'secp521r1'];
const kKeyTypes = ['rsa', 'rsa-pss', 'dsa', 'ec', 'ed25519', 'ed448', 'x25519', 'x448', 'dh'];

function keygenParams(type, options) {
  validateString(type, 'type');
  if (!kKeyTypes.includes(type) || ['rsa-pss', 'dsa', 'ed448', 'x448', 'dh'].includes(type)) {
    throw makeError(TypeError, 'ERR_INVALID_ARG_VALUE', `The argument 'type' must be a supported key type. Received '${type}'`);
  }
  if (options !== undefined) validateObject(options, 'options');
  const o = options || {};
  let bits;
  let exp;
  let curve;
  if (type === 'rsa') {
    bits = o.modulusLength;
    if (typeof bits !== 'number') throw invalidArgType('options.modulusLength', 'of type number', bits);
    validateInt32(bits, 'options.modulusLength', 0);
    exp = o.publicExponent === undefined ? 65537 : o.publicExponent;
    validateInt32(exp, 'options.publicExponent', 0);
  } else if (type === 'ec') {
    curve = o.namedCurve;
    if (typeof curve !== 'string') throw invalidArgType('options.namedCurve', 'of type string', curve);
    if (!kCurveNames.includes(curve)) throw makeError(TypeError, 'ERR_CRYPTO_INVALID_CURVE', 'Invalid EC curve name');
  }
  const enc = (e, kind) => {
    if (e === undefined) return undefined;
    validateObject(e, `options.${kind}KeyEncoding`);
    if (e.format !== 'jwk') parseExportOptions(e, kind);
    return e;
  };
  return [type, bits, exp, curve, enc(o.publicKeyEncoding, 'public'), enc(o.privateKeyEncoding, 'private')];
}

function keygenResult(handle, pubEnc, privEnc) {
  const publicKey = new PublicKeyObject(N.keyPublic(handle));
  const privateKey = new PrivateKeyObject(handle);
  return {
    publicKey: pubEnc ? publicKey.export(pubEnc) : publicKey,
    privateKey: privEnc ? privateKey.export(privEnc) : privateKey,
  };
}

function generateKeyPairSync(type, options) {
  const [t, bits, exp, curve, pubEnc, privEnc] = keygenParams(type, options);
  return keygenResult(N.generateKeyPair(t, bits, exp, curve), pubEnc, privEnc);
}

function generateKeyPair(type, options, callback) {
  if (typeof options === 'function') { callback = options; options = undefined; }
  validateFunction(callback, 'callback');
  const [t, bits, exp, curve, pubEnc, privEnc] = keygenParams(type, options);
  N.generateKeyPair(t, bits, exp, curve, (err, handle) => {
    if (err) { callback(err); return; }
    let r;
    try { r = keygenResult(handle, pubEnc, privEnc); } catch (e) { callback(e); return; }
    callback(null, r.publicKey, r.privateKey);
  });
}

function secretKeygen(type, options) {
  validateString(type, 'type');
  validateObject(options, 'options');
  const { length } = options;
  if (type === 'hmac') {
    validateInt32(length, 'options.length', 8, 2147483647);
  } else if (type === 'aes') {
    if (length !== 128 && length !== 192 && length !== 256) {
      throw makeError(TypeError, 'ERR_INVALID_ARG_VALUE', `The property 'options.length' must be one of: 128, 192, 256. Received ${inspectValue(length)}`);
    }
  } else {
    throw makeError(TypeError, 'ERR_INVALID_ARG_VALUE', `The argument 'type' must be a supported key type. Received '${type}'`);
  }
  return new SecretKeyObject(N.keySecret(N.randomBytes(Math.floor(length / 8))));
}

function generateKeySync(type, options) { return secretKeygen(type, options); }
function generateKey(type, options, callback) {
  validateFunction(callback, 'callback');
  const k = secretKeygen(type, options);
  setImmediate(() => callback(null, k));
}

// --- signatures ---------------------------------------------------------------

// signKey resolves the key argument of sign/verify and its options.
function signKey(key, kind) {
  let padding;
  let saltLength;
  let dsaEncoding;
  if (key !== null && typeof key === 'object' && !(key instanceof KeyObject) && !isAnyBuffer(key) && !isCryptoKey(key)) {
    ({ padding, saltLength, dsaEncoding } = key);
  }
  if (padding !== undefined) validateInt32(padding, 'key.padding');
  if (saltLength !== undefined) validateInt32(saltLength, 'key.saltLength');
  if (dsaEncoding !== undefined && dsaEncoding !== 'der' && dsaEncoding !== 'ieee-p1363') {
    throw invalidArgValue('options.dsaEncoding', dsaEncoding);
  }
  const handle = importKeyData(key, kind, true);
  const t = N.keyInfo(handle).type;
  if (kind === 'private' && t !== 'private') {
    throw makeError(TypeError, 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE', `Invalid key object type ${t}, expected private.`);
  }
  if (t === 'secret') {
    throw makeError(TypeError, 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE', `Invalid key object type ${t}, expected ${kind === 'private' ? 'private' : 'public'}.`);
  }
  return { handle, padding, saltLength, dsaEncoding };
}

class Sign {
  constructor(algorithm, options) {
    validateString(algorithm, 'algorithm');
    this[kHandle] = N.signer(algorithm);
  }
  update(data, encoding) {
    validateData(data, 'data');
    this[kHandle].update(data, encoding);
    return this;
  }
  sign(privateKey, outputEncoding) {
    if (privateKey == null) throw makeError(Error, 'ERR_CRYPTO_SIGN_KEY_REQUIRED', 'No key provided to sign');
    const k = signKey(privateKey, 'private');
    const sig = this[kHandle].sign(k.handle, k.padding, k.saltLength, k.dsaEncoding);
    if (outputEncoding && outputEncoding !== 'buffer') return out(N.encode(sig, outputEncoding));
    return toBuf(sig);
  }
}

class Verify {
  constructor(algorithm, options) {
    validateString(algorithm, 'algorithm');
    this[kHandle] = N.signer(algorithm);
  }
  update(data, encoding) {
    validateData(data, 'data');
    this[kHandle].update(data, encoding);
    return this;
  }
  verify(object, signature, sigEncoding) {
    const k = signKey(object, 'public');
    if (typeof signature === 'string') signature = N.decode(signature, sigEncoding || 'utf8');
    else if (!isAnyBuffer(signature)) throw invalidArgType('signature', 'of type string or an instance of ArrayBuffer, Buffer, TypedArray, or DataView', signature);
    return this[kHandle].verify(k.handle, signature, k.padding, k.saltLength, k.dsaEncoding);
  }
}

function createSign(algorithm, options) { return new Sign(algorithm, options); }
function createVerify(algorithm, options) { return new Verify(algorithm, options); }

function signOneShot(algorithm, data, key, callback) {
  if (algorithm != null) validateString(algorithm, 'algorithm');
  if (callback !== undefined) validateFunction(callback, 'callback');
  validateBinary(data, 'data');
  if (key == null) throw makeError(Error, 'ERR_CRYPTO_SIGN_KEY_REQUIRED', 'No key provided to sign');
  const k = signKey(key, 'private');
  if (callback === undefined) return toBuf(N.sign(algorithm, data, k.handle, k.padding, k.saltLength, k.dsaEncoding));
  N.sign(algorithm, data, k.handle, k.padding, k.saltLength, k.dsaEncoding, (err, ab) => callback(err, err ? undefined : toBuf(ab)));
}

function verifyOneShot(algorithm, data, key, signature, callback) {
  if (algorithm != null) validateString(algorithm, 'algorithm');
  if (callback !== undefined) validateFunction(callback, 'callback');
  validateBinary(data, 'data');
  if (!isAnyBuffer(signature)) throw invalidArgType('signature', 'an instance of ArrayBuffer, Buffer, TypedArray, or DataView', signature);
  const k = signKey(key, 'public');
  if (callback === undefined) return N.verify(algorithm, data, k.handle, signature, k.padding, k.saltLength, k.dsaEncoding);
  N.verify(algorithm, data, k.handle, signature, k.padding, k.saltLength, k.dsaEncoding, callback);
}

// --- RSA encryption -------------------------------------------------------------

function rsaFunction(op, kind, defaultPadding) {
  return function (key, buffer) {
    let padding = defaultPadding;
    let oaepHash;
    let oaepLabel;
    if (key !== null && typeof key === 'object' && !(key instanceof KeyObject) && !isAnyBuffer(key) && !isCryptoKey(key)) {
      if (key.padding !== undefined) padding = key.padding;
      if (key.oaepHash !== undefined) { validateString(key.oaepHash, 'key.oaepHash'); oaepHash = key.oaepHash; }
      if (key.oaepLabel !== undefined) oaepLabel = key.oaepLabel;
    }
    validateBinary(buffer, 'buffer');
    const handle = importKeyData(key, kind, true);
    if (N.keyInfo(handle).type === 'secret') {
      throw makeError(TypeError, 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE', `Invalid key object type secret, expected ${kind}.`);
    }
    return toBuf(N.rsaCrypt(op, handle, buffer, padding, oaepHash, oaepLabel));
  };
}

const constants = Object.freeze({
  OPENSSL_VERSION_NUMBER: 805306672,
  SSL_OP_ALL: 2147485776,
  SSL_OP_NO_SSLv2: 0,
  SSL_OP_NO_SSLv3: 33554432,
  SSL_OP_NO_TLSv1: 67108864,
  SSL_OP_NO_TLSv1_1: 268435456,
  SSL_OP_NO_TLSv1_2: 134217728,
  SSL_OP_NO_TLSv1_3: 536870912,
  ENGINE_METHOD_RSA: 1,
  ENGINE_METHOD_DSA: 2,
  ENGINE_METHOD_DH: 4,
  ENGINE_METHOD_RAND: 8,
  ENGINE_METHOD_EC: 2048,
  ENGINE_METHOD_CIPHERS: 64,
  ENGINE_METHOD_DIGESTS: 128,
  ENGINE_METHOD_PKEY_METHS: 512,
  ENGINE_METHOD_PKEY_ASN1_METHS: 1024,
  ENGINE_METHOD_ALL: 65535,
  ENGINE_METHOD_NONE: 0,
  DH_CHECK_P_NOT_SAFE_PRIME: 2,
  DH_CHECK_P_NOT_PRIME: 1,
  DH_UNABLE_TO_CHECK_GENERATOR: 4,
  DH_NOT_SUITABLE_GENERATOR: 8,
  RSA_PKCS1_PADDING: 1,
  RSA_NO_PADDING: 3,
  RSA_PKCS1_OAEP_PADDING: 4,
  RSA_X931_PADDING: 5,
  RSA_PKCS1_PSS_PADDING: 6,
  RSA_PSS_SALTLEN_DIGEST: -1,
  RSA_PSS_SALTLEN_MAX_SIGN: -2,
  RSA_PSS_SALTLEN_AUTO: -2,
  TLS1_VERSION: 769,
  TLS1_1_VERSION: 770,
  TLS1_2_VERSION: 771,
  TLS1_3_VERSION: 772,
  POINT_CONVERSION_COMPRESSED: 2,
  POINT_CONVERSION_UNCOMPRESSED: 4,
  POINT_CONVERSION_HYBRID: 6,
});

// --- ECDH ----------------------------------------------------------------------

function diffieHellman(options) {
  validateObject(options, 'options');
  const { privateKey, publicKey } = options;
  if (!(privateKey instanceof KeyObject)) throw invalidArgType('options.privateKey', 'an instance of KeyObject', privateKey);
  if (!(publicKey instanceof KeyObject)) throw invalidArgType('options.publicKey', 'an instance of KeyObject', publicKey);
  if (privateKey.type !== 'private') {
    throw makeError(TypeError, 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE', `Invalid key object type ${privateKey.type}, expected private.`);
  }
  if (publicKey.type === 'secret') {
    throw makeError(TypeError, 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE', 'Invalid key object type secret, expected private or public.');
  }
  return toBuf(N.deriveShared(privateKey[kHandle], publicKey[kHandle]));
}

function getCurves() { return ['prime256v1', 'secp384r1', 'secp521r1']; }

// --- exports -------------------------------------------------------------------

module.exports = {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  createSecretKey,
  createSign,
  createVerify,
  diffieHellman,
  getCiphers,
  getCipherInfo,
  getCurves,
  getHashes,
  hkdf,
  hkdfSync,
  pbkdf2,
  pbkdf2Sync,
  generateKeyPair,
  generateKeyPairSync,
  generateKey,
  generateKeySync,
  privateDecrypt: rsaFunction('pd', 'private', constants.RSA_PKCS1_OAEP_PADDING),
  privateEncrypt: rsaFunction('se', 'private', constants.RSA_PKCS1_PADDING),
  publicDecrypt: rsaFunction('sd', 'public', constants.RSA_PKCS1_PADDING),
  publicEncrypt: rsaFunction('pe', 'public', constants.RSA_PKCS1_OAEP_PADDING),
  randomBytes,
  randomFill,
  randomFillSync,
  randomInt,
  randomUUID,
  scrypt,
  scryptSync,
  sign: signOneShot,
  setEngine() {},
  timingSafeEqual,
  getFips() { return 0; },
  setFips(v) {
    if (v) throw makeError(Error, 'ERR_CRYPTO_FIPS_FORCED', 'Cannot set FIPS mode, FIPS is not available.');
  },
  verify: verifyOneShot,
  hash,
  Cipheriv,
  Decipheriv,
  Hash,
  Hmac,
  KeyObject,
  Sign,
  Verify,
  secureHeapUsed() { return { total: 0, min: 0, used: 0, utilization: 0 }; },
  constants,
};

// Aliases Node keeps for old code.
module.exports.pseudoRandomBytes = randomBytes;
module.exports.prng = randomBytes;
module.exports.rng = randomBytes;
Object.defineProperty(module.exports, 'pseudoRandomBytes', { enumerable: false });
Object.defineProperty(module.exports, 'prng', { enumerable: false });
Object.defineProperty(module.exports, 'rng', { enumerable: false });

Object.defineProperty(module.exports, 'webcrypto', {
  enumerable: true, configurable: true, get() { return web().crypto; },
});
Object.defineProperty(module.exports, 'subtle', {
  enumerable: true, configurable: true, get() { return web().crypto.subtle; },
});
Object.defineProperty(module.exports, 'getRandomValues', {
  enumerable: true, configurable: true,
  get() { const c = web().crypto; return (array) => c.getRandomValues(array); },
});
