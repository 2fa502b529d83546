'use strict';
// Node-style errors with a code, shared by the small built-in modules
// (util, path, querystring, assert, http, os). The stack's first line reads
// "TypeError [ERR_X]: message" as Node prints it, while name stays "TypeError".

function makeError(Ctor, code, message) {
  const e = new Ctor(message);
  Object.defineProperty(e, 'code', { value: code, enumerable: true, writable: true, configurable: true });
  const stack = e.stack;
  if (typeof stack === 'string' && stack.startsWith(e.name)) {
    e.stack = `${e.name} [${code}]${stack.slice(e.name.length)}`;
  }
  return e;
}

// nodeError is makeError for the modules whose tests pin Node's full form:
// the stack and String(err) both read "TypeError [ERR_X]: message".
function nodeError(Base, code, message) {
  const err = new Base(message);
  // The stack is rendered lazily from the name: give it Node's form once.
  err.name = `${Base.name} [${code}]`;
  void err.stack;
  delete err.name;
  err.code = code;
  Object.defineProperty(err, 'toString', {
    value() { return `${this.name} [${code}]: ${this.message}`; },
    writable: true, configurable: true, enumerable: false,
  });
  return err;
}

// describeReceived renders the " Received ..." tail of ERR_INVALID_ARG_TYPE.
function describeReceived(v) {
  if (v === undefined || v === null) return ` Received ${v}`;
  if (typeof v === 'function') return ` Received function ${v.name}`;
  if (typeof v === 'object') {
    if (v.constructor && v.constructor.name) return ` Received an instance of ${v.constructor.name}`;
    return ` Received ${require('util').inspect(v, { depth: -1 })}`;
  }
  let shown = require('util').inspect(v, { colors: false });
  if (shown.length > 28) shown = `${shown.slice(0, 25)}...`;
  return ` Received type ${typeof v} (${shown})`;
}

function argTypeError(name, type, value) {
  const what = name.includes('.') ? 'property' : 'argument';
  return makeError(TypeError, 'ERR_INVALID_ARG_TYPE',
    `The "${name}" ${what} must be ${type.startsWith('an instance') ? '' : 'of type '}${type}.${describeReceived(value)}`);
}

function validateString(value, name) {
  if (typeof value !== 'string') throw argTypeError(name, 'string', value);
}

module.exports = { makeError, nodeError, describeReceived, argTypeError, validateString };
