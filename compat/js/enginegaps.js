'use strict';
// V8 features goja lacks, installed into every runtime before user code:
// Error.captureStackTrace / stackTraceLimit / prepareStackTrace, the legacy
// __defineGetter__ family, WeakRef and FinalizationRegistry (shims: WeakRef
// holds its target strongly and cleanup callbacks never run, since goja
// exposes no garbage-collection hooks), String.prototype.isWellFormed and
// toWellFormed, Symbol.dispose, %TypedArray%.from on strings, Array.prototype
// find/findIndex over holes with a built-in predicate, and the Intl
// object with the locale-aware methods of String, Number, BigInt and Date
// (see intl.js, loaded on first use).

function hidden(obj, name, value) {
  Object.defineProperty(obj, name, { value, writable: true, configurable: true, enumerable: false });
}

// CallSite: what Error.prepareStackTrace receives, as in V8.
class CallSite {
  constructor(frame, receiver) {
    this._f = frame;
    this._this = receiver;
  }
  getThis() { return undefined; }
  getTypeName() { return null; }
  getFunction() { return undefined; }
  getFunctionName() { return this._f.func || null; }
  getMethodName() { return null; }
  getFileName() { return this._f.native ? undefined : this._f.file || '<anonymous>'; }
  getLineNumber() { return this._f.native ? null : this._f.line; }
  getColumnNumber() { return this._f.native ? null : this._f.column; }
  getEnclosingLineNumber() { return null; }
  getEnclosingColumnNumber() { return null; }
  getEvalOrigin() { return undefined; }
  getScriptNameOrSourceURL() { return this.getFileName(); }
  getScriptHash() { return ''; }
  getPosition() { return 0; }
  getPromiseIndex() { return null; }
  isToplevel() { return !this._f.func; }
  isEval() { return false; }
  isNative() { return false; }
  isConstructor() { return false; }
  isAsync() { return false; }
  isPromiseAll() { return false; }
  toString() {
    const f = this._f;
    const where = f.native ? 'native' : `${f.file || '<anonymous>'}:${f.line}:${f.column}`;
    return f.func ? `${f.func} (${where})` : where;
  }
}

// The first line of a V8 stack: ErrorUtils::ToString of the object.
function stackHeader(obj) {
  let name, message;
  try { name = obj.name; } catch (e) { name = undefined; }
  try { message = obj.message; } catch (e) { message = undefined; }
  name = name === undefined ? 'Error' : String(name);
  message = message === undefined ? '' : String(message);
  if (!name) return message;
  if (!message) return name;
  return name + ': ' + message;
}

function installErrorAPI(natives) {
  hidden(Error, 'stackTraceLimit', 10);

  hidden(Error, 'captureStackTrace', function captureStackTrace(obj, fn) {
    if (obj === null || (typeof obj !== 'object' && typeof obj !== 'function')) {
      throw new TypeError('Invalid argument');
    }
    let limit = Error.stackTraceLimit;
    limit = typeof limit === 'number' && limit >= 0 ? Math.floor(Math.min(limit, 1e6)) : 0;
    const fnName = typeof fn === 'function' ? fn.name : undefined;
    const frames = natives.callStack(fnName, limit);
    let stack;
    const prepare = Error.prepareStackTrace;
    if (typeof prepare === 'function') {
      stack = prepare(obj, frames.map((f) => new CallSite(f)));
    } else {
      stack = stackHeader(obj);
      for (const f of frames) stack += '\n    at ' + new CallSite(f).toString();
    }
    Object.defineProperty(obj, 'stack', { value: stack, writable: true, configurable: true, enumerable: false });
  });
}

function installLegacyAccessors() {
  const proto = Object.prototype;
  if (typeof proto.__defineGetter__ === 'function') return;
  function toObject(v, method) {
    if (v === null || v === undefined) throw new TypeError(`Object.prototype.${method} called on null or undefined`);
    return Object(v);
  }
  function key(p) { return typeof p === 'symbol' ? p : String(p); }
  hidden(proto, '__defineGetter__', function __defineGetter__(prop, getter) {
    const o = toObject(this, '__defineGetter__');
    if (typeof getter !== 'function') throw new TypeError('Object.prototype.__defineGetter__: Expecting function');
    Object.defineProperty(o, key(prop), { get: getter, enumerable: true, configurable: true });
  });
  hidden(proto, '__defineSetter__', function __defineSetter__(prop, setter) {
    const o = toObject(this, '__defineSetter__');
    if (typeof setter !== 'function') throw new TypeError('Object.prototype.__defineSetter__: Expecting function');
    Object.defineProperty(o, key(prop), { set: setter, enumerable: true, configurable: true });
  });
  function lookup(o, prop, which) {
    const k = key(prop);
    for (let cur = o; cur !== null; cur = Object.getPrototypeOf(cur)) {
      const d = Object.getOwnPropertyDescriptor(cur, k);
      if (d) return d[which];
    }
    return undefined;
  }
  hidden(proto, '__lookupGetter__', function __lookupGetter__(prop) {
    return lookup(toObject(this, '__lookupGetter__'), prop, 'get');
  });
  hidden(proto, '__lookupSetter__', function __lookupSetter__(prop) {
    return lookup(toObject(this, '__lookupSetter__'), prop, 'set');
  });
}

