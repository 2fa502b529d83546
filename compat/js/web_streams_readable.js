'use strict';
// WHATWG Streams: ReadableStream with default and byte controllers, default
// and BYOB readers, tee, pipeTo/pipeThrough, async iteration (written by
// hand: goja has no async generators) and ReadableStream.from. Abstract
// operations follow the spec and work on internal records; a record's pub
// field is its public object.

const u = require('internal/web_streams_util');
const W = require('internal/web_streams_writable').internals;
const abortInternals = require('internal/web_abort').internals;
const natives = require('internal/web_natives');

const kStream = Symbol('readableStream');
const kReader = Symbol('readableStreamReader');
const kController = Symbol('readableStreamController');
const kRequest = Symbol('byobRequest');
const kIterator = Symbol('readableStreamAsyncIterator');
const kToken = Symbol('construct');

const TypedArrayProto = Object.getPrototypeOf(Uint8Array.prototype);
const typedArrayTag = Object.getOwnPropertyDescriptor(TypedArrayProto, Symbol.toStringTag).get;

function isTypedArray(v) { return typedArrayTag.call(v) !== undefined; }
function isArrayBufferView(v) { return ArrayBuffer.isView(v); }
function transferBuffer(buffer) {
  if (natives.isDetached(buffer)) throw u.invalidState('ArrayBuffer is detached');
  return natives.transfer(buffer);
}

// --- ReadableStream -----------------------------------------------------------

class ReadableStream {
  constructor(underlyingSource = undefined, strategy = undefined) {
    const source = underlyingSource === undefined ? null : underlyingSource;
    if (source !== null && typeof source !== 'object') {
      throw u.ev.invalidArgType('source', 'of type object', source);
    }
    if (strategy != null && typeof strategy !== 'object') {
      throw u.ev.invalidArgType('strategy', 'of type object', strategy);
    }
    const rs = initStream(this);
    const type = source === null ? undefined : source.type;
    if (type !== undefined && String(type) === 'bytes') {
      if (strategy != null && strategy.size !== undefined) {
        throw u.invalidArgValue('strategy.size', strategy.size, undefined, RangeError);
      }
      const hwm = u.extractHighWaterMark(strategy, 0);
      setUpByteControllerFromSource(rs, source, hwm);
    } else if (type !== undefined) {
      throw u.invalidArgValue('source.type', type);
    } else {
      const sizeAlgorithm = u.extractSizeAlgorithm(strategy);
      const hwm = u.extractHighWaterMark(strategy, 1);
      setUpDefaultControllerFromSource(rs, source, hwm, sizeAlgorithm);
    }
  }
  get locked() {
    return isLocked(u.slots(this, kStream, 'ReadableStream'));
  }
  cancel(reason = undefined) {
    let rs;
    try { rs = u.slots(this, kStream, 'ReadableStream'); } catch (e) { return u.rejected(e); }
    if (isLocked(rs)) return u.rejected(u.invalidState('ReadableStream is locked'));
    return streamCancel(rs, reason);
  }
  getReader(options = undefined) {
    const rs = u.slots(this, kStream, 'ReadableStream');
    if (options != null && typeof options !== 'object') {
      throw u.ev.invalidArgType('options', 'of type object', options);
    }
    const mode = options == null ? undefined : options.mode;
    if (mode === undefined) return acquireDefaultReader(rs).pub;
    if (String(mode) !== 'byob') throw u.invalidArgValue('options.mode', mode);
    return acquireBYOBReader(rs).pub;
  }
  pipeThrough(transform, options = undefined) {
    const rs = u.slots(this, kStream, 'ReadableStream');
    if (transform == null || typeof transform !== 'object') {
      throw u.ev.invalidArgType('transform', 'of type object', transform);
    }
    const readable = transform.readable;
    if (!isReadableStream(readable)) {
      throw u.ev.invalidArgType('transform.readable', 'an instance of ReadableStream', readable);
    }
    const writable = transform.writable;
    if (!W.isWritableStream(writable)) {
      throw u.ev.invalidArgType('transform.writable', 'an instance of WritableStream', writable);
    }
    const opts = pipeOptions(options);
    if (isLocked(rs)) throw u.invalidState('The ReadableStream is locked');
    if (W.isLocked(W.record(writable))) throw u.invalidState('The WritableStream is locked');
    const p = pipeTo(rs, W.record(writable), opts.preventClose, opts.preventAbort, opts.preventCancel, opts.signal);
    u.handled(p);
    return readable;
  }
  pipeTo(destination, options = undefined) {
    let rs, opts;
    try {
      rs = u.slots(this, kStream, 'ReadableStream');
      if (!W.isWritableStream(destination)) {
        throw u.ev.invalidArgType('transform.writable', 'an instance of WritableStream', destination);
      }
      opts = pipeOptions(options);
    } catch (e) {
      return u.rejected(e);
    }
    if (isLocked(rs)) return u.rejected(u.invalidState('The ReadableStream is locked'));
    const ws = W.record(destination);
    if (W.isLocked(ws)) return u.rejected(u.invalidState('The WritableStream is locked'));
    return pipeTo(rs, ws, opts.preventClose, opts.preventAbort, opts.preventCancel, opts.signal);
  }
  tee() {
    const rs = u.slots(this, kStream, 'ReadableStream');
    return streamTee(rs).map((b) => b.pub);
  }
  values(options = undefined) {
    const rs = u.slots(this, kStream, 'ReadableStream');
    if (options != null && typeof options !== 'object') {
      throw u.ev.invalidArgType('options', 'of type object', options);
    }
    const preventCancel = options == null ? false : !!options.preventCancel;
    return createAsyncIterator(rs, preventCancel);
  }
  static from(asyncIterable) {
    return readableFrom(asyncIterable).pub;
  }
}
u.toStringTag(ReadableStream, 'ReadableStream');
Object.defineProperty(ReadableStream.prototype, Symbol.asyncIterator, {
  value: ReadableStream.prototype.values, writable: true, configurable: true,
});

function pipeOptions(options) {
  if (options != null && typeof options !== 'object') {
    throw u.ev.invalidArgType('options', 'of type object', options);
  }
  const o = options || {};
  const signal = o.signal;
  if (signal !== undefined && !abortInternals.isAbortSignal(signal)) {
    throw u.ev.codedError(TypeError, 'ERR_INVALID_ARG_TYPE',
      'The "options.signal" property must be an instance of AbortSignal. ' + u.ev.describeReceived(signal));
  }
  return { preventAbort: !!o.preventAbort, preventCancel: !!o.preventCancel, preventClose: !!o.preventClose, signal };
}

function initStream(pub) {
  return u.defineSlots(pub, kStream, {
    pub,
    state: 'readable',
    reader: undefined,
    storedError: undefined,
    disturbed: false,
    controller: undefined,
  });
}

function isReadableStream(v) {
  return v != null && typeof v === 'object' && v[kStream] !== undefined;
}

function isLocked(rs) { return rs.reader !== undefined; }

function createReadableStream(startAlgorithm, pullAlgorithm, cancelAlgorithm, hwm = 1, sizeAlgorithm = () => 1) {
  const rs = initStream(Object.create(ReadableStream.prototype));
  const c = newDefaultController();
  setUpDefaultController(rs, c, startAlgorithm, pullAlgorithm, cancelAlgorithm, hwm, sizeAlgorithm);
  return rs;
}

