'use strict';
// Globals every worker runtime has: timers, queueMicrotask, console, process.
// install() runs once per runtime, before any user code.

const kHandle = Symbol('handle');

class Timeout {
  constructor(natives, cb, delay, args, repeat) {
    this._natives = natives;
    this._cb = cb;
    this._args = args;
    this._delay = delay;
    this._repeat = repeat;
    this._ref = true;
    this._destroyed = false;
    this._id = 0;
    this._start();
  }
  _start() {
    this._id = this._natives.schedule(this._delay, () => this._fire());
  }
  _fire() {
    if (this._destroyed) return;
    if (this._repeat) this._start(); else this._destroyed = true;
    this._cb.apply(undefined, this._args);
  }
  ref() { this._ref = true; return this; }
  unref() { this._ref = false; return this; }
  hasRef() { return this._ref; }
  refresh() {
    if (!this._destroyed) { this._natives.cancel(this._id); this._start(); }
    return this;
  }
  close() { clearTimeout(this); return this; }
  [Symbol.toPrimitive]() { return this._id; }
}

class Immediate {
  constructor(natives, cb, args) {
    this._cb = cb;
    this._args = args;
    this._ref = true;
    this._id = natives.schedule(-1, () => { this._cb.apply(undefined, this._args); });
  }
  ref() { this._ref = true; return this; }
  unref() { this._ref = false; return this; }
  hasRef() { return this._ref; }
}

function delayOf(ms) {
  ms = Number(ms);
  if (!(ms >= 1 && ms <= 2147483647)) ms = 1; // Node's rule: out of range or NaN becomes 1
  return ms;
}

function checkCallback(cb) {
  if (typeof cb !== 'function') {
    const e = new TypeError('The "callback" argument must be of type function. Received ' +
      (cb === null ? 'null' : typeof cb));
    e.code = 'ERR_INVALID_ARG_TYPE';
    throw e;
  }
}

exports.install = function install(g, natives) {
  const byId = new Map();
  function track(t) { byId.set(t._id, t); return t; }
  function clear(t) {
    if (t == null) return;
    if (typeof t === 'number' || typeof t === 'string') t = byId.get(Number(t));
    if (t instanceof Timeout) {
      t._destroyed = true;
      natives.cancel(t._id);
      byId.delete(t._id);
    } else if (t instanceof Immediate) {
      natives.cancel(t._id);
    }
  }
  function defineHidden(name, value) {
    Object.defineProperty(g, name, { value, writable: true, configurable: true, enumerable: false });
  }

  defineHidden('setTimeout', function setTimeout(cb, ms, ...args) {
    checkCallback(cb);
    const t = new Timeout(natives, () => { byId.delete(t._id); cb.apply(undefined, args); }, delayOf(ms), [], false);
    return track(t);
  });
  defineHidden('setInterval', function setInterval(cb, ms, ...args) {
    checkCallback(cb);
    const t = new Timeout(natives, cb, delayOf(ms), args, true);
    const start = t._start;
    t._start = function () { byId.delete(this._id); start.call(this); byId.set(this._id, this); };
    return track(t);
  });
  defineHidden('setImmediate', function setImmediate(cb, ...args) {
    checkCallback(cb);
    return new Immediate(natives, cb, args);
  });
  defineHidden('clearTimeout', clear);
  defineHidden('clearInterval', clear);
  defineHidden('clearImmediate', clear);
  defineHidden('queueMicrotask', function queueMicrotask(cb) {
    checkCallback(cb);
    Promise.resolve().then(() => cb());
  });

  // console: formatted like Node's (util.format), written to the server log.
  const util = require('util');
  const counts = new Map();
  const timers = new Map();
  let groupIndent = '';
  function emit(level, args) {
    let msg = util.format.apply(null, args);
    if (groupIndent) msg = groupIndent + msg.split('\n').join('\n' + groupIndent);
    natives.log(level, msg);
  }
  const console = {
    log(...a) { emit('info', a); },
    info(...a) { emit('info', a); },
    debug(...a) { emit('debug', a); },
    warn(...a) { emit('warn', a); },
    error(...a) { emit('error', a); },
    trace(...a) {
      const e = new Error(util.format.apply(null, a));
      e.name = 'Trace';
      emit('error', [e.stack]);
    },
    dir(obj, opts) { emit('info', [util.inspect(obj, opts)]); },
    table(data) { emit('info', [data]); },
    assert(ok, ...a) {
      if (!ok) emit('error', a.length ? ['Assertion failed:', ...a] : ['Assertion failed']);
    },
    count(label = 'default') {
      const n = (counts.get(label) || 0) + 1;
      counts.set(label, n);
      emit('info', [`${label}: ${n}`]);
    },
    countReset(label = 'default') { counts.delete(label); },
    time(label = 'default') { timers.set(label, natives.now()); },
    timeEnd(label = 'default') {
      const t = timers.get(label);
      if (t === undefined) return;
      timers.delete(label);
      emit('info', [`${label}: ${(natives.now() - t).toFixed(3)}ms`]);
    },
    timeLog(label = 'default', ...a) {
      const t = timers.get(label);
      if (t === undefined) return;
      emit('info', [`${label}: ${(natives.now() - t).toFixed(3)}ms`, ...a]);
    },
    group(...a) { if (a.length) emit('info', a); groupIndent += '  '; },
    groupCollapsed(...a) { if (a.length) emit('info', a); groupIndent += '  '; },
    groupEnd() { groupIndent = groupIndent.slice(2); },
  };
  defineHidden('console', console);

  // Globals backed by modules, evaluated on first read.
  for (const [name, mod, exp] of natives.lazy) {
    Object.defineProperty(g, name, {
      configurable: true,
      enumerable: false,
      get() {
        const m = natives.require(mod);
        const value = exp ? m[exp] : m;
        Object.defineProperty(g, name, { value, writable: true, configurable: true, enumerable: false });
        return value;
      },
      set(value) {
        Object.defineProperty(g, name, { value, writable: true, configurable: true, enumerable: false });
      },
    });
  }
};
