'use strict';
// internal/stream_eos — finished() (end-of-stream detection), pipeline()
// (pipe a chain, destroy every stream on error, call back once) and
// addAbortSignal().

const u = require('internal/stream_util');
const { errors, nextTick, nop } = u;

function finished(stream, options, callback) {
  if (arguments.length === 2) {
    callback = options;
    options = {};
  } else if (options == null) {
    options = {};
  } else if (typeof options !== 'object') {
    throw errors.invalidArgType('options', 'of type object', options);
  }
  if (typeof callback !== 'function') throw errors.invalidArgType('callback', 'of type function', callback);
  u.validateAbortSignal(options.signal, 'options.signal');
  if (u.isWebStream(stream)) return finishedWeb(stream, options, callback);
  if (!u.isNodeStream(stream)) {
    throw errors.invalidArgType('stream', 'an instance of ReadableStream, WritableStream, or Stream', stream);
  }
  callback = u.once(callback);

  const readable = options.readable != null ? options.readable : u.isReadableNodeStream(stream);
  const writable = options.writable != null ? options.writable : u.isWritableNodeStream(stream);
  const wState = stream._writableState;
  const rState = stream._readableState;

  const onlegacyfinish = () => {
    if (!stream.writable) onfinish();
  };

  let willEmitClose = u.willEmitClose(stream) &&
    u.isReadableNodeStream(stream) === readable && u.isWritableNodeStream(stream) === writable;

  let writableFinished = u.isWritableFinished(stream, false);
  const onfinish = () => {
    writableFinished = true;
    if (stream.destroyed) willEmitClose = false;
    if (willEmitClose && (!stream.readable || readable)) return;
    if (!readable || readableFinished) callback.call(stream);
  };

  let readableFinished = u.isReadableFinished(stream, false);
  const onend = () => {
    readableFinished = true;
    if (stream.destroyed) willEmitClose = false;
    if (willEmitClose && (!stream.writable || writable)) return;
    if (!writable || writableFinished) callback.call(stream);
  };

  const onerror = (err) => callback.call(stream, err);

  let closed = u.isClosed(stream);
  const onclose = () => {
    closed = true;
    const errored = u.isWritableErrored(stream) || u.isReadableErrored(stream);
    if (errored && typeof errored !== 'boolean') return callback.call(stream, errored);
    if (readable && !readableFinished && u.isReadableNodeStream(stream, true)) {
      if (!u.isReadableFinished(stream, false)) return callback.call(stream, errors.prematureClose());
    }
    if (writable && !writableFinished) {
      if (!u.isWritableFinished(stream, false)) return callback.call(stream, errors.prematureClose());
    }
    callback.call(stream);
  };

  const onclosed = () => {
    closed = true;
    const errored = u.isWritableErrored(stream) || u.isReadableErrored(stream);
    if (errored && typeof errored !== 'boolean') return callback.call(stream, errored);
    callback.call(stream);
  };

  const onrequest = () => { stream.req.on('finish', onfinish); };

  if (u.isRequest(stream)) {
    stream.on('complete', onfinish);
    if (!willEmitClose) stream.on('abort', onclose);
    if (stream.req) onrequest();
    else stream.on('request', onrequest);
  } else if (writable && !wState) {
    stream.on('end', onlegacyfinish);
    stream.on('close', onlegacyfinish);
  }
  if (!willEmitClose && typeof stream.aborted === 'boolean') stream.on('aborted', onclose);

  stream.on('end', onend);
  stream.on('finish', onfinish);
  if (options.error !== false) stream.on('error', onerror);
  stream.on('close', onclose);

  if (closed) {
    nextTick(onclose);
  } else if ((wState && wState.errorEmitted) || (rState && rState.errorEmitted)) {
    if (!willEmitClose) nextTick(onclosed);
  } else if (!readable && (!willEmitClose || u.isReadable(stream)) &&
    (writableFinished || u.isWritable(stream) === false)) {
    nextTick(onclosed);
  } else if (!writable && (!willEmitClose || u.isWritable(stream)) &&
    (readableFinished || u.isReadable(stream) === false)) {
    nextTick(onclosed);
  } else if (rState && stream.req && stream.aborted) {
    nextTick(onclosed);
  }

  const cleanup = () => {
    callback = nop;
    stream.removeListener('aborted', onclose);
    stream.removeListener('complete', onfinish);
    stream.removeListener('abort', onclose);
    stream.removeListener('request', onrequest);
    if (stream.req) stream.req.removeListener('finish', onfinish);
    stream.removeListener('end', onlegacyfinish);
    stream.removeListener('close', onlegacyfinish);
    stream.removeListener('finish', onfinish);
    stream.removeListener('end', onend);
    stream.removeListener('error', onerror);
    stream.removeListener('close', onclose);
  };

  if (options.signal && !closed) {
    const abort = () => {
      const endCallback = callback;
      cleanup();
      endCallback.call(stream, errors.abort(options.signal.reason));
    };
    if (options.signal.aborted) {
      nextTick(abort);
    } else {
      const original = callback;
      options.signal.addEventListener('abort', abort, { once: true });
      callback = u.once(function (...args) {
        options.signal.removeEventListener('abort', abort);
        original.apply(stream, args);
      });
    }
  }
  return cleanup;
}