function createReadableByteStream(startAlgorithm, pullAlgorithm, cancelAlgorithm) {
  const rs = initStream(Object.create(ReadableStream.prototype));
  const c = newByteController();
  setUpByteController(rs, c, startAlgorithm, pullAlgorithm, cancelAlgorithm, 0, undefined);
  return rs;
}

function streamCancel(rs, reason) {
  rs.disturbed = true;
  if (rs.state === 'closed') return Promise.resolve(undefined);
  if (rs.state === 'errored') return u.rejected(rs.storedError);
  streamClose(rs);
  const reader = rs.reader;
  if (reader !== undefined && reader.kind === 'byob') {
    for (const req of reader.readIntoRequests.drain()) req.close(undefined);
  }
  const p = rs.controller.cancelSteps(reason);
  return p.then(() => undefined);
}

function streamClose(rs) {
  rs.state = 'closed';
  const reader = rs.reader;
  if (reader === undefined) return;
  reader.closed.resolve(undefined);
  if (reader.kind === 'default') {
    for (const req of reader.readRequests.drain()) req.close();
  }
}

function streamError(rs, e) {
  rs.state = 'errored';
  rs.storedError = e;
  const reader = rs.reader;
  if (reader === undefined) return;
  reader.closed.reject(e);
  u.handled(reader.closed.promise);
  if (reader.kind === 'default') {
    for (const req of reader.readRequests.drain()) req.error(e);
  } else {
    for (const req of reader.readIntoRequests.drain()) req.error(e);
  }
}

function fulfillReadRequest(rs, chunk, done) {
  const req = rs.reader.readRequests.shift();
  if (done) req.close();
  else req.chunk(chunk);
}

function fulfillReadIntoRequest(rs, chunk, done) {
  const req = rs.reader.readIntoRequests.shift();
  if (done) req.close(chunk);
  else req.chunk(chunk);
}

function numReadRequests(rs) {
  return rs.reader !== undefined && rs.reader.kind === 'default' ? rs.reader.readRequests.length : 0;
}

function numReadIntoRequests(rs) {
  return rs.reader !== undefined && rs.reader.kind === 'byob' ? rs.reader.readIntoRequests.length : 0;
}

function hasDefaultReader(rs) { return rs.reader !== undefined && rs.reader.kind === 'default'; }
function hasBYOBReader(rs) { return rs.reader !== undefined && rs.reader.kind === 'byob'; }

// --- Readers -----------------------------------------------------------------------

class ReadableStreamDefaultReader {
  constructor(stream) {
    const rs = stream != null ? stream[kStream] : undefined;
    if (rs === undefined) throw u.ev.invalidArgType('stream', 'an instance of ReadableStream', stream);
    setUpDefaultReader(this, rs);
  }
  get closed() {
    return u.slots(this, kReader, 'ReadableStreamDefaultReader').closed.promise;
  }
  cancel(reason = undefined) {
    let r;
    try { r = defaultReaderSlots(this); } catch (e) { return u.rejected(e); }
    if (r.stream === undefined) return u.rejected(u.invalidState('The reader is not attached to a stream'));
    return streamCancel(r.stream, reason);
  }
  read() {
    let r;
    try { r = defaultReaderSlots(this); } catch (e) { return u.rejected(e); }
    if (r.stream === undefined) return u.rejected(u.invalidState('The reader is not attached to a stream'));
    const c = u.cell();
    defaultReaderRead(r, {
      chunk: (v) => c.resolve({ value: v, done: false }),
      close: () => c.resolve({ value: undefined, done: true }),
      error: (e) => c.reject(e),
    });
    return c.promise;
  }
  releaseLock() {
    const r = defaultReaderSlots(this);
    if (r.stream === undefined) return;
    defaultReaderRelease(r);
  }
}
u.toStringTag(ReadableStreamDefaultReader, 'ReadableStreamDefaultReader');

function defaultReaderSlots(obj) {
  const r = u.slots(obj, kReader, 'ReadableStreamDefaultReader');
  if (r.kind !== 'default') throw u.ev.invalidThis('ReadableStreamDefaultReader');
  return r;
}

function byobReaderSlots(obj) {
  const r = u.slots(obj, kReader, 'ReadableStreamBYOBReader');
  if (r.kind !== 'byob') throw u.ev.invalidThis('ReadableStreamBYOBReader');
  return r;
}

class ReadableStreamBYOBReader {
  constructor(stream) {
    const rs = stream != null ? stream[kStream] : undefined;
    if (rs === undefined) throw u.ev.invalidArgType('stream', 'an instance of ReadableStream', stream);
    setUpBYOBReader(this, rs);
  }
  get closed() {
    return byobReaderSlots(this).closed.promise;
  }
  cancel(reason = undefined) {
    let r;
    try { r = byobReaderSlots(this); } catch (e) { return u.rejected(e); }
    if (r.stream === undefined) return u.rejected(u.invalidState('The reader is not attached to a stream'));
    return streamCancel(r.stream, reason);
  }
  read(view = undefined) {
    let r;
    try {
      r = byobReaderSlots(this);
      if (!isArrayBufferView(view)) {
        throw u.ev.invalidArgType('view', 'an instance of Buffer, TypedArray, or DataView', view);
      }
    } catch (e) {
      return u.rejected(e);
    }
    if (view.byteLength === 0 || view.buffer.byteLength === 0 || natives.isDetached(view.buffer)) {
      return u.rejected(u.invalidState('View or Viewed ArrayBuffer is zero-length or detached'));
    }
    if (r.stream === undefined) return u.rejected(u.invalidState('The reader is not attached to a stream'));
    const c = u.cell();
    byobReaderRead(r, view, {
      chunk: (v) => c.resolve({ value: v, done: false }),
      close: (v) => c.resolve({ value: v, done: true }),
      error: (e) => c.reject(e),
    });
    return c.promise;
  }
  releaseLock() {
    const r = byobReaderSlots(this);
    if (r.stream === undefined) return;
    byobReaderRelease(r);
  }
}
u.toStringTag(ReadableStreamBYOBReader, 'ReadableStreamBYOBReader');

function readerGenericInitialize(r, rs) {
  r.stream = rs;
  rs.reader = r;
  if (rs.state === 'readable') r.closed = u.cell();
  else if (rs.state === 'closed') r.closed = u.resolvedCell(undefined);
  else r.closed = u.rejectedCell(rs.storedError);
}

function setUpDefaultReader(pub, rs) {
  if (isLocked(rs)) throw u.invalidState('ReadableStream is locked');
  const r = u.defineSlots(pub, kReader, { pub, kind: 'default', stream: undefined, closed: null, readRequests: new u.Fifo() });
  readerGenericInitialize(r, rs);
  return r;
}

function setUpBYOBReader(pub, rs) {
  if (isLocked(rs)) throw u.invalidState('ReadableStream is locked');
  if (rs.controller.kind !== 'bytes') {
    throw u.ev.codedError(TypeError, 'ERR_INVALID_ARG_VALUE',
      "The argument 'stream' must be a byte stream. Received ReadableStream { locked: false, state: '" +
      rs.state + "', supportsBYOB: false }");
  }
  const r = u.defineSlots(pub, kReader, { pub, kind: 'byob', stream: undefined, closed: null, readIntoRequests: new u.Fifo() });
  readerGenericInitialize(r, rs);
  return r;
}