function isObjectLike(v) {
  return v !== null && (typeof v === 'object' || typeof v === 'function');
}

function installWeakRefs(g) {
  if (typeof g.WeakRef !== 'function') {
    // Holds the target strongly: goja cannot observe collection.
    class WeakRef {
      #target;
      constructor(target) {
        if (!isObjectLike(target)) throw new TypeError('WeakRef: invalid target');
        this.#target = target;
      }
      deref() { return this.#target; }
    }
    Object.defineProperty(WeakRef.prototype, Symbol.toStringTag, { value: 'WeakRef', configurable: true });
    hidden(g, 'WeakRef', WeakRef);
  }
  if (typeof g.FinalizationRegistry !== 'function') {
    // Registrations are remembered for unregister; cleanup never runs.
    class FinalizationRegistry {
      #cleanup;
      #tokens = new WeakMap();
      constructor(cleanup) {
        if (typeof cleanup !== 'function') throw new TypeError('FinalizationRegistry: cleanup must be callable');
        this.#cleanup = cleanup;
      }
      register(target, held, token) {
        if (!isObjectLike(target)) throw new TypeError('FinalizationRegistry.prototype.register: invalid target');
        if (target === held) throw new TypeError('FinalizationRegistry.prototype.register: target and holdings must not be same');
        if (token !== undefined) {
          if (!isObjectLike(token)) throw new TypeError('FinalizationRegistry.prototype.register: invalid unregister token');
          this.#tokens.set(token, (this.#tokens.get(token) || 0) + 1);
        }
      }
      unregister(token) {
        if (!isObjectLike(token)) throw new TypeError('Invalid unregisterToken (\'' + String(token) + '\')');
        const had = this.#tokens.has(token);
        this.#tokens.delete(token);
        return had;
      }
    }
    Object.defineProperty(FinalizationRegistry.prototype, Symbol.toStringTag, { value: 'FinalizationRegistry', configurable: true });
    hidden(g, 'FinalizationRegistry', FinalizationRegistry);
  }
}

function installNewerBuiltins() {
  const sp = String.prototype;
  if (typeof sp.isWellFormed !== 'function') {
    hidden(sp, 'isWellFormed', function isWellFormed() {
      if (this === null || this === undefined) throw new TypeError('String.prototype.isWellFormed called on null or undefined');
      const s = String(this);
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c >= 0xd800 && c <= 0xdbff) {
          const d = s.charCodeAt(i + 1);
          if (d >= 0xdc00 && d <= 0xdfff) { i++; continue; }
          return false;
        }
        if (c >= 0xdc00 && c <= 0xdfff) return false;
      }
      return true;
    });
    hidden(sp, 'toWellFormed', function toWellFormed() {
      if (this === null || this === undefined) throw new TypeError('String.prototype.toWellFormed called on null or undefined');
      const s = String(this);
      let out = '';
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c >= 0xd800 && c <= 0xdbff) {
          const d = s.charCodeAt(i + 1);
          if (d >= 0xdc00 && d <= 0xdfff) { out += s[i] + s[i + 1]; i++; continue; }
          out += '\uFFFD';
        } else if (c >= 0xdc00 && c <= 0xdfff) {
          out += '\uFFFD';
        } else {
          out += s[i];
        }
      }
      return out;
    });
  }
  // goja's %TypedArray%.from throws on a primitive source ("Value is not an
  // object"), where the spec iterates a string and reads other primitives as
  // empty array-likes: nanoid does Uint8Array.from(alphabet, mapFn).
  const TypedArray = Object.getPrototypeOf(Uint8Array);
  const typedFrom = TypedArray.from;
  let primitiveOK = true;
  try { typedFrom.call(Uint8Array, 'a'); } catch (e) { primitiveOK = false; }
  if (!primitiveOK) {
    hidden(TypedArray, 'from', {
      from(source) {
        const args = Array.prototype.slice.call(arguments);
        if (typeof source === 'string') {
          args[0] = Array.from(source);
        } else if (source !== null && source !== undefined && typeof source !== 'object' && typeof source !== 'function') {
          args[0] = Object(source);
        }
        return Reflect.apply(typedFrom, this, args);
      },
    }.from);
  }
  // goja's Array.prototype.find and findIndex hand a missing element (a
  // hole, or an absent index of an array-like) to the predicate as a Go nil:
  // a built-in predicate then dereferences it and the runtime panics
  // ([, 1].find(Boolean); exceljs's xlsx writer does this). A JS function
  // reads a missing argument as undefined, so the predicate is called
  // through one. (A probe cannot detect the bug: it would panic.)
  const ap = Array.prototype;
  for (const name of ['find', 'findIndex']) {
    const orig = ap[name];
    hidden(ap, name, {
      [name](predicate) {
        if (typeof predicate !== 'function') return Reflect.apply(orig, this, arguments);
        const thisArg = arguments[1];
        return Reflect.apply(orig, this, [function (v, i, o) { return Reflect.apply(predicate, thisArg, [v, i, o]); }]);
      },
    }[name]);
  }
  if (typeof Symbol.dispose !== 'symbol') {
    Object.defineProperty(Symbol, 'dispose', { value: Symbol('nodejs.dispose') });
    Object.defineProperty(Symbol, 'asyncDispose', { value: Symbol('nodejs.asyncDispose') });
  }
}

