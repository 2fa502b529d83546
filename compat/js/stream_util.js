'use strict';
// internal/stream_util — what the node:stream pieces share: Node-style errors
// with codes, nextTick, lazy Buffer access, option checks, and destroy(),
// which both Readable and Writable use ('error' then 'close', each once).

function nextTick(fn, ...args) {
  const p = globalThis.process;
  if (p && typeof p.nextTick === 'function') p.nextTick(fn, ...args);
  else queueMicrotask(() => fn(...args));
}

let BufferCtor = null;
function getBuffer() {
  if (BufferCtor === null) BufferCtor = require('buffer').Buffer;
  return BufferCtor;
}

function isUint8Array(v) {
  return v instanceof Uint8Array;
}

// toBuffer returns a Buffer that shares the bytes of a Uint8Array.
function toBuffer(u8) {
  const B = getBuffer();
  if (u8 instanceof B) return u8;
  return B.from(u8.buffer, u8.byteOffset, u8.byteLength);
}

function nodeError(Ctor, code, message) {
  const e = new Ctor(message);
  e.code = code;
  return e;
}

// describeReceived ends Node's ERR_INVALID_ARG_TYPE messages.
function describeReceived(v) {
  if (v === null || v === undefined) return ' Received ' + v;
  if (typeof v === 'function') return ' Received function ' + (v.name || '<anonymous>');
  if (typeof v === 'object') {
    if (v.constructor && v.constructor.name) return ' Received an instance of ' + v.constructor.name;
    return ' Received ' + String(v);
  }
  let shown = typeof v === 'string' ? "'" + v + "'" : String(v);
  if (typeof v === 'bigint') shown += 'n';
  if (shown.length > 28) shown = shown.slice(0, 25) + '...';
  return ' Received type ' + typeof v + ' (' + shown + ')';
}

const errors = {
  invalidArgType(name, expected, actual) {
    const what = name.includes('.') ? 'property' : 'argument';
    return nodeError(TypeError, 'ERR_INVALID_ARG_TYPE',
      `The "${name}" ${what} must be ${expected}.` + describeReceived(actual));
  },
  invalidArgValue(name, value) {
    let shown = typeof value === 'string' ? "'" + value + "'" : String(value);
    if (typeof value === 'object' && value !== null) shown = require('util').inspect(value);
    return nodeError(TypeError, 'ERR_INVALID_ARG_VALUE', `The property '${name}' is invalid. Received ${shown}`);
  },
  chunkType(chunk) {
    return errors.invalidArgType('chunk', 'of type string or an instance of Buffer, TypedArray, or DataView', chunk);
  },
  methodNotImplemented(m) {
    return nodeError(Error, 'ERR_METHOD_NOT_IMPLEMENTED', `The ${m} method is not implemented`);
  },
  pushAfterEOF() { return nodeError(Error, 'ERR_STREAM_PUSH_AFTER_EOF', 'stream.push() after EOF'); },
  unshiftAfterEnd() {
    return nodeError(Error, 'ERR_STREAM_UNSHIFT_AFTER_END_EVENT', 'stream.unshift() after end event');
  },
  writeAfterEnd() { return nodeError(Error, 'ERR_STREAM_WRITE_AFTER_END', 'write after end'); },
  destroyed(op) {
    return nodeError(Error, 'ERR_STREAM_DESTROYED', `Cannot call ${op} after a stream was destroyed`);
  },
  alreadyFinished(op) {
    return nodeError(Error, 'ERR_STREAM_ALREADY_FINISHED', `Cannot call ${op} after a stream was finished`);
  },
  nullValues() { return nodeError(TypeError, 'ERR_STREAM_NULL_VALUES', 'May not write null values to stream'); },
  multipleCallback() { return nodeError(Error, 'ERR_MULTIPLE_CALLBACK', 'Callback called multiple times'); },
  prematureClose() { return nodeError(Error, 'ERR_STREAM_PREMATURE_CLOSE', 'Premature close'); },
  unknownEncoding(enc) { return nodeError(TypeError, 'ERR_UNKNOWN_ENCODING', 'Unknown encoding: ' + enc); },
  missingArgs(name) {
    return nodeError(TypeError, 'ERR_MISSING_ARGS', `The "${name}" argument must be specified`);
  },
  outOfRange(name, range, v) {
    return nodeError(RangeError, 'ERR_OUT_OF_RANGE',
      `The value of "${name}" is out of range. It must be ${range}. Received ${v}`);
  },
  abort(cause) {
    const e = new Error('The operation was aborted', cause !== undefined ? { cause } : undefined);
    e.name = 'AbortError';
    e.code = 'ABORT_ERR';
    return e;
  },
};