function acquireDefaultReader(rs) {
  return setUpDefaultReader(Object.create(ReadableStreamDefaultReader.prototype), rs);
}

function acquireBYOBReader(rs) {
  return setUpBYOBReader(Object.create(ReadableStreamBYOBReader.prototype), rs);
}

function readerGenericRelease(r) {
  const rs = r.stream;
  const err = u.invalidState('Reader released');
  if (rs.state === 'readable') r.closed.reject(err);
  else r.closed = u.rejectedCell(err);
  u.handled(r.closed.promise);
  rs.controller.releaseSteps();
  rs.reader = undefined;
  r.stream = undefined;
}

function defaultReaderRelease(r) {
  readerGenericRelease(r);
  const e = u.invalidState('Releasing reader');
  for (const req of r.readRequests.drain()) req.error(e);
}

function byobReaderRelease(r) {
  readerGenericRelease(r);
  const e = u.invalidState('Releasing reader');
  for (const req of r.readIntoRequests.drain()) req.error(e);
}

function defaultReaderRead(r, req) {
  const rs = r.stream;
  rs.disturbed = true;
  if (rs.state === 'closed') req.close();
  else if (rs.state === 'errored') req.error(rs.storedError);
  else rs.controller.pullSteps(req);
}

function byobReaderRead(r, view, req) {
  const rs = r.stream;
  rs.disturbed = true;
  if (rs.state === 'errored') req.error(rs.storedError);
  else byteControllerPullInto(rs.controller, view, req);
}

// --- ReadableStreamDefaultController -----------------------------------------------

class ReadableStreamDefaultController {
  constructor(token) {
    if (token !== kToken) throw u.illegalConstructor();
  }
  get desiredSize() {
    return defaultControllerGetDesiredSize(defaultControllerSlots(this));
  }
  close() {
    const c = defaultControllerSlots(this);
    if (!defaultControllerCanCloseOrEnqueue(c)) throw u.invalidState('Controller is already closed');
    defaultControllerClose(c);
  }
  enqueue(chunk = undefined) {
    const c = defaultControllerSlots(this);
    if (!defaultControllerCanCloseOrEnqueue(c)) throw u.invalidState('Controller is already closed');
    defaultControllerEnqueue(c, chunk);
  }
  error(e = undefined) {
    defaultControllerError(defaultControllerSlots(this), e);
  }
}
u.toStringTag(ReadableStreamDefaultController, 'ReadableStreamDefaultController');

function defaultControllerSlots(obj) {
  const c = u.slots(obj, kController, 'ReadableStreamDefaultController');
  if (c.kind !== 'default') throw u.ev.invalidThis('ReadableStreamDefaultController');
  return c;
}

function newDefaultController() {
  const pub = new ReadableStreamDefaultController(kToken);
  const c = u.defineSlots(pub, kController, {
    pub,
    kind: 'default',
    stream: undefined,
    queue: new u.SizedQueue(),
    started: false,
    closeRequested: false,
    pullAgain: false,
    pulling: false,
    hwm: 1,
    sizeAlgorithm: undefined,
    pullAlgorithm: undefined,
    cancelAlgorithm: undefined,
    cancelSteps(reason) {
      c.queue.reset();
      const result = c.cancelAlgorithm(reason);
      defaultControllerClearAlgorithms(c);
      return result;
    },
    pullSteps(req) {
      const rs = c.stream;
      if (c.queue.length > 0) {
        const chunk = c.queue.shift();
        if (c.closeRequested && c.queue.length === 0) {
          defaultControllerClearAlgorithms(c);
          streamClose(rs);
        } else {
          defaultControllerCallPullIfNeeded(c);
        }
        req.chunk(chunk);
      } else {
        rs.reader.readRequests.push(req);
        defaultControllerCallPullIfNeeded(c);
      }
    },
    releaseSteps() {},
  });
  return c;
}

function setUpDefaultController(rs, c, startAlgorithm, pullAlgorithm, cancelAlgorithm, hwm, sizeAlgorithm) {
  c.stream = rs;
  rs.controller = c;
  c.queue.reset();
  c.started = c.closeRequested = c.pullAgain = c.pulling = false;
  c.sizeAlgorithm = sizeAlgorithm;
  c.hwm = hwm;
  c.pullAlgorithm = pullAlgorithm;
  c.cancelAlgorithm = cancelAlgorithm;
  const startResult = startAlgorithm();
  u.upon(Promise.resolve(startResult), () => {
    c.started = true;
    defaultControllerCallPullIfNeeded(c);
  }, (r) => {
    defaultControllerError(c, r);
  });
}

function sourceMethods(source, names) {
  const out = {};
  for (const name of names) {
    const fn = source === null ? undefined : source[name];
    if (fn !== undefined && typeof fn !== 'function') {
      throw u.ev.invalidArgType('source.' + name, 'of type function', fn);
    }
    out[name] = fn;
  }
  return out;
}

function setUpDefaultControllerFromSource(rs, source, hwm, sizeAlgorithm) {
  const m = sourceMethods(source, ['cancel', 'pull', 'start']);
  const c = newDefaultController();
  setUpDefaultController(rs, c,
    () => (m.start === undefined ? undefined : m.start.call(source, c.pub)),
    () => u.promiseCall(m.pull, source, [c.pub]),
    (reason) => u.promiseCall(m.cancel, source, [reason]),
    hwm, sizeAlgorithm);
}

function defaultControllerCallPullIfNeeded(c) {
  if (!defaultControllerShouldCallPull(c)) return;
  if (c.pulling) {
    c.pullAgain = true;
    return;
  }
  c.pulling = true;
  u.upon(c.pullAlgorithm(), () => {
    c.pulling = false;
    if (c.pullAgain) {
      c.pullAgain = false;
      defaultControllerCallPullIfNeeded(c);
    }
  }, (e) => {
    defaultControllerError(c, e);
  });
}

function defaultControllerShouldCallPull(c) {
  const rs = c.stream;
  if (!defaultControllerCanCloseOrEnqueue(c)) return false;
  if (!c.started) return false;
  if (isLocked(rs) && numReadRequests(rs) > 0) return true;
  return defaultControllerGetDesiredSize(c) > 0;
}

function defaultControllerClearAlgorithms(c) {
  c.pullAlgorithm = undefined;
  c.cancelAlgorithm = undefined;
  c.sizeAlgorithm = undefined;
}

function defaultControllerClose(c) {
  if (!defaultControllerCanCloseOrEnqueue(c)) return;
  c.closeRequested = true;
  if (c.queue.length === 0) {
    defaultControllerClearAlgorithms(c);
    streamClose(c.stream);
  }
}

function defaultControllerEnqueue(c, chunk) {
  if (!defaultControllerCanCloseOrEnqueue(c)) return;
  const rs = c.stream;
  if (isLocked(rs) && numReadRequests(rs) > 0) {
    fulfillReadRequest(rs, chunk, false);
  } else {
    let size;
    try {
      size = c.sizeAlgorithm(chunk);
    } catch (e) {
      defaultControllerError(c, e);
      throw e;
    }
    try {
      c.queue.push(chunk, size);
    } catch (e) {
      defaultControllerError(c, e);
      throw e;
    }
  }
  defaultControllerCallPullIfNeeded(c);
}

