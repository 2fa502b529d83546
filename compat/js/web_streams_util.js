'use strict';
// Shared pieces of the WHATWG Streams implementation: promise helpers, the
// queue-with-sizes, queuing strategies and Node-style errors.

const { internals: ev } = require('internal/web_events');

const noop = () => {};

function deferred() {
  let resolve, reject;
  const promise = new Promise((a, b) => { resolve = a; reject = b; });
  return { promise, resolve, reject };
}

// handled marks a promise as handled: its rejection is never reported as
// unhandled, while other reactions still see it.
function handled(p) {
  p.then(undefined, noop);
  return p;
}

function rejected(err) {
  return handled(Promise.reject(err));
}

// promiseCall calls method on obj (if it is a function) and returns a
// promise for its result; a synchronous throw becomes a rejection.
function promiseCall(method, obj, args) {
  if (method === undefined) return Promise.resolve(undefined);
  try {
    return Promise.resolve(method.apply(obj, args));
  } catch (err) {
    return Promise.reject(err);
  }
}

// upon runs onFulfilled/onRejected when p settles; exceptions they throw are
// reported rather than left as unhandled rejections.
function upon(p, onFulfilled, onRejected) {
  p.then(onFulfilled, onRejected).then(undefined, ev.reportUncaught);
}

// A promise cell is a promise with its settle functions and its state, for
// the spec steps that ask whether a promise is still pending.
function cell() {
  const c = { promise: null, resolve: null, reject: null, state: 'pending' };
  c.promise = new Promise((res, rej) => {
    c.resolve = (v) => { if (c.state === 'pending') { c.state = 'fulfilled'; res(v); } };
    c.reject = (e) => { if (c.state === 'pending') { c.state = 'rejected'; rej(e); } };
  });
  return c;
}

function resolvedCell(v) {
  const c = cell();
  c.resolve(v);
  return c;
}

function rejectedCell(e) {
  const c = cell();
  handled(c.promise);
  c.reject(e);
  return c;
}

function invalidState(msg) {
  return ev.codedError(TypeError, 'ERR_INVALID_STATE', 'Invalid state: ' + msg);
}

function invalidArgValue(name, value, reason, Ctor = TypeError) {
  let shown;
  if (typeof value === 'string') shown = "'" + value + "'";
  else if (typeof value === 'function') shown = '[Function: ' + (value.name || 'anonymous') + ']';
  else shown = String(value);
  return ev.codedError(Ctor, 'ERR_INVALID_ARG_VALUE',
    "The property '" + name + "' is invalid. Received " + shown + (reason ? ' ' + reason : ''));
}

function illegalConstructor() {
  return ev.codedError(TypeError, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
}

// A queue of {value, size} records with the running total the spec keeps.
class SizedQueue {
  constructor() { this.reset(); }
  reset() {
    this.items = [];
    this.head = 0;
    this.totalSize = 0;
  }
  get length() { return this.items.length - this.head; }
  push(value, size) {
    if (typeof size !== 'number' || !(size >= 0) || size === Infinity) {
      throw invalidArgValue('size', size, undefined, RangeError);
    }
    this.items.push({ value, size });
    this.totalSize += size;
  }
  shift() {
    const rec = this.items[this.head];
    this.items[this.head] = undefined;
    this.head++;
    if (this.head > 64 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    this.totalSize -= rec.size;
    if (this.totalSize < 0) this.totalSize = 0;
    return rec.value;
  }
  peek() { return this.items[this.head].value; }
}

// A plain FIFO for pending requests.
class Fifo {
  constructor() { this.items = []; this.head = 0; }
  get length() { return this.items.length - this.head; }
  push(v) { this.items.push(v); }
  shift() {
    const v = this.items[this.head];
    this.items[this.head] = undefined;
    this.head++;
    if (this.head > 64 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return v;
  }
  peek() { return this.items[this.head]; }
  last() { return this.items[this.items.length - 1]; }
  drain() {
    const all = this.items.slice(this.head);
    this.items = [];
    this.head = 0;
    return all;
  }
}

function extractHighWaterMark(strategy, defaultHWM) {
  const hwm = strategy == null ? undefined : strategy.highWaterMark;
  if (hwm === undefined) return defaultHWM;
  const n = Number(hwm);
  if (Number.isNaN(n) || n < 0) throw invalidArgValue('strategy.highWaterMark', hwm, undefined, RangeError);
  return n;
}

function extractSizeAlgorithm(strategy) {
  const size = strategy == null ? undefined : strategy.size;
  if (size === undefined) return () => 1;
  if (typeof size !== 'function') throw ev.invalidArgType('strategy.size', 'of type function', size);
  return (chunk) => size(chunk);
}

function checkInit(init) {
  if (init === null || typeof init !== 'object') throw ev.invalidArgType('init', 'of type object', init);
  if (init.highWaterMark === undefined) {
    throw ev.codedError(TypeError, 'ERR_MISSING_OPTION', 'init.highWaterMark is required');
  }
  return Number(init.highWaterMark);
}

const kStrategy = Symbol('strategy');
// The size functions are shared by all strategies, as the spec requires.
const countSize = { size() { return 1; } }.size;
const byteLengthSize = { size(chunk) { return chunk.byteLength; } }.size;

class CountQueuingStrategy {
  constructor(init) {
    Object.defineProperty(this, kStrategy, { value: checkInit(init) });
  }
  get highWaterMark() {
    if (this == null || this[kStrategy] === undefined) throw ev.invalidThis('CountQueuingStrategy');
    return this[kStrategy];
  }
  get size() {
    if (this == null || this[kStrategy] === undefined) throw ev.invalidThis('CountQueuingStrategy');
    return countSize;
  }
}
Object.defineProperty(CountQueuingStrategy.prototype, Symbol.toStringTag, { value: 'CountQueuingStrategy', configurable: true });

class ByteLengthQueuingStrategy {
  constructor(init) {
    Object.defineProperty(this, kStrategy, { value: checkInit(init) });
  }
  get highWaterMark() {
    if (this == null || this[kStrategy] === undefined) throw ev.invalidThis('ByteLengthQueuingStrategy');
    return this[kStrategy];
  }
  get size() {
    if (this == null || this[kStrategy] === undefined) throw ev.invalidThis('ByteLengthQueuingStrategy');
    return byteLengthSize;
  }
}
Object.defineProperty(ByteLengthQueuingStrategy.prototype, Symbol.toStringTag, { value: 'ByteLengthQueuingStrategy', configurable: true });

// slots returns the internal record stored under key on obj, or throws the
// ERR_INVALID_THIS error Node gives for a method called on the wrong object.
function slots(obj, key, typeName) {
  const s = obj != null && (typeof obj === 'object' || typeof obj === 'function') ? obj[key] : undefined;
  if (s === undefined) throw ev.invalidThis(typeName);
  return s;
}

function defineSlots(obj, key, record) {
  Object.defineProperty(obj, key, { value: record });
  return record;
}

function toStringTag(Ctor, name) {
  Object.defineProperty(Ctor.prototype, Symbol.toStringTag, { value: name, configurable: true });
}

module.exports = {
  noop,
  deferred,
  handled,
  rejected,
  promiseCall,
  upon,
  cell,
  resolvedCell,
  rejectedCell,
  invalidState,
  invalidArgValue,
  illegalConstructor,
  SizedQueue,
  Fifo,
  extractHighWaterMark,
  extractSizeAlgorithm,
  CountQueuingStrategy,
  ByteLengthQueuingStrategy,
  slots,
  defineSlots,
  toStringTag,
  ev,
};
