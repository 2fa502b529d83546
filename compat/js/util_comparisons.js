'use strict';
// Deep equality as Node 20 defines it for assert.deepEqual (loose),
// assert.deepStrictEqual and util.isDeepStrictEqual (strict).
//
// Strict: primitives by Object.is, same prototype, same [[Class]] tag, own
// enumerable string and symbol keys. Loose: primitives by == (NaN equals
// NaN), prototypes ignored, string keys only. Both: Error name/message/cause/
// errors, Date time, RegExp source/flags/lastIndex, typed array contents,
// Map and Set entries in any order. Cycles compare equal when the same pair
// of objects is met again while it is being compared.

const objToString = Object.prototype.toString;
const hasOwn = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
const isEnumerable = (o, k) => Object.prototype.propertyIsEnumerable.call(o, k);
const TypedArray = Object.getPrototypeOf(Uint8Array);
const typedArrayTag = Object.getOwnPropertyDescriptor(TypedArray.prototype, Symbol.toStringTag).get;

function isPrimitive(v) { return v === null || (typeof v !== 'object' && typeof v !== 'function'); }

function keysOf(o, strict) {
  const keys = Object.keys(o);
  if (strict) {
    for (const s of Object.getOwnPropertySymbols(o)) if (isEnumerable(o, s)) keys.push(s);
  }
  return keys;
}

function unboxed(v) {
  const fns = [Number.prototype.valueOf, String.prototype.valueOf, Boolean.prototype.valueOf,
    BigInt.prototype.valueOf, Symbol.prototype.valueOf];
  for (let i = 0; i < fns.length; i++) {
    try { return { kind: i, value: fns[i].call(v) }; } catch (e) { /* next */ }
  }
  return undefined;
}