function defaultControllerError(c, e) {
  const rs = c.stream;
  if (rs.state !== 'readable') return;
  c.queue.reset();
  defaultControllerClearAlgorithms(c);
  streamError(rs, e);
}

function defaultControllerGetDesiredSize(c) {
  const state = c.stream.state;
  if (state === 'errored') return null;
  if (state === 'closed') return 0;
  return c.hwm - c.queue.totalSize;
}

function defaultControllerHasBackpressure(c) {
  return !defaultControllerShouldCallPull(c);
}

function defaultControllerCanCloseOrEnqueue(c) {
  return !c.closeRequested && c.stream.state === 'readable';
}

// --- ReadableByteStreamController and ReadableStreamBYOBRequest --------------------

class ReadableStreamBYOBRequest {
  constructor(token) {
    if (token !== kToken) throw u.illegalConstructor();
  }
  get view() {
    return u.slots(this, kRequest, 'ReadableStreamBYOBRequest').view;
  }
  respond(bytesWritten) {
    const q = u.slots(this, kRequest, 'ReadableStreamBYOBRequest');
    if (q.controller === undefined) throw u.invalidState('This BYOB request has been invalidated');
    if (natives.isDetached(q.view.buffer)) throw u.invalidState('Viewed ArrayBuffer is detached');
    const n = Number(bytesWritten);
    if (!(n >= 0) || n === Infinity) {
      throw u.ev.codedError(RangeError, 'ERR_OUT_OF_RANGE',
        'The value of "bytesWritten" is out of range. It must be >= 0. Received ' + bytesWritten);
    }
    byteControllerRespond(q.controller, Math.trunc(n));
  }
  respondWithNewView(view) {
    const q = u.slots(this, kRequest, 'ReadableStreamBYOBRequest');
    if (!isArrayBufferView(view)) {
      throw u.ev.invalidArgType('view', 'an instance of Buffer, TypedArray, or DataView', view);
    }
    if (q.controller === undefined) throw u.invalidState('This BYOB request has been invalidated');
    if (natives.isDetached(view.buffer)) throw u.invalidState('Viewed ArrayBuffer is detached');
    byteControllerRespondWithNewView(q.controller, view);
  }
}
u.toStringTag(ReadableStreamBYOBRequest, 'ReadableStreamBYOBRequest');

class ReadableByteStreamController {
  constructor(token) {
    if (token !== kToken) throw u.illegalConstructor();
  }
  get byobRequest() {
    return byteControllerGetBYOBRequest(byteControllerSlots(this));
  }
  get desiredSize() {
    return byteControllerGetDesiredSize(byteControllerSlots(this));
  }
  close() {
    const c = byteControllerSlots(this);
    if (c.closeRequested) throw u.invalidState('Controller is already closed');
    if (c.stream.state !== 'readable') throw u.invalidState('ReadableStream is already closed');
    byteControllerClose(c);
  }
  enqueue(chunk) {
    const c = byteControllerSlots(this);
    if (!isArrayBufferView(chunk)) {
      throw u.ev.invalidArgType('buffer', 'an instance of Buffer, TypedArray, or DataView', chunk);
    }
    if (chunk.byteLength === 0 || chunk.buffer.byteLength === 0 || natives.isDetached(chunk.buffer)) {
      throw u.invalidState('chunk ArrayBuffer is zero-length or detached');
    }
    if (c.closeRequested) throw u.invalidState('Controller is already closed');
    if (c.stream.state !== 'readable') throw u.invalidState('ReadableStream is already closed');
    byteControllerEnqueue(c, chunk);
  }
  error(e = undefined) {
    byteControllerError(byteControllerSlots(this), e);
  }
}
u.toStringTag(ReadableByteStreamController, 'ReadableByteStreamController');

function byteControllerSlots(obj) {
  const c = u.slots(obj, kController, 'ReadableByteStreamController');
  if (c.kind !== 'bytes') throw u.ev.invalidThis('ReadableByteStreamController');
  return c;
}

function newByteController() {
  const pub = new ReadableByteStreamController(kToken);
  const c = u.defineSlots(pub, kController, {
    pub,
    kind: 'bytes',
    stream: undefined,
    queue: new u.Fifo(),
    queueTotalSize: 0,
    started: false,
    closeRequested: false,
    pullAgain: false,
    pulling: false,
    hwm: 0,
    pullAlgorithm: undefined,
    cancelAlgorithm: undefined,
    autoAllocateChunkSize: undefined,
    pendingPullIntos: new u.Fifo(),
    byobRequest: null,
    cancelSteps(reason) {
      byteControllerClearPendingPullIntos(c);
      byteControllerResetQueue(c);
      const result = c.cancelAlgorithm(reason);
      byteControllerClearAlgorithms(c);
      return result;
    },
    pullSteps(req) {
      const rs = c.stream;
      if (c.queueTotalSize > 0) {
        byteControllerFillReadRequestFromQueue(c, req);
        return;
      }
      const size = c.autoAllocateChunkSize;
      if (size !== undefined) {
        let buffer;
        try {
          buffer = new ArrayBuffer(size);
        } catch (e) {
          req.error(e);
          return;
        }
        c.pendingPullIntos.push({
          buffer, bufferByteLength: size, byteOffset: 0, byteLength: size, bytesFilled: 0,
          elementSize: 1, viewConstructor: Uint8Array, readerType: 'default',
        });
      }
      rs.reader.readRequests.push(req);
      byteControllerCallPullIfNeeded(c);
    },
    releaseSteps() {
      if (c.pendingPullIntos.length > 0) {
        const first = c.pendingPullIntos.peek();
        first.readerType = 'none';
        c.pendingPullIntos.drain();
        c.pendingPullIntos.push(first);
      }
    },
  });
  return c;
}

function setUpByteController(rs, c, startAlgorithm, pullAlgorithm, cancelAlgorithm, hwm, autoAllocateChunkSize) {
  c.stream = rs;
  rs.controller = c;
  c.pullAgain = c.pulling = false;
  c.byobRequest = null;
  byteControllerResetQueue(c);
  c.closeRequested = c.started = false;
  c.hwm = hwm;
  c.pullAlgorithm = pullAlgorithm;
  c.cancelAlgorithm = cancelAlgorithm;
  c.autoAllocateChunkSize = autoAllocateChunkSize;
  c.pendingPullIntos = new u.Fifo();
  const startResult = startAlgorithm();
  u.upon(Promise.resolve(startResult), () => {
    c.started = true;
    byteControllerCallPullIfNeeded(c);
  }, (r) => {
    byteControllerError(c, r);
  });
}

function setUpByteControllerFromSource(rs, source, hwm) {
  const m = sourceMethods(source, ['cancel', 'pull', 'start']);
  let autoAllocateChunkSize = source.autoAllocateChunkSize;
  if (autoAllocateChunkSize !== undefined) {
    autoAllocateChunkSize = Number(autoAllocateChunkSize);
    if (!Number.isInteger(autoAllocateChunkSize) || autoAllocateChunkSize <= 0) {
      throw u.invalidArgValue('source.autoAllocateChunkSize', source.autoAllocateChunkSize, undefined, RangeError);
    }
  }
  const c = newByteController();
  setUpByteController(rs, c,
    () => (m.start === undefined ? undefined : m.start.call(source, c.pub)),
    () => u.promiseCall(m.pull, source, [c.pub]),
    (reason) => u.promiseCall(m.cancel, source, [reason]),
    hwm, autoAllocateChunkSize);
}

