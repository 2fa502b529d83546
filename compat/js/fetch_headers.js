'use strict';
// Headers (Fetch standard): a case-insensitive multimap of ByteStrings with
// a guard, iterated sorted by lower-cased name, set-cookie kept apart.

const { argCount, toByteString, isToken, trimHTTPWhitespace, defineToStringTag, illegalInvocation, pairIterator } =
  require('internal/fetch/util');

const kList = Symbol('headers list'); // Map: lower-cased name -> [values]
const kGuard = Symbol('headers guard'); // 'none' | 'request' | 'response' | 'immutable'
const kSorted = Symbol('headers sorted'); // cache of the sort-and-combine list

function check(h) {
  if (h === null || typeof h !== 'object' || !(kList in h)) throw illegalInvocation();
}

function normalizeName(prefix, name) {
  name = toByteString(name);
  if (!isToken(name)) throw new TypeError(`${prefix}: "${name}" is an invalid header name.`);
  return name.toLowerCase();
}

function normalizeValue(prefix, value) {
  value = trimHTTPWhitespace(toByteString(value));
  if (/[\0\r\n]/.test(value)) throw new TypeError(`${prefix}: "${value}" is an invalid header value.`);
  return value;
}

function checkMutable(h) {
  if (h[kGuard] === 'immutable') throw new TypeError('immutable');
}

function appendHeader(h, name, value) {
  name = normalizeName('Headers.append', name);
  value = normalizeValue('Headers.append', value);
  checkMutable(h);
  const list = h[kList].get(name);
  if (list) list.push(value); else h[kList].set(name, [value]);
  h[kSorted] = null;
}

function describeInit(v) {
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

// fill implements "fill a Headers object": from another Headers, a
// sequence of pairs or a record.
function fill(h, init) {
  if (init === null || (typeof init !== 'object' && typeof init !== 'function')) {
    throw new TypeError('Headers constructor: Argument 1 could not be converted to one of: ' +
      'sequence<sequence<ByteString>>, record<ByteString, ByteString>.');
  }
  if (kList in init) {
    for (const [name, values] of init[kList]) for (const v of values) appendHeader(h, name, v);
    return;
  }
  if (typeof init[Symbol.iterator] === 'function') {
    let i = 0;
    for (const pair of init) {
      if (pair === null || typeof pair !== 'object' || typeof pair[Symbol.iterator] !== 'function') {
        throw new TypeError(`Headers contructor: init[${i}] (${describeInit(pair)}) is not iterable.`);
      }
      const kv = Array.from(pair);
      if (kv.length !== 2) {
        throw new TypeError(`Headers constructor: expected name/value pair to be length 2, found ${kv.length}.`);
      }
      appendHeader(h, kv[0], kv[1]);
      i++;
    }
    return;
  }
  for (const key of Reflect.ownKeys(init)) {
    const d = Reflect.getOwnPropertyDescriptor(init, key);
    if (!d || !d.enumerable) continue;
    if (typeof key === 'symbol') throw new TypeError('Cannot convert a Symbol value to a string');
    appendHeader(h, key, init[key]);
  }
}

// sortAndCombine lists [name, value] pairs sorted by name, set-cookie
// values one by one and the others joined with ", ".
function sortAndCombine(h) {
  if (h[kSorted]) return h[kSorted];
  const names = Array.from(h[kList].keys()).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const out = [];
  for (const n of names) {
    const values = h[kList].get(n);
    if (n === 'set-cookie') for (const v of values) out.push([n, v]);
    else out.push([n, values.join(', ')]);
  }
  h[kSorted] = out;
  return out;
}

const makeIterator = pairIterator('Headers Iterator', sortAndCombine);

class Headers {
  constructor(init = undefined) {
    this[kList] = new Map();
    this[kGuard] = 'none';
    this[kSorted] = null;
    if (init !== undefined) fill(this, init);
  }

  append(name, value) {
    check(this);
    argCount('Headers.append', arguments.length, 2);
    appendHeader(this, name, value);
  }

  delete(name) {
    check(this);
    argCount('Headers.delete', arguments.length, 1);
    name = normalizeName('Headers.delete', name);
    checkMutable(this);
    if (this[kList].delete(name)) this[kSorted] = null;
  }

  get(name) {
    check(this);
    argCount('Headers.get', arguments.length, 1);
    name = normalizeName('Headers.get', name);
    const values = this[kList].get(name);
    return values === undefined ? null : values.join(', ');
  }

  has(name) {
    check(this);
    argCount('Headers.has', arguments.length, 1);
    return this[kList].has(normalizeName('Headers.has', name));
  }

  set(name, value) {
    check(this);
    argCount('Headers.set', arguments.length, 2);
    name = normalizeName('Headers.set', name);
    value = normalizeValue('Headers.set', value);
    checkMutable(this);
    this[kList].set(name, [value]);
    this[kSorted] = null;
  }

  getSetCookie() {
    check(this);
    const values = this[kList].get('set-cookie');
    return values ? values.slice() : [];
  }

  keys() { check(this); return makeIterator(this, 'key'); }
  values() { check(this); return makeIterator(this, 'value'); }
  entries() { check(this); return makeIterator(this, 'key+value'); }

  forEach(callback, thisArg = undefined) {
    check(this);
    argCount('Headers.forEach', arguments.length, 1);
    if (typeof callback !== 'function') {
      throw new TypeError("Failed to execute 'forEach' on 'Headers': parameter 1 is not of type 'Function'.");
    }
    for (let i = 0; i < sortAndCombine(this).length; i++) {
      const [k, v] = sortAndCombine(this)[i];
      callback.call(thisArg, v, k, this);
    }
  }
}
Object.defineProperty(Headers.prototype, Symbol.iterator, {
  value: Headers.prototype.entries, writable: true, configurable: true,
});
defineToStringTag(Headers, 'Headers');

// Internal API for Request, Response and fetch.
function setGuard(h, guard) { h[kGuard] = guard; }
function getGuard(h) { return h[kGuard]; }
// headerLines lists what fetch sends: [name, value, name, value, ...],
// sorted and combined as iteration gives them.
function headerLines(h) {
  const list = sortAndCombine(h);
  const out = [];
  for (let i = 0; i < list.length; i++) out.push(list[i][0], list[i][1]);
  return out;
}
// setInternal sets a header bypassing the guard (the implementation's own
// headers, such as Content-Type from an extracted body).
function setInternal(h, name, value) { h[kList].set(name.toLowerCase(), [value]); h[kSorted] = null; }
function appendInternal(h, name, value) {
  name = name.toLowerCase();
  const list = h[kList].get(name);
  if (list) list.push(value); else h[kList].set(name, [value]);
  h[kSorted] = null;
}
function hasInternal(h, name) { return h[kList].has(name); }
function getInternal(h, name) {
  const v = h[kList].get(name);
  return v === undefined ? null : v.join(', ');
}
function isHeaders(v) { return v !== null && typeof v === 'object' && kList in v; }

module.exports = {
  Headers, fill, setGuard, getGuard, headerLines, setInternal, appendInternal, hasInternal,
  getInternal, isHeaders,
};
