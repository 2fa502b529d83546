'use strict';
// WHATWG Streams: WritableStream, WritableStreamDefaultWriter and
// WritableStreamDefaultController. The abstract operations follow the spec
// step by step; they work on internal records (one per public object, kept
// under a symbol), and the record's pub field is the public object.

const u = require('internal/web_streams_util');
const { AbortController } = require('internal/web_abort');

const kStream = Symbol('writableStream');
const kWriter = Symbol('writableStreamWriter');
const kController = Symbol('writableStreamController');
const kCloseSentinel = Symbol('close');
const kToken = Symbol('construct');

// --- WritableStream ---------------------------------------------------------

class WritableStream {
  constructor(underlyingSink = undefined, strategy = undefined) {
    const sink = underlyingSink === undefined ? null : underlyingSink;
    if (sink !== null && typeof sink !== 'object') {
      throw u.ev.invalidArgType('underlyingSink', 'of type object', sink);
    }
    if (strategy != null && typeof strategy !== 'object') {
      throw u.ev.invalidArgType('strategy', 'of type object', strategy);
    }
    if (sink !== null && sink.type !== undefined) {
      throw u.ev.codedError(RangeError, 'ERR_INVALID_ARG_VALUE',
        "The argument 'type' is invalid. Received " + (typeof sink.type === 'string' ? "'" + sink.type + "'" : String(sink.type)));
    }
    const sizeAlgorithm = u.extractSizeAlgorithm(strategy);
    const hwm = u.extractHighWaterMark(strategy, 1);
    const st = initStream(this);
    setUpControllerFromSink(st, sink, hwm, sizeAlgorithm);
  }
  get locked() {
    return u.slots(this, kStream, 'WritableStream').writer !== undefined;
  }
  abort(reason = undefined) {
    let st;
    try { st = u.slots(this, kStream, 'WritableStream'); } catch (e) { return u.rejected(e); }
    if (st.writer !== undefined) return u.rejected(u.invalidState('WritableStream is locked'));
    return streamAbort(st, reason);
  }
  close() {
    let st;
    try { st = u.slots(this, kStream, 'WritableStream'); } catch (e) { return u.rejected(e); }
    if (st.writer !== undefined) return u.rejected(u.invalidState('WritableStream is locked'));
    if (closeQueuedOrInFlight(st)) return u.rejected(u.invalidState('WritableStream is closed'));
    return streamClose(st);
  }
  getWriter() {
    const st = u.slots(this, kStream, 'WritableStream');
    return acquireWriter(st).pub;
  }
}
u.toStringTag(WritableStream, 'WritableStream');

function initStream(pub) {
  return u.defineSlots(pub, kStream, {
    pub,
    state: 'writable',
    storedError: undefined,
    writer: undefined,
    controller: undefined,
    inFlightWriteRequest: undefined,
    closeRequest: undefined,
    inFlightCloseRequest: undefined,
    pendingAbortRequest: undefined,
    writeRequests: new u.Fifo(),
    backpressure: false,
  });
}

function isLocked(st) { return st.writer !== undefined; }

// createWritableStream is the spec's CreateWritableStream, used by
// TransformStream. It returns the stream record.
function createWritableStream(startAlgorithm, writeAlgorithm, closeAlgorithm, abortAlgorithm, hwm = 1, sizeAlgorithm = () => 1) {
  const pub = Object.create(WritableStream.prototype);
  const st = initStream(pub);
  const ctrl = newController();
  setUpController(st, ctrl, startAlgorithm, writeAlgorithm, closeAlgorithm, abortAlgorithm, hwm, sizeAlgorithm);
  return st;
}

function streamAbort(st, reason) {
  if (st.state === 'closed' || st.state === 'errored') return Promise.resolve(undefined);
  st.controller.abortController.abort(reason);
  const state = st.state;
  if (state === 'closed' || state === 'errored') return Promise.resolve(undefined);
  if (st.pendingAbortRequest !== undefined) return st.pendingAbortRequest.cell.promise;
  let wasAlreadyErroring = false;
  if (state === 'erroring') {
    wasAlreadyErroring = true;
    reason = undefined;
  }
  const c = u.cell();
  st.pendingAbortRequest = { cell: c, reason, wasAlreadyErroring };
  if (!wasAlreadyErroring) startErroring(st, reason);
  return c.promise;
}