function byteControllerResetQueue(c) {
  c.queue = new u.Fifo();
  c.queueTotalSize = 0;
}

function byteControllerClearAlgorithms(c) {
  c.pullAlgorithm = undefined;
  c.cancelAlgorithm = undefined;
}

function byteControllerGetBYOBRequest(c) {
  if (c.byobRequest === null && c.pendingPullIntos.length > 0) {
    const first = c.pendingPullIntos.peek();
    const view = new Uint8Array(first.buffer, first.byteOffset + first.bytesFilled, first.byteLength - first.bytesFilled);
    const pub = new ReadableStreamBYOBRequest(kToken);
    u.defineSlots(pub, kRequest, { controller: c, view });
    c.byobRequest = pub;
  }
  return c.byobRequest;
}

function byteControllerGetDesiredSize(c) {
  const state = c.stream.state;
  if (state === 'errored') return null;
  if (state === 'closed') return 0;
  return c.hwm - c.queueTotalSize;
}

function byteControllerShouldCallPull(c) {
  const rs = c.stream;
  if (rs.state !== 'readable') return false;
  if (c.closeRequested) return false;
  if (!c.started) return false;
  if (hasDefaultReader(rs) && numReadRequests(rs) > 0) return true;
  if (hasBYOBReader(rs) && numReadIntoRequests(rs) > 0) return true;
  return byteControllerGetDesiredSize(c) > 0;
}

function byteControllerCallPullIfNeeded(c) {
  if (!byteControllerShouldCallPull(c)) return;
  if (c.pulling) {
    c.pullAgain = true;
    return;
  }
  c.pulling = true;
  u.upon(c.pullAlgorithm(), () => {
    c.pulling = false;
    if (c.pullAgain) {
      c.pullAgain = false;
      byteControllerCallPullIfNeeded(c);
    }
  }, (e) => {
    byteControllerError(c, e);
  });
}

function byteControllerClearPendingPullIntos(c) {
  byteControllerInvalidateBYOBRequest(c);
  c.pendingPullIntos = new u.Fifo();
}

function byteControllerClose(c) {
  const rs = c.stream;
  if (c.closeRequested || rs.state !== 'readable') return;
  if (c.queueTotalSize > 0) {
    c.closeRequested = true;
    return;
  }
  if (c.pendingPullIntos.length > 0) {
    const first = c.pendingPullIntos.peek();
    if (first.bytesFilled % first.elementSize !== 0) {
      const e = u.invalidState('Partial read');
      byteControllerError(c, e);
      throw e;
    }
  }
  byteControllerClearAlgorithms(c);
  streamClose(rs);
}

function byteControllerCommitPullIntoDescriptor(rs, pullInto) {
  let done = false;
  if (rs.state === 'closed') done = true;
  const filledView = byteControllerConvertPullIntoDescriptor(pullInto);
  if (pullInto.readerType === 'default') fulfillReadRequest(rs, filledView, done);
  else fulfillReadIntoRequest(rs, filledView, done);
}

function byteControllerConvertPullIntoDescriptor(pullInto) {
  const buffer = transferBuffer(pullInto.buffer);
  return new pullInto.viewConstructor(buffer, pullInto.byteOffset, pullInto.bytesFilled / pullInto.elementSize);
}

function byteControllerEnqueue(c, chunk) {
  const rs = c.stream;
  if (c.closeRequested || rs.state !== 'readable') return;
  const buffer = chunk.buffer;
  const byteOffset = chunk.byteOffset;
  const byteLength = chunk.byteLength;
  if (natives.isDetached(buffer)) throw u.invalidState('chunk ArrayBuffer is zero-length or detached');
  const transferred = transferBuffer(buffer);
  if (c.pendingPullIntos.length > 0) {
    const first = c.pendingPullIntos.peek();
    if (natives.isDetached(first.buffer)) throw u.invalidState('The BYOB request ArrayBuffer has been detached');
    byteControllerInvalidateBYOBRequest(c);
    first.buffer = transferBuffer(first.buffer);
    if (first.readerType === 'none') byteControllerEnqueueDetachedPullIntoToQueue(c, first);
  }
  if (hasDefaultReader(rs)) {
    byteControllerProcessReadRequestsUsingQueue(c);
    if (numReadRequests(rs) === 0) {
      byteControllerEnqueueChunkToQueue(c, transferred, byteOffset, byteLength);
    } else {
      if (c.pendingPullIntos.length > 0) c.pendingPullIntos.shift();
      fulfillReadRequest(rs, new Uint8Array(transferred, byteOffset, byteLength), false);
    }
  } else if (hasBYOBReader(rs)) {
    byteControllerEnqueueChunkToQueue(c, transferred, byteOffset, byteLength);
    const filled = byteControllerProcessPullIntoDescriptorsUsingQueue(c);
    for (const p of filled) byteControllerCommitPullIntoDescriptor(rs, p);
  } else {
    byteControllerEnqueueChunkToQueue(c, transferred, byteOffset, byteLength);
  }
  byteControllerCallPullIfNeeded(c);
}

function byteControllerEnqueueChunkToQueue(c, buffer, byteOffset, byteLength) {
  c.queue.push({ buffer, byteOffset, byteLength });
  c.queueTotalSize += byteLength;
}

function byteControllerEnqueueClonedChunkToQueue(c, buffer, byteOffset, byteLength) {
  let clone;
  try {
    clone = buffer.slice(byteOffset, byteOffset + byteLength);
  } catch (e) {
    byteControllerError(c, e);
    throw e;
  }
  byteControllerEnqueueChunkToQueue(c, clone, 0, byteLength);
}

function byteControllerEnqueueDetachedPullIntoToQueue(c, pullInto) {
  if (pullInto.bytesFilled > 0) {
    byteControllerEnqueueClonedChunkToQueue(c, pullInto.buffer, pullInto.byteOffset, pullInto.bytesFilled);
  }
  c.pendingPullIntos.shift();
}

function byteControllerFillPullIntoDescriptorFromQueue(c, pullInto) {
  const maxBytesToCopy = Math.min(c.queueTotalSize, pullInto.byteLength - pullInto.bytesFilled);
  const maxBytesFilled = pullInto.bytesFilled + maxBytesToCopy;
  let remaining = maxBytesToCopy;
  let ready = false;
  const maxAlignedBytes = maxBytesFilled - (maxBytesFilled % pullInto.elementSize);
  if (maxAlignedBytes >= pullInto.elementSize) {
    remaining = maxAlignedBytes - pullInto.bytesFilled;
    ready = true;
  }
  while (remaining > 0) {
    const head = c.queue.peek();
    const n = Math.min(remaining, head.byteLength);
    const destStart = pullInto.byteOffset + pullInto.bytesFilled;
    new Uint8Array(pullInto.buffer, destStart, n).set(new Uint8Array(head.buffer, head.byteOffset, n));
    if (head.byteLength === n) {
      c.queue.shift();
    } else {
      head.byteOffset += n;
      head.byteLength -= n;
    }
    c.queueTotalSize -= n;
    pullInto.bytesFilled += n;
    remaining -= n;
  }
  return ready;
}

