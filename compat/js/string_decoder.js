'use strict';
// node:string_decoder — StringDecoder turns byte chunks into strings without
// splitting multibyte characters: an incomplete UTF-8 sequence or UTF-16
// code unit at the end of one write() is held until the next write() or
// end(). Malformed UTF-8 becomes U+FFFD per maximal subpart, as Node prints.

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const HEX = '0123456789abcdef';

function normalizeEncoding(enc) {
  if (enc === undefined || enc === null || enc === '') return 'utf8';
  const e = String(enc).toLowerCase();
  switch (e) {
    case 'utf8': case 'utf-8': return 'utf8';
    case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le': return 'utf16le';
    case 'latin1': case 'binary': return 'latin1';
    case 'base64': case 'base64url': case 'hex': case 'ascii': return e;
  }
  return undefined;
}

function typeErr(code, msg) {
  const e = new TypeError(msg);
  e.code = code;
  return e;
}

function describe(v) {
  if (v === null || v === undefined) return 'Received ' + v;
  if (typeof v === 'function') return 'Received function ' + (v.name || '<anonymous>');
  if (typeof v === 'object') {
    const c = v.constructor && v.constructor.name;
    return c ? 'Received an instance of ' + c : 'Received ' + String(v);
  }
  let shown = typeof v === 'string' ? "'" + v + "'" : String(v);
  if (typeof v === 'bigint') shown += 'n';
  if (shown.length > 28) shown = shown.slice(0, 25) + '...';
  return 'Received type ' + typeof v + ' (' + shown + ')';
}

function toBytes(buf) {
  if (buf instanceof Uint8Array) return buf;
  if (ArrayBuffer.isView(buf)) return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  throw typeErr('ERR_INVALID_ARG_TYPE',
    'The "buf" argument must be an instance of Buffer, TypedArray, or DataView. ' + describe(buf));
}

// utf8Decode decodes bytes[start:end] as the WHATWG decoder does: every
// maximal invalid subpart becomes one U+FFFD.
function utf8Decode(b, start, end) {
  let out = '';
  let units = [];
  const flush = () => { out += String.fromCharCode.apply(null, units); units = []; };
  let i = start;
  while (i < end) {
    const c = b[i];
    if (c < 0x80) { units.push(c); i++; } else {
      let need = 0, cp = 0, lo = 0x80, hi = 0xBF;
      if (c >= 0xC2 && c <= 0xDF) { need = 1; cp = c & 0x1F; } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2; cp = c & 0x0F;
        if (c === 0xE0) lo = 0xA0; else if (c === 0xED) hi = 0x9F;
      } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3; cp = c & 0x07;
        if (c === 0xF0) lo = 0x90; else if (c === 0xF4) hi = 0x8F;
      } else { units.push(0xFFFD); i++; continue; }
      let j = i + 1;
      let ok = true;
      for (let k = 0; k < need; k++, j++) {
        const d = j < end ? b[j] : -1;
        if (d < lo || d > hi) { ok = false; break; }
        lo = 0x80; hi = 0xBF;
        cp = (cp << 6) | (d & 0x3F);
      }
      if (!ok) { units.push(0xFFFD); i = j; continue; }
      i = j;
      if (cp >= 0x10000) {
        cp -= 0x10000;
        units.push(0xD800 + (cp >> 10), 0xDC00 + (cp & 0x3FF));
      } else units.push(cp);
    }
    if (units.length >= 8192) flush();
  }
  flush();
  return out;
}

function utf16Decode(b, start, end) {
  let out = '';
  const units = [];
  for (let i = start; i + 1 < end; i += 2) {
    units.push(b[i] | (b[i + 1] << 8));
    if (units.length >= 8192) { out += String.fromCharCode.apply(null, units); units.length = 0; }
  }
  return out + String.fromCharCode.apply(null, units);
}

function base64Encode(b, start, end, url) {
  const tbl = url ? B64URL : B64;
  let out = '';
  let i = start;
  for (; i + 2 < end; i += 3) {
    const n = (b[i] << 16) | (b[i + 1] << 8) | b[i + 2];
    out += tbl[n >> 18] + tbl[(n >> 12) & 63] + tbl[(n >> 6) & 63] + tbl[n & 63];
  }
  const rest = end - i;
  if (rest === 1) {
    const n = b[i] << 16;
    out += tbl[n >> 18] + tbl[(n >> 12) & 63] + (url ? '' : '==');
  } else if (rest === 2) {
    const n = (b[i] << 16) | (b[i + 1] << 8);
    out += tbl[n >> 18] + tbl[(n >> 12) & 63] + tbl[(n >> 6) & 63] + (url ? '' : '=');
  }
  return out;
}

function simpleDecode(enc, b, start, end) {
  let out = '';
  switch (enc) {
    case 'hex':
      for (let i = start; i < end; i++) out += HEX[b[i] >> 4] + HEX[b[i] & 15];
      return out;
    case 'latin1':
    case 'ascii': {
      const mask = enc === 'ascii' ? 0x7F : 0xFF;
      const units = [];
      for (let i = start; i < end; i++) {
        units.push(b[i] & mask);
        if (units.length >= 8192) { out += String.fromCharCode.apply(null, units); units.length = 0; }
      }
      return out + String.fromCharCode.apply(null, units);
    }
  }
  return '';
}