// finishedWeb waits on a WHATWG stream by watching its reader or writer
// promise when one can be had without locking a stream someone else uses.
function finishedWeb(stream, options, callback) {
  callback = u.once(callback);
  let done = false;
  const settle = (err) => { if (!done) { done = true; callback.call(stream, err); } };
  const p = stream.closed || (stream._closedPromise);
  if (p && typeof p.then === 'function') p.then(() => settle(), (e) => settle(e));
  return () => { done = true; };
}

function eosPromise(stream, opts) {
  let autoCleanup = false;
  if (opts && opts.cleanup) {
    autoCleanup = true;
    opts = { ...opts };
    delete opts.cleanup;
  }
  return new Promise((resolve, reject) => {
    const cleanup = finished(stream, opts, (err) => {
      if (autoCleanup) cleanup();
      if (err) reject(err); else resolve();
    });
  });
}

// --- pipeline --------------------------------------------------------------

function popCallback(streams) {
  const cb = streams[streams.length - 1];
  if (typeof cb !== 'function') throw errors.invalidArgType('streams[stream.length - 1]', 'of type function', cb);
  return streams.pop();
}

function pipeline(...streams) {
  const callback = popCallback(streams);
  if (streams.length === 1 && Array.isArray(streams[0])) streams = streams[0];
  return pipelineImpl(streams, callback);
}

function makeAsyncIterable(val) {
  if (u.isIterable(val)) return val;
  if (u.isReadableNodeStream(val)) return val[Symbol.asyncIterator] ? val : require('internal/stream_readable').Readable.prototype[Symbol.asyncIterator].call(val);
  throw errors.invalidArgType('val', 'an instance of Readable, Iterable, or AsyncIterable', val);
}