function byteControllerFillReadRequestFromQueue(c, req) {
  const entry = c.queue.shift();
  c.queueTotalSize -= entry.byteLength;
  byteControllerHandleQueueDrain(c);
  req.chunk(new Uint8Array(entry.buffer, entry.byteOffset, entry.byteLength));
}

function byteControllerHandleQueueDrain(c) {
  if (c.queueTotalSize === 0 && c.closeRequested) {
    byteControllerClearAlgorithms(c);
    streamClose(c.stream);
  } else {
    byteControllerCallPullIfNeeded(c);
  }
}

function byteControllerInvalidateBYOBRequest(c) {
  if (c.byobRequest === null) return;
  const q = c.byobRequest[kRequest];
  q.controller = undefined;
  q.view = null;
  c.byobRequest = null;
}

function byteControllerProcessPullIntoDescriptorsUsingQueue(c) {
  const filled = [];
  while (c.pendingPullIntos.length > 0) {
    if (c.queueTotalSize === 0) break;
    const pullInto = c.pendingPullIntos.peek();
    if (byteControllerFillPullIntoDescriptorFromQueue(c, pullInto)) {
      c.pendingPullIntos.shift();
      filled.push(pullInto);
    }
  }
  return filled;
}

function byteControllerProcessReadRequestsUsingQueue(c) {
  const reader = c.stream.reader;
  while (reader.readRequests.length > 0) {
    if (c.queueTotalSize === 0) return;
    byteControllerFillReadRequestFromQueue(c, reader.readRequests.shift());
  }
}

function byteControllerPullInto(c, view, req) {
  const rs = c.stream;
  let elementSize = 1;
  let ctor = DataView;
  if (isTypedArray(view)) {
    elementSize = view.BYTES_PER_ELEMENT;
    ctor = globalThis[typedArrayTag.call(view)];
  }
  const byteOffset = view.byteOffset;
  const byteLength = view.byteLength;
  let buffer;
  try {
    buffer = transferBuffer(view.buffer);
  } catch (e) {
    req.error(e);
    return;
  }
  const pullInto = {
    buffer, bufferByteLength: buffer.byteLength, byteOffset, byteLength, bytesFilled: 0,
    elementSize, viewConstructor: ctor, readerType: 'byob',
  };
  if (c.pendingPullIntos.length > 0) {
    c.pendingPullIntos.push(pullInto);
    rs.reader.readIntoRequests.push(req);
    return;
  }
  if (rs.state === 'closed') {
    req.close(new ctor(pullInto.buffer, pullInto.byteOffset, 0));
    return;
  }
  if (c.queueTotalSize > 0) {
    if (byteControllerFillPullIntoDescriptorFromQueue(c, pullInto)) {
      const filledView = byteControllerConvertPullIntoDescriptor(pullInto);
      byteControllerHandleQueueDrain(c);
      req.chunk(filledView);
      return;
    }
    if (c.closeRequested) {
      const e = u.invalidState('Insufficient bytes to fill elements in the given buffer');
      byteControllerError(c, e);
      req.error(e);
      return;
    }
  }
  c.pendingPullIntos.push(pullInto);
  rs.reader.readIntoRequests.push(req);
  byteControllerCallPullIfNeeded(c);
}

function byteControllerRespond(c, bytesWritten) {
  const first = c.pendingPullIntos.peek();
  if (c.stream.state === 'closed') {
    if (bytesWritten !== 0) {
      throw u.ev.codedError(TypeError, 'ERR_INVALID_ARG_VALUE',
        'bytesWritten must be 0 when calling respond() on a closed stream');
    }
  } else {
    if (bytesWritten === 0) {
      throw u.ev.codedError(TypeError, 'ERR_INVALID_ARG_VALUE',
        'bytesWritten must be greater than 0 when calling respond() on a readable stream');
    }
    if (first.bytesFilled + bytesWritten > first.byteLength) {
      throw u.ev.codedError(RangeError, 'ERR_OUT_OF_RANGE',
        'The value of "bytesWritten" is out of range. Received ' + bytesWritten);
    }
  }
  first.buffer = transferBuffer(first.buffer);
  byteControllerRespondInternal(c, bytesWritten);
}

function byteControllerRespondInClosedState(c, first) {
  if (first.readerType === 'none') c.pendingPullIntos.shift();
  const rs = c.stream;
  if (hasBYOBReader(rs)) {
    while (numReadIntoRequests(rs) > 0) {
      byteControllerCommitPullIntoDescriptor(rs, c.pendingPullIntos.shift());
    }
  }
}

function byteControllerRespondInReadableState(c, bytesWritten, pullInto) {
  pullInto.bytesFilled += bytesWritten;
  const rs = c.stream;
  if (pullInto.readerType === 'none') {
    byteControllerEnqueueDetachedPullIntoToQueue(c, pullInto);
    for (const p of byteControllerProcessPullIntoDescriptorsUsingQueue(c)) byteControllerCommitPullIntoDescriptor(rs, p);
    return;
  }
  if (pullInto.bytesFilled < pullInto.elementSize) return;
  c.pendingPullIntos.shift();
  const remainderSize = pullInto.bytesFilled % pullInto.elementSize;
  if (remainderSize > 0) {
    const end = pullInto.byteOffset + pullInto.bytesFilled;
    byteControllerEnqueueClonedChunkToQueue(c, pullInto.buffer, end - remainderSize, remainderSize);
  }
  pullInto.bytesFilled -= remainderSize;
  const filled = byteControllerProcessPullIntoDescriptorsUsingQueue(c);
  byteControllerCommitPullIntoDescriptor(rs, pullInto);
  for (const p of filled) byteControllerCommitPullIntoDescriptor(rs, p);
}

function byteControllerRespondInternal(c, bytesWritten) {
  const first = c.pendingPullIntos.peek();
  byteControllerInvalidateBYOBRequest(c);
  if (c.stream.state === 'closed') byteControllerRespondInClosedState(c, first);
  else byteControllerRespondInReadableState(c, bytesWritten, first);
  byteControllerCallPullIfNeeded(c);
}

function byteControllerRespondWithNewView(c, view) {
  const first = c.pendingPullIntos.peek();
  if (c.stream.state === 'closed') {
    if (view.byteLength !== 0) {
      throw u.ev.codedError(TypeError, 'ERR_INVALID_ARG_VALUE',
        'The view\'s length must be 0 when calling respondWithNewView() on a closed stream');
    }
  } else if (view.byteLength === 0) {
    throw u.ev.codedError(TypeError, 'ERR_INVALID_ARG_VALUE',
      'The view\'s length must be greater than 0 when calling respondWithNewView() on a readable stream');
  }
  if (first.byteOffset + first.bytesFilled !== view.byteOffset) {
    throw u.ev.codedError(RangeError, 'ERR_INVALID_ARG_VALUE', 'The region specified by view does not match byobRequest');
  }
  if (first.bufferByteLength !== view.buffer.byteLength) {
    throw u.ev.codedError(RangeError, 'ERR_INVALID_ARG_VALUE', 'The buffer of view has different capacity than byobRequest');
  }
  if (first.bytesFilled + view.byteLength > first.byteLength) {
    throw u.ev.codedError(RangeError, 'ERR_INVALID_ARG_VALUE', 'The region specified by view is larger than byobRequest');
  }
  const viewByteLength = view.byteLength;
  first.buffer = transferBuffer(view.buffer);
  byteControllerRespondInternal(c, viewByteLength);
}

