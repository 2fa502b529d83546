'use strict';
// node:async_hooks — AsyncLocalStorage and AsyncResource on top of the
// runtime's async context (compat/asynccontext.go), which follows promise
// reactions, timers, nextTick and callbacks settled from Go. The low-level
// hook API (createHook, executionAsyncId, ...) is present but inert.

const ctx = require('internal/async_context');

// A context is a Map from AsyncLocalStorage to store. It is never mutated
// once current: changes make a copy.
function withStore(context, storage, store) {
  const next = new Map(context);
  next.set(storage, store);
  return next;
}

function withoutStore(context, storage) {
  if (!context || !context.has(storage)) return context;
  const next = new Map(context);
  next.delete(storage);
  return next.size ? next : undefined;
}

function checkFunction(fn, name) {
  if (typeof fn !== 'function') {
    const e = new TypeError(`The "${name}" argument must be of type function. Received ` +
      (fn === null ? 'null' : fn === undefined ? 'undefined' : 'type ' + typeof fn));
    e.code = 'ERR_INVALID_ARG_TYPE';
    throw e;
  }
}

function runInContext(context, fn, thisArg, args) {
  const prev = ctx.get();
  ctx.set(context);
  try {
    return fn.apply(thisArg, args);
  } finally {
    ctx.set(prev);
  }
}

class AsyncLocalStorage {
  constructor() {
    this._enabled = false;
  }

  static bind(fn) {
    checkFunction(fn, 'fn');
    const context = ctx.get();
    return function bound(...args) { return runInContext(context, fn, this, args); };
  }

  static snapshot() {
    const context = ctx.get();
    return function runInAsyncScope(fn, ...args) { return runInContext(context, fn, this, args); };
  }

  disable() {
    this._enabled = false;
    ctx.set(withoutStore(ctx.get(), this));
  }

  getStore() {
    if (!this._enabled) return undefined;
    const context = ctx.get();
    return context ? context.get(this) : undefined;
  }

  enterWith(store) {
    this._enabled = true;
    ctx.set(withStore(ctx.get(), this, store));
  }

  run(store, callback, ...args) {
    this._enabled = true;
    return runInContext(withStore(ctx.get(), this, store), callback, undefined, args);
  }

  exit(callback, ...args) {
    return runInContext(withoutStore(ctx.get(), this), callback, undefined, args);
  }
}

let nextAsyncId = 1;

class AsyncResource {
  constructor(type, opts) {
    if (typeof type !== 'string') {
      const e = new TypeError('The "type" argument must be of type string. Received ' +
        (type === null ? 'null' : type === undefined ? 'undefined' : 'type ' + typeof type));
      e.code = 'ERR_INVALID_ARG_TYPE';
      throw e;
    }
    this._context = ctx.get();
    this._asyncId = ++nextAsyncId;
    const trigger = typeof opts === 'number' ? opts : opts && opts.triggerAsyncId;
    this._triggerId = typeof trigger === 'number' ? trigger : 1;
    this._type = type;
  }

  runInAsyncScope(fn, thisArg, ...args) {
    return runInContext(this._context, fn, thisArg, args);
  }

  emitDestroy() { return this; }
  asyncId() { return this._asyncId; }
  triggerAsyncId() { return this._triggerId; }

  bind(fn, thisArg) {
    checkFunction(fn, 'fn');
    const resource = this;
    const bound = function (...args) {
      return resource.runInAsyncScope(fn, thisArg === undefined ? this : thisArg, ...args);
    };
    Object.defineProperty(bound, 'length', { value: fn.length, configurable: true });
    Object.defineProperty(bound, 'asyncResource', { value: this, configurable: true, writable: true, enumerable: true });
    return bound;
  }

  static bind(fn, type, thisArg) {
    return new AsyncResource(type || fn.name || 'bound-anonymous-fn').bind(fn, thisArg);
  }
}

// Inert hook API: hooks never fire; ids are constants.
function createHook(callbacks) {
  return {
    enable() { return this; },
    disable() { return this; },
  };
}

exports.AsyncLocalStorage = AsyncLocalStorage;
exports.AsyncResource = AsyncResource;
exports.createHook = createHook;
exports.executionAsyncId = function executionAsyncId() { return 1; };
exports.triggerAsyncId = function triggerAsyncId() { return 0; };
exports.executionAsyncResource = function executionAsyncResource() { return {}; };
exports.asyncWrapProviders = Object.freeze({ __proto__: null, NONE: 0 });
