'use strict';
// node:url — the WHATWG URL and URLSearchParams (also globals), written from
// the URL Standard's basic URL parser, plus Node's legacy API: url.parse,
// url.format, url.resolve, fileURLToPath, pathToFileURL, domainToASCII,
// domainToUnicode and urlToHttpOptions. IDNA comes from Go (internal/url).

const natives = require('internal/url');

const specialPorts = { 'ftp:': 21, 'file:': null, 'http:': 80, 'https:': 443, 'ws:': 80, 'wss:': 443 };
const isSpecialScheme = (s) => Object.prototype.hasOwnProperty.call(specialPorts, s + ':');

// ------------------------------------------------------------- encoding

function utf8Bytes(s) {
  const out = [];
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00); i++; } else c = 0xfffd;
    } else if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

function utf8Decode(bytes) {
  let s = '';
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    let need = 0;
    let cp;
    let min = 0;
    if (b < 0x80) { s += String.fromCharCode(b); i++; continue; }
    if (b >= 0xc2 && b <= 0xdf) { need = 1; cp = b & 31; min = 0x80; } else if (b >= 0xe0 && b <= 0xef) { need = 2; cp = b & 15; min = 0x800; } else if (b >= 0xf0 && b <= 0xf4) { need = 3; cp = b & 7; min = 0x10000; } else { s += '\ufffd'; i++; continue; }
    let j = 1;
    for (; j <= need; j++) {
      const n = bytes[i + j];
      if (n === undefined || (n & 0xc0) !== 0x80) break;
      cp = (cp << 6) | (n & 63);
    }
    if (j <= need) { s += '\ufffd'; i += j; continue; } // truncated: reprocess the byte that broke it
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) { s += '\ufffd'; i += 1; continue; }
    s += String.fromCodePoint(cp);
    i += need + 1;
  }
  return s;
}

function percentDecodeBytes(s) {
  const bytes = utf8Bytes(s);
  const out = [];
  const hex = (b) => (b >= 48 && b <= 57) || (b >= 65 && b <= 70) || (b >= 97 && b <= 102);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x25 && hex(bytes[i + 1]) && hex(bytes[i + 2])) {
      out.push(parseInt(String.fromCharCode(bytes[i + 1], bytes[i + 2]), 16));
      i += 2;
    } else out.push(b);
  }
  return out;
}

const HEX = '0123456789ABCDEF';
function pctByte(b) { return '%' + HEX[b >> 4] + HEX[b & 15]; }

const isC0 = (c) => c < 0x20 || c > 0x7e;
const inFragmentSet = (c) => isC0(c) || c === 0x20 || c === 0x22 || c === 0x3c || c === 0x3e || c === 0x60;
const inQuerySet = (c) => isC0(c) || c === 0x20 || c === 0x22 || c === 0x23 || c === 0x3c || c === 0x3e;
const inSpecialQuerySet = (c) => inQuerySet(c) || c === 0x27;
const inPathSet = (c) => inQuerySet(c) || c === 0x3f || c === 0x5e || c === 0x60 || c === 0x7b || c === 0x7d;
const inUserinfoSet = (c) => inPathSet(c) || c === 0x2f || c === 0x3a || c === 0x3b || c === 0x3d || c === 0x40 || (c >= 0x5b && c <= 0x5d) || c === 0x7c;
const inFormSet = (c) => !((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2a || c === 0x2d || c === 0x2e || c === 0x5f);

function encodeCP(ch, set) {
  const c = ch.codePointAt(0);
  if (c < 0x80 && !set(c)) return ch;
  let out = '';
  for (const b of utf8Bytes(ch)) out += (b < 0x80 && !set(b)) ? String.fromCharCode(b) : pctByte(b);
  return out;
}

function encodeString(s, set) {
  let out = '';
  for (const ch of s) out += encodeCP(ch, set);
  return out;
}

// ----------------------------------------------------------------- hosts

const forbiddenHost = new Set([0x00, 0x09, 0x0a, 0x0d, 0x20, 0x23, 0x2f, 0x3a, 0x3c, 0x3e, 0x3f, 0x40, 0x5b, 0x5c, 0x5d, 0x5e, 0x7c]);
const isForbiddenDomain = (c) => forbiddenHost.has(c) || (c <= 0x1f) || c === 0x25 || c === 0x7f;

const FAIL = Symbol('failure');

function parseIPv4Number(s) {
  if (s === '') return FAIL;
  let radix = 10;
  if (s.length >= 2 && (s.startsWith('0x') || s.startsWith('0X'))) { s = s.slice(2); radix = 16; } else if (s.length >= 2 && s[0] === '0') { s = s.slice(1); radix = 8; }
  if (s === '') return 0;
  const re = radix === 10 ? /^[0-9]+$/ : radix === 16 ? /^[0-9A-Fa-f]+$/ : /^[0-7]+$/;
  if (!re.test(s)) return FAIL;
  return parseInt(s, radix);
}

function endsInNumber(s) {
  const parts = s.split('.');
  if (parts[parts.length - 1] === '') {
    if (parts.length === 1) return false;
    parts.pop();
  }
  const last = parts[parts.length - 1];
  if (last !== '' && /^[0-9]+$/.test(last)) return true;
  return parseIPv4Number(last) !== FAIL;
}

function parseIPv4(s) {
  const parts = s.split('.');
  if (parts[parts.length - 1] === '' && parts.length > 1) parts.pop();
  if (parts.length > 4) return FAIL;
  const nums = [];
  for (const p of parts) {
    const n = parseIPv4Number(p);
    if (n === FAIL) return FAIL;
    nums.push(n);
  }
  for (let i = 0; i < nums.length - 1; i++) if (nums[i] > 255) return FAIL;
  if (nums[nums.length - 1] >= 256 ** (5 - nums.length)) return FAIL;
  let ipv4 = nums[nums.length - 1];
  for (let i = 0; i < nums.length - 1; i++) ipv4 += nums[i] * 256 ** (3 - i);
  return ipv4;
}

function serializeIPv4(n) {
  const out = [];
  for (let i = 0; i < 4; i++) { out.unshift(String(n % 256)); n = Math.floor(n / 256); }
  return out.join('.');
}

function parseIPv6(input) {
  const addr = [0, 0, 0, 0, 0, 0, 0, 0];
  let piece = 0;
  let compress = null;
  let p = 0;
  const cp = (i) => input.charCodeAt(i);
  const isHex = (c) => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
  const isDigit = (c) => c >= 48 && c <= 57;
  if (cp(p) === 58) {
    if (cp(p + 1) !== 58) return FAIL;
    p += 2;
    piece++;
    compress = piece;
  }
  while (p < input.length) {
    if (piece === 8) return FAIL;
    if (cp(p) === 58) {
      if (compress !== null) return FAIL;
      p++;
      piece++;
      compress = piece;
      continue;
    }
    let value = 0;
    let length = 0;
    while (length < 4 && isHex(cp(p))) { value = value * 16 + parseInt(input[p], 16); p++; length++; }
    if (cp(p) === 46) {
      if (length === 0) return FAIL;
      p -= length;
      if (piece > 6) return FAIL;
      let seen = 0;
      while (p < input.length) {
        let v4 = null;
        if (seen > 0) {
          if (cp(p) === 46 && seen < 4) p++; else return FAIL;
        }
        if (!isDigit(cp(p))) return FAIL;
        while (isDigit(cp(p))) {
          const n = cp(p) - 48;
          if (v4 === null) v4 = n; else if (v4 === 0) return FAIL; else v4 = v4 * 10 + n;
          if (v4 > 255) return FAIL;
          p++;
        }
        addr[piece] = addr[piece] * 256 + v4;
        seen++;
        if (seen === 2 || seen === 4) piece++;
      }
      if (seen !== 4) return FAIL;
      break;
    } else if (cp(p) === 58) {
      p++;
      if (p >= input.length) return FAIL;
    } else if (p < input.length) return FAIL;
    addr[piece] = value;
    piece++;
  }
  if (compress !== null) {
    let swaps = piece - compress;
    piece = 7;
    while (piece !== 0 && swaps > 0) {
      const t = addr[compress + swaps - 1];
      addr[compress + swaps - 1] = addr[piece];
      addr[piece] = t;
      piece--;
      swaps--;
    }
  } else if (piece !== 8) return FAIL;
  return addr;
}

function serializeIPv6(addr) {
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (addr[i] !== 0) { i++; continue; }
    let j = i;
    while (j < 8 && addr[j] === 0) j++;
    if (j - i > bestLen) { best = i; bestLen = j - i; }
    i = j;
  }
  let out = '';
  let ignore0 = false;
  for (let i = 0; i < 8; i++) {
    if (ignore0 && addr[i] === 0) continue;
    ignore0 = false;
    if (best === i) { out += i === 0 ? '::' : ':'; ignore0 = true; continue; }
    out += addr[i].toString(16);
    if (i !== 7) out += ':';
  }
  return '[' + out + ']';
}