// Intl and the locale-aware methods. intl.js is evaluated the first time any
// of them is used.
function installIntl(g, natives) {
  let intl;
  const load = () => intl || (intl = natives.require('internal/intl'));
  if (typeof g.Intl !== 'object') {
    Object.defineProperty(g, 'Intl', {
      configurable: true,
      enumerable: false,
      get() {
        const v = load().Intl;
        Object.defineProperty(g, 'Intl', { value: v, writable: true, configurable: true, enumerable: false });
        return v;
      },
      set(v) {
        Object.defineProperty(g, 'Intl', { value: v, writable: true, configurable: true, enumerable: false });
      },
    });
  }
  const method = (proto, name, fn) => {
    Object.defineProperty(fn, 'name', { value: name });
    hidden(proto, name, fn);
  };
  method(String.prototype, 'localeCompare', function localeCompare(that, locales, options) {
    if (this === null || this === undefined) throw new TypeError('String.prototype.localeCompare called on null or undefined');
    return load().compareStrings(String(this), String(that), locales, options);
  });
  const numToLocale = function toLocaleString(locales, options) {
    return load().formatNumber(this, locales, options);
  };
  method(Number.prototype, 'toLocaleString', numToLocale);
  method(BigInt.prototype, 'toLocaleString', function toLocaleString(locales, options) {
    return load().formatNumber(this, locales, options);
  });
  for (const [name, kind] of [['toLocaleString', 'any'], ['toLocaleDateString', 'date'], ['toLocaleTimeString', 'time']]) {
    method(Date.prototype, name, {
      [name](locales, options) {
        if (!(this instanceof Date)) throw new TypeError('this is not a Date object.');
        return load().formatDate(this, locales, options, kind);
      },
    }[name]);
  }
}

// installAllocationCaps makes one oversized allocation a RangeError instead of
// a request for gigabytes from the Go heap (goja has no heap limit): new
// ArrayBuffer(n), and the string builders that take a length. Typed arrays
// built with a length, string concatenation and growing arrays are not
// capped here; the engine's memory watchdog covers them.
function installAllocationCaps(g, maxBytes) {
  const maxChars = Math.min(maxBytes, 536870888); // Node's string limit
  // A wrapper constructor sharing ArrayBuffer.prototype (a Proxy would do,
  // but goja rejects a Proxy on the right of instanceof).
  const AB = g.ArrayBuffer;
  const ArrayBuffer = function ArrayBuffer(length, options) {
    if (new.target === undefined) throw new TypeError("Constructor ArrayBuffer requires 'new'");
    if (Number(length) > maxBytes) throw new RangeError('Array buffer allocation failed');
    return Reflect.construct(AB, arguments, new.target === ArrayBuffer ? AB : new.target);
  };
  for (const key of Reflect.ownKeys(AB)) {
    if (key !== 'prototype' && key !== 'name' && key !== 'length') {
      Object.defineProperty(ArrayBuffer, key, Object.getOwnPropertyDescriptor(AB, key));
    }
  }
  Object.defineProperty(ArrayBuffer, 'prototype', { value: AB.prototype, writable: false, enumerable: false, configurable: false });
  Object.setPrototypeOf(ArrayBuffer, Object.getPrototypeOf(AB));
  Object.defineProperty(AB.prototype, 'constructor', { value: ArrayBuffer, writable: true, configurable: true, enumerable: false });
  Object.defineProperty(g, 'ArrayBuffer', { value: ArrayBuffer, writable: true, configurable: true, enumerable: false });

  const wrap = (name, resultLength) => {
    const orig = String.prototype[name];
    const fn = {
      [name](...args) {
        if (resultLength(String(this), args) > maxChars) throw new RangeError('Invalid string length');
        return orig.apply(this, args);
      },
    }[name];
    Object.defineProperty(fn, 'length', { value: orig.length });
    Object.defineProperty(String.prototype, name, { value: fn, writable: true, configurable: true, enumerable: false });
  };
  wrap('repeat', (s, [count]) => s.length * (Number(count) || 0));
  wrap('padStart', (s, [max]) => Number(max) || 0);
  wrap('padEnd', (s, [max]) => Number(max) || 0);
}

exports.install = function install(g, natives) {
  installAllocationCaps(g, natives.maxAllocation);
  installErrorAPI(natives);
  installLegacyAccessors();
  installWeakRefs(g);
  installNewerBuiltins();
  installIntl(g, natives);
};