function pipelineImpl(streams, callback, opts) {
  if (streams.length < 2) throw errors.missingArgs('streams');
  const { Readable } = require('internal/stream_readable');
  const { PassThrough } = require('internal/stream_duplex');

  const outerSignal = opts && opts.signal;
  const controller = typeof AbortController === 'function' ? new AbortController() : null;
  const innerSignal = controller ? controller.signal : undefined;
  const lastStreamCleanup = [];

  function abort() { finishImpl(errors.abort(outerSignal && outerSignal.reason)); }
  if (outerSignal) {
    u.validateAbortSignal(outerSignal, 'options.signal');
    if (outerSignal.aborted) nextTick(abort);
    else outerSignal.addEventListener('abort', abort, { once: true });
  }

  let error;
  let value;
  const destroys = [];
  let finishCount = 0;

  function finish(err) { finishImpl(err, --finishCount === 0); }

  function finishImpl(err, final) {
    if (err && (!error || error.code === 'ERR_STREAM_PREMATURE_CLOSE')) error = err;
    if (!error && !final) return;
    while (destroys.length) destroys.shift()(error);
    if (outerSignal) outerSignal.removeEventListener('abort', abort);
    if (controller) controller.abort();
    if (final) {
      if (!error) lastStreamCleanup.forEach((fn) => fn());
      nextTick(callback, error, value);
    }
  }

  function destroyer(stream, reading, writing) {
    let finishedOk = false;
    stream.on('close', () => { finishedOk = true; });
    const cleanup = finished(stream, { readable: reading, writable: writing }, (err) => {
      finishedOk = !err;
    });
    return {
      destroy: (err) => {
        if (finishedOk) return;
        finishedOk = true;
        u.destroyer(stream, err || errors.destroyed('pipe'));
      },
      cleanup,
    };
  }

  let ret;
  for (let i = 0; i < streams.length; i++) {
    const stream = streams[i];
    const reading = i < streams.length - 1;
    const writing = i > 0;
    const end = reading || !opts || opts.end !== false;
    const isLastStream = i === streams.length - 1;

    if (u.isNodeStream(stream)) {
      if (end) {
        const { destroy, cleanup } = destroyer(stream, reading, writing);
        destroys.push(destroy);
        if (u.isReadable(stream) && isLastStream) lastStreamCleanup.push(cleanup);
      }
      // Keep an error on any stream from being unhandled: pipeline reports it.
      const onError = (err) => {
        if (err && err.name !== 'AbortError' && err.code !== 'ERR_STREAM_PREMATURE_CLOSE') finish(err);
      };
      stream.on('error', onError);
      if (u.isReadable(stream) && isLastStream) {
        lastStreamCleanup.push(() => stream.removeListener('error', onError));
      }
    }

    if (i === 0) {
      if (typeof stream === 'function') {
        ret = stream({ signal: innerSignal });
        if (!u.isIterable(ret)) throw errors.invalidArgType('source', 'an Iterable or AsyncIterable', ret);
      } else if (u.isIterable(stream) || u.isReadableNodeStream(stream)) {
        ret = stream;
      } else {
        ret = Readable.from(stream);
      }
    } else if (typeof stream === 'function') {
      ret = makeAsyncIterable(ret);
      ret = stream(ret, { signal: innerSignal });
      if (reading) {
        if (!u.isIterable(ret, true) && !u.isIterable(ret, false) && !u.isNodeStream(ret)) {
          throw errors.invalidArgType(`transform[${i - 1}]`, 'an Iterable, AsyncIterable or Stream', ret);
        }
      } else {
        // The last stage is a function: its promise (or iterable) is the value.
        const pt = new PassThrough({ objectMode: true });
        const then = ret && ret.then;
        if (typeof then === 'function') {
          finishCount++;
          then.call(ret, (val) => {
            value = val;
            if (val != null) pt.write(val);
            if (end) pt.end();
            nextTick(finish);
          }, (err) => {
            pt.destroy(err);
            nextTick(finish, err);
          });
        } else if (u.isIterable(ret, true) || u.isIterable(ret, false)) {
          finishCount++;
          pumpToNode(ret, pt, finish, { end });
        } else {
          throw errors.invalidArgType('val', 'an AsyncIterable or Promise', ret);
        }
        ret = pt;
        const { destroy, cleanup } = destroyer(ret, false, true);
        destroys.push(destroy);
        if (isLastStream) lastStreamCleanup.push(cleanup);
      }
    } else if (u.isNodeStream(stream)) {
      if (u.isReadableNodeStream(ret)) {
        finishCount += 2;
        const cleanup = pipeNode(ret, stream, finish, { end });
        if (u.isReadable(stream) && isLastStream) lastStreamCleanup.push(cleanup);
      } else if (u.isIterable(ret)) {
        finishCount++;
        pumpToNode(ret, stream, finish, { end });
      } else {
        throw errors.invalidArgType('val', 'an instance of Readable, Iterable, or AsyncIterable', ret);
      }
      ret = stream;
    } else {
      ret = Duplex().from(stream);
    }
  }

  if ((innerSignal && innerSignal.aborted) || (outerSignal && outerSignal.aborted)) nextTick(abort);
  return ret;
}

function Duplex() { return require('internal/stream_duplex').Duplex; }

// pipeNode pipes src into dst; dst is ended when src ends (if end), and
// finish is called once for each side.
function pipeNode(src, dst, finish, { end }) {
  let ended = false;
  dst.on('close', () => {
    if (!ended) finish(errors.prematureClose());
  });
  src.pipe(dst, { end: false });
  if (end) {
    const endFn = () => {
      ended = true;
      dst.end();
    };
    if (u.isReadableFinished(src)) nextTick(endFn);
    else src.once('end', endFn);
    finished(src, { readable: true, writable: false }, (err) => {
      const r = src._readableState;
      if (err && err.code === 'ERR_STREAM_PREMATURE_CLOSE' && r && r.ended && !r.errored && !r.errorEmitted) {
        src.once('end', endFn).once('error', finish);
      } else {
        finish(err);
      }
    });
  } else {
    finish();
  }
  return finished(dst, { readable: false, writable: true }, finish);
}