function domainToASCIIInternal(domain, beStrict) {
  // Fast path: plain ASCII without punycode labels.
  if (/^[\x21-\x7e]*$/.test(domain) && !/(^|\.)xn--/i.test(domain)) {
    const lower = domain.toLowerCase();
    return lower === '' ? FAIL : lower;
  }
  const r = natives.toASCII(domain);
  if (r === null || r === '') return FAIL;
  return r;
}

function parseHost(input, isOpaque) {
  if (input.startsWith('[')) {
    if (!input.endsWith(']')) return FAIL;
    const a = parseIPv6(input.slice(1, -1));
    return a === FAIL ? FAIL : serializeIPv6(a);
  }
  if (isOpaque) {
    for (let i = 0; i < input.length; i++) {
      if (forbiddenHost.has(input.charCodeAt(i))) return FAIL;
    }
    return encodeString(input, isC0);
  }
  const domain = utf8Decode(percentDecodeBytes(input));
  const ascii = domainToASCIIInternal(domain, false);
  if (ascii === FAIL) return FAIL;
  for (let i = 0; i < ascii.length; i++) if (isForbiddenDomain(ascii.charCodeAt(i))) return FAIL;
  if (endsInNumber(ascii)) {
    const v4 = parseIPv4(ascii);
    return v4 === FAIL ? FAIL : serializeIPv4(v4);
  }
  return ascii;
}

// ---------------------------------------------------------------- parser

function newRecord() {
  return { scheme: '', username: '', password: '', host: null, port: null, path: [], opaque: false, query: null, fragment: null };
}

const isAlpha = (c) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isAlnum = (c) => isAlpha(c) || (c >= 0x30 && c <= 0x39);

function isWindowsLetter(s, normalizedOnly) {
  return s.length === 2 && isAlpha(s.charCodeAt(0)) && (s[1] === ':' || (!normalizedOnly && s[1] === '|'));
}

function startsWithWindowsLetter(cps, p) {
  if (cps.length - p < 2) return false;
  if (!isAlpha(cps[p]) || (cps[p + 1] !== 0x3a && cps[p + 1] !== 0x7c)) return false;
  if (cps.length - p === 2) return true;
  const c = cps[p + 2];
  return c === 0x2f || c === 0x5c || c === 0x3f || c === 0x23;
}

function shortenPath(url) {
  const path = url.path;
  if (url.scheme === 'file' && path.length === 1 && isWindowsLetter(path[0], true)) return;
  path.pop();
}

const isSingleDot = (s) => s === '.' || s.toLowerCase() === '%2e';
const isDoubleDot = (s) => ['..', '.%2e', '%2e.', '%2e%2e'].includes(s.toLowerCase());

