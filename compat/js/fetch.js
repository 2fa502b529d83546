'use strict';
// fetch() and the exports behind the globals Headers, Request, Response,
// Blob, File and FormData. The network half is Go (compat/fetch.go): this
// file turns a Request into a call to natives.start, streams a request body
// to Go, and exposes the response body as a ReadableStream that pulls one
// chunk from Go per read.

const { natives, utf8Encode, isArrayBuffer, isArrayBufferView, abortError } = require('internal/fetch/util');
const { Headers, headerPairs, hasInternal } = require('internal/fetch/headers');
const { Blob, File } = require('internal/fetch/blob');
const { FormData } = require('internal/fetch/formdata');
const { bodyStream, parseMime } = require('internal/fetch/body');
const { Request, requestState } = require('internal/fetch/request');
const { Response, makeNetworkResponse } = require('internal/fetch/response');

// The Fetch standard's bad ports.
const badPorts = new Set([1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95,
  101, 102, 103, 104, 109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512,
  513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720,
  1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080]);

function withCause(err, cause) {
  Object.defineProperty(err, 'cause', { value: cause, writable: true, configurable: true });
  return err;
}

// fetchFailed is undici's network error: TypeError('fetch failed') whose
// cause describes what went wrong.
function fetchFailed(cause) {
  return withCause(new TypeError('fetch failed'), cause);
}

// causeFromGo turns the error object of the natives into an Error shaped
// like Node's system errors (own properties errno, code, syscall, ...).
function causeFromGo(g) {
  const e = new Error(g.message);
  for (const k of ['errno', 'code', 'syscall', 'address', 'port', 'hostname']) {
    if (g[k] !== undefined) e[k] = g[k];
  }
  return e;
}

// bodyError is what a response body stream errors with when Go fails.
function bodyError(g) {
  if (g.kind === 'toolarge') return new TypeError(g.message);
  return withCause(new TypeError('terminated'), causeFromGo(g));
}

// forgiving-base64 decode (Infra standard); null on failure.
function base64Decode(s) {
  s = s.replace(/[\t\n\f\r ]/g, '');
  if (s.length % 4 === 0) s = s.replace(/==?$/, '');
  if (s.length % 4 === 1 || /[^A-Za-z0-9+/]/.test(s)) return null;
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const out = new Uint8Array(Math.floor(s.length * 3 / 4));
  let buf = 0;
  let bits = 0;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    buf = (buf << 6) | alphabet.indexOf(s[i]);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (buf >> bits) & 0xff;
    }
  }
  return out.subarray(0, n);
}

function percentDecode(s) {
  const bytes = utf8Encode(s);
  const out = new Uint8Array(bytes.length);
  let n = 0;
  const hex = (c) => (c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : c >= 97 && c <= 102 ? c - 87 : -1);
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 37 && i + 2 < bytes.length && hex(bytes[i + 1]) >= 0 && hex(bytes[i + 2]) >= 0) {
      out[n++] = hex(bytes[i + 1]) * 16 + hex(bytes[i + 2]);
      i += 2;
    } else {
      out[n++] = bytes[i];
    }
  }
  return out.subarray(0, n);
}

// dataURL implements the data: URL processor; null on failure.
function dataURL(href) {
  const hash = href.indexOf('#');
  const input = (hash < 0 ? href : href.slice(0, hash)).slice(5);
  const comma = input.indexOf(',');
  if (comma < 0) return null;
  let mimeType = input.slice(0, comma).replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '');
  let body = percentDecode(input.slice(comma + 1));
  const m = /;[\x20]*base64$/i.exec(mimeType);
  if (m) {
    let latin1 = '';
    for (let i = 0; i < body.length; i++) latin1 += String.fromCharCode(body[i]);
    body = base64Decode(latin1);
    if (body === null) return null;
    mimeType = mimeType.slice(0, m.index);
  }
  if (mimeType.startsWith(';')) mimeType = 'text/plain' + mimeType;
  const parsed = parseMime(mimeType);
  let type = 'text/plain;charset=US-ASCII';
  if (parsed) {
    type = parsed.essence;
    for (const [k, v] of parsed.params) type += ';' + k + '=' + v;
  }
  return { type, body };
}

// goBodyStream is a response body read from Go one chunk per pull.
function goBodyStream(id, call) {
  return new ReadableStream({
    type: 'bytes',
    start(controller) { call.controller = controller; },
    pull(controller) {
      if (call.done) return undefined;
      return new Promise((resolve) => {
        natives.read(id, (err, chunk) => {
          if (!call.done) {
            if (err) {
              call.finish();
              if (err.kind !== 'abort') controller.error(bodyError(err));
            } else if (chunk === undefined || chunk === null) {
              call.finish();
              controller.close();
              // A pending BYOB read is answered by respond(0) after close.
              if (controller.byobRequest) controller.byobRequest.respond(0);
            } else {
              controller.enqueue(new Uint8Array(chunk));
            }
          }
          resolve();
        });
      });
    },
    cancel() {
      if (!call.done) {
        call.finish();
        natives.close(id);
      }
    },
  }, { highWaterMark: 0 });
}