let defaultHWM = 16 * 1024;
let defaultObjectHWM = 16;

function getDefaultHighWaterMark(objectMode) {
  return objectMode ? defaultObjectHWM : defaultHWM;
}

function setDefaultHighWaterMark(objectMode, value) {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw errors.outOfRange('value', '>= 0', value);
  }
  if (objectMode) defaultObjectHWM = value; else defaultHWM = value;
}

// highWaterMark reads options.highWaterMark (or, for a duplex half, the
// readable/writable specific key) and checks it as Node does.
function highWaterMark(options, duplexKey, isDuplex, objectMode) {
  let hwm = null;
  let key = 'highWaterMark';
  if (options) {
    if (options.highWaterMark != null) hwm = options.highWaterMark;
    else if (isDuplex && options[duplexKey] != null) { hwm = options[duplexKey]; key = duplexKey; }
  }
  if (hwm !== null) {
    if (typeof hwm !== 'number' || !Number.isFinite(hwm) || hwm < 0 || !Number.isInteger(hwm)) {
      throw errors.invalidArgValue('options.' + key, hwm);
    }
    return Math.floor(hwm);
  }
  return getDefaultHighWaterMark(objectMode);
}

function isEncoding(enc) {
  const B = getBuffer();
  return typeof B.isEncoding === 'function' ? B.isEncoding(enc) : true;
}

// --- destroy, shared by Readable and Writable ------------------------------

// recordError stores err as the stream's error unless one is already there.
function recordError(err, w, r) {
  if (err) {
    if (w && !w.errored) w.errored = err;
    if (r && !r.errored) r.errored = err;
  }
}

function destroy(err, cb) {
  const r = this._readableState;
  const w = this._writableState;
  const s = w || r;
  if ((w && w.destroyed) || (r && r.destroyed)) {
    if (typeof cb === 'function') cb();
    return this;
  }
  recordError(err, w, r);
  if (w) w.destroyed = true;
  if (r) r.destroyed = true;
  if (!s.constructed) {
    this.once(kDestroy, (er) => runDestroy(this, err || er, cb));
  } else {
    runDestroy(this, err, cb);
  }
  return this;
}

function runDestroy(self, err, cb) {
  let called = false;
  function done(er) {
    if (called) return;
    called = true;
    const r = self._readableState;
    const w = self._writableState;
    recordError(er, w, r);
    if (w) w.closed = true;
    if (r) r.closed = true;
    if (typeof cb === 'function') cb(er);
    if (er) nextTick(emitErrorThenClose, self, er);
    else nextTick(emitClose, self);
  }
  try {
    self._destroy(err || null, done);
  } catch (e) {
    done(e);
  }
}

function emitErrorThenClose(self, err) {
  emitError(self, err);
  emitClose(self);
}

function emitClose(self) {
  const r = self._readableState;
  const w = self._writableState;
  if (w) w.closeEmitted = true;
  if (r) r.closeEmitted = true;
  if ((w && w.emitClose) || (r && r.emitClose)) self.emit('close');
}

function emitError(self, err) {
  const r = self._readableState;
  const w = self._writableState;
  if ((w && w.errorEmitted) || (r && r.errorEmitted)) return;
  if (w) w.errorEmitted = true;
  if (r) r.errorEmitted = true;
  self.emit('error', err);
}

function undestroy() {
  const r = this._readableState;
  const w = this._writableState;
  if (r) {
    r.constructed = true;
    r.closed = false;
    r.closeEmitted = false;
    r.destroyed = false;
    r.errored = null;
    r.errorEmitted = false;
    r.reading = false;
    r.ended = r.readable === false;
    r.endEmitted = r.readable === false;
  }
  if (w) {
    w.constructed = true;
    w.destroyed = false;
    w.closed = false;
    w.closeEmitted = false;
    w.errored = null;
    w.errorEmitted = false;
    w.finalCalled = false;
    w.prefinished = false;
    w.ended = w.writable === false;
    w.ending = w.writable === false;
    w.finished = w.writable === false;
  }
}

// errorOrDestroy reports an error the stream itself ran into: with
// autoDestroy it destroys the stream, otherwise it only emits 'error'.
function errorOrDestroy(stream, err, sync) {
  const r = stream._readableState;
  const w = stream._writableState;
  if ((w && w.destroyed) || (r && r.destroyed)) return;
  if ((r && r.autoDestroy) || (w && w.autoDestroy)) {
    stream.destroy(err);
  } else if (err) {
    recordError(err, w, r);
    if (sync) nextTick(emitError, stream, err);
    else emitError(stream, err);
  }
}