function streamClose(st) {
  const state = st.state;
  if (state === 'closed' || state === 'errored') {
    return u.rejected(u.invalidState('WritableStream is closed'));
  }
  const c = u.cell();
  st.closeRequest = c;
  const w = st.writer;
  if (w !== undefined && st.backpressure && state === 'writable') w.ready.resolve(undefined);
  controllerClose(st.controller);
  return c.promise;
}

function addWriteRequest(st) {
  const c = u.cell();
  st.writeRequests.push(c);
  return c.promise;
}

function dealWithRejection(st, error) {
  if (st.state === 'writable') {
    startErroring(st, error);
    return;
  }
  finishErroring(st);
}

function startErroring(st, reason) {
  const ctrl = st.controller;
  st.state = 'erroring';
  st.storedError = reason;
  const w = st.writer;
  if (w !== undefined) writerEnsureReadyPromiseRejected(w, reason);
  if (!hasOperationMarkedInFlight(st) && ctrl.started) finishErroring(st);
}

function finishErroring(st) {
  st.state = 'errored';
  st.controller.queue.reset();
  const storedError = st.storedError;
  for (const req of st.writeRequests.drain()) req.reject(storedError);
  if (st.pendingAbortRequest === undefined) {
    rejectCloseAndClosedPromiseIfNeeded(st);
    return;
  }
  const abortRequest = st.pendingAbortRequest;
  st.pendingAbortRequest = undefined;
  if (abortRequest.wasAlreadyErroring) {
    abortRequest.cell.reject(storedError);
    rejectCloseAndClosedPromiseIfNeeded(st);
    return;
  }
  const p = controllerAbortSteps(st.controller, abortRequest.reason);
  u.upon(p, () => {
    abortRequest.cell.resolve(undefined);
    rejectCloseAndClosedPromiseIfNeeded(st);
  }, (r) => {
    abortRequest.cell.reject(r);
    rejectCloseAndClosedPromiseIfNeeded(st);
  });
}

function finishInFlightWrite(st) {
  st.inFlightWriteRequest.resolve(undefined);
  st.inFlightWriteRequest = undefined;
}

function finishInFlightWriteWithError(st, error) {
  st.inFlightWriteRequest.reject(error);
  st.inFlightWriteRequest = undefined;
  dealWithRejection(st, error);
}

function finishInFlightClose(st) {
  st.inFlightCloseRequest.resolve(undefined);
  st.inFlightCloseRequest = undefined;
  if (st.state === 'erroring') {
    st.storedError = undefined;
    if (st.pendingAbortRequest !== undefined) {
      st.pendingAbortRequest.cell.resolve(undefined);
      st.pendingAbortRequest = undefined;
    }
  }
  st.state = 'closed';
  const w = st.writer;
  if (w !== undefined) w.closed.resolve(undefined);
}

function finishInFlightCloseWithError(st, error) {
  st.inFlightCloseRequest.reject(error);
  st.inFlightCloseRequest = undefined;
  if (st.pendingAbortRequest !== undefined) {
    st.pendingAbortRequest.cell.reject(error);
    st.pendingAbortRequest = undefined;
  }
  dealWithRejection(st, error);
}

function closeQueuedOrInFlight(st) {
  return st.closeRequest !== undefined || st.inFlightCloseRequest !== undefined;
}

function hasOperationMarkedInFlight(st) {
  return st.inFlightWriteRequest !== undefined || st.inFlightCloseRequest !== undefined;
}

function rejectCloseAndClosedPromiseIfNeeded(st) {
  if (st.closeRequest !== undefined) {
    st.closeRequest.reject(st.storedError);
    st.closeRequest = undefined;
  }
  const w = st.writer;
  if (w !== undefined) {
    w.closed.reject(st.storedError);
    u.handled(w.closed.promise);
  }
}

