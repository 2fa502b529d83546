'use strict';
// Node's http.IncomingMessage and http.ServerResponse, as a handler sees
// them. The bytes move through Go natives (see bindings/install.go):
//   natives.respond(id, status, reason, headers|null, chunk|null, end, limit) -> below high-water mark
//   natives.readBody(id, limit, charset, cb(err, text))   body parser on
//   natives.readChunk(id, cb(err, Uint8Array|null))       body parser off
//   natives.abort(id)                                     res.destroy()
// Go calls back into res._gojaDrain() and res._gojaClose(reason).

const { Readable, Stream } = require('stream');
const EventEmitter = require('events');
const { STATUS_CODES } = require('http');

const kHeaders = Symbol('kOutHeaders');
const kHeadersObj = Symbol('kHeaders');
const kNatives = Symbol('natives');

function nodeError(Ctor, code, message) {
  const e = new Ctor(message);
  e.code = code;
  return e;
}

const tokenRE = /^[\^_`a-zA-Z\-0-9!#$%&'*+.|~]+$/;
const invalidHeaderCharRE = /[^\t\x20-\x7e\x80-\xff]/;

// checks holds the Go versions of the header checks (setNatives, from
// api.js): a regular expression per header costs more in goja than the rest
// of setHeader.
let checks = null;

// setNatives gives both classes the runtime's Go natives (one set per
// runtime, so they live on the prototypes) and the header checks.
function setNatives(natives, c) {
  IncomingMessage.prototype[kNatives] = natives;
  ServerResponse.prototype[kNatives] = natives;
  checks = c;
}

// setHeaderTrusted is setHeader for the headers Next's helpers set with
// values they made (Content-Type, ETag, Content-Length): the same effect
// without the checks, unless a handler or package replaced setHeader, which
// must then see the call.
function setHeaderTrusted(res, key, name, value) {
  if (res.setHeader !== serverResponseMethods.setHeader || res._header) {
    res.setHeader(name, value);
    return;
  }
  (res[kHeaders] || (res[kHeaders] = Object.create(null)))[key] = [name, value];
}

function validateHeaderName(name) {
  if (typeof name !== 'string' || !name || !(checks ? checks.token(name) : tokenRE.test(name))) {
    throw nodeError(TypeError, 'ERR_INVALID_HTTP_TOKEN', `Header name must be a valid HTTP token ["${name}"]`);
  }
}

function checkHeaderValue(name, v) {
  if (typeof v === 'number') return;
  const s = String(v);
  if (checks ? !checks.value(s) : invalidHeaderCharRE.test(s)) {
    throw nodeError(TypeError, 'ERR_INVALID_CHAR', `Invalid character in header content ["${name}"]`);
  }
}

function validateHeaderValue(name, value) {
  if (value === undefined) {
    throw nodeError(TypeError, 'ERR_HTTP_INVALID_HEADER_VALUE', `Invalid value "${value}" for header "${name}"`);
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) checkHeaderValue(name, value[i]);
  } else {
    checkHeaderValue(name, value);
  }
}

// Node keeps the first value of these request headers and drops repeats.
const singleRequestHeaders = new Set(['age', 'authorization', 'content-length', 'content-type', 'etag',
  'expires', 'from', 'host', 'if-modified-since', 'if-unmodified-since', 'last-modified', 'location',
  'max-forwards', 'proxy-authorization', 'referer', 'retry-after', 'server', 'user-agent']);

function headersFromRaw(raw) {
  const headers = {};
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i].toLowerCase();
    const value = raw[i + 1];
    const prev = headers[name];
    if (prev === undefined) {
      headers[name] = name === 'set-cookie' ? [value] : value;
    } else if (name === 'set-cookie') {
      prev.push(value);
    } else if (singleRequestHeaders.has(name)) {
      // first wins
    } else {
      headers[name] = prev + (name === 'cookie' ? '; ' : ', ') + value;
    }
  }
  return headers;
}

// A stand-in for net.Socket: the address facts handlers and packages read.
class Socket extends EventEmitter {
  constructor(remoteAddress, remotePort, localAddress, localPort, encrypted) {
    super();
    this.remoteAddress = remoteAddress;
    this.remotePort = remotePort;
    this.remoteFamily = remoteAddress && remoteAddress.includes(':') ? 'IPv6' : 'IPv4';
    this.localAddress = localAddress;
    this.localPort = localPort;
    this.encrypted = encrypted || undefined;
    this.destroyed = false;
    this.readable = true;
    this.writable = true;
  }
  address() { return { address: this.localAddress, family: this.remoteFamily, port: this.localPort }; }
  setTimeout() { return this; }
  setNoDelay() { return this; }
  setKeepAlive() { return this; }
  ref() { return this; }
  unref() { return this; }
  destroy() { this.destroyed = true; return this; }
  end() { return this; }
}

// IncomingMessage is a Readable, but most handlers never use it as a stream:
// its stream state (_readableState), rawHeaders, headers and socket are built
// on first use, so that a request costs a handful of fields. Fields that
// usually hold their default (httpVersion 1.1, no body) live on the
// prototype. Constructor-style (not a class) so that Readable's constructor
// does not run per request.
//
// rawHead is the raw headers as one string, "name\0value\0..." (neither can
// hold NUL), and addr the socket facts as "remoteAddress\0remotePort\0
// localAddress\0localPort\0encrypted(1 or empty)": one value each to cross
// from Go instead of an array of strings.
function IncomingMessage(id, method, url, httpVersion, rawHead, addr, bodyMode) {
  this._id = id;
  // 'none': no body, and Next's body parser has read the empty stream (the
  // prototype's default, so the usual GET adds no property); 'empty': no
  // body, left unread (bodyParser: false); 'parsed': read by the body
  // parser; 'stream': read on demand; 'pending': not decided yet.
  if (bodyMode !== 'none') this._bodyMode = bodyMode;
  this._addr = addr; // the string above, or a Socket
  this.method = method;
  this.url = url;
  if (httpVersion !== '1.1') this.httpVersion = httpVersion;
  this._rawHead = rawHead;
}
Object.setPrototypeOf(IncomingMessage.prototype, Readable.prototype);
Object.setPrototypeOf(IncomingMessage, Readable);

function splitRawHead(rawHead) {
  if (!rawHead) return [];
  const raw = rawHead.split('\0');
  raw.length--; // after the last NUL
  return raw;
}

function socketFrom(addr) {
  if (typeof addr !== 'string') return addr;
  const a = addr.split('\0');
  return new Socket(a[0], +a[1], a[2], +a[3], a[4] === '1');
}

function lazyOwn(proto, name, make) {
  Object.defineProperty(proto, name, {
    configurable: true,
    get() {
      const value = make(this);
      Object.defineProperty(this, name, { value, writable: true, configurable: true, enumerable: true });
      return value;
    },
    set(value) {
      Object.defineProperty(this, name, { value, writable: true, configurable: true, enumerable: true });
    },
  });
}

lazyOwn(IncomingMessage.prototype, '_readableState', (req) => new Readable.ReadableState({ autoDestroy: false }, req, false));
lazyOwn(IncomingMessage.prototype, 'rawHeaders', (req) => splitRawHead(req._rawHead));
lazyOwn(IncomingMessage.prototype, 'headers', (req) => headersFromRaw(req.rawHeaders));
lazyOwn(IncomingMessage.prototype, 'socket', (req) => socketFrom(req._addr));
Object.defineProperty(IncomingMessage.prototype, 'connection', {
  configurable: true,
  get() { return this.socket; },
  set(v) { this.socket = v; },
});
Object.assign(IncomingMessage.prototype, {
  httpVersion: '1.1',
  _bodyMode: 'none',
  _rawHead: '',
  rawTrailers: [],
  trailers: {},
  aborted: false,
  upgrade: false,
  statusCode: null,
  statusMessage: null,
});
// By the time a handler runs, Node's parser has seen the end of a request
// without a body (complete), and Next's body parser has read the stream to
// its end ('none', 'parsed'): it is over then, as readable and readableEnded
// say. A body left to the handler (bodyParser: false) is complete once read.
function consumed(req) {
  return req._bodyMode === 'none' || req._bodyMode === 'parsed';
}
Object.defineProperty(IncomingMessage.prototype, 'complete', {
  configurable: true,
  get() { return this._complete === true || consumed(this) || this._bodyMode === 'empty'; },
  set(v) { this._complete = !!v; },
});
{
  const readable = Object.getOwnPropertyDescriptor(Readable.prototype, 'readable');
  const readableEnded = Object.getOwnPropertyDescriptor(Readable.prototype, 'readableEnded');
  Object.defineProperty(IncomingMessage.prototype, 'readable', {
    configurable: true,
    get() { return consumed(this) ? false : readable.get.call(this); },
    set: readable.set,
  });
  Object.defineProperty(IncomingMessage.prototype, 'readableEnded', {
    configurable: true,
    get() { return consumed(this) || readableEnded.get.call(this); },
  });
}
Object.defineProperty(IncomingMessage.prototype, 'httpVersionMajor', { get() { return +this.httpVersion[0]; }, configurable: true });
Object.defineProperty(IncomingMessage.prototype, 'httpVersionMinor', { get() { return +this.httpVersion[2]; }, configurable: true });
Object.defineProperty(IncomingMessage.prototype, 'headersDistinct', {
  configurable: true,
  get() {
    const out = Object.create(null);
    for (let i = 0; i < this.rawHeaders.length; i += 2) {
      const k = this.rawHeaders[i].toLowerCase();
      (out[k] || (out[k] = [])).push(this.rawHeaders[i + 1]);
    }
    return out;
  },
});

IncomingMessage.prototype._read = function _read() {
  if (this._bodyMode !== 'stream') {
    this.complete = true;
    this.push(null);
    return;
  }
  if (this._reading) return;
  this._reading = true;
  this[kNatives].readChunk(this._id, (err, chunk) => {
    this._reading = false;
    if (err) {
      this.destroy(err);
      return;
    }
    if (chunk === null) this.complete = true;
    this.push(chunk === null ? null : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  });
};

IncomingMessage.prototype.setTimeout = function setTimeout(ms, cb) {
  if (cb) this.once('timeout', cb);
  return this;
};

function statusError(code) {
  return nodeError(RangeError, 'ERR_HTTP_INVALID_STATUS_CODE', `Invalid status code: ${code}`);
}

function headersSentError(what) {
  return nodeError(Error, 'ERR_HTTP_HEADERS_SENT', `Cannot ${what} headers after they are sent to the client`);
}

function chunkTypeError(chunk) {
  let received;
  if (chunk === null) received = 'null';
  else if (typeof chunk === 'object') received = `an instance of ${chunk.constructor && chunk.constructor.name || 'Object'}`;
  else if (typeof chunk === 'function') received = `function ${chunk.name}`;
  else {
    let s = typeof chunk === 'string' ? `'${chunk}'` : String(chunk);
    if (s.length > 28) s = s.slice(0, 25) + '...';
    received = `type ${typeof chunk} (${s})`;
  }
  return nodeError(TypeError, 'ERR_INVALID_ARG_TYPE',
    `The "chunk" argument must be of type string or an instance of Buffer or Uint8Array. Received ${received}`);
}

// ServerResponse: constructor-style for the same reason as IncomingMessage;
// the defaults live on the prototype and a response costs two fields.
function ServerResponse(id, req) {
  this._id = id;
  this.req = req;
}
Object.setPrototypeOf(ServerResponse.prototype, Stream.prototype);
Object.setPrototypeOf(ServerResponse, Stream);
Object.assign(ServerResponse.prototype, {
  statusCode: 200,
  statusMessage: undefined,
  sendDate: true,
  chunkedEncoding: false,
  shouldKeepAlive: true,
  useChunkedEncodingByDefault: true,
  writable: true,
  destroyed: false,
  finished: false,
  _header: false, // true once the head is fixed (headersSent)
  _headSent: false, // true once the head went to Go
  _needDrain: false,
  _closed: false,
  _writableFinished: false,
  _responseLimit: 0,
  _headDecided: false,
  _noCompress: false,
  [kHeaders]: null,
});
Object.defineProperty(ServerResponse.prototype, 'socket', {
  configurable: true,
  get() { return this.req.socket; },
  set(v) { Object.defineProperty(this, 'socket', { value: v, writable: true, configurable: true, enumerable: true }); },
});
Object.defineProperty(ServerResponse.prototype, 'connection', {
  configurable: true,
  get() { return this.socket; },
});
Object.defineProperty(ServerResponse.prototype, '_isHead', {
  configurable: true,
  get() { return this.req.method === 'HEAD'; },
});

const serverResponseMethods = {
  get headersSent() { return this._header; },
  get writableEnded() { return this.finished; },
  get writableFinished() { return this._writableFinished; },
  get writableNeedDrain() { return this._needDrain; },
  get writableLength() { return 0; },
  get writableHighWaterMark() { return 16384; },
  get writableCorked() { return 0; },
  get writableObjectMode() { return false; },

  setHeader(name, value) {
    if (this._header) throw headersSentError('set');
    validateHeaderName(name);
    validateHeaderValue(name, value);
    (this[kHeaders] || (this[kHeaders] = Object.create(null)))[name.toLowerCase()] = [name, value];
    return this;
  },

  appendHeader(name, value) {
    if (this._header) throw headersSentError('append');
    validateHeaderName(name);
    validateHeaderValue(name, value);
    const key = name.toLowerCase();
    const headers = this[kHeaders] || (this[kHeaders] = Object.create(null));
    const prev = headers[key];
    if (prev === undefined) {
      headers[key] = [name, value];
    } else {
      const list = Array.isArray(prev[1]) ? prev[1] : [prev[1]];
      headers[key] = [prev[0], list.concat(value)];
    }
    return this;
  },

  getHeader(name) {
    if (typeof name !== 'string') {
      throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', `The "name" argument must be of type string. Received ${typeof name}`);
    }
    const h = this[kHeaders] && this[kHeaders][name.toLowerCase()];
    return h === undefined || h === null ? undefined : h[1];
  },

  getHeaders() {
    const out = Object.create(null);
    const headers = this[kHeaders];
    if (headers) for (const k in headers) out[k] = headers[k][1];
    return out;
  },

  getHeaderNames() { return this[kHeaders] ? Object.keys(this[kHeaders]) : []; },

  getRawHeaderNames() { return this[kHeaders] ? Object.keys(this[kHeaders]).map((k) => this[kHeaders][k][0]) : []; },

  hasHeader(name) { return !!(this[kHeaders] && this[kHeaders][String(name).toLowerCase()]); },

  removeHeader(name) {
    if (this._header) throw headersSentError('remove');
    if (this[kHeaders]) delete this[kHeaders][String(name).toLowerCase()];
  },

  writeHead(statusCode, reason, obj) {
    if (this._header) throw headersSentError('write');
    const original = statusCode;
    statusCode |= 0;
    // next start's compression layer decides on the first writeHead call,
    // before Node validates it: a call that throws leaves it undecided and
    // the response uncompressed, without Vary.
    if (!this._headDecided) {
      this._headDecided = true;
      if (statusCode < 100 || statusCode > 999) this._noCompress = true;
    }
    if (statusCode < 100 || statusCode > 999) throw statusError(original);
    if (typeof reason === 'string') {
      this.statusMessage = reason;
    } else {
      if (!this.statusMessage) this.statusMessage = STATUS_CODES[statusCode] || 'unknown';
      if (obj === undefined) obj = reason;
    }
    this.statusCode = statusCode;
    if (checks ? !checks.value(this.statusMessage) : invalidHeaderCharRE.test(this.statusMessage)) {
      throw nodeError(TypeError, 'ERR_INVALID_CHAR', 'Invalid character in statusMessage');
    }
    if (obj) {
      // next start wraps writeHead with the on-headers package, which reads
      // an array as [name, value] pairs: a flat ['X-A', '1'] array sets
      // header 'X' to '-' and then fails on '1' (undefined value). Mirrored.
      if (Array.isArray(obj)) {
        for (const pair of obj) this.setHeader(pair[0], pair[1]);
      } else {
        const keys = Object.keys(obj);
        for (let i = 0; i < keys.length; i++) if (keys[i]) this.setHeader(keys[i], obj[keys[i]]);
      }
    }
    this._header = true;
    // Node builds the status line here: later changes to statusCode or
    // statusMessage (Next's sendError after a throw) do not reach it.
    this._headStatus = statusCode;
    this._headReason = this.statusMessage;
    return this;
  },

  // _fixHead makes the implicit writeHead that the first write or end does.
  _fixHead() {
    if (!this._header) this.writeHead(this.statusCode);
  },

  // _flatHeaders lists the head for Go: name, value, name, value...
  // _flatHeaders lists the head for Go as one string: name NUL value NUL...
  // (neither can contain NUL), which crosses to Go without a conversion per
  // element.
  _flatHeaders() {
    let flat = '';
    const headers = this[kHeaders];
    if (headers) {
      // Index loops: goja runs destructuring and for-of through the
      // iterator protocol, an object per step.
      for (const k in headers) {
        const entry = headers[k];
        const name = entry[0];
        const value = entry[1];
        if (Array.isArray(value)) {
          for (let i = 0; i < value.length; i++) flat += name + '\0' + value[i] + '\0';
        } else {
          flat += name + '\0' + value + '\0';
        }
      }
    }
    return flat;
  },


  // _send hands Go the head (first call only) and a chunk.
  _send(chunk, end) {
    let head = null;
    let utf8Head = false;
    if (!this._headSent) {
      this._headSent = true;
      head = this._flatHeaders();
      // Node writes the head in one go with a first string chunk sent
      // without chunked framing, in the chunk's UTF-8; else on its own, as
      // Latin-1. Under next start the head is always fixed before the
      // first chunk (its compression layer does it), so only a declared
      // Content-Length (as res.send sets) avoids the framing.
      utf8Head = typeof chunk === 'string' && chunk !== '' &&
        !!this[kHeaders] && 'content-length' in this[kHeaders];
    }
    if (this._isHead) chunk = null;
    const below = this[kNatives].respond(this._id, this._headStatus, this._headReason || '', head, chunk, end,
      this._responseLimit, this._noCompress, utf8Head);
    if (!below) this._needDrain = true;
    return below;
  },

  write(chunk, encoding, cb) {
    if (typeof encoding === 'function') { cb = encoding; encoding = undefined; }
    // next start's compression wrapper fixes the head before Node checks
    // the chunk: a falsy one (null, 0, '') still sends the head.
    if (!chunk && !this.finished) this._fixHead();
    if (chunk === null) throw nodeError(TypeError, 'ERR_STREAM_NULL_VALUES', 'May not write null values to stream');
    if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) throw chunkTypeError(chunk);
    if (this.finished) {
      const err = nodeError(Error, 'ERR_STREAM_WRITE_AFTER_END', 'write after end');
      queueMicrotask(() => { if (cb) cb(err); this.emit('error', err); });
      return true;
    }
    this._fixHead();
    if (typeof chunk === 'string' && encoding && encoding !== 'utf8' && encoding !== 'utf-8') chunk = Buffer.from(chunk, encoding);
    const below = this._send(chunk, false);
    if (cb) queueMicrotask(cb);
    return below;
  },

  end(chunk, encoding, cb) {
    if (typeof chunk === 'function') { cb = chunk; chunk = undefined; } else if (typeof encoding === 'function') { cb = encoding; encoding = undefined; }
    // Node's end only writes a truthy chunk: end(0), end(false), end('') end
    // an empty body.
    if (!chunk) chunk = undefined;
    else if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) throw chunkTypeError(chunk);
    if (this.finished) {
      if (cb) queueMicrotask(cb);
      return this;
    }
    this._fixHead();
    if (typeof chunk === 'string' && encoding && encoding !== 'utf8' && encoding !== 'utf-8') chunk = Buffer.from(chunk, encoding);
    this.finished = true;
    this.writable = false;
    this._send(chunk === undefined ? null : chunk, true);
    if (cb) this.once('finish', cb);
    if (this._events !== undefined || this.req._events !== undefined) {
      // Someone listens: 'finish' then 'close' come after this tick, as in Node.
      Promise.resolve().then(() => this._finish());
    } else {
      this._writableFinished = true;
      this._closed = true;
    }
    return this;
  },

  _finish() {
    this._writableFinished = true;
    this.emit('finish');
    this._gojaClose();
  },

  flushHeaders() {
    this._fixHead();
    if (!this._headSent) this._send(null, false);
  },

  // Called by Go when the client has read enough of what was written.
  _gojaDrain() {
    if (this._needDrain) {
      this._needDrain = false;
      this.emit('drain');
    }
  },

  // Called when the exchange is over: after finish, or by Go when the client
  // went away (aborted is true then) or the request timed out.
  _gojaClose(aborted) {
    if (this._closed) return;
    this._closed = true;
    const req = this.req;
    // A request whose stream was never used has no stream state to update.
    const streamUsed = Object.prototype.hasOwnProperty.call(req, '_readableState');
    if (aborted) {
      req.aborted = true;
      this.destroyed = true;
      req.emit('aborted');
      if (streamUsed && !req._readableState.endEmitted) req.destroy();
    }
    if (Object.prototype.hasOwnProperty.call(req, 'socket')) req.socket.destroyed = true;
    this.emit('close');
    if (!aborted && !(streamUsed && req.destroyed)) req.emit('close');
  },

  destroy(err) {
    if (this.destroyed) return this;
    this.destroyed = true;
    this[kNatives].abort(this._id);
    if (err) queueMicrotask(() => this.emit('error', err));
    return this;
  },

  setTimeout(ms, cb) {
    if (cb) this.once('timeout', cb);
    return this;
  },
  cork() {},
  uncork() {},
  addTrailers() {},
  writeContinue() {},
  writeProcessing() {},
  writeEarlyHints() {},
  assignSocket() {},
  detachSocket() {},
};
for (const key of Object.getOwnPropertyNames(serverResponseMethods)) {
  Object.defineProperty(ServerResponse.prototype, key, Object.getOwnPropertyDescriptor(serverResponseMethods, key));
}

// node:http's IncomingMessage and ServerResponse are these classes, as in
// Node: express (and anything else that builds on http.ServerResponse.prototype)
// re-parents req and res onto objects made from those prototypes
// (Object.setPrototypeOf(res, app.response)), which must keep end, write and
// setHeader working instead of reaching the stubs in compat/js/http.js.
{
  const http = require('http');
  http.IncomingMessage = IncomingMessage;
  http.ServerResponse = ServerResponse;
}

module.exports = { IncomingMessage, ServerResponse, Socket, validateHeaderName, validateHeaderValue, nodeError, setNatives, setHeaderTrusted };