const kDestroy = Symbol('kDestroy');
const kConstruct = Symbol('kConstruct');

// construct runs stream._construct on the next tick; reads, writes and
// destroy wait for it.
function construct(stream, cb) {
  if (typeof stream._construct !== 'function') return;
  const r = stream._readableState;
  const w = stream._writableState;
  if (r) r.constructed = false;
  if (w) w.constructed = false;
  stream.once(kConstruct, cb);
  if (stream.listenerCount(kConstruct) > 1) return;
  nextTick(() => {
    let called = false;
    function onConstruct(err) {
      if (called) {
        errorOrDestroy(stream, err != null ? err : errors.multipleCallback());
        return;
      }
      called = true;
      if (r) r.constructed = true;
      if (w) w.constructed = true;
      if ((r && r.destroyed) || (w && w.destroyed)) stream.emit(kDestroy, err);
      else if (err) errorOrDestroy(stream, err, true);
      else nextTick(() => stream.emit(kConstruct));
    }
    try {
      stream._construct((err) => nextTick(onConstruct, err));
    } catch (err) {
      nextTick(onConstruct, err);
    }
  });
}

// destroyer destroys any stream-like object, old or new.
function destroyer(stream, err) {
  if (!stream || isDestroyed(stream)) return;
  if (!err && !isFinished(stream)) err = errors.abort();
  if (isServerRequest(stream)) stream.socket = null;
  if (isRequest(stream)) stream.abort();
  else if (isRequest(stream.req)) stream.req.abort();
  else if (typeof stream.destroy === 'function') stream.destroy(err);
  else if (typeof stream.close === 'function') stream.close();
  else if (err) nextTick((s, e) => s.emit('error', e), stream, err);
  else nextTick((s) => s.emit('close'), stream);
  if (!stream.destroyed) stream[kIsDestroyed] = true;
}

const kIsDestroyed = Symbol('kIsDestroyed');

function isRequest(s) { return s && s.setHeader && typeof s.abort === 'function'; }
function isServerRequest(s) {
  return s && typeof s._consuming === 'boolean' && typeof s._dumped === 'boolean' &&
    s.req && s.req.upgradeOrConnect === undefined;
}

// --- predicates (node:internal/streams/utils) -------------------------------

function isReadableNodeStream(obj, strict) {
  return !!(obj && typeof obj.pipe === 'function' && typeof obj.on === 'function' &&
    (!strict || (typeof obj.pause === 'function' && typeof obj.resume === 'function')) &&
    (!obj._writableState || (obj._readableState && obj._readableState.readable !== false)) &&
    (!obj._writableState || obj._readableState));
}

function isWritableNodeStream(obj) {
  return !!(obj && typeof obj.write === 'function' && typeof obj.on === 'function' &&
    (!obj._readableState || (obj._writableState && obj._writableState.writable !== false)));
}

function isNodeStream(obj) {
  return !!(obj && (obj._readableState || obj._writableState ||
    (typeof obj.write === 'function' && typeof obj.on === 'function') ||
    (typeof obj.pipe === 'function' && typeof obj.on === 'function')));
}

function isWebStream(obj) {
  return !!(obj && !isNodeStream(obj) &&
    (typeof obj.pipeThrough === 'function' || typeof obj.getReader === 'function' ||
      typeof obj.getWriter === 'function'));
}

function isIterable(obj, isAsync) {
  if (obj == null) return false;
  if (isAsync === true) return typeof obj[Symbol.asyncIterator] === 'function';
  if (isAsync === false) return typeof obj[Symbol.iterator] === 'function';
  return typeof obj[Symbol.asyncIterator] === 'function' || typeof obj[Symbol.iterator] === 'function';
}

function isDestroyed(stream) {
  if (!isNodeStream(stream)) return null;
  const w = stream._writableState;
  const r = stream._readableState;
  const s = w || r;
  return !!(stream.destroyed || stream[kIsDestroyed] || (s && s.destroyed));
}

function isWritableEnded(stream) {
  if (!isWritableNodeStream(stream)) return null;
  if (stream.writableEnded === true) return true;
  const w = stream._writableState;
  if (w && w.errored) return false;
  if (!w || typeof w.ended !== 'boolean') return null;
  return w.ended;
}

function isWritableFinished(stream, strict) {
  if (!isWritableNodeStream(stream)) return null;
  if (stream.writableFinished === true) return true;
  const w = stream._writableState;
  if (w && w.errored) return false;
  if (!w || typeof w.finished !== 'boolean') return null;
  return !!(w.finished || (strict === false && w.ended === true && w.length === 0));
}