function updateBackpressure(st, backpressure) {
  const w = st.writer;
  if (w !== undefined && backpressure !== st.backpressure) {
    if (backpressure) w.ready = u.cell();
    else w.ready.resolve(undefined);
  }
  st.backpressure = backpressure;
}

// --- WritableStreamDefaultWriter -----------------------------------------------

class WritableStreamDefaultWriter {
  constructor(stream) {
    const st = stream != null ? stream[kStream] : undefined;
    if (st === undefined) throw u.ev.invalidArgType('stream', 'an instance of WritableStream', stream);
    setUpWriter(this, st);
  }
  get closed() {
    return u.slots(this, kWriter, 'WritableStreamDefaultWriter').closed.promise;
  }
  get desiredSize() {
    const w = u.slots(this, kWriter, 'WritableStreamDefaultWriter');
    if (w.stream === undefined) throw u.invalidState('Writer is not bound to a WritableStream');
    return writerGetDesiredSize(w);
  }
  get ready() {
    return u.slots(this, kWriter, 'WritableStreamDefaultWriter').ready.promise;
  }
  abort(reason = undefined) {
    let w;
    try { w = u.slots(this, kWriter, 'WritableStreamDefaultWriter'); } catch (e) { return u.rejected(e); }
    if (w.stream === undefined) return u.rejected(u.invalidState('Writer is not bound to a WritableStream'));
    return streamAbort(w.stream, reason);
  }
  close() {
    let w;
    try { w = u.slots(this, kWriter, 'WritableStreamDefaultWriter'); } catch (e) { return u.rejected(e); }
    const st = w.stream;
    if (st === undefined) return u.rejected(u.invalidState('Writer is not bound to a WritableStream'));
    if (closeQueuedOrInFlight(st)) return u.rejected(u.invalidState('WritableStream is closed'));
    return streamClose(st);
  }
  releaseLock() {
    const w = u.slots(this, kWriter, 'WritableStreamDefaultWriter');
    if (w.stream === undefined) return;
    writerRelease(w);
  }
  write(chunk = undefined) {
    let w;
    try { w = u.slots(this, kWriter, 'WritableStreamDefaultWriter'); } catch (e) { return u.rejected(e); }
    if (w.stream === undefined) return u.rejected(u.invalidState('Writer is not bound to a WritableStream'));
    return writerWrite(w, chunk);
  }
}
u.toStringTag(WritableStreamDefaultWriter, 'WritableStreamDefaultWriter');

function acquireWriter(st) {
  const pub = Object.create(WritableStreamDefaultWriter.prototype);
  return setUpWriter(pub, st);
}

function setUpWriter(pub, st) {
  if (isLocked(st)) throw u.invalidState('WritableStream is locked');
  const w = u.defineSlots(pub, kWriter, { pub, stream: st, ready: null, closed: null });
  st.writer = w;
  const state = st.state;
  if (state === 'writable') {
    w.ready = !closeQueuedOrInFlight(st) && st.backpressure ? u.cell() : u.resolvedCell(undefined);
    w.closed = u.cell();
  } else if (state === 'erroring') {
    w.ready = u.rejectedCell(st.storedError);
    w.closed = u.cell();
  } else if (state === 'closed') {
    w.ready = u.resolvedCell(undefined);
    w.closed = u.resolvedCell(undefined);
  } else {
    w.ready = u.rejectedCell(st.storedError);
    w.closed = u.rejectedCell(st.storedError);
  }
  return w;
}

function writerCloseWithErrorPropagation(w) {
  const st = w.stream;
  const state = st.state;
  if (closeQueuedOrInFlight(st) || state === 'closed') return Promise.resolve(undefined);
  if (state === 'errored') return u.rejected(st.storedError);
  return streamClose(st);
}

function writerEnsureClosedPromiseRejected(w, error) {
  if (w.closed.state === 'pending') w.closed.reject(error);
  else w.closed = u.rejectedCell(error);
  u.handled(w.closed.promise);
}

