'use strict';
// Request (Fetch standard). There is no document, so URLs must be absolute.

const { argCount, isToken, defineToStringTag, enumerableGetters, illegalInvocation } = require('internal/fetch/util');
const { Headers, fill, setGuard, getGuard, hasInternal, setInternal } = require('internal/fetch/headers');
const { extractBody, bodyStream, bodyUsed, isUnusable, cloneBody, mixinBody } =
  require('internal/fetch/body');

const kState = Symbol('request state');

function state(r) {
  if (r === null || typeof r !== 'object' || !(kState in r)) throw illegalInvocation();
  return r[kState];
}

// parseURL parses an absolute URL as undici does, with its error.
function parseURL(input, base) {
  const URLCtor = globalThis.URL;
  try {
    return base === undefined ? new URLCtor(input) : new URLCtor(input, base);
  } catch (cause) {
    const e = new TypeError('Failed to parse URL from ' + input);
    Object.defineProperty(e, 'cause', { value: cause, writable: true, configurable: true });
    throw e;
  }
}

function enumValue(name, value, allowed) {
  value = String(value);
  if (!allowed.includes(value)) {
    throw new TypeError(`Request constructor: ${value} is not an accepted type. Expected one of ${allowed.join(', ')}.`);
  }
  return value;
}

const normalizedMethods = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT'];

function normalizeMethod(m) {
  m = String(m);
  if (!isToken(m)) throw new TypeError(`'${m}' is not a valid HTTP method.`);
  const upper = m.toUpperCase();
  if (upper === 'CONNECT' || upper === 'TRACE' || upper === 'TRACK') {
    throw new TypeError(`'${m}' HTTP method is unsupported.`);
  }
  return normalizedMethods.includes(upper) ? upper : m;
}

function isAbortSignal(v) {
  const AS = globalThis.AbortSignal;
  return typeof AS === 'function' && v instanceof AS;
}

// followSignal returns a new signal that aborts when source does.
function followSignal(source) {
  const ac = new AbortController();
  if (source) {
    if (source.aborted) ac.abort(source.reason);
    else source.addEventListener('abort', () => ac.abort(source.reason), { once: true });
  }
  return ac.signal;
}

function checkInit(init, prefix) {
  if (init !== undefined && init !== null && typeof init !== 'object' && typeof init !== 'function') {
    throw new TypeError(`${prefix}: Expected ${String(init)} to be one of: Null, Undefined, Object.`);
  }
  return init == null ? {} : init;
}

const bodyless = (m) => m === 'GET' || m === 'HEAD';

// urlCache remembers what parsing a URL string gave (parsing is pure, and a
// handler fetches the same few URLs again and again); bounded, cleared when
// full.
const urlCache = new Map();
const urlCacheMax = 256;

// urlInfo parses an absolute URL as undici does, with its errors, and
// returns { href, protocol, port, credentials }. Long URLs (data: URLs) are
// not remembered.
function urlInfo(str) {
  let u = urlCache.get(str);
  if (u === undefined) {
    const url = parseURL(str);
    u = { href: url.href, protocol: url.protocol, port: url.port, credentials: url.username !== '' || url.password !== '' };
    if (str.length <= 2048) {
      if (urlCache.size >= urlCacheMax) urlCache.clear();
      urlCache.set(str, u);
    }
  }
  return u;
}

// inputURL is the URL of a Request made from input (not a Request).
function inputURL(input) {
  const str = String(input);
  const url = urlInfo(str);
  if (url.credentials) {
    throw new TypeError('Request cannot be constructed from a URL that includes credentials: ' + str);
  }
  return url.href;
}