// utf8LeadLength is how many bytes a sequence starting with c claims, or 0
// when c cannot start a multibyte sequence.
function utf8LeadLength(c) {
  if ((c & 0xE0) === 0xC0) return 2;
  if ((c & 0xF0) === 0xE0) return 3;
  if ((c & 0xF8) === 0xF0) return 4;
  return 0;
}

const kState = Symbol('kState');

function StringDecoder(encoding) {
  const enc = normalizeEncoding(encoding);
  if (enc === undefined) throw typeErr('ERR_UNKNOWN_ENCODING', 'Unknown encoding: ' + encoding);
  this.encoding = enc;
  Object.defineProperty(this, kState, {
    value: { held: new Uint8Array(4), buffered: 0, missing: 0 },
    enumerable: false,
  });
}

// decodeHeld turns the held bytes into a string and forgets them.
function decodeHeld(self, st) {
  const n = st.buffered;
  st.buffered = 0;
  st.missing = 0;
  if (n === 0) return '';
  return self.encoding === 'utf8' ? utf8Decode(st.held, 0, n)
    : self.encoding === 'utf16le' ? utf16Decode(st.held, 0, n)
      : base64Encode(st.held, 0, n, self.encoding === 'base64url');
}

StringDecoder.prototype.write = function write(buf) {
  if (typeof buf === 'string') return buf;
  const b = toBytes(buf);
  const st = this[kState];
  const enc = this.encoding;
  let out = '';
  let i = 0;
  const len = b.length;
  switch (enc) {
    case 'utf8': {
      if (st.missing > 0) {
        while (st.missing > 0 && i < len) {
          if ((b[i] & 0xC0) !== 0x80) { st.missing = 0; break; }
          st.held[st.buffered++] = b[i++];
          st.missing--;
        }
        if (st.missing > 0) return '';
        out = decodeHeld(this, st);
      }
      // Hold an incomplete sequence at the end.
      let end = len;
      for (let j = len - 1; j >= i && j >= len - 4; j--) {
        const c = b[j];
        if ((c & 0xC0) === 0x80) continue;
        const want = utf8LeadLength(c);
        if (want > len - j) {
          end = j;
          st.missing = want - (len - j);
        }
        break;
      }
      out += utf8Decode(b, i, end);
      for (let j = end; j < len; j++) st.held[st.buffered++] = b[j];
      return out;
    }
    case 'utf16le': {
      if (st.buffered > 0) {
        while (st.missing > 0 && i < len) {
          st.held[st.buffered++] = b[i++];
          st.missing--;
        }
        if (st.missing > 0) return '';
        const unit = st.held[st.buffered - 2] | (st.held[st.buffered - 1] << 8);
        if (st.buffered === 2 && unit >= 0xD800 && unit <= 0xDBFF) {
          // A high surrogate: wait for its pair.
          st.missing = 2;
          if (i >= len) return '';
          while (st.missing > 0 && i < len) {
            st.held[st.buffered++] = b[i++];
            st.missing--;
          }
          if (st.missing > 0) return '';
        }
        out = decodeHeld(this, st);
      }
      let end = len;
      if ((len - i) % 2 === 1) {
        end = len - 1;
        st.missing = 1;
      } else if (len - i >= 2) {
        const unit = b[len - 2] | (b[len - 1] << 8);
        if (unit >= 0xD800 && unit <= 0xDBFF) {
          end = len - 2;
          st.missing = 2;
        }
      }
      out += utf16Decode(b, i, end);
      for (let j = end; j < len; j++) st.held[st.buffered++] = b[j];
      return out;
    }
    case 'base64':
    case 'base64url': {
      if (st.buffered > 0) {
        while (st.missing > 0 && i < len) {
          st.held[st.buffered++] = b[i++];
          st.missing--;
        }
        if (st.missing > 0) return '';
        out = decodeHeld(this, st);
      }
      const rest = (len - i) % 3;
      const end = len - rest;
      out += base64Encode(b, i, end, enc === 'base64url');
      for (let j = end; j < len; j++) st.held[st.buffered++] = b[j];
      if (rest) st.missing = 3 - rest;
      return out;
    }
    default:
      return simpleDecode(enc, b, 0, len);
  }
};

StringDecoder.prototype.end = function end(buf) {
  let out = '';
  if (buf !== undefined && buf !== null) out = this.write(buf);
  const st = this[kState];
  if (this.encoding === 'utf16le' && st.buffered % 2 === 1) st.buffered--;
  return out + decodeHeld(this, st);
};

// text(buf, offset) is the legacy name for decoding from an offset.
StringDecoder.prototype.text = function text(buf, offset) {
  const b = toBytes(buf);
  const st = this[kState];
  st.buffered = 0;
  st.missing = 0;
  return this.write(b.subarray(offset));
};

Object.defineProperties(StringDecoder.prototype, {
  lastChar: {
    configurable: true,
    enumerable: true,
    get() {
      const held = this[kState].held;
      try {
        const { Buffer } = require('buffer');
        return Buffer.from(held.buffer, held.byteOffset, held.byteLength);
      } catch (_) {
        return held;
      }
    },
  },
  lastNeed: { configurable: true, enumerable: true, get() { return this[kState].missing; } },
  lastTotal: {
    configurable: true,
    enumerable: true,
    get() { return this[kState].buffered + this[kState].missing; },
  },
});

module.exports = { StringDecoder };
