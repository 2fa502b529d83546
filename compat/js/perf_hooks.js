'use strict';
// node:perf_hooks — performance.now/timeOrigin, user timing marks and
// measures with PerformanceObserver, and inert event-loop histograms.

const natives = require('internal/util');

function domError(message, name, code) {
  if (typeof globalThis.DOMException === 'function') return new globalThis.DOMException(message, name);
  const e = new Error(message);
  e.name = name;
  e.code = code;
  return e;
}

class PerformanceEntry {
  constructor(name, entryType, startTime, duration, detail) {
    Object.defineProperties(this, {
      name: { value: name, enumerable: true },
      entryType: { value: entryType, enumerable: true },
      startTime: { value: startTime, enumerable: true },
      duration: { value: duration, enumerable: true },
    });
    if (detail !== undefined) Object.defineProperty(this, 'detail', { value: detail, enumerable: true });
  }
  toJSON() {
    const o = { name: this.name, entryType: this.entryType, startTime: this.startTime, duration: this.duration };
    if (this.entryType === 'mark' || this.entryType === 'measure') o.detail = this.detail === undefined ? null : this.detail;
    return o;
  }
}
class PerformanceMark extends PerformanceEntry {
  constructor(name, options) {
    if (arguments.length === 0) throw new TypeError('The "name" argument must be specified');
    const start = options && options.startTime !== undefined ? Number(options.startTime) : natives.now();
    const detail = options && options.detail !== undefined ? structuredCopy(options.detail) : null;
    super(String(name), 'mark', start, 0, detail);
  }
}
class PerformanceMeasure extends PerformanceEntry {}
class PerformanceResourceTiming extends PerformanceEntry {}

function structuredCopy(v) {
  if (typeof globalThis.structuredClone === 'function') {
    try { return globalThis.structuredClone(v); } catch (e) { return v; }
  }
  return v;
}

const entries = [];
const observers = new Set();
let resourceBufferSize = 250;

function record(entry) {
  entries.push(entry);
  for (const obs of observers) obs._offer(entry);
}

class PerformanceObserverEntryList {
  constructor(list) { this._list = list; }
  getEntries() { return this._list.slice(); }
  getEntriesByType(type) { return this._list.filter((e) => e.entryType === type); }
  getEntriesByName(name, type) {
    return this._list.filter((e) => e.name === name && (type === undefined || e.entryType === type));
  }
}

class PerformanceObserver {
  constructor(callback) {
    if (typeof callback !== 'function') {
      const e = new TypeError(`The "callback" argument must be of type function. Received ${callback === null ? 'null' : typeof callback}`);
      e.code = 'ERR_INVALID_ARG_TYPE';
      throw e;
    }
    this._callback = callback;
    this._types = new Set();
    this._buffer = [];
    this._scheduled = false;
  }
  observe(options = {}) {
    const types = options.entryTypes || (options.type ? [options.type] : []);
    for (const t of types) this._types.add(t);
    observers.add(this);
    if (options.buffered) for (const e of entries) this._offer(e);
  }
  disconnect() { observers.delete(this); this._buffer = []; }
  takeRecords() { const b = this._buffer; this._buffer = []; return b; }
  _offer(entry) {
    if (!this._types.has(entry.entryType)) return;
    this._buffer.push(entry);
    if (this._scheduled) return;
    this._scheduled = true;
    Promise.resolve().then(() => {
      this._scheduled = false;
      const list = this.takeRecords();
      if (list.length > 0) this._callback(new PerformanceObserverEntryList(list), this);
    });
  }
}
PerformanceObserver.supportedEntryTypes = ['dns', 'function', 'gc', 'http', 'http2', 'mark', 'measure', 'net', 'resource'];

function markTime(name) {
  if (typeof name === 'number') return name;
  for (let i = entries.length - 1; i >= 0; i--) {
    if (entries[i].entryType === 'mark' && entries[i].name === name) return entries[i].startTime;
  }
  throw domError(`The "${name}" performance mark has not been set`, 'SyntaxError', 12);
}

