'use strict';
// fetch() and the exports behind the globals Headers, Request, Response,
// Blob, File and FormData. The network half is Go (compat/fetch.go): this
// file turns the Request steps into a call to natives.start, streams a
// request body to Go, and gives the response a body that Go keeps until it
// is asked for: text(), json(), arrayBuffer() and the like read it from Go
// in one go (natives.readAll); a ReadableStream that pulls one chunk from Go
// per read is built only if JS reads .body.
//
// A fetch made by the code of a request (the engine tags it) is aborted,
// like by its own signal, when that request's client goes away before the
// response has ended: Go finds its calls and hands them to requestAborted.

const { natives, utf8Encode, isArrayBuffer, isArrayBufferView, abortError } = require('internal/fetch/util');
const { Headers, headerLines, hasInternal } = require('internal/fetch/headers');
const { Blob, File } = require('internal/fetch/blob');
const { FormData } = require('internal/fetch/formdata');
const { bodyStream, parseMime } = require('internal/fetch/body');
const { Request, newRequestState, urlInfo } = require('internal/fetch/request');
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

// FetchCall is one fetch in flight, from the call until its response body
// is finished, failed, cancelled or aborted. It is also the source of the
// response body (see fetch_body.js): read(as) and stream().
//
// It is made with 8 properties (goja keeps an object's properties in a Go
// map, which grows past 8); those of rarer paths are added when needed:
// controller (of the body stream), uploadReader and abortReason (aborted
// before the body was asked for).
class FetchCall {
  constructor(url, signal, resolve, reject) {
    this.id = 0;
    this.url = url;
    this.signal = signal; // the caller's signal, or null
    this.onAbort = null; // the listener on signal
    this.resolve = resolve;
    this.reject = reject;
    this.phase = 0; // 0: waiting for the head; 1: the fetch promise is settled; 2: done, nothing more from Go
    this.pending = null; // rejects the read in progress
  }

  // finish marks the call over.
  finish() {
    this.phase = 2;
    if (this.onAbort !== null) {
      this.signal.removeEventListener('abort', this.onAbort);
      this.onAbort = null;
    }
  }

  // read reads the whole body from Go, as 'bytes' (a Uint8Array), 'text'
  // or 'json' (see fetch_body.js).
  read(as) {
    if (this.abortReason !== undefined) return Promise.reject(this.abortReason);
    return new Promise((resolve, reject) => {
      this.pending = reject;
      natives.readAll(this.id, as !== 'bytes', (err, value) => {
        if (this.pending !== reject) return; // aborted meanwhile: rejected already
        this.pending = null;
        this.finish();
        if (err) reject(err.kind === 'abort' ? abortError() : bodyError(err));
        else if (as === 'bytes') resolve(new Uint8Array(value));
        else if (as === 'text') resolve(value);
        else {
          let parsed;
          try { parsed = JSON.parse(value); } catch (e) { reject(e); return; }
          resolve(parsed);
        }
      });
    });
  }

