'use strict';
// Web Crypto: globalThis.crypto (Crypto), crypto.subtle (SubtleCrypto) and
// CryptoKey, on top of the Go natives of internal/crypto. Every SubtleCrypto
// method returns a promise; the expensive ones (RSA key generation and
// private-key operations, PBKDF2) run on Go goroutines.

const N = require('internal/crypto');

// --- errors -----------------------------------------------------------------

function domErr(message, name) {
  const D = globalThis.DOMException;
  if (typeof D === 'function') return new D(message, name);
  const e = new Error(message);
  Object.defineProperty(e, 'name', { value: name, configurable: true, writable: true });
  return e;
}
const opFailed = 'The operation failed for an operation-specific reason';
function opErr(msg = opFailed) { return domErr(msg, 'OperationError'); }
function typeErr(code, msg) {
  const e = new TypeError(msg);
  e.code = code;
  return e;
}
function missing(dict, member) {
  return typeErr('ERR_MISSING_OPTION',
    `Failed to normalize algorithm: passed algorithm can not be converted to '${dict}' because '${member}' is required in '${dict}'.`);
}
// guard runs a native and replaces its error by a DOMException.
function guard(fn, name = 'OperationError', msg = opFailed) {
  try { return fn(); } catch (e) { throw domErr(msg, name); }
}
async function guardAsync(p, name = 'OperationError', msg = opFailed) {
  try { return await p; } catch (e) { throw domErr(msg, name); }
}

// --- CryptoKey ----------------------------------------------------------------

const slots = new WeakMap();
let constructing = false;

