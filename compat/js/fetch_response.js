'use strict';
// Response (Fetch standard).

const { utf8Encode, defineToStringTag, enumerableGetters, illegalInvocation } = require('internal/fetch/util');
const { Headers, fill, setGuard, getGuard, hasInternal, setInternal, appendInternal } =
  require('internal/fetch/headers');
const { extractBody, bodyStream, bodyUsed, isUnusable, cloneBody, mixinBody } = require('internal/fetch/body');
const { parseURL } = require('internal/fetch/request');

const kState = Symbol('response state');

function state(r) {
  if (r === null || typeof r !== 'object' || !(kState in r)) throw illegalInvocation();
  return r[kState];
}

const nullBodyStatus = [101, 103, 204, 205, 304];
const redirectStatus = [301, 302, 303, 307, 308];

// A response's state has at most 8 properties (goja keeps an object's
// properties in a Go map, which grows past 8). url is the last of the
// standard's URL list, '' when it is empty.
function newState() {
  return {
    type: 'default', status: 200, statusText: '', headers: new Headers(), body: null, url: '', redirected: false,
  };
}

// headersOf returns the response's Headers. A network response keeps the
// header lines it came with ("name\nvalue\nname\nvalue...", names as Go
// spells them) in place of its Headers, and builds them on first use.
function headersOf(s) {
  if (typeof s.headers === 'string') {
    const h = new Headers();
    const raw = s.headers === '' ? [] : s.headers.split('\n');
    for (let i = 0; i + 1 < raw.length; i += 2) appendInternal(h, raw[i], raw[i + 1]);
    setGuard(h, 'immutable');
    s.headers = h;
  }
  return s.headers;
}

// initialize implements "initialize a response" from a ResponseInit and an
// extracted body ({ body, type }) or null.
function initialize(s, init, extracted) {
  if (init.status !== undefined) {
    const status = Number(init.status) & 0xffff;
    if (status < 200 || status > 599) {
      throw new RangeError('init["status"] must be in the range of 200 to 599, inclusive.');
    }
    s.status = status;
  }
  if (init.statusText !== undefined) {
    const text = String(init.statusText);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c > 255) {
        throw new TypeError('Cannot convert argument to a ByteString because the character at index ' +
          i + ' has a value of ' + c + ' which is greater than 255.');
      }
    }
    if (!/^[\t\x20-\x7e\x80-\xff]*$/.test(text)) throw new TypeError('Invalid statusText');
    s.statusText = text;
  }
  if (init.headers !== undefined) fill(s.headers, init.headers);
  if (extracted !== null) {
    if (nullBodyStatus.includes(s.status)) {
      throw new TypeError('Response constructor: Invalid response status code ' + s.status);
    }
    s.body = extracted.body;
    if (extracted.type !== null && !hasInternal(s.headers, 'content-type')) {
      appendInternal(s.headers, 'content-type', extracted.type);
    }
  }
}

function checkInit(init) {
  if (init !== undefined && init !== null && typeof init !== 'object' && typeof init !== 'function') {
    throw new TypeError(`undefined: Expected ${String(init)} to be one of: Null, Undefined, Object.`);
  }
  return init == null ? {} : init;
}

class Response {
  constructor(body = null, init = {}) {
    init = checkInit(init);
    const s = newState();
    setGuard(s.headers, 'response');
    initialize(s, init, body === null || body === undefined ? null : extractBody(body));
    this[kState] = s;
  }

  static error() {
    const r = Object.create(Response.prototype);
    const s = newState();
    s.type = 'error';
    s.status = 0;
    setGuard(s.headers, 'immutable');
    r[kState] = s;
    return r;
  }

  static json(data, init = {}) {
    init = checkInit(init);
    const text = JSON.stringify(data);
    if (text === undefined) throw new TypeError('Value is not JSON serializable');
    const bytes = utf8Encode(text);
    const r = Object.create(Response.prototype);
    const s = newState();
    setGuard(s.headers, 'response');
    initialize(s, init, { body: { bytes, stream: null, source: null, used: false, length: bytes.byteLength }, type: 'application/json' });
    r[kState] = s;
    return r;
  }

  static redirect(url, status = 302) {
    const parsed = parseURL(String(url));
    status = Number(status);
    if (!redirectStatus.includes(status)) throw new RangeError('Invalid status code ' + status);
    const r = Object.create(Response.prototype);
    const s = newState();
    s.status = status;
    setInternal(s.headers, 'location', parsed.href);
    setGuard(s.headers, 'immutable');
    r[kState] = s;
    return r;
  }

  get type() { return state(this).type; }
  get url() {
    const u = state(this).url;
    const hash = u.indexOf('#');
    return hash < 0 ? u : u.slice(0, hash);
  }
  get redirected() { return state(this).redirected; }
  get status() { return state(this).status; }
  get ok() { const st = state(this).status; return st >= 200 && st <= 299; }
  get statusText() { return state(this).statusText; }
  get headers() { return headersOf(state(this)); }
  get body() {
    const s = state(this);
    return s.body === null ? null : bodyStream(s.body);
  }
  get bodyUsed() { return bodyUsed(state(this).body); }

  clone() {
    const s = state(this);
    if (isUnusable(s.body)) throw new TypeError('Response.clone: Body has already been consumed.');
    const c = Object.create(Response.prototype);
    const headers = new Headers(headersOf(s));
    setGuard(headers, getGuard(s.headers));
    c[kState] = Object.assign({}, s, { headers, body: cloneBody(s.body) });
    return c;
  }
}
mixinBody(Response, (r) => state(r), headersOf);
defineToStringTag(Response, 'Response');
enumerableGetters(Response, ['type', 'url', 'redirected', 'status', 'ok', 'statusText', 'headers', 'body',
  'bodyUsed']);

// makeNetworkResponse builds what fetch resolves with: headers immutable
// (rawHeaders is the header lines headersOf turns into Headers on first use),
// body the network body (see fetch_body.js) or bytes, or none.
function makeNetworkResponse(status, statusText, rawHeaders, url, redirected, body, type) {
  const r = Object.create(Response.prototype);
  r[kState] = { type, status, statusText, headers: rawHeaders, body, url, redirected };
  return r;
}

module.exports = { Response, makeNetworkResponse };
