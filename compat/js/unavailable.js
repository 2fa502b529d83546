'use strict';
// Builds the exports of a Node module that gojaapi cannot offer: every
// export keeps its real name and type, so feature detection still works,
// but calling (or constructing) any function throws an Error with code
// ERR_GOJAAPI_UNAVAILABLE that names the module and the alternative.

const { makeError } = require('internal/util/errors');

function stub(module, name, hint) {
  const what = `${module}.${name}${/^[A-Z]/.test(name) ? '' : '()'}`;
  const fn = function () {
    throw makeError(Error, 'ERR_GOJAAPI_UNAVAILABLE', `${what} is not available in gojaapi: ${hint}`);
  };
  Object.defineProperty(fn, 'name', { value: name });
  return fn;
}

// make(module, functionNames, values, hint, nested) returns the exports.
// nested maps a property name to a list of function names for sub-objects
// such as dns.promises.
exports.make = function make(module, functions, values, hint, nested) {
  const out = {};
  for (const name of functions) out[name] = stub(module, name, hint);
  if (nested) {
    for (const key of Object.keys(nested)) {
      const sub = {};
      for (const name of nested[key]) sub[name] = stub(`${module}.${key}`, name, hint);
      out[key] = sub;
    }
  }
  return Object.assign(out, values);
};

// IP address checks are pure functions, so net offers them for real.
const v4Seg = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])';
const v4Str = `(?:${v4Seg}\\.){3}${v4Seg}`;
const ipv4Re = new RegExp(`^${v4Str}$`);
const v6Seg = '(?:[0-9a-fA-F]{1,4})';
const ipv6Re = new RegExp('^(?:' +
  `(?:${v6Seg}:){7}(?:${v6Seg}|:)|` +
  `(?:${v6Seg}:){6}(?:${v4Str}|:${v6Seg}|:)|` +
  `(?:${v6Seg}:){5}(?::${v4Str}|(?::${v6Seg}){1,2}|:)|` +
  `(?:${v6Seg}:){4}(?:(?::${v6Seg}){0,1}:${v4Str}|(?::${v6Seg}){1,3}|:)|` +
  `(?:${v6Seg}:){3}(?:(?::${v6Seg}){0,2}:${v4Str}|(?::${v6Seg}){1,4}|:)|` +
  `(?:${v6Seg}:){2}(?:(?::${v6Seg}){0,3}:${v4Str}|(?::${v6Seg}){1,5}|:)|` +
  `(?:${v6Seg}:){1}(?:(?::${v6Seg}){0,4}:${v4Str}|(?::${v6Seg}){1,6}|:)|` +
  `(?::(?:(?::${v6Seg}){0,5}:${v4Str}|(?::${v6Seg}){1,7}|:))` +
')(?:%[0-9a-zA-Z-.:]{1,})?$');

exports.isIPv4 = function isIPv4(s) { return ipv4Re.test(`${s}`); };
exports.isIPv6 = function isIPv6(s) { return ipv6Re.test(`${s}`); };
exports.isIP = function isIP(s) {
  if (exports.isIPv4(s)) return 4;
  if (exports.isIPv6(s)) return 6;
  return 0;
};

// asEmitter makes obj an EventEmitter in place (cluster is one).
exports.asEmitter = function asEmitter(obj) {
  const EventEmitter = require('events');
  Object.setPrototypeOf(obj, EventEmitter.prototype);
  EventEmitter.call(obj);
  for (const k of ['_events', '_eventsCount', '_maxListeners']) {
    if (Object.prototype.hasOwnProperty.call(obj, k)) {
      Object.defineProperty(obj, k, { enumerable: false });
    }
  }
};