function writerEnsureReadyPromiseRejected(w, error) {
  if (w.ready.state === 'pending') w.ready.reject(error);
  else w.ready = u.rejectedCell(error);
  u.handled(w.ready.promise);
}

function writerGetDesiredSize(w) {
  const st = w.stream;
  const state = st.state;
  if (state === 'errored' || state === 'erroring') return null;
  if (state === 'closed') return 0;
  return controllerGetDesiredSize(st.controller);
}

function writerRelease(w) {
  const st = w.stream;
  const releasedError = u.invalidState('Writer has been released');
  writerEnsureReadyPromiseRejected(w, releasedError);
  writerEnsureClosedPromiseRejected(w, releasedError);
  st.writer = undefined;
  w.stream = undefined;
}

function writerWrite(w, chunk) {
  const st = w.stream;
  const ctrl = st.controller;
  const chunkSize = controllerGetChunkSize(ctrl, chunk);
  if (st !== w.stream) return u.rejected(u.invalidState('Writer is not bound to a WritableStream'));
  const state = st.state;
  if (state === 'errored') return u.rejected(st.storedError);
  if (closeQueuedOrInFlight(st) || state === 'closed') return u.rejected(u.invalidState('WritableStream is closed'));
  if (state === 'erroring') return u.rejected(st.storedError);
  const p = addWriteRequest(st);
  controllerWrite(ctrl, chunk, chunkSize);
  return p;
}

// --- WritableStreamDefaultController -------------------------------------------

class WritableStreamDefaultController {
  constructor(token) {
    if (token !== kToken) throw u.illegalConstructor();
  }
  get signal() {
    return u.slots(this, kController, 'WritableStreamDefaultController').abortController.signal;
  }
  error(e = undefined) {
    const c = u.slots(this, kController, 'WritableStreamDefaultController');
    if (c.stream.state !== 'writable') return;
    controllerError(c, e);
  }
}
u.toStringTag(WritableStreamDefaultController, 'WritableStreamDefaultController');

function newController() {
  const pub = new WritableStreamDefaultController(kToken);
  return u.defineSlots(pub, kController, {
    pub,
    stream: undefined,
    queue: new u.SizedQueue(),
    started: false,
    hwm: 1,
    sizeAlgorithm: undefined,
    writeAlgorithm: undefined,
    closeAlgorithm: undefined,
    abortAlgorithm: undefined,
    abortController: new AbortController(),
  });
}

function setUpController(st, c, startAlgorithm, writeAlgorithm, closeAlgorithm, abortAlgorithm, hwm, sizeAlgorithm) {
  c.stream = st;
  st.controller = c;
  c.queue.reset();
  c.started = false;
  c.sizeAlgorithm = sizeAlgorithm;
  c.hwm = hwm;
  c.writeAlgorithm = writeAlgorithm;
  c.closeAlgorithm = closeAlgorithm;
  c.abortAlgorithm = abortAlgorithm;
  updateBackpressure(st, controllerGetBackpressure(c));
  const startResult = startAlgorithm();
  u.upon(Promise.resolve(startResult), () => {
    c.started = true;
    controllerAdvanceQueueIfNeeded(c);
  }, (r) => {
    c.started = true;
    dealWithRejection(st, r);
  });
}

function setUpControllerFromSink(st, sink, hwm, sizeAlgorithm) {
  const c = newController();
  const start = sink === null ? undefined : sink.start;
  const write = sink === null ? undefined : sink.write;
  const close = sink === null ? undefined : sink.close;
  const abort = sink === null ? undefined : sink.abort;
  for (const [name, fn] of [['start', start], ['write', write], ['close', close], ['abort', abort]]) {
    if (fn !== undefined && typeof fn !== 'function') {
      throw u.ev.invalidArgType('underlyingSink.' + name, 'of type function', fn);
    }
  }
  setUpController(st, c,
    () => (start === undefined ? undefined : start.call(sink, c.pub)),
    (chunk) => u.promiseCall(write, sink, [chunk, c.pub]),
    () => u.promiseCall(close, sink, []),
    (reason) => u.promiseCall(abort, sink, [reason]),
    hwm, sizeAlgorithm);
}