function isReadableFinished(stream, strict) {
  if (!isReadableNodeStream(stream)) return null;
  const r = stream._readableState;
  if (r && r.errored) return false;
  if (!r || typeof r.endEmitted !== 'boolean') return null;
  return !!(r.endEmitted || (strict === false && r.ended === true && r.length === 0));
}

function isReadable(stream) {
  if (stream && stream[kIsReadable] != null) return stream[kIsReadable];
  if (!stream || typeof stream.readable !== 'boolean') return null;
  if (isDestroyed(stream)) return false;
  return isReadableNodeStream(stream) && stream.readable && !isReadableFinished(stream);
}

function isWritable(stream) {
  if (!stream || typeof stream.writable !== 'boolean') return null;
  if (isDestroyed(stream)) return false;
  return isWritableNodeStream(stream) && stream.writable && !isWritableEnded(stream);
}

function isFinished(stream, opts) {
  if (!isNodeStream(stream)) return null;
  if (isDestroyed(stream)) return true;
  if ((!opts || opts.readable !== false) && isReadable(stream)) return false;
  if ((!opts || opts.writable !== false) && isWritable(stream)) return false;
  return true;
}

function isReadableErrored(stream) {
  if (!isNodeStream(stream)) return null;
  if (stream.readableErrored) return stream.readableErrored;
  const r = stream._readableState;
  return r && r.errored ? r.errored : null;
}

function isWritableErrored(stream) {
  if (!isNodeStream(stream)) return null;
  if (stream.writableErrored) return stream.writableErrored;
  const w = stream._writableState;
  return w && w.errored ? w.errored : null;
}

function isClosed(stream) {
  if (!isNodeStream(stream)) return null;
  if (typeof stream.closed === 'boolean') return stream.closed;
  const w = stream._writableState;
  const r = stream._readableState;
  if ((w && typeof w.closed === 'boolean') || (r && typeof r.closed === 'boolean')) {
    return !!((w && w.closed) || (r && r.closed));
  }
  if (typeof stream._closed === 'boolean' && isOutgoingMessage(stream)) return stream._closed;
  return null;
}

function isOutgoingMessage(s) {
  return s && typeof s._closed === 'boolean' && typeof s._defaultKeepAlive === 'boolean' &&
    typeof s._removedConnection === 'boolean' && typeof s._removedContLen === 'boolean';
}

function willEmitClose(stream) {
  if (!isNodeStream(stream)) return null;
  const w = stream._writableState;
  const r = stream._readableState;
  const s = w || r;
  return (!s && isServerResponse(stream)) || !!(s && s.autoDestroy && s.emitClose && s.closed === false);
}

function isServerResponse(s) {
  return s && typeof s._sent100 === 'boolean' && isOutgoingMessage(s);
}

function isErrored(stream) {
  if (!stream) return false;
  if (stream[kIsErrored] != null) return stream[kIsErrored];
  const w = stream._writableState;
  const r = stream._readableState;
  return !!(stream.errored || stream.readableErrored || stream.writableErrored ||
    (w && w.errorEmitted) || (w && w.errored) || (r && r.errorEmitted) || (r && r.errored));
}

function isDisturbed(stream) {
  if (!stream) return false;
  if (stream[kIsDisturbed] != null) return stream[kIsDisturbed];
  return !!(stream.readableDidRead || stream.readableAborted);
}

const kIsReadable = Symbol.for('nodejs.stream.readable');
const kIsErrored = Symbol.for('nodejs.stream.errored');
const kIsDisturbed = Symbol.for('nodejs.stream.disturbed');

function validateAbortSignal(signal, name) {
  if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    throw errors.invalidArgType(name, 'an instance of AbortSignal', signal);
  }
}

function once(fn) {
  let called = false;
  return function (...args) {
    if (called) return;
    called = true;
    return fn.apply(this, args);
  };
}

function nop() {}

module.exports = {
  nextTick, getBuffer, isUint8Array, toBuffer, errors, nodeError,
  getDefaultHighWaterMark, setDefaultHighWaterMark, highWaterMark, isEncoding,
  destroy, undestroy, errorOrDestroy, construct, destroyer, emitError, kDestroy, kConstruct,
  isReadableNodeStream, isWritableNodeStream, isNodeStream, isWebStream, isIterable, isDestroyed,
  isWritableEnded, isWritableFinished, isReadableFinished, isReadable, isWritable, isFinished,
  isReadableErrored, isWritableErrored, isClosed, willEmitClose, isErrored, isDisturbed,
  isRequest, validateAbortSignal, once, nop, kIsReadable, kIsErrored, kIsDisturbed,
};
