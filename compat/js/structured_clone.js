'use strict';
// structuredClone(value, { transfer }) following the HTML structured clone
// algorithm as Node (V8's serializer) applies it: shared references and
// cycles survive, prototypes do not (a class instance comes back as a plain
// object with its own enumerable data), and what cannot be cloned throws a
// DataCloneError DOMException.

const { DOMException, internals: ev } = require('internal/web_events');
const natives = require('internal/web_natives');

const TypedArrayProto = Object.getPrototypeOf(Uint8Array.prototype);
const typedArrayTag = Object.getOwnPropertyDescriptor(TypedArrayProto, Symbol.toStringTag).get;
const arrayBufferByteLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get;
const dataViewByteLength = Object.getOwnPropertyDescriptor(DataView.prototype, 'byteLength').get;
const mapSize = Object.getOwnPropertyDescriptor(Map.prototype, 'size').get;
const setSize = Object.getOwnPropertyDescriptor(Set.prototype, 'size').get;
const regExpSource = Object.getOwnPropertyDescriptor(RegExp.prototype, 'source').get;
const objectToString = Object.prototype.toString;
const functionToString = Function.prototype.toString;

const errorNames = ['Error', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError'];

// has reports whether calling fn with value as this succeeds: the brand
// checks of built-in methods are the only reliable type tests in JS.
function has(fn, value) {
  try {
    fn.call(value);
    return true;
  } catch {
    return false;
  }
}

function isRegExp(v) {
  if (v === RegExp.prototype) return false;
  return has(regExpSource, v);
}

function cannotClone(text) {
  return new DOMException(text + ' could not be cloned.', 'DataCloneError');
}

function describeObject(v) {
  let name = 'Object';
  try {
    const ctor = v.constructor;
    if (typeof ctor === 'function' && typeof ctor.name === 'string' && ctor.name) name = ctor.name;
  } catch {
    // keep Object
  }
  return '#<' + name + '>';
}

function cloneError(v, clone) {
  let name = 'Error';
  const n = v.name;
  if (typeof n === 'string' && errorNames.includes(n)) name = n;
  const Ctor = globalThis[name];
  const out = new Ctor();
  const hidden = (key, value) => Object.defineProperty(out, key, { value, writable: true, configurable: true, enumerable: false });
  const stackDesc = Object.getOwnPropertyDescriptor(v, 'stack');
  if (stackDesc !== undefined && typeof v.stack === 'string') hidden('stack', v.stack);
  else delete out.stack;
  if (Object.prototype.hasOwnProperty.call(v, 'message')) hidden('message', String(v.message));
  if (Object.prototype.hasOwnProperty.call(v, 'cause')) hidden('cause', clone(v.cause));
  return out;
}

function structuredClone(value, options = undefined) {
  if (arguments.length === 0) {
    throw ev.codedError(TypeError, 'ERR_MISSING_ARGS', 'The value argument must be specified');
  }
  if (options !== undefined && options !== null && typeof options !== 'object') {
    throw ev.codedError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The options argument must be either an object or undefined');
  }
  const memory = new Map();
  const transfer = options == null ? undefined : options.transfer;
  const transferred = [];
  if (transfer !== undefined) {
    if (transfer === null || typeof transfer[Symbol.iterator] !== 'function') {
      throw ev.codedError(TypeError, 'ERR_INVALID_ARG_TYPE', 'Optional transferList argument must be an iterable');
    }
    for (const item of transfer) {
      if (item === null || typeof item !== 'object' || !has(arrayBufferByteLength, item)) {
        throw ev.codedError(TypeError, 'ERR_INVALID_TRANSFER_OBJECT', 'Found invalid object in transferList');
      }
      if (memory.has(item)) {
        throw new DOMException('Transfer list contains duplicate ArrayBuffer', 'DataCloneError');
      }
      if (natives.isDetached(item)) {
        throw new DOMException('An ArrayBuffer is detached and could not be cloned.', 'DataCloneError');
      }
      // The bytes are copied now and the original detached once the whole
      // value is cloned, so that views on it still read while cloning.
      memory.set(item, item.slice(0));
      transferred.push(item);
    }
  }

  function clone(v) {
    const type = typeof v;
    if (type === 'symbol') throw cannotClone(String(v));
    if (type === 'function') throw cannotClone(functionToString.call(v));
    if (v === null || type !== 'object') return v;
    if (memory.has(v)) return memory.get(v);
    let out;
    if (Array.isArray(v)) {
      out = new Array(v.length);
      memory.set(v, out);
      for (const key of Object.keys(v)) out[key] = clone(v[key]);
      return out;
    }
    if (has(Date.prototype.getTime, v)) {
      out = new Date(Date.prototype.getTime.call(v));
    } else if (isRegExp(v)) {
      out = new RegExp(regExpSource.call(v), v.flags);
    } else if (has(arrayBufferByteLength, v)) {
      if (natives.isDetached(v)) throw new DOMException('An ArrayBuffer is detached and could not be cloned.', 'DataCloneError');
      out = v.slice(0);
    } else if (typedArrayTag.call(v) !== undefined) {
      const Ctor = globalThis[typedArrayTag.call(v)];
      const buffer = clone(v.buffer);
      out = new Ctor(buffer, v.byteOffset, v.length);
    } else if (has(dataViewByteLength, v)) {
      const buffer = clone(v.buffer);
      out = new DataView(buffer, v.byteOffset, v.byteLength);
    } else if (has(Boolean.prototype.valueOf, v)) {
      out = Object(Boolean.prototype.valueOf.call(v));
    } else if (has(Number.prototype.valueOf, v)) {
      out = Object(Number.prototype.valueOf.call(v));
    } else if (has(String.prototype.valueOf, v)) {
      out = Object(String.prototype.valueOf.call(v));
    } else if (typeof BigInt === 'function' && has(BigInt.prototype.valueOf, v)) {
      out = Object(BigInt.prototype.valueOf.call(v));
    } else if (has(mapSize, v)) {
      out = new Map();
      memory.set(v, out);
      const entries = Array.from(Map.prototype.entries.call(v));
      for (const [k, val] of entries) out.set(clone(k), clone(val));
      return out;
    } else if (has(setSize, v)) {
      out = new Set();
      memory.set(v, out);
      const values = Array.from(Set.prototype.values.call(v));
      for (const val of values) out.add(clone(val));
      return out;
    } else if (objectToString.call(v) === '[object Error]') {
      // Set the memory first: an error may be its own cause.
      out = cloneError(v, (c) => (c === v ? out : clone(c)));
    } else if (objectToString.call(v) === '[object Blob]' && typeof globalThis.Blob === 'function' && v instanceof globalThis.Blob) {
      out = v.slice(0, v.size, v.type);
    } else if (has(WeakMap.prototype.has, v) || has(WeakSet.prototype.has, v) || v instanceof Promise) {
      throw cannotClone(describeObject(v));
    } else {
      out = {};
      memory.set(v, out);
      for (const key of Object.keys(v)) out[key] = clone(v[key]);
      return out;
    }
    memory.set(v, out);
    return out;
  }

  const result = clone(value);
  for (const ab of transferred) natives.detach(ab);
  return result;
}

module.exports = { structuredClone };