function controllerClearAlgorithms(c) {
  c.writeAlgorithm = undefined;
  c.closeAlgorithm = undefined;
  c.abortAlgorithm = undefined;
  c.sizeAlgorithm = undefined;
}

function controllerAbortSteps(c, reason) {
  const alg = c.abortAlgorithm;
  const result = alg === undefined ? Promise.resolve(undefined) : alg(reason);
  controllerClearAlgorithms(c);
  return result;
}

function controllerClose(c) {
  c.queue.push(kCloseSentinel, 0);
  controllerAdvanceQueueIfNeeded(c);
}

function controllerGetChunkSize(c, chunk) {
  if (c.sizeAlgorithm === undefined) return 1;
  try {
    return c.sizeAlgorithm(chunk);
  } catch (e) {
    controllerErrorIfNeeded(c, e);
    return 1;
  }
}

function controllerGetDesiredSize(c) {
  return c.hwm - c.queue.totalSize;
}

function controllerWrite(c, chunk, chunkSize) {
  try {
    c.queue.push(chunk, chunkSize);
  } catch (e) {
    controllerErrorIfNeeded(c, e);
    return;
  }
  const st = c.stream;
  if (!closeQueuedOrInFlight(st) && st.state === 'writable') {
    updateBackpressure(st, controllerGetBackpressure(c));
  }
  controllerAdvanceQueueIfNeeded(c);
}

function controllerAdvanceQueueIfNeeded(c) {
  const st = c.stream;
  if (!c.started) return;
  if (st.inFlightWriteRequest !== undefined) return;
  const state = st.state;
  if (state === 'closed' || state === 'errored') return;
  if (state === 'erroring') {
    finishErroring(st);
    return;
  }
  if (c.queue.length === 0) return;
  const value = c.queue.peek();
  if (value === kCloseSentinel) processClose(c);
  else processWrite(c, value);
}

function controllerErrorIfNeeded(c, error) {
  if (c.stream.state === 'writable') controllerError(c, error);
}

function processClose(c) {
  const st = c.stream;
  st.inFlightCloseRequest = st.closeRequest;
  st.closeRequest = undefined;
  c.queue.shift();
  const p = c.closeAlgorithm();
  controllerClearAlgorithms(c);
  u.upon(p, () => finishInFlightClose(st), (r) => finishInFlightCloseWithError(st, r));
}

function processWrite(c, chunk) {
  const st = c.stream;
  st.inFlightWriteRequest = st.writeRequests.shift();
  const p = c.writeAlgorithm(chunk);
  u.upon(p, () => {
    finishInFlightWrite(st);
    const state = st.state;
    c.queue.shift();
    if (!closeQueuedOrInFlight(st) && state === 'writable') {
      updateBackpressure(st, controllerGetBackpressure(c));
    }
    controllerAdvanceQueueIfNeeded(c);
  }, (reason) => {
    if (st.state === 'writable') controllerClearAlgorithms(c);
    finishInFlightWriteWithError(st, reason);
  });
}

function controllerGetBackpressure(c) {
  return controllerGetDesiredSize(c) <= 0;
}

function controllerError(c, error) {
  const st = c.stream;
  controllerClearAlgorithms(c);
  startErroring(st, error);
}

function isWritableStream(v) {
  return v != null && typeof v === 'object' && v[kStream] !== undefined;
}

module.exports = {
  WritableStream,
  WritableStreamDefaultWriter,
  WritableStreamDefaultController,
};
Object.defineProperty(module.exports, 'internals', {
  value: {
    kStream,
    isWritableStream,
    record: (pub) => pub[kStream],
    isLocked,
    createWritableStream,
    streamAbort,
    streamClose,
    closeQueuedOrInFlight,
    acquireWriter,
    writerWrite,
    writerRelease,
    writerCloseWithErrorPropagation,
    writerGetDesiredSize,
    controllerErrorIfNeeded,
    updateBackpressure,
    dealWithRejection,
  },
});
