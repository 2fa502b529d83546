'use strict';
// Next.js's API resolver: what runs around every handler call. It mirrors
// next/dist/server/api-utils (apiResolver, parseBody, sendData, sendJson,
// redirect, sendError, the preview helpers) so that the bytes on the wire are
// the same. The Go side calls serve() once per request.

const { IncomingMessage, ServerResponse, setNatives, setHeaderTrusted } = require('internal/http');
const { Stream } = require('stream');

const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';
const RESPONSE_LIMIT_DEFAULT = 4 * 1024 * 1024;
const COOKIE_BYPASS = '__prerender_bypass';
const COOKIE_DATA = '__next_preview_data';
const kClearedCookies = Symbol(COOKIE_BYPASS);

let natives;
let settings; // { dev, previewModeId, revalidate(path, opts) }
let loaders = []; // route index -> () => module exports
let pages = [];
const modules = []; // route index -> what route() computed, per worker
let requestScope; // gojaapi:internal/request, or null when the host has none

class ApiError extends Error {
  constructor(statusCode, message) {
    super(message);
    this.statusCode = statusCode;
  }
}

function sendError(res, statusCode, message) {
  res.statusCode = statusCode;
  res.statusMessage = message;
  res.end(message);
}

function isResSent(res) {
  return res.finished || res.headersSent;
}

// --- response helpers, as Next.js defines them ---------------------------

function sendData(req, res, body) {
  if (body === null || body === undefined) {
    res.end();
    return;
  }
  if (res.statusCode === 204 || res.statusCode === 304) {
    res.removeHeader('Content-Type');
    res.removeHeader('Content-Length');
    res.removeHeader('Transfer-Encoding');
    if (settings.dev && body) {
      console.warn(`A body was attempted to be set with a 204 statusCode for ${req.url}, this is invalid and the body was ignored.\n` +
        'See more info here https://nextjs.org/docs/messages/invalid-api-status-body');
    }
    res.end();
    return;
  }
  const contentType = res.getHeader('Content-Type');
  // typeof first: instanceof costs a lookup and a call even for a string.
  if (typeof body === 'object' && body instanceof Stream) {
    if (!contentType) res.setHeader('Content-Type', 'application/octet-stream');
    body.pipe(res);
    return;
  }
  const type = typeof body;
  const isJSONLike = type === 'object' || type === 'number' || type === 'boolean';
  const stringified = isJSONLike ? stringify(body) : body;
  const etag = natives.etag(stringified);
  if (sendEtagResponse(req, res, etag)) return;
  if (typeof body === 'object' && Buffer.isBuffer(body)) {
    if (!contentType) setHeaderTrusted(res, 'content-type', 'Content-Type', 'application/octet-stream');
    setHeaderTrusted(res, 'content-length', 'Content-Length', body.length);
    res.end(body);
    return;
  }
  if (isJSONLike) setHeaderTrusted(res, 'content-type', 'Content-Type', JSON_CONTENT_TYPE);
  setHeaderTrusted(res, 'content-length', 'Content-Length', natives.byteLength(stringified));
  res.end(stringified);
}

function sendEtagResponse(req, res, etag) {
  if (etag) setHeaderTrusted(res, 'etag', 'ETag', etag);
  // Unless the handler has read (and so may have changed) req.headers, Go
  // answers from the request's own headers.
  let fresh;
  if (Object.prototype.hasOwnProperty.call(req, 'headers')) {
    const h = req.headers;
    fresh = natives.fresh(h['if-none-match'], h['if-modified-since'], h['cache-control'], etag);
  } else {
    fresh = natives.freshFor(req._id, etag);
  }
  if (fresh) {
    res.statusCode = 304;
    res.end();
    return true;
  }
  return false;
}

function sendJson(res, body) {
  setHeaderTrusted(res, 'content-type', 'Content-Type', JSON_CONTENT_TYPE);
  res.send(stringify(body));
}

// stringify is JSON.stringify: plain data is serialised by Go (the same
// text, several times faster than goja's), anything else by JSON.stringify.
function stringify(v) {
  if (v !== null && typeof v === 'object') {
    const s = natives.stringify(v);
    if (s !== null) return s;
  }
  return JSON.stringify(v);
}