function byteControllerError(c, e) {
  const rs = c.stream;
  if (rs.state !== 'readable') return;
  byteControllerClearPendingPullIntos(c);
  byteControllerResetQueue(c);
  byteControllerClearAlgorithms(c);
  streamError(rs, e);
}

// --- tee ---------------------------------------------------------------------------

// streamTee is the spec's default tee. For a byte stream the branches are
// byte streams too, and the second branch gets a copy of each chunk so that
// transferring one branch's chunk leaves the other intact.
function streamTee(rs) {
  const isBytes = rs.controller.kind === 'bytes';
  const reader = acquireDefaultReader(rs);
  let reading = false;
  let readAgain = false;
  let canceled1 = false;
  let canceled2 = false;
  let reason1, reason2;
  let branch1, branch2;
  const cancelPromise = u.cell();

  const enqueue = (branch, chunk) => {
    if (isBytes) byteControllerEnqueue(branch.controller, chunk);
    else defaultControllerEnqueue(branch.controller, chunk);
  };
  const close = (branch) => {
    if (isBytes) {
      byteControllerClose(branch.controller);
      // A BYOB read pending on a branch is answered with an empty view.
      if (branch.controller.pendingPullIntos.length > 0) byteControllerRespond(branch.controller, 0);
    } else {
      defaultControllerClose(branch.controller);
    }
  };
  const error = (branch, r) => {
    if (isBytes) byteControllerError(branch.controller, r);
    else defaultControllerError(branch.controller, r);
  };

  function pullAlgorithm() {
    if (reading) {
      readAgain = true;
      return Promise.resolve(undefined);
    }
    reading = true;
    defaultReaderRead(reader, {
      chunk(chunk) {
        queueMicrotask(() => {
          readAgain = false;
          let chunk2 = chunk;
          if (isBytes && !canceled1 && !canceled2) chunk2 = new Uint8Array(chunk);
          if (!canceled1) enqueue(branch1, chunk);
          if (!canceled2) enqueue(branch2, chunk2);
          reading = false;
          if (readAgain) pullAlgorithm();
        });
      },
      close() {
        reading = false;
        if (!canceled1) close(branch1);
        if (!canceled2) close(branch2);
        if (!canceled1 || !canceled2) cancelPromise.resolve(undefined);
      },
      error() {
        reading = false;
      },
    });
    return Promise.resolve(undefined);
  }
  function cancel1(reason) {
    canceled1 = true;
    reason1 = reason;
    if (canceled2) cancelPromise.resolve(streamCancel(rs, [reason1, reason2]));
    return cancelPromise.promise;
  }
  function cancel2(reason) {
    canceled2 = true;
    reason2 = reason;
    if (canceled1) cancelPromise.resolve(streamCancel(rs, [reason1, reason2]));
    return cancelPromise.promise;
  }
  const start = () => undefined;
  if (isBytes) {
    branch1 = createReadableByteStream(start, pullAlgorithm, cancel1);
    branch2 = createReadableByteStream(start, pullAlgorithm, cancel2);
  } else {
    branch1 = createReadableStream(start, pullAlgorithm, cancel1);
    branch2 = createReadableStream(start, pullAlgorithm, cancel2);
  }
  u.upon(reader.closed.promise, () => {}, (r) => {
    error(branch1, r);
    error(branch2, r);
    if (!canceled1 || !canceled2) cancelPromise.resolve(undefined);
  });
  return [branch1, branch2];
}

// --- pipeTo ------------------------------------------------------------------------

function pipeTo(source, dest, preventClose, preventAbort, preventCancel, signal) {
  const reader = acquireDefaultReader(source);
  const writer = W.acquireWriter(dest);
  source.disturbed = true;
  let shuttingDown = false;
  let currentWrite = Promise.resolve(undefined);
  const result = u.cell();
  let removeAbort = () => {};

  function waitForWrites() {
    const old = currentWrite;
    return old.then(() => (old !== currentWrite ? waitForWrites() : undefined), () => (old !== currentWrite ? waitForWrites() : undefined));
  }

  function finalize(isError, error) {
    W.writerRelease(writer);
    defaultReaderRelease(reader);
    removeAbort();
    if (isError) result.reject(error);
    else result.resolve(undefined);
  }

  function shutdownWithAction(action, originalIsError, originalError) {
    if (shuttingDown) return;
    shuttingDown = true;
    const doTheRest = () => {
      let p;
      try { p = Promise.resolve(action()); } catch (e) { p = Promise.reject(e); }
      u.upon(p, () => finalize(originalIsError, originalError), (newError) => finalize(true, newError));
    };
    if (dest.state === 'writable' && !W.closeQueuedOrInFlight(dest)) u.upon(waitForWrites(), doTheRest);
    else doTheRest();
  }

  function shutdown(isError, error) {
    if (shuttingDown) return;
    shuttingDown = true;
    if (dest.state === 'writable' && !W.closeQueuedOrInFlight(dest)) u.upon(waitForWrites(), () => finalize(isError, error));
    else finalize(isError, error);
  }

  function onSourceErrored(storedError) {
    if (!preventAbort) shutdownWithAction(() => W.streamAbort(dest, storedError), true, storedError);
    else shutdown(true, storedError);
  }
  function onDestErrored(storedError) {
    if (!preventCancel) shutdownWithAction(() => streamCancel(source, storedError), true, storedError);
    else shutdown(true, storedError);
  }
  function onSourceClosed() {
    if (!preventClose) shutdownWithAction(() => W.writerCloseWithErrorPropagation(writer));
    else shutdown();
  }

  if (signal !== undefined) {
    const abortAlgorithm = () => {
      const error = signal.reason;
      const actions = [];
      if (!preventAbort) {
        actions.push(() => (dest.state === 'writable' ? W.streamAbort(dest, error) : Promise.resolve(undefined)));
      }
      if (!preventCancel) {
        actions.push(() => (source.state === 'readable' ? streamCancel(source, error) : Promise.resolve(undefined)));
      }
      shutdownWithAction(() => Promise.all(actions.map((a) => a())), true, error);
    };
    if (signal.aborted) {
      abortAlgorithm();
      return result.promise;
    }
    removeAbort = abortInternals.addAlgorithm(signal, abortAlgorithm);
  }

  // The conditions the spec checks "right away", in its order.
  if (source.state === 'errored') onSourceErrored(source.storedError);
  else if (dest.state === 'errored' || dest.state === 'erroring') onDestErrored(dest.storedError);
  else if (source.state === 'closed') onSourceClosed();
  else if (W.closeQueuedOrInFlight(dest) || dest.state === 'closed') {
    const destClosed = u.invalidState('Cannot pipe to a closed or closing stream');
    if (!preventCancel) shutdownWithAction(() => streamCancel(source, destClosed), true, destClosed);
    else shutdown(true, destClosed);
  }
  if (shuttingDown) return result.promise;

  u.upon(reader.closed.promise, () => { if (!shuttingDown) onSourceClosed(); },
    (e) => { if (!shuttingDown) onSourceErrored(source.storedError === undefined ? e : source.storedError); });
  u.upon(writer.closed.promise, () => {},
    (e) => { if (!shuttingDown) onDestErrored(dest.state === 'errored' ? dest.storedError : e); });
  function step() {
    if (shuttingDown) return;
    u.upon(writer.ready.promise, () => {
      if (shuttingDown) return;
      defaultReaderRead(reader, {
        chunk(chunk) {
          currentWrite = W.writerWrite(writer, chunk);
          u.handled(currentWrite);
          step();
        },
        close() {},
        error() {},
      });
    }, () => {
      // The destination is erroring: the closed watcher takes over once it
      // has errored.
    });
  }
  step();
  return result.promise;
}

