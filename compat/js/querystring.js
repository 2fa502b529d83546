'use strict';
// node:querystring — the legacy application/x-www-form-urlencoded codec.
// parse/decode return null-prototype objects; repeated keys become arrays;
// '+' means space; malformed escapes are decoded leniently, byte by byte.

const { makeError } = require('internal/util/errors');

const HEX = '0123456789ABCDEF';
// Characters escape() leaves alone: A-Z a-z 0-9 - . _ ~ ! ' ( ) *
const unreserved = new Uint8Array(128);
for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!'()*") {
  unreserved[c.charCodeAt(0)] = 1;
}

function pctByte(b) { return `%${HEX[b >> 4]}${HEX[b & 15]}`; }

function escape(str) {
  if (typeof str !== 'string') {
    if (typeof str === 'object') str = String(str);
    else str += '';
  }
  let out = '';
  let last = 0;
  for (let i = 0; i < str.length; i++) {
    let c = str.charCodeAt(i);
    if (c < 0x80 && unreserved[c] === 1) continue;
    out += str.slice(last, i);
    if (c < 0x80) {
      out += pctByte(c);
    } else if (c < 0x800) {
      out += pctByte(0xc0 | (c >> 6)) + pctByte(0x80 | (c & 63));
    } else if (c < 0xd800 || c >= 0xe000) {
      out += pctByte(0xe0 | (c >> 12)) + pctByte(0x80 | ((c >> 6) & 63)) + pctByte(0x80 | (c & 63));
    } else {
      const next = i + 1 < str.length ? str.charCodeAt(i + 1) : 0;
      if (c > 0xdbff || next < 0xdc00 || next > 0xdfff) {
        throw makeError(URIError, 'ERR_INVALID_URI', 'URI malformed');
      }
      i++;
      c = 0x10000 + (((c & 0x3ff) << 10) | (next & 0x3ff));
      out += pctByte(0xf0 | (c >> 18)) + pctByte(0x80 | ((c >> 12) & 63)) +
        pctByte(0x80 | ((c >> 6) & 63)) + pctByte(0x80 | (c & 63));
    }
    last = i + 1;
  }
  return last === 0 ? str : out + str.slice(last);
}

function hexValue(c) {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

// utf8Decode turns bytes into a string, replacing malformed sequences with
// U+FFFD as TextDecoder does.
function utf8Decode(bytes) {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) { out += String.fromCharCode(b); i++; continue; }
    let need = 0;
    let cp = 0;
    let min = 0;
    if (b >= 0xc2 && b <= 0xdf) { need = 1; cp = b & 0x1f; min = 0x80; } else if (b >= 0xe0 && b <= 0xef) { need = 2; cp = b & 0x0f; min = 0x800; } else if (b >= 0xf0 && b <= 0xf4) { need = 3; cp = b & 0x07; min = 0x10000; } else { out += '\ufffd'; i++; continue; }
    let j = 1;
    for (; j <= need; j++) {
      const n = bytes[i + j];
      if (n === undefined || (n & 0xc0) !== 0x80) break;
      cp = (cp << 6) | (n & 0x3f);
      if (j === 1 && ((need === 2 && cp < (min >> 6)) || (need === 3 && (cp < 0x10 || cp > 0x10f)))) { break; }
      if (j === 1 && need === 2 && cp >= 0x360 && cp <= 0x37f) break; // surrogates
    }
    if (j <= need) { out += '\ufffd'; i += Math.max(1, j); continue; }
    out += String.fromCodePoint(cp);
    i += need + 1;
  }
  return out;
}

// unescapeBuffer decodes %XX escapes into bytes, leaving malformed ones as
// they are; with decodeSpaces, '+' becomes a space.
function unescapeBuffer(s, decodeSpaces) {
  s = String(s);
  const bytes = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 43 && decodeSpaces) { bytes.push(32); continue; }
    if (c === 37 && i + 2 < s.length) {
      const hi = hexValue(s.charCodeAt(i + 1));
      const lo = hexValue(s.charCodeAt(i + 2));
      if (hi >= 0 && lo >= 0) { bytes.push(hi * 16 + lo); i += 2; continue; }
    }
    bytes.push(c & 0xff); // as Node does: one byte per code unit
  }
  if (typeof globalThis.Buffer === 'function' && typeof globalThis.Buffer.from === 'function') {
    return globalThis.Buffer.from(bytes);
  }
  return Uint8Array.from(bytes);
}

function unescape(s, decodeSpaces) {
  try {
    return decodeURIComponent(s);
  } catch (e) {
    const bytes = unescapeBuffer(s, decodeSpaces);
    return utf8Decode(bytes);
  }
}

function stringifyPrimitive(v) {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return `${v}`;
  if (typeof v === 'bigint') return `${v}`;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return '';
}

function stringify(obj, sep, eq, options) {
  sep = sep || '&';
  eq = eq || '=';
  let encode = module.exports.escape;
  if (options && typeof options.encodeURIComponent === 'function') encode = options.encodeURIComponent;
  if (obj === null || typeof obj !== 'object') return '';
  const fields = [];
  for (const k of Object.keys(obj)) {
    const v = obj[k];
    const ks = encode(stringifyPrimitive(k)) + eq;
    if (Array.isArray(v)) {
      for (const item of v) fields.push(ks + encode(stringifyPrimitive(item)));
    } else {
      fields.push(ks + encode(stringifyPrimitive(v)));
    }
  }
  return fields.join(sep);
}

function decodePart(s, decode) {
  if (s.indexOf('+') !== -1) s = s.replace(/\+/g, ' ');
  if (decode === unescape && s.indexOf('%') === -1) return s;
  try {
    return decode(s);
  } catch (e) {
    return module.exports.unescape(s, true);
  }
}

function parse(qs, sep, eq, options) {
  const obj = Object.create(null);
  if (typeof qs !== 'string' || qs.length === 0) return obj;
  sep = sep ? String(sep) : '&';
  eq = eq ? String(eq) : '=';
  let maxKeys = 1000;
  if (options && typeof options.maxKeys === 'number') maxKeys = options.maxKeys;
  let decode = module.exports.unescape;
  if (options && typeof options.decodeURIComponent === 'function') decode = options.decodeURIComponent;
  if (decode === module.exports.unescape) decode = unescape;
  const limit = maxKeys > 0 ? maxKeys : Infinity;
  let count = 0;
  let pos = 0;
  while (pos <= qs.length && count < limit) {
    let end = qs.indexOf(sep, pos);
    if (end === -1) end = qs.length;
    const part = qs.slice(pos, end);
    pos = end + sep.length;
    if (part.length === 0) {
      if (end >= qs.length) break;
      continue;
    }
    count++;
    const at = part.indexOf(eq);
    let key;
    let value;
    if (at === -1) {
      key = part;
      value = '';
    } else {
      key = part.slice(0, at);
      value = part.slice(at + eq.length);
    }
    key = decodePart(key, decode);
    value = decodePart(value, decode);
    const cur = obj[key];
    if (cur === undefined) obj[key] = value;
    else if (Array.isArray(cur)) cur.push(value);
    else obj[key] = [cur, value];
    if (end >= qs.length) break;
  }
  return obj;
}

module.exports = {
  unescapeBuffer,
  unescape,
  escape,
  stringify,
  encode: stringify,
  parse,
  decode: parse,
};