// pumpUpload writes a request body stream to Go chunk by chunk, each write
// waiting for Go to take the previous one.
function pumpUpload(id, stream, call) {
  const reader = stream.getReader();
  call.uploadReader = reader;
  const fail = (err) => {
    natives.end(id, String(err && err.message ? err.message : err));
    reader.cancel(err).catch(() => {});
  };
  function step() {
    reader.read().then(({ value, done }) => {
      if (done) { natives.end(id); return; }
      let chunk = value;
      if (typeof chunk === 'string') chunk = utf8Encode(chunk);
      else if (isArrayBuffer(chunk)) chunk = new Uint8Array(chunk);
      else if (!isArrayBufferView(chunk)) {
        fail(new TypeError('Received non-Uint8Array chunk'));
        return;
      } else if (!(chunk instanceof Uint8Array)) {
        chunk = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      }
      natives.write(id, chunk, (err) => {
        if (err) { reader.cancel(new Error(err)).catch(() => {}); return; }
        step();
      });
    }, fail);
  }
  step();
}

function fetch(input, init = undefined) {
  let request;
  try {
    request = new Request(input, init);
  } catch (e) {
    return Promise.reject(e);
  }
  const s = requestState(request);
  const signal = s.signal;
  if (signal.aborted) return Promise.reject(signal.reason);

  const url = new URL(s.url);
  if (url.protocol === 'data:') {
    const d = dataURL(url.href);
    if (d === null) return Promise.reject(fetchFailed(new Error('invalid data: URL')));
    return Promise.resolve(makeNetworkResponse({
      status: 200, statusText: 'OK', headers: [['content-type', d.type]], url: url.href,
      redirected: false, bytes: d.body,
    }));
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return Promise.reject(fetchFailed(new Error('unknown scheme')));
  }
  if (url.port !== '' && badPorts.has(Number(url.port))) {
    return Promise.reject(fetchFailed(new Error('bad port')));
  }

  const headers = headerPairs(s.headers);
  const defaults = [
    ['accept', '*/*'], ['accept-language', '*'], ['sec-fetch-mode', 'cors'], ['user-agent', 'node'],
    ['accept-encoding', url.protocol === 'https:' ? 'br, gzip, deflate' : 'gzip, deflate'],
  ];
  for (const [k, v] of defaults) if (!hasInternal(s.headers, k)) headers.push([k, v]);

  const body = s.body;
  const spec = { method: s.method, url: url.href, headers, redirect: s.redirect, stream: false, body: undefined };
  let uploadStream = null;
  if (body !== null) {
    if (body.stream === null) spec.body = body.bytes;
    else {
      uploadStream = bodyStream(body);
      spec.stream = true;
    }
    body.used = true;
  }

  return new Promise((resolve, reject) => {
    const call = {
      settled: false,
      done: false,
      controller: null,
      uploadReader: null,
      finish() {
        this.done = true;
        signal.removeEventListener('abort', onAbort);
      },
    };
    let id = 0;
    function onAbort() {
      const reason = signal.reason === undefined ? abortError() : signal.reason;
      natives.abort(id);
      if (call.uploadReader) call.uploadReader.cancel(reason).catch(() => {});
      if (!call.settled) {
        call.settled = true;
        call.done = true;
        reject(reason);
      } else if (!call.done) {
        call.done = true;
        if (call.controller) call.controller.error(reason);
      }
      signal.removeEventListener('abort', onAbort);
    }
    signal.addEventListener('abort', onAbort);
    id = natives.start(spec, (err, res) => {
      if (call.settled) return;
      call.settled = true;
      if (err) {
        call.finish();
        if (err.kind === 'abort') reject(signal.reason === undefined ? abortError() : signal.reason);
        else reject(fetchFailed(causeFromGo(err)));
        return;
      }
      let stream = null;
      if (res.hasBody) stream = goBodyStream(id, call);
      else call.finish();
      let finalURL = res.url;
      try { finalURL = new URL(res.url).href; } catch { /* keep Go's spelling */ }
      resolve(makeNetworkResponse({
        status: res.status, statusText: res.statusText, headers: res.headers, url: finalURL,
        redirected: res.redirected, stream,
      }));
    });
    if (uploadStream !== null) pumpUpload(id, uploadStream, call);
  });
}

module.exports = { fetch, Headers, Request, Response, Blob, File, FormData };