// pumpToNode writes an (async) iterable into a writable, honouring 'drain'.
function pumpToNode(iterable, writable, finish, { end }) {
  let error;
  let onresolve = null;
  const resume = (err) => {
    if (err) error = err;
    if (onresolve) {
      const cb = onresolve;
      onresolve = null;
      cb();
    }
  };
  const wait = () => new Promise((resolve, reject) => {
    if (error) reject(error);
    else onresolve = () => { if (error) reject(error); else resolve(); };
  });
  writable.on('drain', resume);
  const cleanup = finished(writable, { readable: false }, resume);
  const isAsync = typeof iterable[Symbol.asyncIterator] === 'function';
  const it = isAsync ? iterable[Symbol.asyncIterator]() : iterable[Symbol.iterator]();
  (async () => {
    try {
      if (writable.writableNeedDrain) await wait();
      for (;;) {
        const { value, done } = isAsync ? await it.next() : it.next();
        if (done) break;
        const chunk = value && typeof value.then === 'function' ? await value : value;
        if (!writable.write(chunk)) await wait();
      }
      if (end) {
        writable.end();
        await wait();
      }
      finish();
    } catch (err) {
      finish(error !== err ? (error || err) : err);
      if (typeof it.return === 'function') {
        try { await it.return(); } catch (_) { /* already failing */ }
      }
    } finally {
      cleanup();
      writable.off('drain', resume);
    }
  })();
}

function pipelinePromise(...streams) {
  return new Promise((resolve, reject) => {
    let signal;
    let end;
    const last = streams[streams.length - 1];
    if (last && typeof last === 'object' && !u.isNodeStream(last) && !u.isIterable(last) && !u.isWebStream(last)) {
      const options = streams.pop();
      signal = options.signal;
      end = options.end;
    }
    if (streams.length === 1 && Array.isArray(streams[0])) streams = streams[0];
    pipelineImpl(streams, (err, value) => {
      if (err) reject(err); else resolve(value);
    }, { signal, end });
  });
}

// --- addAbortSignal ----------------------------------------------------------

function addAbortSignal(signal, stream) {
  u.validateAbortSignal(signal, 'signal');
  if (!u.isNodeStream(stream) && !u.isWebStream(stream)) {
    throw errors.invalidArgType('stream', 'an instance of ReadableStream, WritableStream, or Stream', stream);
  }
  const onAbort = () => stream.destroy(errors.abort(signal.reason));
  if (signal.aborted) onAbort();
  else {
    signal.addEventListener('abort', onAbort, { once: true });
    finished(stream, () => signal.removeEventListener('abort', onAbort));
  }
  return stream;
}

// --- compose ---------------------------------------------------------------

// compose(...streams) returns one Duplex: writes go into the first stream,
// reads come from the last; an error anywhere destroys it.
function compose(...streams) {
  if (streams.length === 0) throw errors.missingArgs('streams');
  const { Duplex } = require('internal/stream_duplex');
  streams = streams.map((s) => (u.isNodeStream(s) ? s : Duplex.from(s)));
  if (streams.length === 1) return streams[0];
  const head = streams[0];
  const tail = streams[streams.length - 1];
  const writable = u.isWritableNodeStream(head);
  const readable = u.isReadableNodeStream(tail);
  let onfinish = null;
  let ondrain = null;
  const d = new Duplex({
    writableObjectMode: !!(head && head.writableObjectMode),
    readableObjectMode: !!(tail && tail.readableObjectMode),
    writable,
    readable,
    write(chunk, encoding, callback) {
      if (head.write(chunk, encoding)) callback();
      else ondrain = callback;
    },
    final(callback) {
      head.end();
      onfinish = callback;
    },
    read() {
      tail.resume();
    },
    destroy(err, callback) {
      if (!err && onfinish !== null) err = errors.abort();
      onfinish = null;
      ondrain = null;
      for (const s of streams) u.destroyer(s, err);
      callback(err);
    },
  });
  if (writable) {
    head.on('drain', () => {
      if (ondrain) { const cb = ondrain; ondrain = null; cb(); }
    });
  }
  if (readable) {
    tail.on('data', (chunk) => { if (!d.push(chunk)) tail.pause(); });
    tail.on('end', () => d.push(null));
  }
  pipeline(streams, (err) => {
    if (err) d.destroy(err);
    else if (onfinish) { const cb = onfinish; onfinish = null; cb(); }
  });
  return d;
}

module.exports = { finished, eosPromise, pipeline, pipelinePromise, addAbortSignal, pipelineImpl, compose };