class CryptoKey {
  constructor() {
    if (!constructing) throw typeErr('ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
  }
  get type() { return slot(this).type; }
  get extractable() { return slot(this).extractable; }
  get algorithm() { return slot(this).algorithm; }
  get usages() { return slot(this).usages; }
}
Object.defineProperty(CryptoKey.prototype, Symbol.toStringTag, { value: 'CryptoKey', configurable: true });

function slot(k) {
  const s = slots.get(k);
  if (s === undefined) throw typeErr('ERR_INVALID_THIS', 'Value of "this" must be of type CryptoKey');
  return s;
}

function newKey(handle, type, extractable, algorithm, usages) {
  constructing = true;
  let k;
  try { k = new CryptoKey(); } finally { constructing = false; }
  slots.set(k, { handle, type, extractable: !!extractable, algorithm, usages });
  return k;
}

function isCryptoKey(v) { return slots.has(v); }
function handleOf(v) { return slot(v).handle; }

// --- algorithms ------------------------------------------------------------------

const kNames = ['RSASSA-PKCS1-v1_5', 'RSA-PSS', 'RSA-OAEP', 'ECDSA', 'ECDH', 'Ed25519', 'X25519',
  'HMAC', 'AES-CTR', 'AES-CBC', 'AES-GCM', 'AES-KW', 'PBKDF2', 'HKDF', 'SHA-1', 'SHA-256', 'SHA-384', 'SHA-512'];
const kRSA = ['RSASSA-PKCS1-v1_5', 'RSA-PSS', 'RSA-OAEP'];
const kAES = ['AES-CTR', 'AES-CBC', 'AES-GCM', 'AES-KW'];
const kSHA = ['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512'];
const kOps = {
  digest: kSHA,
  generateKey: [...kRSA, 'ECDSA', 'ECDH', 'Ed25519', 'X25519', 'HMAC', ...kAES],
  importKey: [...kRSA, 'ECDSA', 'ECDH', 'Ed25519', 'X25519', 'HMAC', ...kAES, 'PBKDF2', 'HKDF'],
  sign: ['RSASSA-PKCS1-v1_5', 'RSA-PSS', 'ECDSA', 'Ed25519', 'HMAC'],
  encrypt: ['RSA-OAEP', 'AES-CTR', 'AES-CBC', 'AES-GCM'],
  deriveBits: ['ECDH', 'X25519', 'HKDF', 'PBKDF2'],
  wrapKey: ['RSA-OAEP', 'AES-CTR', 'AES-CBC', 'AES-GCM', 'AES-KW'],
  getKeyLength: [...kAES, 'HMAC', 'HKDF', 'PBKDF2'],
};
kOps.verify = kOps.sign;
kOps.decrypt = kOps.encrypt;
kOps.unwrapKey = kOps.wrapKey;

function normalize(alg, op) {
  if (typeof alg === 'string') alg = { name: alg };
  if (alg === null || typeof alg !== 'object') throw domErr('Unrecognized algorithm name', 'NotSupportedError');
  if (alg.name === undefined) throw typeErr('ERR_MISSING_OPTION', 'Algorithm: name: Missing required property');
  const want = String(alg.name).toUpperCase();
  const name = kNames.find((n) => n.toUpperCase() === want);
  if (name === undefined || !kOps[op].includes(name)) throw domErr('Unrecognized algorithm name', 'NotSupportedError');
  const out = {};
  for (const k in alg) out[k] = alg[k];
  out.name = name;
  if (out.hash !== undefined) out.hash = normalize(out.hash, 'digest');
  return out;
}

function need(alg, member, dict) {
  if (alg[member] === undefined) throw missing(dict, member);
  return alg[member];
}

function bufferSource(v, method, pos) {
  if (v instanceof ArrayBuffer || ArrayBuffer.isView(v)) return v;
  throw typeErr('ERR_INVALID_ARG_TYPE',
    `Failed to execute '${method}' on 'SubtleCrypto': ${pos} argument is not instance of ArrayBuffer, Buffer, TypedArray, or DataView.`);
}
// copyBytes makes a private copy of a BufferSource, as the spec asks.
function copyBytes(v) {
  if (v instanceof ArrayBuffer) return new Uint8Array(v.slice(0));
  return new Uint8Array(v.buffer.slice(v.byteOffset, v.byteOffset + v.byteLength));
}
function paramBytes(alg, member, dict) {
  const v = need(alg, member, dict);
  if (!(v instanceof ArrayBuffer || ArrayBuffer.isView(v))) {
    throw typeErr('ERR_INVALID_ARG_TYPE', `${dict}.${member} must be an ArrayBuffer, Buffer, TypedArray, or DataView`);
  }
  return copyBytes(v);
}

const kUsages = ['encrypt', 'decrypt', 'sign', 'verify', 'deriveKey', 'deriveBits', 'wrapKey', 'unwrapKey'];

function article(name) {
  if (name === 'HMAC') return 'an HMAC';
  if (name.startsWith('AES')) return 'an AES';
  if (name.startsWith('RSA')) return 'a RSA';
  return `a ${name}`;
}

function allowedUsages(name, type) {
  switch (name) {
    case 'RSASSA-PKCS1-v1_5': case 'RSA-PSS': case 'ECDSA': case 'Ed25519':
      return type === 'private' ? ['sign'] : type === 'public' ? ['verify'] : ['sign', 'verify'];
    case 'RSA-OAEP':
      return type === 'private' ? ['decrypt', 'unwrapKey'] : type === 'public' ? ['encrypt', 'wrapKey'] : ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'];
    case 'ECDH': case 'X25519':
      return type === 'public' ? [] : ['deriveKey', 'deriveBits'];
    case 'HMAC':
      return ['sign', 'verify'];
    case 'AES-KW':
      return ['wrapKey', 'unwrapKey'];
    case 'AES-CTR': case 'AES-CBC': case 'AES-GCM':
      return ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'];
    default:
      return ['deriveKey', 'deriveBits'];
  }
}

function checkUsages(usages, name, type) {
  if (usages === null || typeof usages !== 'object' || typeof usages[Symbol.iterator] !== 'function') {
    throw typeErr('ERR_INVALID_ARG_TYPE', 'The "keyUsages" argument must be an instance of Array.');
  }
  const list = [];
  for (const u of usages) {
    if (!kUsages.includes(u)) {
      throw typeErr('ERR_INVALID_ARG_VALUE', `Failed to execute 'generateKey' on 'SubtleCrypto': 3rd argument value '${u}' is not a valid enum value of type KeyUsage.`);
    }
    if (!list.includes(u)) list.push(u);
  }
  const allowed = allowedUsages(name, type);
  for (const u of list) {
    if (!allowed.includes(u)) throw domErr(`Unsupported key usage for ${article(name)} key`, 'SyntaxError');
  }
  return list;
}

function checkNotEmpty(type, usages) {
  if ((type === 'secret' || type === 'private') && usages.length === 0) {
    throw domErr('Usages cannot be empty when creating a key.', 'SyntaxError');
  }
}

function hashBits(hashName) { return N.hashInfo(hashName)[0] * 8; }
function hashBlockBits(hashName) { return N.hashInfo(hashName)[1] * 8; }

function exponentBytes(e) {
  const out = [];
  let n = BigInt(e);
  while (n > 0n) { out.unshift(Number(n & 0xffn)); n >>= 8n; }
  return new Uint8Array(out);
}
function exponentNumber(bytes) {
  let n = 0;
  for (const b of bytes) n = n * 256 + b;
  return n;
}

// --- key generation ---------------------------------------------------------------

async function generateKey(algorithm, extractable, keyUsages) {
  const alg = normalize(algorithm, 'generateKey');
  const name = alg.name;
  if (kRSA.includes(name)) {
    const bits = need(alg, 'modulusLength', 'RsaHashedKeyGenParams');
    const exp = need(alg, 'publicExponent', 'RsaHashedKeyGenParams');
    const hash = need(alg, 'hash', 'RsaHashedKeyGenParams');
    const pubUsages = checkUsages(keyUsages, name, 'pair');
    const all = allowedUsages(name, 'pair');
    const priv = allowedUsages(name, 'private').filter((u) => pubUsages.includes(u));
    const pub = allowedUsages(name, 'public').filter((u) => pubUsages.includes(u));
    if (pubUsages.some((u) => !all.includes(u))) throw domErr(`Unsupported key usage for ${article(name)} key`, 'SyntaxError');
    checkNotEmpty('private', priv);
    const e = exponentNumber(exp);
    if (e !== 65537) throw opErr('Only the public exponent 65537 is supported');
    const handle = await guardAsync(N.generateKeyPair('rsa', bits, e, undefined, 'promise'));
    const mk = () => ({ name, modulusLength: bits, publicExponent: exponentBytes(e), hash: { name: hash.name } });
    return {
      publicKey: newKey(N.keyPublic(handle), 'public', true, mk(), pub),
      privateKey: newKey(handle, 'private', extractable, mk(), priv),
    };
  }
  if (name === 'ECDSA' || name === 'ECDH' || name === 'Ed25519' || name === 'X25519') {
    let curve;
    if (name === 'ECDSA' || name === 'ECDH') {
      curve = need(alg, 'namedCurve', 'EcKeyGenParams');
      if (!['P-256', 'P-384', 'P-521'].includes(curve)) throw domErr('Unrecognized namedCurve', 'NotSupportedError');
    }
    const list = checkUsages(keyUsages, name, 'pair');
    const priv = allowedUsages(name, 'private').filter((u) => list.includes(u));
    const pub = allowedUsages(name, 'public').filter((u) => list.includes(u));
    checkNotEmpty('private', priv);
    const type = curve ? 'ec' : name.toLowerCase();
    const handle = N.generateKeyPair(type, 0, 65537, curve);
    const mk = () => (curve ? { name, namedCurve: curve } : { name });
    return {
      publicKey: newKey(N.keyPublic(handle), 'public', true, mk(), pub),
      privateKey: newKey(handle, 'private', extractable, mk(), priv),
    };
  }
  const usages = checkUsages(keyUsages, name, 'secret');
  let length;
  let algorithm2;
  if (name === 'HMAC') {
    const hash = need(alg, 'hash', 'HmacKeyGenParams');
    length = alg.length === undefined ? hashBlockBits(hash.name) : alg.length;
    if (length === 0) throw opErr('Zero-length key is not supported');
    algorithm2 = { name, length, hash: { name: hash.name } };
  } else {
    length = need(alg, 'length', 'AesKeyGenParams');
    if (length !== 128 && length !== 192 && length !== 256) throw opErr('AES key length must be 128, 192, or 256 bits');
    algorithm2 = { name, length };
  }
  checkNotEmpty('secret', usages);
  const bytes = new Uint8Array(N.randomBytes(Math.ceil(length / 8)));
  if (length % 8) bytes[bytes.length - 1] &= 0xff << (8 - (length % 8));
  return newKey(N.keySecret(bytes), 'secret', extractable, algorithm2, usages);
}

// --- import / export ---------------------------------------------------------------

const kFormats = ['raw', 'pkcs8', 'spki', 'jwk'];

function checkFormat(format, method) {
  if (!kFormats.includes(format)) {
    throw typeErr('ERR_INVALID_ARG_VALUE',
      `Failed to execute '${method}' on 'SubtleCrypto': 1st argument value '${format}' is not a valid enum value of type KeyFormat.`);
  }
}

function jwkAlg(name, algorithm) {
  const bits = (h) => h.name.slice(4);
  switch (name) {
    case 'HMAC': return `HS${bits(algorithm.hash)}`;
    case 'AES-GCM': return `A${algorithm.length}GCM`;
    case 'AES-CBC': return `A${algorithm.length}CBC`;
    case 'AES-CTR': return `A${algorithm.length}CTR`;
    case 'AES-KW': return `A${algorithm.length}KW`;
    case 'RSASSA-PKCS1-v1_5': return `RS${bits(algorithm.hash)}`;
    case 'RSA-PSS': return `PS${bits(algorithm.hash)}`;
    case 'RSA-OAEP': return algorithm.hash.name === 'SHA-1' ? 'RSA-OAEP' : `RSA-OAEP-${bits(algorithm.hash)}`;
    case 'Ed25519': return 'Ed25519';
  }
  return undefined;
}

function checkJwk(jwk, extractable, usages, expectedKty) {
  if (jwk === null || typeof jwk !== 'object') throw domErr('Invalid keyData', 'DataError');
  if (jwk.kty !== expectedKty) throw domErr('Invalid JWK "kty" Parameter', 'DataError');
  if (jwk.ext !== undefined && jwk.ext === false && extractable) {
    throw domErr('JWK "ext" Parameter and extractable mismatch', 'DataError');
  }
  if (jwk.key_ops !== undefined) {
    if (!Array.isArray(jwk.key_ops) || usages.some((u) => !jwk.key_ops.includes(u))) {
      throw domErr('Key operations and usage mismatch', 'DataError');
    }
  }
  if (jwk.use !== undefined && usages.length) {
    const sig = jwk.use === 'sig';
    if (usages.some((u) => (u === 'sign' || u === 'verify') !== sig)) {
      throw domErr('Invalid JWK "use" Parameter', 'DataError');
    }
  }
}

function importSecret(format, keyData, alg, extractable, usages) {
  const name = alg.name;
  let bytes;
  if (format === 'raw') {
    bytes = copyBytes(bufferSource(keyData, 'importKey', '2nd'));
  } else if (format === 'jwk') {
    if (name === 'PBKDF2' || name === 'HKDF') throw domErr(`Unable to import ${name} key with format ${format}`, 'NotSupportedError');
    checkJwk(keyData, extractable, usages, 'oct');
    if (typeof keyData.k !== 'string') throw domErr('Invalid keyData', 'DataError');
    bytes = new Uint8Array(guard(() => N.keyExport(N.keyImport('secret', keyData, 'jwk'), 'raw'), 'DataError', 'Invalid keyData'));
  } else {
    throw domErr(`Unable to import ${name} key with format ${format}`, 'NotSupportedError');
  }
  let algorithm;
  if (name === 'HMAC') {
    const hash = need(alg, 'hash', 'HmacImportParams');
    if (bytes.length === 0) throw domErr('Zero-length key is not supported', 'DataError');
    let length = bytes.length * 8;
    if (alg.length !== undefined) {
      if (alg.length > length || alg.length <= length - 8) throw domErr('Invalid key length', 'DataError');
      length = alg.length;
    }
    algorithm = { name, hash: { name: hash.name }, length };
  } else if (name === 'PBKDF2' || name === 'HKDF') {
    if (extractable) throw domErr(`${name} keys are not extractable`, 'SyntaxError');
    algorithm = { name };
  } else {
    if (![16, 24, 32].includes(bytes.length)) throw domErr('Invalid key length', 'DataError');
    algorithm = { name, length: bytes.length * 8 };
  }
  if (format === 'jwk' && keyData.alg !== undefined && keyData.alg !== jwkAlg(name, algorithm)) {
    throw domErr('JWK "alg" does not match the requested algorithm', 'DataError');
  }
  checkNotEmpty('secret', usages);
  return newKey(N.keySecret(bytes), 'secret', extractable, algorithm, usages);
}

function importAsymmetric(format, keyData, alg, extractable, keyUsages) {
  const name = alg.name;
  let handle;
  if (format === 'jwk') {
    const kty = kRSA.includes(name) ? 'RSA' : (name === 'ECDSA' || name === 'ECDH') ? 'EC' : 'OKP';
    const usagesList = Array.from(keyUsages);
    checkJwk(keyData, extractable, usagesList, kty);
    const kind = keyData.d !== undefined ? 'private' : 'public';
    handle = guard(() => N.keyImport(kind, keyData, 'jwk'), 'DataError', 'Invalid keyData');
  } else if (format === 'spki') {
    const bytes = copyBytes(bufferSource(keyData, 'importKey', '2nd'));
    handle = guard(() => N.keyImport('public', bytes, 'der', 'spki'), 'DataError', 'Invalid keyData');
  } else if (format === 'pkcs8') {
    const bytes = copyBytes(bufferSource(keyData, 'importKey', '2nd'));
    handle = guard(() => N.keyImport('private', bytes, 'der', 'pkcs8'), 'DataError', 'Invalid keyData');
  } else {
    const bytes = copyBytes(bufferSource(keyData, 'importKey', '2nd'));
    if (name === 'ECDSA' || name === 'ECDH') {
      const curve = need(alg, 'namedCurve', 'EcKeyImportParams');
      handle = guard(() => N.keyRaw('ec', curve, bytes), 'DataError', 'Invalid keyData');
    } else if (name === 'Ed25519' || name === 'X25519') {
      if (bytes.length !== 32) throw domErr(`${name} raw keys must be exactly 32-bytes`, 'DataError');
      handle = guard(() => N.keyRaw(name.toLowerCase(), '', bytes), 'DataError', 'Invalid keyData');
    } else {
      throw domErr(`Unable to import ${name} key with format raw`, 'NotSupportedError');
    }
  }
  const info = N.keyInfo(handle);
  const type = info.type;
  const usages = checkUsages(keyUsages, name, type);
  let algorithm;
  if (kRSA.includes(name)) {
    const hash = need(alg, 'hash', 'RsaHashedImportParams');
    if (info.asymmetricKeyType !== 'rsa') throw domErr('Invalid key type', 'DataError');
    algorithm = {
      name,
      modulusLength: info.details.modulusLength,
      publicExponent: exponentBytes(info.details.publicExponent),
      hash: { name: hash.name },
    };
    if (format === 'jwk' && keyData.alg !== undefined && keyData.alg !== jwkAlg(name, algorithm)) {
      throw domErr('JWK "alg" does not match the requested algorithm', 'DataError');
    }
  } else if (name === 'ECDSA' || name === 'ECDH') {
    const curve = need(alg, 'namedCurve', 'EcKeyImportParams');
    if (info.asymmetricKeyType !== 'ec') throw domErr('Invalid key type', 'DataError');
    if (info.curve !== curve) throw domErr('Named curve mismatch', 'DataError');
    algorithm = { name, namedCurve: curve };
  } else {
    if (info.asymmetricKeyType !== name.toLowerCase()) throw domErr('Invalid key type', 'DataError');
    algorithm = { name };
  }
  checkNotEmpty(type, usages);
  return newKey(handle, type, type === 'public' ? true : extractable, algorithm, usages);
}

async function importKey(format, keyData, algorithm, extractable, keyUsages) {
  checkFormat(format, 'importKey');
  const alg = normalize(algorithm, 'importKey');
  if (kAES.includes(alg.name) || alg.name === 'HMAC' || alg.name === 'PBKDF2' || alg.name === 'HKDF') {
    return importSecret(format, keyData, alg, extractable, checkUsages(keyUsages, alg.name, 'secret'));
  }
  return importAsymmetric(format, keyData, alg, extractable, keyUsages);
}

function exportKeySync(format, key) {
  checkFormat(format, 'exportKey');
  const s = slot(key);
  if (!s.extractable) throw domErr('key is not extractable', 'InvalidAccessException');
  const name = s.algorithm.name;
  const cant = () => domErr(`Unable to export a ${kRSA.includes(name) ? 'raw' : format} ${name} ${s.type} key`, 'InvalidAccessError');
  switch (format) {
    case 'raw':
      if (s.type === 'secret') {
        if (name === 'PBKDF2' || name === 'HKDF') throw cant();
        return N.keyExport(s.handle, 'raw');
      }
      if (s.type !== 'public' || kRSA.includes(name)) throw domErr(`Unable to export a raw ${name} ${s.type} key`, 'InvalidAccessError');
      return N.keyExport(s.handle, 'raw');
    case 'spki':
      if (s.type !== 'public') throw cant();
      return N.keyExport(s.handle, 'der', 'spki');
    case 'pkcs8':
      if (s.type !== 'private') throw cant();
      return N.keyExport(s.handle, 'der', 'pkcs8');
    default: {
      if (name === 'PBKDF2' || name === 'HKDF') throw cant();
      const members = N.keyExport(s.handle, 'jwk');
      const jwk = { key_ops: s.usages.slice(), ext: s.extractable };
      for (const k of Object.keys(members)) jwk[k] = members[k];
      const a = jwkAlg(name, s.algorithm);
      if (a !== undefined) jwk.alg = a;
      return jwk;
    }
  }
}

async function exportKey(format, key) { return exportKeySync(format, key); }

// --- operations -----------------------------------------------------------------------

function checkKey(key, alg, usage) {
  const s = slot(key);
  if (s.algorithm.name !== alg.name || !s.usages.includes(usage)) {
    // Node's wording differs between signatures and the other operations.
    const msg = usage === 'sign' || usage === 'verify' ? `Unable to use this key to ${usage}` : 'The requested operation is not valid for the provided key';
    throw domErr(msg, 'InvalidAccessError');
  }
  return s;
}

function secretOf(s) { return N.keyExport(s.handle, 'raw'); }

async function digest(algorithm, data) {
  const alg = normalize(algorithm, 'digest');
  const bytes = copyBytes(bufferSource(data, 'digest', '2nd'));
  return N.digest(alg.name, bytes);
}

function signParams(alg, s) {
  switch (alg.name) {
    case 'RSASSA-PKCS1-v1_5':
      return [s.algorithm.hash.name, 1, undefined, undefined];
    case 'RSA-PSS':
      return [s.algorithm.hash.name, 6, need(alg, 'saltLength', 'RsaPssParams'), undefined];
    case 'ECDSA':
      return [need(alg, 'hash', 'EcdsaParams').name, undefined, undefined, 'ieee-p1363'];
    default:
      return [null, undefined, undefined, undefined];
  }
}

async function sign(algorithm, key, data) {
  const alg = normalize(algorithm, 'sign');
  const bytes = copyBytes(bufferSource(data, 'sign', '3rd'));
  const s = checkKey(key, alg, 'sign');
  if (alg.name === 'HMAC') return N.hmac(s.algorithm.hash.name, secretOf(s), bytes);
  const [hash, padding, salt, dsa] = signParams(alg, s);
  return guardAsync(N.sign(hash, bytes, s.handle, padding, salt, dsa, 'promise'));
}

async function verify(algorithm, key, signature, data) {
  const alg = normalize(algorithm, 'verify');
  const sig = copyBytes(bufferSource(signature, 'verify', '3rd'));
  const bytes = copyBytes(bufferSource(data, 'verify', '4th'));
  const s = checkKey(key, alg, 'verify');
  if (alg.name === 'HMAC') {
    const mac = new Uint8Array(N.hmac(s.algorithm.hash.name, secretOf(s), bytes));
    return mac.length === sig.length && N.timingSafeEqual(mac, sig);
  }
  const [hash, padding, salt, dsa] = signParams(alg, s);
  if (alg.name === 'Ed25519' && sig.length !== 64) return false;
  return guardAsync(N.verify(hash, bytes, s.handle, sig, padding, salt, dsa, 'promise'));
}

const kTagLengths = [32, 64, 96, 104, 112, 120, 128];

function cipherOp(alg, s, data, decrypt) {
  switch (alg.name) {
    case 'RSA-OAEP': {
      const label = alg.label !== undefined ? paramBytes(alg, 'label', 'RsaOaepParams') : undefined;
      return guardAsync(N.rsaCrypt(decrypt ? 'pd' : 'pe', s.handle, data, 4, s.algorithm.hash.name, label, 'promise'));
    }
    case 'AES-GCM': {
      const iv = paramBytes(alg, 'iv', 'AesGcmParams');
      const tagLength = alg.tagLength === undefined ? 128 : alg.tagLength;
      if (!kTagLengths.includes(tagLength)) throw opErr(`${tagLength} is not a valid AES-GCM tag length`);
      const aad = alg.additionalData !== undefined ? paramBytes(alg, 'additionalData', 'AesGcmParams') : undefined;
      return guard(() => N.aesGcm(decrypt, secretOf(s), iv, data, aad, tagLength / 8));
    }
    case 'AES-CBC': {
      const iv = paramBytes(alg, 'iv', 'AesCbcParams');
      if (iv.length !== 16) throw opErr('algorithm.iv must contain exactly 16 bytes');
      return guard(() => N.aesCbc(decrypt, secretOf(s), iv, data));
    }
    default: {
      const counter = paramBytes(alg, 'counter', 'AesCtrParams');
      const length = need(alg, 'length', 'AesCtrParams');
      if (counter.length !== 16) throw opErr('algorithm.counter must contain exactly 16 bytes');
      if (!(length >= 1 && length <= 128)) throw opErr('AES-CTR algorithm.length must be between 1 and 128');
      return N.aesCtr(secretOf(s), counter, length, data);
    }
  }
}

async function encrypt(algorithm, key, data) {
  const alg = normalize(algorithm, 'encrypt');
  const bytes = copyBytes(bufferSource(data, 'encrypt', '3rd'));
  const s = checkKey(key, alg, 'encrypt');
  return cipherOp(alg, s, bytes, false);
}

async function decrypt(algorithm, key, data) {
  const alg = normalize(algorithm, 'decrypt');
  const bytes = copyBytes(bufferSource(data, 'decrypt', '3rd'));
  const s = checkKey(key, alg, 'decrypt');
  return cipherOp(alg, s, bytes, true);
}

function truncateBits(ab, length) {
  if (length === null || length === undefined) return ab;
  if (length > ab.byteLength * 8) throw opErr('derived bit length is too small');
  const bytes = new Uint8Array(ab.slice(0, Math.ceil(length / 8)));
  if (length % 8) bytes[bytes.length - 1] &= 0xff << (8 - (length % 8));
  return bytes.buffer;
}

async function deriveBitsWith(alg, s, length) {
  switch (alg.name) {
    case 'ECDH': case 'X25519': {
      const pub = need(alg, 'public', 'EcdhKeyDeriveParams');
      const ps = slots.get(pub);
      if (ps === undefined) throw typeErr('ERR_INVALID_ARG_TYPE', 'algorithm.public must be an instance of CryptoKey');
      if (ps.type !== 'public') throw domErr('algorithm.public must be a public key', 'InvalidAccessError');
      if (ps.algorithm.name !== s.algorithm.name) throw domErr('The public and private keys must be of the same type', 'InvalidAccessError');
      if (ps.algorithm.namedCurve !== s.algorithm.namedCurve) throw domErr('Named curve mismatch', 'InvalidAccessError');
      return truncateBits(guard(() => N.deriveShared(s.handle, ps.handle)), length);
    }
    case 'HKDF': {
      const hash = need(alg, 'hash', 'HkdfParams');
      const salt = paramBytes(alg, 'salt', 'HkdfParams');
      const info = paramBytes(alg, 'info', 'HkdfParams');
      if (length === null || length === undefined) throw opErr('length cannot be null');
      if (length % 8) throw opErr('length must be a multiple of 8');
      if (length === 0) return new ArrayBuffer(0);
      return guardAsync(N.hkdf(hash.name, secretOf(s), salt, info, length / 8, 'promise'));
    }
    default: {
      const hash = need(alg, 'hash', 'Pbkdf2Params');
      const salt = paramBytes(alg, 'salt', 'Pbkdf2Params');
      const iterations = need(alg, 'iterations', 'Pbkdf2Params');
      if (iterations === 0) throw opErr('iterations cannot be zero');
      if (length === null || length === undefined) throw opErr('length cannot be null');
      if (length % 8) throw opErr('length must be a multiple of 8');
      if (length === 0) return new ArrayBuffer(0);
      return guardAsync(N.pbkdf2(secretOf(s), salt, iterations, length / 8, hash.name, 'promise'));
    }
  }
}

function checkDeriveKey(key, alg, usage) {
  const s = slot(key);
  if (s.algorithm.name !== alg.name) throw domErr('Key algorithm mismatch', 'InvalidAccessError');
  if (!s.usages.includes(usage)) throw domErr(`baseKey does not have ${usage} usage`, 'InvalidAccessError');
  return s;
}

async function deriveBits(algorithm, baseKey, length) {
  const alg = normalize(algorithm, 'deriveBits');
  const s = checkDeriveKey(baseKey, alg, 'deriveBits');
  return deriveBitsWith(alg, s, length);
}

function keyLength(alg) {
  if (alg.name === 'HMAC') {
    const hash = need(alg, 'hash', 'HmacImportParams');
    if (alg.length === undefined) return hashBlockBits(hash.name);
    if (alg.length === 0) throw typeErr('ERR_INVALID_ARG_VALUE', 'Zero-length key is not supported');
    return alg.length;
  }
  if (kAES.includes(alg.name)) {
    const l = need(alg, 'length', 'AesDerivedKeyParams');
    if (l !== 128 && l !== 192 && l !== 256) throw opErr('AES key length must be 128, 192, or 256 bits');
    return l;
  }
  return null;
}

async function deriveKey(algorithm, baseKey, derivedKeyAlgorithm, extractable, keyUsages) {
  const alg = normalize(algorithm, 'deriveBits');
  const dalg = normalize(derivedKeyAlgorithm, 'importKey');
  normalize(derivedKeyAlgorithm, 'getKeyLength');
  const s = checkDeriveKey(baseKey, alg, 'deriveKey');
  const length = keyLength(dalg);
  const bits = await deriveBitsWith(alg, s, length);
  return importKey('raw', bits, derivedKeyAlgorithm, extractable, keyUsages);
}

async function wrapKey(format, key, wrappingKey, wrapAlgorithm) {
  checkFormat(format, 'wrapKey');
  let alg;
  try { alg = normalize(wrapAlgorithm, 'wrapKey'); } catch (e) { alg = normalize(wrapAlgorithm, 'encrypt'); }
  const s = checkKey(wrappingKey, alg, 'wrapKey');
  let data = exportKeySync(format, key);
  if (format === 'jwk') data = new TextEncoderish().encode(JSON.stringify(data));
  else data = new Uint8Array(data);
  if (alg.name === 'AES-KW') {
    return guard(() => N.aesKw(false, secretOf(s), data));
  }
  return cipherOp(alg, s, data, false);
}

async function unwrapKey(format, wrappedKey, unwrappingKey, unwrapAlgorithm, unwrappedKeyAlgorithm, extractable, keyUsages) {
  checkFormat(format, 'unwrapKey');
  const alg = normalize(unwrapAlgorithm, 'unwrapKey');
  const bytes = copyBytes(bufferSource(wrappedKey, 'unwrapKey', '2nd'));
  const s = checkKey(unwrappingKey, alg, 'unwrapKey');
  let data;
  if (alg.name === 'AES-KW') data = guard(() => N.aesKw(true, secretOf(s), bytes));
  else data = await cipherOp(alg, s, bytes, true);
  let keyData = data;
  if (format === 'jwk') {
    try { keyData = JSON.parse(N.encode(new Uint8Array(data), 'utf8')); } catch (e) { throw domErr('Invalid keyData', 'DataError'); }
  }
  return importKey(format, keyData, unwrappedKeyAlgorithm, extractable, keyUsages);
}

// TextEncoderish encodes a JS string to UTF-8 bytes without needing the
// TextEncoder global.
class TextEncoderish {
  encode(str) { return new Uint8Array(N.decode(str, 'utf8')); }
}

// --- SubtleCrypto and Crypto ---------------------------------------------------------------

let constructingSubtle = false;

class SubtleCrypto {
  constructor() {
    if (!constructingSubtle) throw typeErr('ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
  }
}
const subtleMethods = { encrypt, decrypt, sign, verify, digest, generateKey, deriveKey, deriveBits, importKey, exportKey, wrapKey, unwrapKey };
for (const name of Object.keys(subtleMethods)) {
  const fn = subtleMethods[name];
  const method = {
    [name](...args) {
      try { return fn(...args); } catch (e) { return Promise.reject(e); }
    },
  }[name];
  Object.defineProperty(SubtleCrypto.prototype, name, { value: method, writable: true, configurable: true, enumerable: true });
}
Object.defineProperty(SubtleCrypto.prototype, Symbol.toStringTag, { value: 'SubtleCrypto', configurable: true });

constructingSubtle = true;
const subtle = new SubtleCrypto();
constructingSubtle = false;

let constructingCrypto = false;
const kIntegerArrays = ['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array',
  'Int32Array', 'Uint32Array', 'BigInt64Array', 'BigUint64Array'];

function typedArrayName(v) {
  if (!ArrayBuffer.isView(v) || v instanceof DataView) return undefined;
  let proto = Object.getPrototypeOf(v);
  while (proto !== null) {
    const ctor = proto.constructor;
    if (ctor && kIntegerArrays.includes(ctor.name) && globalThis[ctor.name] === ctor) return ctor.name;
    proto = Object.getPrototypeOf(proto);
  }
  return undefined;
}

class Crypto {
  constructor() {
    if (!constructingCrypto) throw typeErr('ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
  }
  get subtle() { return subtle; }
  getRandomValues(array) {
    if (typedArrayName(array) === undefined) {
      throw domErr('The data argument must be an integer-type TypedArray', 'TypeMismatchError');
    }
    if (array.byteLength > 65536) {
      throw domErr('The requested length exceeds 65,536 bytes', 'QuotaExceededError');
    }
    N.randomFill(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
    return array;
  }
  randomUUID() { return N.randomUUID(); }
}
Object.defineProperty(Crypto.prototype, Symbol.toStringTag, { value: 'Crypto', configurable: true });

constructingCrypto = true;
const cryptoObject = new Crypto();
constructingCrypto = false;

module.exports = { crypto: cryptoObject, Crypto, CryptoKey, SubtleCrypto, isCryptoKey, handleOf };