// fastURL matches the common shape of absolute URL (fetch targets): an
// http(s) scheme in lower case, an ASCII host name or dotted IPv4, an
// optional port, path segments and a query using only characters the
// standard leaves as they are, no userinfo, no fragment.
const fastURL = /^(https?):\/\/([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*)(?::([0-9]{1,5}))?((?:\/[A-Za-z0-9\-._~!$&'()*+,;=:@%]*)*)(?:\?([A-Za-z0-9\-._~!$&()*+,;=:@%\/?]*))?$/;

// fastParse returns the record basicParse would give for a URL of the
// fastURL shape, or undefined when the full parser is needed (dot segments,
// punycode labels, a host the IPv4 parser would rewrite, an out-of-range
// port). It makes fetch-heavy handlers several times cheaper.
function fastParse(input) {
  const m = fastURL.exec(input);
  if (m === null) return undefined;
  const host = m[2].toLowerCase();
  const labels = host.split('.');
  for (const l of labels) if (l.startsWith('xn--')) return undefined;
  const last = labels[labels.length - 1];
  if (/^[0-9]/.test(last) || /^0x/.test(last)) {
    // The IPv4 parser applies: accept only the canonical dotted form.
    if (labels.length !== 4) return undefined;
    for (const l of labels) if (!/^(0|[1-9][0-9]{0,2})$/.test(l) || Number(l) > 255) return undefined;
  }
  let port = null;
  if (m[3] !== undefined) {
    port = Number(m[3]);
    if (port > 65535) return undefined;
    if (port === (m[1] === 'http' ? 80 : 443)) port = null;
  }
  const path = m[4] === '' ? [''] : m[4].slice(1).split('/');
  for (const seg of path) if (isSingleDot(seg) || isDoubleDot(seg)) return undefined;
  const url = newRecord();
  url.scheme = m[1];
  url.host = host;
  url.port = port;
  url.path = path;
  url.query = m[5] === undefined ? null : m[5];
  return url;
}

// basicParse(input, base, url, stateOverride) per the URL Standard. Returns
// the record, FAIL, or (with an override) undefined.
function basicParse(input, base, url, stateOverride) {
  if (!url && !stateOverride && base === undefined) {
    const fast = fastParse(input);
    if (fast !== undefined) return fast;
  }
  if (!url) {
    url = newRecord();
    input = input.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  }
  input = input.replace(/[\t\n\r]/g, '');
  let state = stateOverride || 'schemeStart';
  let buffer = '';
  let atSign = false;
  let insideBrackets = false;
  let passwordToken = false;
  const cps = Array.from(input, (ch) => ch.codePointAt(0));
  const chars = Array.from(input);
  for (let p = 0; p <= cps.length; p++) {
    const c = p < cps.length ? cps[p] : -1; // -1: EOF
    const ch = p < cps.length ? chars[p] : '';
    const special = isSpecialScheme(url.scheme);
    switch (state) {
      case 'schemeStart':
        if (c !== -1 && isAlpha(c)) { buffer += ch.toLowerCase(); state = 'scheme'; } else if (!stateOverride) { state = 'noScheme'; p--; } else return FAIL;
        break;
      case 'scheme':
        if (c !== -1 && (isAlnum(c) || c === 0x2b || c === 0x2d || c === 0x2e)) {
          buffer += ch.toLowerCase();
        } else if (c === 0x3a) {
          if (stateOverride) {
            if (isSpecialScheme(url.scheme) !== isSpecialScheme(buffer)) return undefined;
            if ((url.username || url.password || url.port !== null) && buffer === 'file') return undefined;
            if (url.scheme === 'file' && url.host === '') return undefined;
          }
          url.scheme = buffer;
          if (stateOverride) {
            if (url.port === specialPorts[url.scheme + ':']) url.port = null;
            return undefined;
          }
          buffer = '';
          if (url.scheme === 'file') state = 'file';
          else if (isSpecialScheme(url.scheme) && base && base.scheme === url.scheme) state = 'specialRelativeOrAuthority';
          else if (isSpecialScheme(url.scheme)) state = 'specialAuthoritySlashes';
          else if (cps[p + 1] === 0x2f) { state = 'pathOrAuthority'; p++; } else { url.path = ''; url.opaque = true; state = 'opaquePath'; }
        } else if (!stateOverride) {
          buffer = ''; state = 'noScheme'; p = -1;
        } else return FAIL;
        break;
      case 'noScheme':
        if (!base || (base.opaque && c !== 0x23)) return FAIL;
        if (base.opaque && c === 0x23) {
          url.scheme = base.scheme; url.path = base.path; url.opaque = true; url.query = base.query; url.fragment = ''; state = 'fragment';
        } else if (base.scheme !== 'file') { state = 'relative'; p--; } else { state = 'file'; p--; }
        break;
      case 'specialRelativeOrAuthority':
        if (c === 0x2f && cps[p + 1] === 0x2f) { state = 'specialAuthorityIgnoreSlashes'; p++; } else { state = 'relative'; p--; }
        break;
      case 'pathOrAuthority':
        if (c === 0x2f) state = 'authority'; else { state = 'path'; p--; }
        break;
      case 'relative':
        url.scheme = base.scheme;
        if (c === 0x2f) state = 'relativeSlash';
        else if (special && c === 0x5c) state = 'relativeSlash';
        else {
          url.username = base.username; url.password = base.password; url.host = base.host; url.port = base.port;
          url.path = base.path.slice(); url.query = base.query;
          if (c === 0x3f) { url.query = ''; state = 'query'; } else if (c === 0x23) { url.fragment = ''; state = 'fragment'; } else if (c !== -1) {
            url.query = null; shortenPath(url); state = 'path'; p--;
          }
        }
        break;
      case 'relativeSlash':
        if (special && (c === 0x2f || c === 0x5c)) state = 'specialAuthorityIgnoreSlashes';
        else if (c === 0x2f) state = 'authority';
        else {
          url.username = base.username; url.password = base.password; url.host = base.host; url.port = base.port;
          state = 'path'; p--;
        }
        break;
      case 'specialAuthoritySlashes':
        if (c === 0x2f && cps[p + 1] === 0x2f) { state = 'specialAuthorityIgnoreSlashes'; p++; } else { state = 'specialAuthorityIgnoreSlashes'; p--; }
        break;
      case 'specialAuthorityIgnoreSlashes':
        if (c !== 0x2f && c !== 0x5c) { state = 'authority'; p--; }
        break;
      case 'authority':
        if (c === 0x40) {
          if (atSign) buffer = '%40' + buffer;
          atSign = true;
          for (const bch of buffer) {
            if (bch === ':' && !passwordToken) { passwordToken = true; continue; }
            const enc = encodeCP(bch, inUserinfoSet);
            if (passwordToken) url.password += enc; else url.username += enc;
          }
          buffer = '';
        } else if (c === -1 || c === 0x2f || c === 0x3f || c === 0x23 || (special && c === 0x5c)) {
          if (atSign && buffer === '') return FAIL;
          p -= Array.from(buffer).length + 1;
          buffer = '';
          state = 'host';
        } else buffer += ch;
        break;
      case 'host':
      case 'hostname':
        if (stateOverride && url.scheme === 'file') { p--; state = 'fileHost'; } else if (c === 0x3a && !insideBrackets) {
          if (buffer === '') return FAIL;
          if (stateOverride === 'hostname') return undefined;
          const host = parseHost(buffer, !special);
          if (host === FAIL) return FAIL;
          url.host = host; buffer = ''; state = 'port';
        } else if (c === -1 || c === 0x2f || c === 0x3f || c === 0x23 || (special && c === 0x5c)) {
          p--;
          if (special && buffer === '') return FAIL;
          if (stateOverride && buffer === '' && (url.username || url.password || url.port !== null)) return undefined;
          const host = parseHost(buffer, !special);
          if (host === FAIL) return FAIL;
          url.host = host; buffer = ''; state = 'pathStart';
          if (stateOverride) return undefined;
        } else {
          if (c === 0x5b) insideBrackets = true;
          if (c === 0x5d) insideBrackets = false;
          buffer += ch;
        }
        break;
      case 'port':
        if (c >= 0x30 && c <= 0x39) buffer += ch;
        else if (c === -1 || c === 0x2f || c === 0x3f || c === 0x23 || (special && c === 0x5c) || stateOverride) {
          if (buffer !== '') {
            const port = parseInt(buffer, 10);
            if (port > 65535) return FAIL;
            url.port = specialPorts[url.scheme + ':'] === port ? null : port;
            buffer = '';
          }
          if (stateOverride) return undefined;
          state = 'pathStart'; p--;
        } else return FAIL;
        break;
      case 'file':
        url.scheme = 'file';
        url.host = '';
        if (c === 0x2f || c === 0x5c) state = 'fileSlash';
        else if (base && base.scheme === 'file') {
          url.host = base.host; url.path = base.path.slice(); url.query = base.query;
          if (c === 0x3f) { url.query = ''; state = 'query'; } else if (c === 0x23) { url.fragment = ''; state = 'fragment'; } else if (c !== -1) {
            url.query = null;
            if (!startsWithWindowsLetter(cps, p)) shortenPath(url); else url.path = [];
            state = 'path'; p--;
          }
        } else { state = 'path'; p--; }
        break;
      case 'fileSlash':
        if (c === 0x2f || c === 0x5c) state = 'fileHost';
        else {
          if (base && base.scheme === 'file') {
            url.host = base.host;
            if (!startsWithWindowsLetter(cps, p) && base.path.length && isWindowsLetter(base.path[0], true)) url.path.push(base.path[0]);
          }
          state = 'path'; p--;
        }
        break;
      case 'fileHost':
        if (c === -1 || c === 0x2f || c === 0x5c || c === 0x3f || c === 0x23) {
          p--;
          if (!stateOverride && isWindowsLetter(buffer, false)) state = 'path';
          else if (buffer === '') {
            url.host = '';
            if (stateOverride) return undefined;
            state = 'pathStart';
          } else {
            let host = parseHost(buffer, !special);
            if (host === FAIL) return FAIL;
            if (host === 'localhost') host = '';
            url.host = host;
            if (stateOverride) return undefined;
            buffer = ''; state = 'pathStart';
          }
        } else buffer += ch;
        break;
      case 'pathStart':
        if (special) { state = 'path'; if (c !== 0x2f && c !== 0x5c) p--; } else if (!stateOverride && c === 0x3f) { url.query = ''; state = 'query'; } else if (!stateOverride && c === 0x23) { url.fragment = ''; state = 'fragment'; } else if (c !== -1) { state = 'path'; if (c !== 0x2f) p--; } else if (stateOverride && url.host === null) url.path.push('');
        break;
      case 'path':
        if (c === -1 || c === 0x2f || (special && c === 0x5c) || (!stateOverride && (c === 0x3f || c === 0x23))) {
          if (isDoubleDot(buffer)) {
            shortenPath(url);
            if (c !== 0x2f && !(special && c === 0x5c)) url.path.push('');
          } else if (isSingleDot(buffer) && c !== 0x2f && !(special && c === 0x5c)) {
            url.path.push('');
          } else if (!isSingleDot(buffer)) {
            if (url.scheme === 'file' && url.path.length === 0 && isWindowsLetter(buffer, false)) buffer = buffer[0] + ':';
            url.path.push(buffer);
          }
          buffer = '';
          if (c === 0x3f) { url.query = ''; state = 'query'; }
          if (c === 0x23) { url.fragment = ''; state = 'fragment'; }
        } else buffer += encodeCP(ch, inPathSet);
        break;
      case 'opaquePath':
        if (c === 0x3f) { url.query = ''; state = 'query'; } else if (c === 0x23) { url.fragment = ''; state = 'fragment'; } else if (c !== -1) url.path += encodeCP(ch, isC0);
        break;
      case 'query':
        if ((!stateOverride && c === 0x23) || c === -1) {
          url.query += encodeString(buffer, special ? inSpecialQuerySet : inQuerySet);
          buffer = '';
          if (c === 0x23) { url.fragment = ''; state = 'fragment'; }
        } else buffer += ch;
        break;
      case 'fragment':
        if (c !== -1) url.fragment += encodeCP(ch, inFragmentSet);
        break;
    }
  }
  return stateOverride ? undefined : url;
}

function serializePath(url) {
  if (url.opaque) return url.path;
  let out = '';
  for (const seg of url.path) out += '/' + seg;
  return out;
}

function serializeURL(url, excludeFragment) {
  let out = url.scheme + ':';
  if (url.host !== null) {
    out += '//';
    if (url.username !== '' || url.password !== '') {
      out += url.username;
      if (url.password !== '') out += ':' + url.password;
      out += '@';
    }
    out += url.host;
    if (url.port !== null) out += ':' + url.port;
  } else if (!url.opaque && url.path.length > 1 && url.path[0] === '') {
    out += '/.';
  }
  out += serializePath(url);
  if (url.query !== null) out += '?' + url.query;
  if (!excludeFragment && url.fragment !== null) out += '#' + url.fragment;
  return out;
}

// ------------------------------------------------------- URLSearchParams

function parseUrlencoded(s) {
  const out = [];
  for (const seq of s.split('&')) {
    if (seq === '') continue;
    const i = seq.indexOf('=');
    const name = i >= 0 ? seq.slice(0, i) : seq;
    const value = i >= 0 ? seq.slice(i + 1) : '';
    out.push([utf8Decode(percentDecodeBytes(name.replace(/\+/g, ' '))), utf8Decode(percentDecodeBytes(value.replace(/\+/g, ' ')))]);
  }
  return out;
}

function serializeUrlencodedString(s) {
  let out = '';
  for (const b of utf8Bytes(s)) {
    if (b === 0x20) out += '+';
    else if (inFormSet(b)) out += pctByte(b);
    else out += String.fromCharCode(b);
  }
  return out;
}

function serializeUrlencoded(list) {
  return list.map(([k, v]) => serializeUrlencodedString(k) + '=' + serializeUrlencodedString(v)).join('&');
}

function toUSVString(v) {
  const s = String(v);
  return /[\ud800-\udfff]/.test(s) ? s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(^|[^\ud800-\udbff])[\udc00-\udfff]/g, (m) => (m.length === 2 ? m[0] + '\ufffd' : '\ufffd')) : s;
}

function argsError(name, n, got) {
  const e = new TypeError(`The "${name}" argument${n > 1 ? 's' : ''} must be specified`);
  e.code = 'ERR_MISSING_ARGS';
  return e;
}

const kList = Symbol('query');
const kURL = Symbol('context');

class URLSearchParams {
  constructor(init = undefined) {
    this[kList] = [];
    this[kURL] = null;
    if (init === undefined || init === null) return;
    if (typeof init === 'object' || typeof init === 'function') {
      if (typeof init[Symbol.iterator] === 'function') {
        for (const pair of init) {
          if ((typeof pair !== 'object' && typeof pair !== 'function') || pair === null || typeof pair[Symbol.iterator] !== 'function') {
            const e = new TypeError('Each query pair must be an iterable [name, value] tuple');
            e.code = 'ERR_INVALID_TUPLE';
            throw e;
          }
          const arr = Array.from(pair);
          if (arr.length !== 2) {
            const e = new TypeError('Each query pair must be an iterable [name, value] tuple');
            e.code = 'ERR_INVALID_TUPLE';
            throw e;
          }
          this[kList].push([toUSVString(arr[0]), toUSVString(arr[1])]);
        }
      } else {
        for (const k of Reflect.ownKeys(init)) {
          if (typeof k !== 'string') continue;
          const d = Reflect.getOwnPropertyDescriptor(init, k);
          if (d && d.enumerable) this[kList].push([toUSVString(k), toUSVString(init[k])]);
        }
      }
    } else {
      let s = toUSVString(init);
      if (s.startsWith('?')) s = s.slice(1);
      this[kList] = parseUrlencoded(s);
    }
  }

  _update() {
    const u = this[kURL];
    if (!u) return;
    const s = serializeUrlencoded(this[kList]);
    u[kRecord].query = s === '' ? null : s;
    if (s === '') stripTrailingSpacesFromOpaquePath(u[kRecord]);
  }

  get size() { return this[kList].length; }

  append(name, value) {
    if (arguments.length < 2) throw argsError('name" and "value', 2);
    this[kList].push([toUSVString(name), toUSVString(value)]);
    this._update();
  }

  delete(name, value) {
    if (arguments.length < 1) throw argsError('name', 1);
    name = toUSVString(name);
    if (value !== undefined) {
      value = toUSVString(value);
      this[kList] = this[kList].filter(([k, v]) => !(k === name && v === value));
    } else {
      this[kList] = this[kList].filter(([k]) => k !== name);
    }
    this._update();
  }

  get(name) {
    if (arguments.length < 1) throw argsError('name', 1);
    name = toUSVString(name);
    const e = this[kList].find(([k]) => k === name);
    return e ? e[1] : null;
  }

  getAll(name) {
    if (arguments.length < 1) throw argsError('name', 1);
    name = toUSVString(name);
    return this[kList].filter(([k]) => k === name).map(([, v]) => v);
  }

  has(name, value) {
    if (arguments.length < 1) throw argsError('name', 1);
    name = toUSVString(name);
    if (value !== undefined) { value = toUSVString(value); return this[kList].some(([k, v]) => k === name && v === value); }
    return this[kList].some(([k]) => k === name);
  }

  set(name, value) {
    if (arguments.length < 2) throw argsError('name" and "value', 2);
    name = toUSVString(name);
    value = toUSVString(value);
    const list = this[kList];
    const i = list.findIndex(([k]) => k === name);
    if (i < 0) list.push([name, value]);
    else {
      list[i][1] = value;
      this[kList] = list.filter(([k], j) => j <= i || k !== name);
    }
    this._update();
  }

  sort() {
    // Stable sort by UTF-16 code units of the names.
    const indexed = this[kList].map((e, i) => [e, i]);
    indexed.sort((a, b) => (a[0][0] < b[0][0] ? -1 : a[0][0] > b[0][0] ? 1 : a[1] - b[1]));
    this[kList] = indexed.map((x) => x[0]);
    this._update();
  }

  forEach(callback, thisArg = undefined) {
    if (typeof callback !== 'function') {
      const e = new TypeError('The "callback" argument must be of type function. Received ' + (callback === undefined ? 'undefined' : typeof callback));
      e.code = 'ERR_INVALID_ARG_TYPE';
      throw e;
    }
    for (let i = 0; i < this[kList].length; i++) {
      const [k, v] = this[kList][i];
      callback.call(thisArg, v, k, this);
    }
  }

  keys() { return makeIterator(this, 'key'); }
  values() { return makeIterator(this, 'value'); }
  entries() { return makeIterator(this, 'key+value'); }
  [Symbol.iterator]() { return makeIterator(this, 'key+value'); }

  toString() { return serializeUrlencoded(this[kList]); }

  [Symbol.for('nodejs.util.inspect.custom')]() {
    const inner = this[kList].map(([k, v]) => `'${k}' => '${v}'`).join(', ');
    return `URLSearchParams {${inner ? ' ' + inner + ' ' : ''}}`;
  }
}
Object.defineProperty(URLSearchParams.prototype, Symbol.toStringTag, { value: 'URLSearchParams', configurable: true });

const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));
const URLSearchParamsIteratorPrototype = Object.create(IteratorPrototype, {
  next: {
    value: function next() {
      const st = this._state;
      const list = st.params[kList];
      if (st.index >= list.length) return { value: undefined, done: true };
      const [k, v] = list[st.index++];
      return { value: st.kind === 'key' ? k : st.kind === 'value' ? v : [k, v], done: false };
    },
    writable: true,
    configurable: true,
  },
  [Symbol.toStringTag]: { value: 'URLSearchParams Iterator', configurable: true },
});

function makeIterator(params, kind) {
  const it = Object.create(URLSearchParamsIteratorPrototype);
  Object.defineProperty(it, '_state', { value: { params, kind, index: 0 } });
  return it;
}

// ------------------------------------------------------------------- URL

const kRecord = Symbol('url');
const kParams = Symbol('searchParams');

function stripTrailingSpacesFromOpaquePath(rec) {
  if (!rec.opaque || rec.fragment !== null || rec.query !== null) return;
  rec.path = rec.path.replace(/ +$/, '');
}

function invalidURL(input, base) {
  const e = new TypeError('Invalid URL');
  e.code = 'ERR_INVALID_URL';
  e.input = input;
  if (base !== undefined) e.base = base;
  return e;
}

function cannotHaveCredentialsOrPort(rec) {
  return rec.host === null || rec.host === '' || rec.scheme === 'file';
}

class URL {
  constructor(input, base = undefined) {
    if (arguments.length === 0) {
      const e = new TypeError('The "url" argument must be specified');
      e.code = 'ERR_MISSING_ARGS';
      throw e;
    }
    input = toUSVString(input);
    let baseRec;
    if (base !== undefined) {
      baseRec = basicParse(toUSVString(base));
      if (baseRec === FAIL) throw invalidURL(input, String(base));
    }
    const rec = basicParse(input, baseRec);
    if (rec === FAIL) throw invalidURL(input, base === undefined ? undefined : String(base));
    this[kRecord] = rec;
    const params = new URLSearchParams(rec.query || '');
    params[kURL] = this;
    this[kParams] = params;
  }

  static canParse(input, base = undefined) {
    if (arguments.length === 0) {
      const e = new TypeError('The "url" argument must be specified');
      e.code = 'ERR_MISSING_ARGS';
      throw e;
    }
    let baseRec;
    if (base !== undefined) {
      baseRec = basicParse(toUSVString(base));
      if (baseRec === FAIL) return false;
    }
    return basicParse(toUSVString(input), baseRec) !== FAIL;
  }

  static createObjectURL() {
    const e = new Error('URL.createObjectURL is not supported');
    e.code = 'ERR_METHOD_NOT_IMPLEMENTED';
    throw e;
  }

  static revokeObjectURL() {}

  toString() { return this.href; }

  get href() { return serializeURL(this[kRecord]); }
  set href(v) {
    const rec = basicParse(toUSVString(v));
    if (rec === FAIL) throw invalidURL(String(v));
    this[kRecord] = rec;
    this[kParams][kList] = parseUrlencoded(rec.query || '');
  }

  get origin() {
    const r = this[kRecord];
    switch (r.scheme) {
      case 'blob': {
        const inner = basicParse(serializePath(r));
        if (inner !== FAIL && (inner.scheme === 'http' || inner.scheme === 'https')) return new URL(serializePath(r)).origin;
        return 'null';
      }
      case 'ftp': case 'http': case 'https': case 'ws': case 'wss':
        return r.scheme + '://' + r.host + (r.port !== null ? ':' + r.port : '');
      default:
        return 'null';
    }
  }

  get protocol() { return this[kRecord].scheme + ':'; }
  set protocol(v) { basicParse(toUSVString(v) + ':', undefined, this[kRecord], 'schemeStart'); }

  get username() { return this[kRecord].username; }
  set username(v) {
    const r = this[kRecord];
    if (cannotHaveCredentialsOrPort(r)) return;
    r.username = encodeString(toUSVString(v), inUserinfoSet);
  }

  get password() { return this[kRecord].password; }
  set password(v) {
    const r = this[kRecord];
    if (cannotHaveCredentialsOrPort(r)) return;
    r.password = encodeString(toUSVString(v), inUserinfoSet);
  }

  get host() {
    const r = this[kRecord];
    if (r.host === null) return '';
    return r.port === null ? r.host : r.host + ':' + r.port;
  }
  set host(v) {
    const r = this[kRecord];
    if (r.opaque) return;
    const copy = Object.assign({}, r, { path: r.path.slice() });
    if (basicParse(toUSVString(v), undefined, copy, 'host') !== FAIL) Object.assign(r, copy);
  }

  get hostname() { const h = this[kRecord].host; return h === null ? '' : h; }
  set hostname(v) {
    const r = this[kRecord];
    if (r.opaque) return;
    const copy = Object.assign({}, r, { path: r.path.slice() });
    if (basicParse(toUSVString(v), undefined, copy, 'hostname') !== FAIL) Object.assign(r, copy);
  }

  get port() { const p = this[kRecord].port; return p === null ? '' : String(p); }
  set port(v) {
    const r = this[kRecord];
    if (cannotHaveCredentialsOrPort(r)) return;
    v = toUSVString(v);
    if (v === '') { r.port = null; return; }
    const copy = Object.assign({}, r);
    if (basicParse(v, undefined, copy, 'port') !== FAIL) r.port = copy.port;
  }

  get pathname() { return serializePath(this[kRecord]); }
  set pathname(v) {
    const r = this[kRecord];
    if (r.opaque) return;
    r.path = [];
    basicParse(toUSVString(v), undefined, r, 'pathStart');
  }

  get search() { const q = this[kRecord].query; return q === null || q === '' ? '' : '?' + q; }
  set search(v) {
    const r = this[kRecord];
    v = toUSVString(v);
    if (v === '') {
      r.query = null;
      this[kParams][kList] = [];
      stripTrailingSpacesFromOpaquePath(r);
      return;
    }
    if (v[0] === '?') v = v.slice(1);
    r.query = '';
    basicParse(v, undefined, r, 'query');
    this[kParams][kList] = parseUrlencoded(v);
  }

  get searchParams() { return this[kParams]; }

  get hash() { const f = this[kRecord].fragment; return f === null || f === '' ? '' : '#' + f; }
  set hash(v) {
    const r = this[kRecord];
    v = toUSVString(v);
    if (v === '') { r.fragment = null; stripTrailingSpacesFromOpaquePath(r); return; }
    if (v[0] === '#') v = v.slice(1);
    r.fragment = '';
    basicParse(v, undefined, r, 'fragment');
  }

  toJSON() { return this.href; }

  [Symbol.for('nodejs.util.inspect.custom')](depth, opts) {
    const obj = {
      href: this.href, origin: this.origin, protocol: this.protocol, username: this.username,
      password: this.password, host: this.host, hostname: this.hostname, port: this.port,
      pathname: this.pathname, search: this.search, searchParams: this.searchParams, hash: this.hash,
    };
    const lines = Object.keys(obj).map((k) => `  ${k}: ${k === 'searchParams' ? obj[k][Symbol.for('nodejs.util.inspect.custom')]() : `'${obj[k]}'`}`);
    return `URL {\n${lines.join(',\n')}\n}`;
  }
}
Object.defineProperty(URL.prototype, Symbol.toStringTag, { value: 'URL', configurable: true });
for (const k of ['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search', 'searchParams', 'hash', 'toString', 'toJSON']) {
  const d = Object.getOwnPropertyDescriptor(URL.prototype, k);
  d.enumerable = true;
  Object.defineProperty(URL.prototype, k, d);
}

// ------------------------------------------------------------ file paths

function invalidArgType(name, expected, v) {
  const e = new TypeError(`The "${name}" argument must be ${expected}. Received ${v === null ? 'null' : v === undefined ? 'undefined' : typeof v === 'object' ? 'an instance of ' + ((v.constructor && v.constructor.name) || 'Object') : `type ${typeof v} (${String(v)})`}`);
  e.code = 'ERR_INVALID_ARG_TYPE';
  return e;
}

function fileURLToPath(path) {
  let u = path;
  if (typeof u === 'string') u = new URL(u);
  else if (!(u instanceof URL)) throw invalidArgType('path', 'of type string or an instance of URL', path);
  if (u.protocol !== 'file:') {
    const e = new TypeError('The URL must be of scheme file');
    e.code = 'ERR_INVALID_URL_SCHEME';
    throw e;
  }
  if (u.hostname !== '') {
    const e = new TypeError('File URL host must be "localhost" or empty on linux');
    e.code = 'ERR_INVALID_FILE_URL_HOST';
    throw e;
  }
  const pathname = u.pathname;
  if (/%2f/i.test(pathname)) {
    const e = new TypeError('File URL path must not include encoded / characters');
    e.code = 'ERR_INVALID_FILE_URL_PATH';
    throw e;
  }
  return utf8Decode(percentDecodeBytes(pathname));
}

function resolvePath(p) {
  let abs = p.startsWith('/') ? p : (typeof process === 'object' ? process.cwd() : '/') + '/' + p;
  const trailing = p.endsWith('/') && p.length > 1;
  const parts = [];
  for (const seg of abs.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop(); else parts.push(seg);
  }
  return '/' + parts.join('/') + (trailing && parts.length ? '/' : '');
}

function pathToFileURL(filepath) {
  if (typeof filepath !== 'string') throw invalidArgType('path', 'of type string', filepath);
  const u = new URL('file://');
  let resolved = resolvePath(filepath);
  if (filepath.endsWith('/') && !resolved.endsWith('/')) resolved += '/';
  u.pathname = resolved.replace(/%/g, '%25').replace(/\\/g, '%5C').replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/\t/g, '%09');
  return u;
}