function redirect(res, statusOrUrl, url) {
  if (typeof statusOrUrl === 'string') {
    url = statusOrUrl;
    statusOrUrl = 307;
  }
  if (typeof statusOrUrl !== 'number' || typeof url !== 'string') {
    throw new Error("Invalid redirect arguments. Please use a single argument URL, e.g. res.redirect('/destination') or use a status code and URL, e.g. res.redirect(307, '/destination').");
  }
  res.writeHead(statusOrUrl, { Location: url });
  res.write(url);
  res.end();
  return res;
}

function previousCookies(res) {
  const previous = res.getHeader('Set-Cookie');
  return typeof previous === 'string' ? [previous] : Array.isArray(previous) ? previous : [];
}

function serializeCookie(name, value, opts) {
  let s = name + '=' + encodeURIComponent(value);
  if (opts.maxAge != null) s += '; Max-Age=' + Math.floor(opts.maxAge - 0);
  if (opts.path) s += '; Path=' + opts.path;
  if (opts.expires) s += '; Expires=' + opts.expires.toUTCString();
  if (opts.httpOnly) s += '; HttpOnly';
  if (opts.secure) s += '; Secure';
  if (opts.sameSite) s += '; SameSite=' + (opts.sameSite === 'lax' ? 'Lax' : opts.sameSite === 'none' ? 'None' : 'Strict');
  return s;
}

function cookieAttributes(extra) {
  return Object.assign({
    httpOnly: true,
    sameSite: settings.dev ? 'lax' : 'none',
    secure: !settings.dev,
    path: '/',
  }, extra);
}

function setDraftMode(res, options) {
  const expires = options.enable ? undefined : new Date(0);
  res.setHeader('Set-Cookie', [...previousCookies(res),
    serializeCookie(COOKIE_BYPASS, settings.previewModeId, cookieAttributes({ expires }))]);
  return res;
}

function setPreviewData(res, data, options) {
  const payload = natives.previewToken(JSON.stringify(data), options.maxAge === undefined ? -1 : options.maxAge);
  if (payload.length > 2048) {
    throw new Error('Preview data is limited to 2KB currently, reduce how much data you are storing as preview data to continue');
  }
  const extra = {};
  if (options.maxAge !== undefined) extra.maxAge = options.maxAge;
  if (options.path !== undefined) extra.path = options.path;
  res.setHeader('Set-Cookie', [...previousCookies(res),
    serializeCookie(COOKIE_BYPASS, settings.previewModeId, cookieAttributes(extra)),
    serializeCookie(COOKIE_DATA, payload, cookieAttributes(extra))]);
  return res;
}

function clearPreviewData(res, options) {
  if (kClearedCookies in res) return res;
  const extra = { expires: new Date(0) };
  if (options.path !== undefined) extra.path = options.path;
  res.setHeader('Set-Cookie', [...previousCookies(res),
    serializeCookie(COOKIE_BYPASS, '', cookieAttributes(extra)),
    serializeCookie(COOKIE_DATA, '', cookieAttributes(extra))]);
  Object.defineProperty(res, kClearedCookies, { value: true, enumerable: false });
  return res;
}

async function revalidate(urlPath, opts) {
  if (typeof urlPath !== 'string' || !urlPath.startsWith('/')) {
    throw new Error(`Invalid urlPath provided to revalidate(), must be a path e.g. /blog/post-1, received ${urlPath}`);
  }
  try {
    await natives.revalidate(urlPath, !!opts.unstable_onlyGenerated);
  } catch (err) {
    throw new Error(`Failed to revalidate ${urlPath}: ${err instanceof Error ? err.message : err}`);
  }
}

// The helpers live on the prototype (Next.js assigns them per request; the
// behaviour is the same and no closures are allocated per request).
Object.assign(ServerResponse.prototype, {
  status(statusCode) {
    this.statusCode = statusCode;
    return this;
  },
  send(data) { sendData(this.req, this, data); },
  json(data) { sendJson(this, data); },
  redirect(statusOrUrl, url) { return redirect(this, statusOrUrl, url); },
  setDraftMode(options = { enable: true }) { return setDraftMode(this, options); },
  setPreviewData(data, options = {}) { return setPreviewData(this, data, options); },
  clearPreviewData(options = {}) { return clearPreviewData(this, options); },
  revalidate(urlPath, opts) { return revalidate(urlPath, opts || {}); },
});

