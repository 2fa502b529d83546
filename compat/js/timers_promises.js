'use strict';
// node:timers/promises — promise forms of the timers, with AbortSignal
// support, setInterval as a hand-written async iterator (goja has no async
// generators), and scheduler.wait / scheduler.yield.

function abortError(signal) {
  const e = new Error('The operation was aborted');
  e.name = 'AbortError';
  e.code = 'ABORT_ERR';
  if (signal && signal.reason !== undefined) e.cause = signal.reason;
  return e;
}

function checkOptions(options) {
  if (options === undefined) return {};
  if (options === null || typeof options !== 'object') {
    const e = new TypeError('The "options" argument must be of type object. Received ' + (options === null ? 'null' : 'type ' + typeof options + ` (${String(options)})`));
    e.code = 'ERR_INVALID_ARG_TYPE';
    throw e;
  }
  const { signal } = options;
  if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    const e = new TypeError('The "options.signal" property must be an instance of AbortSignal. Received ' + (signal === null ? 'null' : typeof signal));
    e.code = 'ERR_INVALID_ARG_TYPE';
    throw e;
  }
  return options;
}

function cancellable(schedule, clear, value, options) {
  let signal;
  try {
    ({ signal } = checkOptions(options));
  } catch (e) {
    return Promise.reject(e);
  }
  if (signal && signal.aborted) return Promise.reject(abortError(signal));
  return new Promise((resolve, reject) => {
    let onAbort;
    const handle = schedule(() => {
      if (signal) signal.removeEventListener('abort', onAbort);
      resolve(value);
    });
    if (options && options.ref === false && handle && typeof handle.unref === 'function') handle.unref();
    if (signal) {
      onAbort = () => { clear(handle); reject(abortError(signal)); };
      signal.addEventListener('abort', onAbort, { once: true });
    }
  });
}

function setTimeoutP(delay, value, options) {
  return cancellable((fn) => setTimeout(fn, delay), clearTimeout, value, options);
}

function setImmediateP(value, options) {
  return cancellable((fn) => setImmediate(fn), clearImmediate, value, options);
}

function setIntervalP(delay, value, options) {
  const { signal } = checkOptions(options);
  let ticks = 0;
  let waiting = null; // { resolve, reject } of a pending next()
  let done = false;
  let handle = null;
  let onAbort;
  const finish = () => {
    done = true;
    if (handle !== null) clearInterval(handle);
    if (signal && onAbort) signal.removeEventListener('abort', onAbort);
  };
  if (signal && signal.aborted) {
    done = true;
  } else {
    handle = setInterval(() => {
      ticks++;
      if (waiting) {
        const w = waiting;
        waiting = null;
        ticks--;
        w.resolve({ value, done: false });
      }
    }, delay);
    if (options && options.ref === false) handle.unref();
    if (signal) {
      onAbort = () => {
        finish();
        if (waiting) { const w = waiting; waiting = null; w.reject(abortError(signal)); }
      };
      signal.addEventListener('abort', onAbort, { once: true });
    }
  }
  const iterator = {
    next() {
      if (signal && signal.aborted) { finish(); return Promise.reject(abortError(signal)); }
      if (done) return Promise.resolve({ value: undefined, done: true });
      if (ticks > 0) { ticks--; return Promise.resolve({ value, done: false }); }
      return new Promise((resolve, reject) => { waiting = { resolve, reject }; });
    },
    return() {
      finish();
      if (waiting) { const w = waiting; waiting = null; w.resolve({ value: undefined, done: true }); }
      return Promise.resolve({ value: undefined, done: true });
    },
    [Symbol.asyncIterator]() { return this; },
  };
  return iterator;
}

const scheduler = {
  wait(delay, options) { return setTimeoutP(delay, undefined, options); },
  yield() { return setImmediateP(); },
};

module.exports = {
  setTimeout: setTimeoutP,
  setImmediate: setImmediateP,
  setInterval: setIntervalP,
  scheduler,
};