function domainToASCII(domain) {
  if (arguments.length < 1) throw argsError('domain', 1);
  const r = parseHost(String(domain), false);
  return r === FAIL ? '' : r;
}

function domainToUnicode(domain) {
  if (arguments.length < 1) throw argsError('domain', 1);
  const r = parseHost(String(domain), false);
  return r === FAIL ? '' : natives.toUnicode(r);
}

function urlToHttpOptions(url) {
  const options = {
    protocol: url.protocol,
    hostname: typeof url.hostname === 'string' && url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
    hash: url.hash,
    search: url.search,
    pathname: url.pathname,
    path: `${url.pathname || ''}${url.search || ''}`,
    href: url.href,
  };
  if (url.port !== '') options.port = Number(url.port);
  if (url.username || url.password) options.auth = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  return options;
}

// ------------------------------------------------------------ legacy API

function Url() {
  this.protocol = null;
  this.slashes = null;
  this.auth = null;
  this.host = null;
  this.port = null;
  this.hostname = null;
  this.hash = null;
  this.search = null;
  this.query = null;
  this.pathname = null;
  this.path = null;
  this.href = null;
}

const slashedProtocol = new Set(['http', 'http:', 'https', 'https:', 'ftp', 'ftp:', 'gopher', 'gopher:', 'file', 'file:', 'ws', 'ws:', 'wss', 'wss:']);
const hostlessProtocol = new Set(['javascript', 'javascript:']);
const autoEscape = { '\t': '%09', '\n': '%0A', '\r': '%0D', ' ': '%20', '"': '%22', "'": '%27', '<': '%3C', '>': '%3E', '\\': '%5C', '^': '%5E', '`': '%60', '{': '%7B', '|': '%7C', '}': '%7D' };

