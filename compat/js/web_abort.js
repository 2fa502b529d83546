'use strict';
// AbortController and AbortSignal (DOM standard): abort reasons defaulting
// to an AbortError DOMException, the 'abort' event and onabort, and the
// static abort(), timeout() and any(). Other modules (streams, fetch) hook
// into a signal through internals.addAlgorithm, which runs before the event.

const { EventTarget, Event, DOMException, internals: ev } = require('internal/web_events');

const kSignal = Symbol('abortSignal');
const kController = Symbol('abortController');
const kToken = Symbol('construct');

function signalSlots(self) {
  const s = self != null ? self[kSignal] : undefined;
  if (s === undefined) throw ev.invalidThis('AbortSignal');
  return s;
}

function isAbortSignal(v) {
  return v != null && typeof v === 'object' && v[kSignal] !== undefined;
}
ev.setIsAbortSignal(isAbortSignal);

class AbortSignal extends EventTarget {
  constructor(token) {
    if (token !== kToken) {
      throw ev.codedError(TypeError, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
    }
    super();
    Object.defineProperty(this, kSignal, {
      value: { aborted: false, reason: undefined, algorithms: new Set(), dependents: null, sources: null },
    });
  }
  get aborted() { return signalSlots(this).aborted; }
  get reason() { return signalSlots(this).reason; }
  throwIfAborted() {
    const s = signalSlots(this);
    if (s.aborted) throw s.reason;
  }
  static abort(reason = undefined) {
    const signal = new AbortSignal(kToken);
    const s = signal[kSignal];
    s.aborted = true;
    s.reason = reason === undefined ? defaultReason() : reason;
    return signal;
  }
  static timeout(delay) {
    if (typeof delay !== 'number') throw ev.invalidArgType('delay', 'of type number', delay);
    if (!(delay >= 0 && delay <= 4294967295)) {
      throw ev.codedError(RangeError, 'ERR_OUT_OF_RANGE',
        'The value of "delay" is out of range. It must be >= 0 && <= 4294967295. Received ' + delay);
    }
    const signal = new AbortSignal(kToken);
    const t = setTimeout(() => {
      abortSignal(signal, new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
    }, delay);
    if (t && typeof t.unref === 'function') t.unref();
    return signal;
  }
  static any(signals) {
    if (signals == null || typeof signals[Symbol.iterator] !== 'function') {
      throw ev.invalidArgType('signals', 'an instance of Array', signals);
    }
    const list = Array.from(signals);
    list.forEach((sig, i) => {
      if (!isAbortSignal(sig)) {
        throw ev.invalidArgType('signals[' + i + ']', 'an instance of AbortSignal', sig);
      }
    });
    for (const sig of list) {
      if (sig[kSignal].aborted) return AbortSignal.abort(sig[kSignal].reason);
    }
    const result = new AbortSignal(kToken);
    const rs = result[kSignal];
    rs.sources = new Set();
    for (const sig of list) {
      const ss = sig[kSignal];
      // A dependent signal is never aborted by itself: follow its sources.
      const roots = ss.sources ? ss.sources : [sig];
      for (const root of roots) {
        const rootSlots = root[kSignal];
        if (rootSlots.aborted) continue;
        rs.sources.add(root);
        if (!rootSlots.dependents) rootSlots.dependents = new Set();
        rootSlots.dependents.add(result);
      }
    }
    return result;
  }
}
Object.defineProperty(AbortSignal.prototype, Symbol.toStringTag, { value: 'AbortSignal', configurable: true });
ev.defineEventHandler(AbortSignal.prototype, 'abort');

function defaultReason() {
  return new DOMException('This operation was aborted', 'AbortError');
}

// runAbortSteps runs the internal algorithms, then fires 'abort'.
function runAbortSteps(signal) {
  const s = signal[kSignal];
  const algorithms = Array.from(s.algorithms);
  s.algorithms.clear();
  for (const fn of algorithms) {
    try { fn(); } catch (err) { ev.reportUncaught(err); }
  }
  signal.dispatchEvent(ev.makeTrusted(new Event('abort')));
}

// abortSignal is the DOM's "signal abort". As in Node, the signals made
// from it by AbortSignal.any abort after its own 'abort' event.
function abortSignal(signal, reason) {
  const s = signal[kSignal];
  if (s.aborted) return;
  s.aborted = true;
  s.reason = reason === undefined ? defaultReason() : reason;
  const dependents = s.dependents;
  s.dependents = null;
  runAbortSteps(signal);
  if (!dependents) return;
  for (const d of dependents) {
    const ds = d[kSignal];
    // Stop other sources from holding on to a signal that is done.
    if (ds.sources) {
      for (const src of ds.sources) {
        const deps = src[kSignal].dependents;
        if (deps) deps.delete(d);
      }
      ds.sources = null;
    }
    abortSignal(d, s.reason);
  }
}

class AbortController {
  constructor() {
    Object.defineProperty(this, kController, { value: { signal: new AbortSignal(kToken) } });
  }
  get signal() {
    const s = this != null ? this[kController] : undefined;
    if (s === undefined) throw ev.invalidThis('AbortController');
    return s.signal;
  }
  abort(reason = undefined) {
    const s = this != null ? this[kController] : undefined;
    if (s === undefined) throw ev.invalidThis('AbortController');
    abortSignal(s.signal, reason);
  }
}
Object.defineProperty(AbortController.prototype, Symbol.toStringTag, { value: 'AbortController', configurable: true });

module.exports = { AbortController, AbortSignal };
Object.defineProperty(module.exports, 'internals', {
  value: {
    isAbortSignal,
    abortSignal,
    // addAlgorithm runs fn when signal aborts, before its 'abort' event, and
    // returns a function that unregisters it.
    addAlgorithm(signal, fn) {
      const s = signal[kSignal];
      if (s.aborted) return () => {};
      s.algorithms.add(fn);
      return () => { s.algorithms.delete(fn); };
    },
  },
});