// tryGetPreviewData is Next's: draft mode when the bypass cookie matches and
// there is no data cookie; otherwise the verified, decrypted data, or false
// (clearing the cookies when they are stale or half there).
function tryGetPreviewData(req, res) {
  const cookies = req.cookies;
  const bypass = cookies[COOKIE_BYPASS];
  const token = cookies[COOKIE_DATA];
  if (bypass && !token && bypass === settings.previewModeId) return {};
  if (!bypass && !token) return false;
  if (!bypass || !token || bypass !== settings.previewModeId) {
    clearPreviewData(res, {});
    return false;
  }
  const json = natives.previewVerify(token);
  if (json === null) {
    clearPreviewData(res, {});
    return false;
  }
  try {
    return JSON.parse(json);
  } catch (e) {
    return false;
  }
}

// userStack drops gojaapi's own frames from a stack, so what is left points
// at the handler's source (goja maps the bundle back to it).
function userStack(stack) {
  return String(stack).split('\n').filter((l) => !/\((?:gojaapi|node):/.test(l) && !/at (?:gojaapi|node):/.test(l)).join('\n');
}

function escapeHTML(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

// sendDevError is the dev-mode 500: the error's message and source-mapped
// stack, as HTML for browsers, JSON for clients that ask for it, else text.
function sendDevError(req, res, err) {
  const isErr = err instanceof Error;
  const message = isErr ? `${err.name}: ${err.message}` : String(err);
  const stack = isErr && err.stack ? userStack(err.stack) : message;
  const accept = String(req.headers.accept || '');
  res.statusCode = 500;
  if (accept.includes('text/html')) {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>500: ${escapeHTML(message)}</title></head>` +
      `<body><h1>Unhandled Runtime Error</h1><h2>${escapeHTML(message)}</h2><pre>${escapeHTML(stack)}</pre></body></html>`);
  } else if (accept.includes('application/json')) {
    res.setHeader('Content-Type', JSON_CONTENT_TYPE);
    res.end(JSON.stringify({ error: { message, stack: stack.split('\n') } }));
  } else {
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end(stack);
  }
}

// --- body parsing ----------------------------------------------------------

function parseBody(req, limit, limitBytes) {
  return new Promise((resolve, reject) => {
    natives.readBody(req._id, limitBytes, bodyCharset(req), (err, text) => {
      try {
        resolve(bodyFrom(req, limit, err, text));
      } catch (e) {
        reject(e);
      }
    });
  });
}

function contentTypeOf(req) {
  return natives.contentType(req._contentType || 'text/plain') || natives.contentType('text/plain');
}

function bodyCharset(req) {
  return contentTypeOf(req).charset || 'utf-8';
}

// bodyFrom is the rest of Next's parseBody once the raw text is read: an
// ApiError for a read error, else the body by content type.
function bodyFrom(req, limit, err, text) {
  if (err) throw err === 413 ? new ApiError(413, `Body exceeded ${limit} limit`) : new ApiError(400, 'Invalid body');
  const type = contentTypeOf(req).type;
  if (type === 'application/json' || type === 'application/ld+json') {
    if (text.length === 0) return {};
    try {
      return JSON.parse(text);
    } catch (e) {
      throw new ApiError(400, 'Invalid JSON');
    }
  }
  if (type === 'application/x-www-form-urlencoded') return natives.parseQuery(text);
  return text;
}

// --- the resolver --------------------------------------------------------------

function interopDefault(mod) {
  return mod && mod.default !== undefined ? mod.default : mod;
}

function reportError(err, req) {
  natives.handlerError(req._id, err);
}

// buildQuery makes req.query from the flat array Go passes (see queryArgs):
// Next.js's searchParamsToUrlQuery over the pairs (repeated keys become
// arrays, on a plain object), then the route parameters over them.
function buildQuery(flat) {
  if (flat === undefined) return {};
  const query = {};
  const end = 1 + 2 * flat[0];
  for (let i = 1; i < end; i += 2) {
    const key = flat[i];
    const value = flat[i + 1];
    const existing = query[key];
    if (typeof existing === 'undefined') query[key] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else query[key] = [existing, value];
  }
  for (let i = end; i < flat.length; i += 2) query[flat[i]] = flat[i + 1];
  // Next copies it ({...query}): the copy has Object.prototype even if a
  // "__proto__" key replaced the original's.
  return { ...query };
}

// route returns what a route needs per request, computed once per worker:
// its handler and its config (the module's exports do not change, so
// reading config.api once is the same as Next reading it every time).
function route(index) {
  let r = modules[index];
  if (r === undefined) {
    const mod = loaders[index]();
    const config = (mod && mod.config) || {};
    const api = config.api || {};
    const responseLimit = api.responseLimit ?? true;
    const limit = api.bodyParser && api.bodyParser.sizeLimit ? api.bodyParser.sizeLimit : '1mb';
    r = modules[index] = {
      resolver: interopDefault(mod),
      bodyParser: api.bodyParser !== false,
      externalResolver: api.externalResolver || false,
      limit,
      limitBytes: natives.parseBytes(limit),
      responseLimit: !responseLimit ? 0
        : typeof responseLimit === 'boolean' ? RESPONSE_LIMIT_DEFAULT : natives.parseBytes(responseLimit),
    };
    natives.routeConfig(index, r.bodyParser, r.limitBytes);
  }
  return r;
}

// Next.js's lazy request props (its setLazyProp), as accessors on the
// prototype: computed on first read, then an own writable property.
function lazyReqProp(name, get) {
  Object.defineProperty(IncomingMessage.prototype, name, {
    configurable: true,
    enumerable: true,
    get() {
      const value = get(this);
      Object.defineProperty(this, name, { configurable: true, enumerable: true, writable: true, value });
      return value;
    },
    set(value) {
      Object.defineProperty(this, name, { configurable: true, enumerable: true, writable: true, value });
    },
  });
}
lazyReqProp('cookies', (req) => {
  const cookie = req.headers.cookie;
  return cookie ? natives.parseCookies(Array.isArray(cookie) ? cookie.join('; ') : cookie) : {};
});
lazyReqProp('previewData', (req) => tryGetPreviewData(req, req._res));
lazyReqProp('preview', (req) => (req.previewData !== false ? true : undefined));
lazyReqProp('draftMode', (req) => req.preview);
lazyReqProp('context', (req) => (requestScope ? requestScope.values(req._id) : {}));
// req.signal (gojaapi's own): aborts when the request is abandoned before its
// response has ended; the request's fetches follow it (compat/fetch_signal.go).
lazyReqProp('signal', (req) => require('internal/fetch/signal').forRequest(req._id, req.aborted));

// emptyBody is what Next's parseBody makes of a request without a body: {}
// for JSON, an empty querystring object for a form, '' otherwise.
function emptyBody(contentType) {
  if (!contentType) return '';
  const ct = natives.contentType(contentType);
  if (ct === null) return '';
  if (ct.type === 'application/json' || ct.type === 'application/ld+json') return {};
  if (ct.type === 'application/x-www-form-urlencoded') return natives.parseQuery('');
  return '';
}

// apiResolver is Next.js's, written without async/await so that a request
// with no body to read runs its handler at once, with no promise in between
// (Next awaits its body parser even then; nothing else can run in that gap).
function apiResolver(req, res, query, index) {
  let r;
  try {
    r = route(index);
    Object.defineProperty(req, 'query', { value: query, writable: true, enumerable: true, configurable: true });
    if (r.responseLimit !== RESPONSE_LIMIT_DEFAULT) res._responseLimit = r.responseLimit;
    if (r.bodyParser && !req.body) {
      if (req._bodyMode === 'none') {
        req.body = emptyBody(req._contentType);
      } else if (req._preStatus !== undefined) {
        // Read by Go before dispatch (the route's config was known).
        req._bodyMode = 'parsed';
        req.body = bodyFrom(req, r.limit, req._preStatus, req._preText);
        req._preText = undefined;
      } else {
        req._bodyMode = 'parsed';
        parseBody(req, r.limit, r.limitBytes).then((body) => {
          req.body = body;
          runHandler(req, res, r, index);
        }, (err) => handleError(req, res, err));
        return;
      }
    } else if (!r.bodyParser) {
      if (req._bodyMode === 'pending') req._bodyMode = 'stream';
      else if (req._bodyMode === 'none') req._bodyMode = 'empty'; // left unread
    }
  } catch (err) {
    handleError(req, res, err);
    return;
  }
  runHandler(req, res, r, index);
}

function runHandler(req, res, r, index) {
  try {
    if (typeof r.resolver !== 'function') {
      throw new Error(`Page ${pages[index]} does not export a default function.`);
    }
    if (settings.dev) {
      runHandlerDev(req, res, r);
      return;
    }
    const result = r.resolver(req, res);
    if (result !== null && typeof result === 'object' && typeof result.then === 'function') {
      result.then(undefined, (err) => handleError(req, res, err));
    }
  } catch (err) {
    handleError(req, res, err);
  }
}

// runHandlerDev adds next dev's checks once the handler has settled.
function runHandlerDev(req, res, r) {
  let wasPiped = false;
  res.once('pipe', () => { wasPiped = true; });
  Promise.resolve(r.resolver(req, res)).then((result) => {
    if (typeof result !== 'undefined') {
      if (typeof Response !== 'undefined' && result instanceof Response) {
        throw new Error('API route returned a Response object in the Node.js runtime, this is not supported. Please use `runtime: "edge"` instead: https://nextjs.org/docs/api-routes/edge-api-routes');
      }
      console.warn(`API handler should not return a value, received ${typeof result}.`);
    }
    if (!r.externalResolver && !isResSent(res) && !wasPiped) {
      console.warn(`API resolved without sending a response for ${req.url}, this may result in stalled requests.`);
    }
  }).then(undefined, (err) => handleError(req, res, err));
}

function handleError(req, res, err) {
  if (err instanceof ApiError) {
    sendError(res, err.statusCode, err.message);
    return;
  }
  // The request was abandoned and its fetches aborted (req.signal): no one
  // is left to answer, and the handler is not at fault.
  if (require('internal/fetch/signal').isRequestAbort(err)) return;
  reportError(err, req);
  // Next sends its error even when the head is out (the status line stays,
  // the message is appended and the response ends); once ended, end is a
  // no-op.
  if (settings.dev && !isResSent(res)) {
    sendDevError(req, res, err);
    return;
  }
  sendError(res, 500, 'Internal Server Error');
}

exports.setup = function setup(n, s, routeLoaders, routePages) {
  natives = n;
  setNatives(n, { token: n.validToken, value: n.validHeaderValue });
  ServerResponse.prototype._responseLimit = RESPONSE_LIMIT_DEFAULT;
  settings = s;
  loaders = routeLoaders;
  pages = routePages;
};

// serve runs one request. It returns res, which Go keeps to call
// _gojaDrain/_gojaClose on. bodyMode is 'none' (no body on the wire) or
// 'pending' (a body to parse, or to stream if the body parser is off).
//
// The request's Go context reaches Go functions through the request tag the
// engine puts on the handler's async context; when the host provides the
// gojaapi:internal/request module, req.context is built from it on first read.
exports.serve = function serve(id, index, method, url, httpVersion, rawHead, addr, contentType, query, bodyMode,
  preStatus, preText) {
  const req = new IncomingMessage(id, method, url, httpVersion, rawHead, addr, bodyMode);
  const res = new ServerResponse(id, req);
  req._res = res;
  if (contentType) req._contentType = contentType;
  if (preStatus !== undefined) {
    req._preStatus = preStatus;
    req._preText = preText;
  }
  if (requestScope === undefined) {
    try { requestScope = require('gojaapi:internal/request'); } catch (e) { requestScope = null; }
  }
  apiResolver(req, res, buildQuery(query), index);
  return res;
};