function qs() { return require('querystring'); }

Url.prototype.parse = function parse(url, parseQueryString, slashesDenoteHost) {
  if (typeof url !== 'string') throw invalidArgType('url', 'of type string', url);
  let rest = url.trim();
  // Backslashes before the query become slashes, as browsers do.
  const qi = rest.search(/[?#]/);
  rest = qi < 0 ? rest.replace(/\\/g, '/') : rest.slice(0, qi).replace(/\\/g, '/') + rest.slice(qi);
  const protoMatch = /^[a-z0-9.+-]+:/i.exec(rest);
  let lowerProto;
  if (protoMatch) {
    lowerProto = protoMatch[0].toLowerCase();
    this.protocol = lowerProto;
    rest = rest.slice(protoMatch[0].length);
  }
  let slashes;
  if (slashesDenoteHost || protoMatch || /^\/\/[^@/]+@[^@/]+/.test(rest)) {
    slashes = rest.startsWith('//');
    if (slashes && !(lowerProto && hostlessProtocol.has(lowerProto))) {
      rest = rest.slice(2);
      this.slashes = true;
    }
  }
  if (!hostlessProtocol.has(lowerProto) && (slashes || (lowerProto && !slashedProtocol.has(lowerProto)))) {
    let hostEnd = -1;
    for (const ch of ['/', '?', '#']) {
      const i = rest.indexOf(ch);
      if (i !== -1 && (hostEnd === -1 || i < hostEnd)) hostEnd = i;
    }
    const at = hostEnd === -1 ? rest.lastIndexOf('@') : rest.lastIndexOf('@', hostEnd);
    if (at !== -1) {
      this.auth = decodeURIComponent(rest.slice(0, at));
      rest = rest.slice(at + 1);
    }
    hostEnd = -1;
    for (const ch of ['\t', '\n', '\r', ' ', '"', "'", '<', '>', '\\', '^', '`', '{', '|', '}', '/', '?', '#', ';']) {
      const i = rest.indexOf(ch);
      if (i !== -1 && (hostEnd === -1 || i < hostEnd)) hostEnd = i;
    }
    if (hostEnd === -1) hostEnd = rest.length;
    let host = rest.slice(0, hostEnd);
    rest = rest.slice(hostEnd);
    const portMatch = /:[0-9]*$/.exec(host);
    if (portMatch) {
      if (portMatch[0] !== ':') this.port = portMatch[0].slice(1);
      host = host.slice(0, host.length - portMatch[0].length);
    }
    let hostname = host;
    const ipv6 = hostname.startsWith('[') && hostname.endsWith(']');
    if (hostname.length > 255) hostname = '';
    else hostname = hostname.toLowerCase();
    if (!ipv6 && hostname && /[^\x00-\x7f]/.test(hostname)) {
      const a = natives.toASCII(hostname);
      hostname = a === null ? '' : a;
    }
    this.hostname = ipv6 ? hostname.slice(1, -1) : hostname;
    this.host = hostname + (this.port ? ':' + this.port : '');
    if (ipv6 && rest[0] !== '/') rest = '/' + rest;
  }
  // Escape the characters that must never appear raw.
  rest = rest.replace(/[\t\n\r "'<>\\^`{|}]/g, (c) => autoEscape[c]);
  const hash = rest.indexOf('#');
  if (hash !== -1) {
    this.hash = rest.slice(hash);
    rest = rest.slice(0, hash);
  }
  const q = rest.indexOf('?');
  if (q !== -1) {
    this.search = rest.slice(q);
    this.query = rest.slice(q + 1);
    if (parseQueryString) this.query = qs().parse(this.query);
    rest = rest.slice(0, q);
  } else if (parseQueryString) {
    this.search = null;
    this.query = Object.create(null);
  }
  if (rest) this.pathname = rest;
  if (slashedProtocol.has(lowerProto) && this.hostname && !this.pathname) this.pathname = '/';
  if (this.pathname || this.search) this.path = (this.pathname || '') + (this.search || '');
  this.href = this.format();
  return this;
};

Url.prototype.format = function format() {
  let auth = this.auth || '';
  if (auth) auth = encodeURIComponent(auth).replace(/%3A/i, ':') + '@';
  let protocol = this.protocol || '';
  let pathname = this.pathname || '';
  let hash = this.hash || '';
  let host = '';
  let query = '';
  if (this.host) host = auth + this.host;
  else if (this.hostname) {
    host = auth + (this.hostname.includes(':') && !this.hostname.startsWith('[') ? '[' + this.hostname + ']' : this.hostname);
    if (this.port) host += ':' + this.port;
  }
  if (this.query !== null && typeof this.query === 'object') query = qs().stringify(this.query);
  let search = this.search || (query && '?' + query) || '';
  if (protocol && !protocol.endsWith(':')) protocol += ':';
  if (this.slashes || ((!protocol || slashedProtocol.has(protocol)) && host !== '')) {
    host = '//' + host;
    if (pathname && pathname[0] !== '/') pathname = '/' + pathname;
  } else if (!host && slashedProtocol.has(protocol) && protocol === 'file:') {
    host = this.slashes ? '//' : '';
  }
  search = search.replace(/#/g, '%23');
  if (hash && hash[0] !== '#') hash = '#' + hash;
  if (search && search[0] !== '?') search = '?' + search;
  pathname = pathname.replace(/[?#]/g, encodeURIComponent);
  return protocol + host + pathname + search + hash;
};

Url.prototype.resolve = function resolve(relative) {
  return urlResolve(this.format(), relative);
};

function urlParse(url, parseQueryString, slashesDenoteHost) {
  if (url instanceof Url) return url;
  return new Url().parse(url, parseQueryString, slashesDenoteHost);
}

function urlFormat(obj, options) {
  if (typeof obj === 'string') return urlParse(obj).format();
  if (obj === null || typeof obj !== 'object') throw invalidArgType('urlObject', 'one of type object or string', obj);
  if (obj instanceof URL) {
    const o = Object.assign({ auth: true, fragment: true, search: true, unicode: false }, options);
    const r = Object.assign({}, obj[kRecord]);
    if (!o.auth) { r.username = ''; r.password = ''; }
    if (!o.fragment) r.fragment = null;
    if (!o.search) r.query = null;
    if (o.unicode && r.host) r.host = natives.toUnicode(r.host);
    return serializeURL(r);
  }
  if (!(obj instanceof Url)) return Url.prototype.format.call(obj);
  return obj.format();
}

function urlResolve(source, relative) {
  const resolved = new URL(relative, new URL(source, 'resolve://'));
  if (resolved.protocol === 'resolve:') {
    const { pathname, search, hash } = resolved;
    return pathname + search + hash;
  }
  return resolved.toString();
}

function urlResolveObject(source, relative) {
  if (!source) return relative;
  return urlParse(urlResolve(typeof source === 'string' ? source : urlFormat(source), typeof relative === 'string' ? relative : urlFormat(relative)));
}

module.exports = {
  // For tests: the full parser, bypassing fastParse.
  _fullParse: (input) => basicParse(input, undefined, newRecord()),
  _fastParse: fastParse,
  Url,
  parse: urlParse,
  resolve: urlResolve,
  resolveObject: urlResolveObject,
  format: urlFormat,
  URL,
  URLSearchParams,
  domainToASCII,
  domainToUnicode,
  pathToFileURL,
  fileURLToPath,
  urlToHttpOptions,
};