// --- async iteration ---------------------------------------------------------------

// The prototype every stream async iterator shares; it is its own async
// iterable, as %AsyncIteratorPrototype% would make it.
const asyncIteratorPrototype = {
  next() {
    let it;
    try { it = u.slots(this, kIterator, 'ReadableStreamAsyncIterator'); } catch (e) { return u.rejected(e); }
    const nextSteps = () => {
      if (it.finished) return Promise.resolve({ done: true, value: undefined });
      const r = it.reader;
      if (r.stream === undefined) return u.rejected(u.invalidState('The reader is not attached to a stream'));
      const c = u.cell();
      defaultReaderRead(r, {
        chunk: (v) => c.resolve({ value: v, done: false }),
        close: () => {
          defaultReaderRelease(r);
          it.finished = true;
          c.resolve({ done: true, value: undefined });
        },
        error: (e) => {
          defaultReaderRelease(r);
          it.finished = true;
          c.reject(e);
        },
      });
      return c.promise;
    };
    it.ongoing = it.ongoing ? it.ongoing.then(nextSteps, nextSteps) : nextSteps();
    return it.ongoing;
  },
  return(value = undefined) {
    let it;
    try { it = u.slots(this, kIterator, 'ReadableStreamAsyncIterator'); } catch (e) { return u.rejected(e); }
    const returnSteps = () => {
      if (it.finished) return Promise.resolve({ done: true, value });
      it.finished = true;
      const r = it.reader;
      if (r.stream === undefined) return u.rejected(u.invalidState('The reader is not attached to a stream'));
      if (!it.preventCancel) {
        const p = streamCancel(r.stream, value);
        defaultReaderRelease(r);
        return p.then(() => ({ done: true, value }));
      }
      defaultReaderRelease(r);
      return Promise.resolve({ done: true, value });
    };
    it.ongoing = it.ongoing ? it.ongoing.then(returnSteps, returnSteps) : returnSteps();
    return it.ongoing;
  },
  [Symbol.asyncIterator]() { return this; },
};
Object.defineProperty(asyncIteratorPrototype, Symbol.toStringTag, { value: 'ReadableStream AsyncIterator', configurable: true });
for (const k of ['next', 'return', Symbol.asyncIterator]) {
  Object.defineProperty(asyncIteratorPrototype, k, { enumerable: false });
}

function createAsyncIterator(rs, preventCancel) {
  const reader = acquireDefaultReader(rs);
  const it = Object.create(asyncIteratorPrototype);
  u.defineSlots(it, kIterator, { reader, preventCancel, ongoing: undefined, finished: false });
  return it;
}

// --- ReadableStream.from -----------------------------------------------------------

function notIterable(obj) {
  let shown;
  try {
    shown = require('util').inspect(obj);
  } catch {
    shown = String(obj);
  }
  return u.ev.codedError(TypeError, 'ERR_ARG_NOT_ITERABLE', shown + ' must be iterable');
}

function getAsyncIterator(obj) {
  if (obj == null) {
    throw new TypeError('Cannot read properties of ' + obj + " (reading 'Symbol(Symbol.asyncIterator)')");
  }
  const asyncMethod = obj[Symbol.asyncIterator];
  if (asyncMethod != null) {
    if (typeof asyncMethod !== 'function') throw new TypeError('Symbol.asyncIterator is not a function');
    const iterator = asyncMethod.call(obj);
    if (iterator === null || (typeof iterator !== 'object' && typeof iterator !== 'function')) {
      throw new TypeError('The iterator is not an object');
    }
    return iterator;
  }
  const syncMethod = obj[Symbol.iterator];
  if (typeof syncMethod !== 'function') throw notIterable(obj);
  const sync = syncMethod.call(obj);
  if (sync === null || (typeof sync !== 'object' && typeof sync !== 'function')) {
    throw new TypeError('The iterator is not an object');
  }
  const syncNext = sync.next;
  // The spec's CreateAsyncFromSyncIterator: values are awaited.
  const wrap = (result) => {
    if (result === null || typeof result !== 'object') throw new TypeError('Iterator result ' + result + ' is not an object');
    const done = !!result.done;
    return Promise.resolve(result.value).then((value) => ({ value, done }));
  };
  return {
    next() { return wrap(syncNext.call(sync)); },
    get return() {
      const ret = sync.return;
      if (ret == null) return undefined;
      return (v) => wrap(ret.call(sync, v));
    },
  };
}

function readableFrom(iterable) {
  const iterator = getAsyncIterator(iterable);
  const nextMethod = iterator.next;
  let rs;
  const pull = () => {
    let next;
    try {
      next = Promise.resolve(nextMethod.call(iterator));
    } catch (e) {
      return Promise.reject(e);
    }
    return next.then((result) => {
      if (result === null || typeof result !== 'object') {
        throw new TypeError('The promise returned by the iterator.next() method must fulfill with an object');
      }
      if (result.done) defaultControllerClose(rs.controller);
      else defaultControllerEnqueue(rs.controller, result.value);
    });
  };
  const cancel = (reason) => {
    let returnMethod;
    try {
      returnMethod = iterator.return;
    } catch (e) {
      return Promise.reject(e);
    }
    if (returnMethod == null) return Promise.resolve(undefined);
    let ret;
    try {
      ret = Promise.resolve(returnMethod.call(iterator, reason));
    } catch (e) {
      return Promise.reject(e);
    }
    return ret.then((r) => {
      if (r === null || typeof r !== 'object') {
        throw new TypeError('The promise returned by the iterator.return() method must fulfill with an object');
      }
    });
  };
  rs = createReadableStream(() => undefined, pull, cancel, 0);
  return rs;
}

module.exports = {
  ReadableStream,
  ReadableStreamDefaultReader,
  ReadableStreamBYOBReader,
  ReadableStreamBYOBRequest,
  ReadableByteStreamController,
  ReadableStreamDefaultController,
};
Object.defineProperty(module.exports, 'internals', {
  value: {
    kStream,
    isReadableStream,
    record: (pub) => pub[kStream],
    isLocked,
    isDisturbed: (rs) => rs.disturbed,
    createReadableStream,
    streamCancel,
    acquireDefaultReader,
    defaultReaderRead,
    defaultReaderRelease,
    defaultControllerClose,
    defaultControllerEnqueue,
    defaultControllerError,
    defaultControllerGetDesiredSize,
    defaultControllerHasBackpressure,
    defaultControllerCanCloseOrEnqueue,
  },
});