// newRequestState runs the Request constructor's steps on (input, init) and
// returns the request's state. For fetch (forFetch true) it skips what only
// a Request object needs: the signal is the caller's own (null for none)
// rather than a new one that follows it, and headers stay null when there
// are none.
function newRequestState(input, init, forFetch) {
  const isRequest = input !== null && typeof input === 'object' && kState in input;
  if (forFetch && init == null && !isRequest) {
    // fetch(url): nothing to read from init; fetch needs only these.
    return { method: 'GET', url: inputURL(input), headers: null, body: null, signal: null, redirect: 'follow' };
  }
  init = checkInit(init, 'Request constructor');
  let s;
  let inputBody = null;
  let inputRequest = null;
  if (isRequest) {
    inputRequest = input;
    const src = input[kState];
    s = Object.assign({}, src);
    inputBody = src.body;
  } else {
    s = {
      method: 'GET', url: inputURL(input), headers: null, body: null, signal: null,
      mode: 'cors', credentials: 'same-origin', cache: 'default', redirect: 'follow',
      referrer: 'about:client', referrerPolicy: '', integrity: '', keepalive: false,
      destination: '', reloadNavigation: false, historyNavigation: false,
    };
  }

  if (init.window !== undefined && init.window !== null) {
    throw new TypeError("'window' option 'client' must be null");
  }
  if (init.referrer !== undefined) {
    const ref = String(init.referrer);
    if (ref === '') s.referrer = '';
    else {
      const u = parseURL(ref);
      s.referrer = u.protocol === 'about:' && u.pathname === 'client' ? 'about:client' : u.href;
    }
  }
  if (init.referrerPolicy !== undefined) {
    s.referrerPolicy = enumValue('referrerPolicy', init.referrerPolicy, ['', 'no-referrer',
      'no-referrer-when-downgrade', 'same-origin', 'origin', 'strict-origin', 'origin-when-cross-origin',
      'strict-origin-when-cross-origin', 'unsafe-url']);
  }
  if (init.mode !== undefined) {
    const mode = enumValue('mode', init.mode, ['navigate', 'same-origin', 'no-cors', 'cors']);
    if (mode === 'navigate') throw new TypeError('Request constructor: invalid request mode navigate.');
    s.mode = mode;
  }
  if (init.credentials !== undefined) {
    s.credentials = enumValue('credentials', init.credentials, ['omit', 'same-origin', 'include']);
  }
  if (init.cache !== undefined) {
    s.cache = enumValue('cache', init.cache,
      ['default', 'no-store', 'reload', 'no-cache', 'force-cache', 'only-if-cached']);
    if (s.cache === 'only-if-cached' && s.mode !== 'same-origin') {
      throw new TypeError("'only-if-cached' can be set only with 'same-origin' mode");
    }
  }
  if (init.redirect !== undefined) s.redirect = enumValue('redirect', init.redirect, ['follow', 'manual', 'error']);
  if (init.integrity !== undefined) s.integrity = String(init.integrity);
  if (init.keepalive !== undefined) s.keepalive = Boolean(init.keepalive);
  if (init.method !== undefined) s.method = normalizeMethod(init.method);
  if (init.duplex !== undefined) enumValue('duplex', init.duplex, ['half']);

  let signal = inputRequest ? s.signal : null;
  if (init.signal !== undefined) {
    if (init.signal !== null && !isAbortSignal(init.signal)) {
      throw new TypeError("Failed to construct 'Request': member signal is not of type AbortSignal.");
    }
    signal = init.signal;
  }
  s.signal = forFetch ? signal : followSignal(signal);

  if (s.mode === 'no-cors' && !['GET', 'HEAD', 'POST'].includes(s.method)) {
    throw new TypeError(`'${s.method} is unsupported in no-cors mode.`);
  }

  let headers = null;
  const guardSource = init.headers !== undefined ? init.headers : (inputRequest ? s.headers : undefined);
  if (guardSource !== undefined || !forFetch) {
    headers = new Headers();
    if (guardSource !== undefined) fill(headers, guardSource);
    setGuard(headers, s.mode === 'no-cors' ? 'request-no-cors' : 'request');
  }
  s.headers = headers;

  const initBody = init.body;
  const hasInitBody = initBody !== undefined && initBody !== null;
  if ((hasInitBody || inputBody !== null) && bodyless(s.method)) {
    throw new TypeError('Request with GET/HEAD method cannot have body.');
  }
  let body = inputBody;
  if (hasInitBody) {
    const extracted = extractBody(initBody);
    body = extracted.body;
    if (extracted.type !== null && (headers === null || !hasInternal(headers, 'content-type'))) {
      if (headers === null) s.headers = headers = new Headers();
      setInternal(headers, 'content-type', extracted.type);
    }
    if (body.stream && init.duplex === undefined) {
      throw new TypeError('RequestInit: duplex option is required when sending a body.');
    }
  }
  if (inputBody !== null && body === inputBody) {
    if (isUnusable(inputBody)) {
      throw new TypeError('Cannot construct a Request with a Request object that has already been used.');
    }
    // The new request takes the body over; the input is now used.
    body = { bytes: inputBody.bytes, stream: inputBody.stream, source: null, used: false, length: inputBody.length };
    inputBody.used = true;
  }
  s.body = body;
  return s;
}

class Request {
  constructor(input, init = {}) {
    argCount('Request constructor', arguments.length, 1);
    this[kState] = newRequestState(input, init, false);
  }

  get method() { return state(this).method; }
  get url() { return state(this).url; }
  get headers() { return state(this).headers; }
  get destination() { return state(this).destination; }
  get referrer() { return state(this).referrer; }
  get referrerPolicy() { return state(this).referrerPolicy; }
  get mode() { return state(this).mode; }
  get credentials() { return state(this).credentials; }
  get cache() { return state(this).cache; }
  get redirect() { return state(this).redirect; }
  get integrity() { return state(this).integrity; }
  get keepalive() { return state(this).keepalive; }
  get isReloadNavigation() { return state(this).reloadNavigation; }
  get isHistoryNavigation() { return state(this).historyNavigation; }
  get signal() { return state(this).signal; }
  get body() {
    const s = state(this);
    return s.body === null ? null : bodyStream(s.body);
  }
  get bodyUsed() { return bodyUsed(state(this).body); }
  get duplex() { state(this); return 'half'; }

  clone() {
    const s = state(this);
    if (isUnusable(s.body)) throw new TypeError('unusable');
    const c = Object.create(Request.prototype);
    const headers = new Headers(s.headers);
    setGuard(headers, getGuard(s.headers));
    c[kState] = Object.assign({}, s, { headers, body: cloneBody(s.body), signal: followSignal(s.signal) });
    return c;
  }
}
mixinBody(Request, (r) => state(r), (s) => s.headers);
defineToStringTag(Request, 'Request');
enumerableGetters(Request, ['method', 'url', 'headers', 'destination', 'referrer', 'referrerPolicy', 'mode',
  'credentials', 'cache', 'redirect', 'integrity', 'keepalive', 'isReloadNavigation', 'isHistoryNavigation',
  'signal', 'body', 'bodyUsed', 'duplex']);

module.exports = { Request, newRequestState, parseURL, urlInfo };