  // stream makes the body a ReadableStream read from Go one chunk per pull.
  stream() {
    const call = this;
    const id = this.id;
    return new ReadableStream({
      type: 'bytes',
      start(controller) {
        call.controller = controller;
        if (call.abortReason !== undefined) controller.error(call.abortReason);
      },
      pull(controller) {
        if (call.phase === 2) return undefined;
        return new Promise((resolve) => {
          natives.read(id, (err, chunk) => {
            if (call.phase !== 2) {
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
        if (call.phase !== 2) {
          call.finish();
          natives.close(id);
        }
      },
    }, { highWaterMark: 0 });
  }
}

// abortCall aborts a call with reason: the fetch promise rejects with it, or
// else the body does. From the caller's signal, or from requestAborted.
function abortCall(call, reason) {
  if (call.phase === 2) return;
  const settled = call.phase === 1;
  natives.abort(call.id);
  if (call.uploadReader) call.uploadReader.cancel(reason).catch(() => {});
  call.finish();
  if (!settled) {
    call.reject(reason);
  } else if (call.pending !== null) {
    const reject = call.pending;
    call.pending = null;
    reject(reason);
  } else if (call.controller) {
    call.controller.error(reason);
  } else {
    call.abortReason = reason;
  }
}

// requestAborted is called by Go when the client of a request went away
// before its response ended: calls are the fetches its code has in flight,
// reason the abort reason of req.signal.
function requestAborted(reason, calls) {
  for (let i = 0; i < calls.length; i++) abortCall(calls[i], reason);
}

// onHead is called by Go once the response head has arrived (err null) or
// the fetch has failed (err as bodyError takes it). url is the final URL when
// a redirect was followed; raw is the header lines, "name\nvalue\n...".
function onHead(call, err, status, statusText, url, redirected, hasBody, raw) {
  if (call.phase !== 0) return;
  call.phase = 1;
  if (err) {
    call.finish();
    if (err.kind === 'abort') call.reject(abortError());
    else call.reject(fetchFailed(causeFromGo(err)));
    return;
  }
  let body = null;
  if (hasBody) body = { bytes: null, stream: null, source: call, used: false, length: null };
  else call.finish();
  let finalURL = call.url;
  if (url !== undefined) {
    finalURL = url;
    try { finalURL = new URL(url).href; } catch { /* keep Go's spelling */ }
  }
  call.resolve(makeNetworkResponse(status, statusText, raw, finalURL, redirected, body, 'basic'));
}
natives.setup(onHead, requestAborted);

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

// The headers fetch adds when the request lacks them, as undici does.
const defaultHeaders = [
  ['accept', '*/*'], ['accept-language', '*'], ['sec-fetch-mode', 'cors'], ['user-agent', 'node'],
  ['accept-encoding', 'gzip, deflate'],
];
const defaultHeaderLines = {
  'http:': defaultHeaders.map(([k, v]) => k + '\n' + v).join('\n'),
  'https:': defaultHeaders.map(([k, v]) => k + '\n' + (k === 'accept-encoding' ? 'br, gzip, deflate' : v)).join('\n'),
};

// requestHeaderLines is what Go sends: the request's headers and the
// defaults it lacks, as "name\nvalue\nname\nvalue".
function requestHeaderLines(headers, protocol) {
  if (headers === null) return defaultHeaderLines[protocol];
  const lines = headerLines(headers);
  for (const [k, v] of defaultHeaders) {
    if (!hasInternal(headers, k)) lines.push(k, k === 'accept-encoding' && protocol === 'https:' ? 'br, gzip, deflate' : v);
  }
  return lines.join('\n');
}

function fetch(input, init = undefined) {
  let s;
  try {
    s = newRequestState(input, init, true);
  } catch (e) {
    return Promise.reject(e);
  }
  const signal = s.signal;
  if (signal !== null && signal.aborted) return Promise.reject(signal.reason);

  const url = urlInfo(s.url);
  if (url.protocol === 'data:') {
    const d = dataURL(s.url);
    if (d === null) return Promise.reject(fetchFailed(new Error('invalid data: URL')));
    const body = { bytes: d.body, stream: null, source: null, used: false, length: d.body.byteLength };
    return Promise.resolve(makeNetworkResponse(200, 'OK', 'content-type\n' + d.type, s.url, false, body, 'basic'));
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return Promise.reject(fetchFailed(new Error('unknown scheme')));
  }
  if (url.port !== '' && badPorts.has(Number(url.port))) {
    return Promise.reject(fetchFailed(new Error('bad port')));
  }

  const headers = requestHeaderLines(s.headers, url.protocol);
  const body = s.body;
  let bytes;
  let uploadStream = null;
  if (body !== null) {
    if (body.stream === null) bytes = body.bytes;
    else uploadStream = bodyStream(body);
    body.used = true;
  }

  return new Promise((resolve, reject) => {
    const call = new FetchCall(s.url, signal, resolve, reject);
    if (signal !== null) {
      call.onAbort = () => abortCall(call, signal.reason === undefined ? abortError() : signal.reason);
      signal.addEventListener('abort', call.onAbort);
    }
    call.id = natives.start(s.method, s.url, headers, bytes, uploadStream !== null, s.redirect, call);
    if (uploadStream !== null) pumpUpload(call.id, uploadStream, call);
  });
}

module.exports = { fetch, Headers, Request, Response, Blob, File, FormData };