function bytesOf(view) {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

function sameBytes(a, b) {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function isError(v) {
  return objToString.call(v) === '[object Error]' || v instanceof Error;
}

function tryCall(fn, v) {
  try { return { ok: true, value: fn.call(v) }; } catch (e) { return { ok: false }; }
}

const dateTime = Date.prototype.getTime;
const mapSize = Object.getOwnPropertyDescriptor(Map.prototype, 'size').get;
const setSize = Object.getOwnPropertyDescriptor(Set.prototype, 'size').get;
const abLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get;

function deepEqual(a, b, strict, memo) {
  if (a === b) return a !== 0 || !strict || Object.is(a, b);
  if (strict) {
    if (typeof a !== 'object') return typeof a === 'number' && Number.isNaN(a) && Number.isNaN(b);
    if (typeof b !== 'object' || a === null || b === null) return false;
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  } else {
    if (a === null || typeof a !== 'object') {
      if (b === null || typeof b !== 'object') {
        // eslint-disable-next-line eqeqeq
        return a == b || (Number.isNaN(a) && Number.isNaN(b));
      }
      return false;
    }
    if (b === null || typeof b !== 'object') return false;
  }
  const tag = objToString.call(a);
  if (tag !== objToString.call(b)) return false;

  if (memo === undefined) memo = new Map();
  let seen = memo.get(a);
  if (seen !== undefined && seen.has(b)) return true;
  if (seen === undefined) { seen = new Set(); memo.set(a, seen); }
  seen.add(b);
  try {
    return objectsEqual(a, b, tag, strict, memo);
  } finally {
    seen.delete(b);
  }
}

function objectsEqual(a, b, tag, strict, memo) {
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return keysEqual(a, b, strict, memo);
  }
  if (tag === '[object Object]' && !(a instanceof Error) && !(b instanceof Error) &&
      !ArrayBuffer.isView(a) && !ArrayBuffer.isView(b)) {
    if (!keysEqual(a, b, strict, memo)) return false;
    return collectionsEqual(a, b, strict, memo);
  }
  const da = tryCall(dateTime, a);
  if (da.ok) {
    const db = tryCall(dateTime, b);
    if (!db.ok || !Object.is(da.value, db.value)) return false;
  } else if (a instanceof RegExp || tag === '[object RegExp]') {
    if (!(b instanceof RegExp) || a.source !== b.source || a.flags !== b.flags || a.lastIndex !== b.lastIndex) {
      return false;
    }
  } else if (isError(a)) {
    if (!isError(b) || a.message !== b.message || a.name !== b.name) return false;
    if ((hasOwn(a, 'cause') || hasOwn(b, 'cause')) &&
        (hasOwn(a, 'cause') !== hasOwn(b, 'cause') || !deepEqual(a.cause, b.cause, strict, memo))) {
      return false;
    }
    if ((hasOwn(a, 'errors') || hasOwn(b, 'errors')) &&
        (hasOwn(a, 'errors') !== hasOwn(b, 'errors') || !deepEqual(a.errors, b.errors, strict, memo))) {
      return false;
    }
  } else if (ArrayBuffer.isView(a)) {
    if (!ArrayBuffer.isView(b)) return false;
    const ta = typedArrayTag.call(a);
    if (ta !== typedArrayTag.call(b)) return false;
    if (!strict && (ta === 'Float32Array' || ta === 'Float64Array')) {
      if (a.length !== b.length) return false;
      for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    } else if (!sameBytes(bytesOf(a), bytesOf(b))) {
      return false;
    }
    if (ta !== undefined) {
      // Indices are covered by the byte comparison: only other keys remain.
      const ka = keysOf(a, strict).filter((k) => typeof k !== 'string' || !/^\d+$/.test(k));
      const kb = keysOf(b, strict).filter((k) => typeof k !== 'string' || !/^\d+$/.test(k));
      if (ka.length !== kb.length) return false;
      return valuesEqual(a, b, ka, strict, memo);
    }
  } else if (tryCall(abLength, a).ok || tag === '[object SharedArrayBuffer]') {
    let ua;
    let ub;
    try { ua = new Uint8Array(a); ub = new Uint8Array(b); } catch (e) { return false; }
    if (!sameBytes(ua, ub)) return false;
  } else {
    const ba = unboxed(a);
    if (ba !== undefined) {
      const bb = unboxed(b);
      if (bb === undefined || ba.kind !== bb.kind || !Object.is(ba.value, bb.value)) return false;
    } else if (unboxed(b) !== undefined) {
      return false;
    }
  }
  if (!keysEqual(a, b, strict, memo)) return false;
  return collectionsEqual(a, b, strict, memo);
}

function keysEqual(a, b, strict, memo) {
  const ka = keysOf(a, strict);
  const kb = keysOf(b, strict);
  if (ka.length !== kb.length) return false;
  return valuesEqual(a, b, ka, strict, memo);
}

function valuesEqual(a, b, keys, strict, memo) {
  for (const k of keys) {
    if (!hasOwn(b, k) || !isEnumerable(b, k)) return false;
  }
  for (const k of keys) {
    if (!deepEqual(a[k], b[k], strict, memo)) return false;
  }
  return true;
}

function collectionsEqual(a, b, strict, memo) {
  const sa = tryCall(setSize, a);
  if (sa.ok) {
    const sb = tryCall(setSize, b);
    if (!sb.ok || sa.value !== sb.value) return false;
    return setsEqual(a, b, strict, memo);
  }
  const ma = tryCall(mapSize, a);
  if (ma.ok) {
    const mb = tryCall(mapSize, b);
    if (!mb.ok || ma.value !== mb.value) return false;
    return mapsEqual(a, b, strict, memo);
  }
  return true;
}

function setsEqual(a, b, strict, memo) {
  const used = new Set();
  const rest = [];
  for (const v of Set.prototype.values.call(a)) {
    if (isPrimitive(v) && Set.prototype.has.call(b, v) && !used.has(v)) {
      used.add(v);
    } else {
      rest.push(v);
    }
  }
  if (rest.length === 0) return true;
  const candidates = [];
  for (const w of Set.prototype.values.call(b)) if (!used.has(w)) candidates.push(w);
  for (const v of rest) {
    const i = candidates.findIndex((w) => deepEqual(v, w, strict, memo));
    if (i === -1) return false;
    candidates.splice(i, 1);
  }
  return true;
}

function mapsEqual(a, b, strict, memo) {
  const used = new Set();
  const rest = [];
  for (const [k, v] of Map.prototype.entries.call(a)) {
    if (isPrimitive(k) && Map.prototype.has.call(b, k) && !used.has(k)) {
      if (!deepEqual(v, Map.prototype.get.call(b, k), strict, memo)) {
        if (strict) return false;
        rest.push([k, v]);
        continue;
      }
      used.add(k);
    } else {
      rest.push([k, v]);
    }
  }
  if (rest.length === 0) return true;
  const candidates = [];
  for (const e of Map.prototype.entries.call(b)) if (!used.has(e[0])) candidates.push(e);
  for (const [k, v] of rest) {
    const i = candidates.findIndex(([k2, v2]) => deepEqual(k, k2, strict, memo) && deepEqual(v, v2, strict, memo));
    if (i === -1) return false;
    candidates.splice(i, 1);
  }
  return true;
}

exports.isDeepEqual = (a, b) => deepEqual(a, b, false, undefined);
exports.isDeepStrictEqual = (a, b) => deepEqual(a, b, true, undefined);