class Performance {
  get timeOrigin() { return natives.timeOrigin; }
  now() { return natives.now(); }
  mark(name, options) {
    const m = new PerformanceMark(name, options);
    record(m);
    return m;
  }
  measure(name, startOrOptions, endMark) {
    let start = 0;
    let end;
    let detail = null;
    if (startOrOptions !== null && typeof startOrOptions === 'object') {
      const o = startOrOptions;
      if (o.start !== undefined) start = markTime(o.start);
      if (o.end !== undefined) end = markTime(o.end);
      else if (o.duration !== undefined) end = start + Number(o.duration);
      if (o.duration !== undefined && o.end === undefined && o.start === undefined) start = natives.now() - Number(o.duration);
      if (o.detail !== undefined) detail = structuredCopy(o.detail);
    } else if (startOrOptions !== undefined) {
      start = markTime(startOrOptions);
    }
    if (endMark !== undefined) end = markTime(endMark);
    if (end === undefined) end = natives.now();
    const m = new PerformanceMeasure(String(name), 'measure', start, end - start, detail);
    record(m);
    return m;
  }
  clearMarks(name) { clear('mark', name); }
  clearMeasures(name) { clear('measure', name); }
  clearResourceTimings(name) { clear('resource', name); }
  getEntries() { return entries.slice(); }
  getEntriesByName(name, type) {
    return entries.filter((e) => e.name === name && (type === undefined || e.entryType === type));
  }
  getEntriesByType(type) { return entries.filter((e) => e.entryType === type); }
  setResourceTimingBufferSize(n) { resourceBufferSize = Number(n) >>> 0; }
  // markResourceTiming is what undici's fetch calls when a fetch ends (Node
  // 18.2+): it records a 'resource' entry, at most resourceBufferSize of
  // them as Node keeps (250 by default), and gives it to observers.
  markResourceTiming(timingInfo, requestedUrl, initiatorType) {
    const t = timingInfo || {};
    const start = Number(t.startTime) || 0;
    const end = Number(t.endTime) || start;
    const entry = new PerformanceResourceTiming(String(requestedUrl), 'resource', start, end - start);
    Object.defineProperty(entry, 'initiatorType', { value: initiatorType, enumerable: true });
    if (entries.filter((e) => e.entryType === 'resource').length < resourceBufferSize) entries.push(entry);
    for (const obs of observers) obs._offer(entry);
    return entry;
  }
  timerify(fn) {
    if (typeof fn !== 'function') {
      const e = new TypeError('The "fn" argument must be of type function');
      e.code = 'ERR_INVALID_ARG_TYPE';
      throw e;
    }
    const perf = this;
    function timerified(...args) {
      const start = perf.now();
      const result = new.target ? Reflect.construct(fn, args, fn) : Reflect.apply(fn, this, args);
      const entry = new PerformanceEntry(fn.name, 'function', start, perf.now() - start, args);
      for (const obs of observers) obs._offer(entry);
      return result;
    }
    Object.defineProperty(timerified, 'name', { value: `timerified ${fn.name}` });
    Object.defineProperty(timerified, 'length', { value: fn.length });
    return timerified;
  }
  eventLoopUtilization() { return { idle: 0, active: 0, utilization: 0 }; }
  get nodeTiming() {
    return {
      name: 'node', entryType: 'node', startTime: 0, duration: natives.now(),
      nodeStart: 0, v8Start: 0, environment: 0, bootstrapComplete: 0, loopStart: 0, loopExit: -1, idleTime: 0,
    };
  }
  toJSON() {
    return { nodeTiming: this.nodeTiming, timeOrigin: this.timeOrigin, eventLoopUtilization: this.eventLoopUtilization() };
  }
  get [Symbol.toStringTag]() { return 'Performance'; }
}

function clear(type, name) {
  for (let i = entries.length - 1; i >= 0; i--) {
    if (entries[i].entryType === type && (name === undefined || entries[i].name === name)) entries.splice(i, 1);
  }
}

// Histograms record values handed to record(); the event-loop delay monitor
// has nothing to measure here, so it stays empty.
class Histogram {
  constructor() { this.reset(); }
  reset() { this._values = []; }
  get count() { return this._values.length; }
  get min() { return this._values.length ? Math.min(...this._values) : 9223372036854776000; }
  get max() { return this._values.length ? Math.max(...this._values) : 0; }
  get mean() { return this._values.length ? this._values.reduce((a, b) => a + b, 0) / this._values.length : NaN; }
  get stddev() {
    if (!this._values.length) return NaN;
    const m = this.mean;
    return Math.sqrt(this._values.reduce((a, b) => a + (b - m) * (b - m), 0) / this._values.length);
  }
  get exceeds() { return 0; }
  get percentiles() {
    const out = new Map();
    for (const p of [0, 50, 75, 87.5, 100]) out.set(p, this.percentile(p || 1e-9));
    return out;
  }
  percentile(p) {
    if (!this._values.length) return 0;
    const sorted = this._values.slice().sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
  }
  record(v) { this._values.push(Number(v)); }
  recordDelta() {}
  add(other) { this._values.push(...other._values); }
  enable() { return true; }
  disable() { return true; }
}

const performance = new Performance();

module.exports = {
  Performance,
  PerformanceEntry,
  PerformanceMark,
  PerformanceMeasure,
  PerformanceObserver,
  PerformanceObserverEntryList,
  PerformanceResourceTiming,
  monitorEventLoopDelay: () => new Histogram(),
  createHistogram: () => new Histogram(),
  performance,
  constants: {
    NODE_PERFORMANCE_GC_MAJOR: 4, NODE_PERFORMANCE_GC_MINOR: 1, NODE_PERFORMANCE_GC_INCREMENTAL: 8,
    NODE_PERFORMANCE_GC_WEAKCB: 16, NODE_PERFORMANCE_GC_FLAGS_NO: 0,
    NODE_PERFORMANCE_GC_FLAGS_CONSTRUCT_RETAINED: 2, NODE_PERFORMANCE_GC_FLAGS_FORCED: 4,
    NODE_PERFORMANCE_GC_FLAGS_SYNCHRONOUS_PHANTOM_PROCESSING: 8,
    NODE_PERFORMANCE_GC_FLAGS_ALL_AVAILABLE_GARBAGE: 16,
    NODE_PERFORMANCE_GC_FLAGS_ALL_EXTERNAL_MEMORY: 32,
    NODE_PERFORMANCE_GC_FLAGS_SCHEDULE_IDLE: 64,
  },
};
