'use strict';
// node:assert and node:assert/strict. AssertionError carries Node's code
// ERR_ASSERTION, actual, expected, operator and generatedMessage, and its
// generated messages (including the "+ actual - expected" line diff) follow
// what Node 20 prints.

const { inspect } = require('util');
const { isDeepEqual, isDeepStrictEqual } = require('internal/util/comparisons');
const { makeError, argTypeError, describeReceived } = require('internal/util/errors');

const readable = {
  deepStrictEqual: 'Expected values to be strictly deep-equal:',
  strictEqual: 'Expected values to be strictly equal:',
  strictEqualObject: 'Expected "actual" to be reference-equal to "expected":',
  deepEqual: 'Expected values to be loosely deep-equal:',
  notDeepStrictEqual: 'Expected "actual" not to be strictly deep-equal to:',
  notStrictEqual: 'Expected "actual" to be strictly unequal to:',
  notStrictEqualObject: 'Expected "actual" not to be reference-equal to "expected":',
  notDeepEqual: 'Expected "actual" not to be loosely deep-equal to:',
  notIdentical: 'Values have same structure but are not reference-equal:',
  notDeepEqualUnequal: 'Expected values not to be loosely deep-equal:',
};

function inspectValue(v) {
  return inspect(v, {
    compact: false, customInspect: false, depth: 1000, maxArrayLength: Infinity,
    showHidden: false, showProxy: false, sorted: true, getters: true,
  });
}

const isObj = (v) => typeof v === 'object' && v !== null;

// diffMessage renders the "+ actual - expected" comparison of two values'
// inspected lines, pairing lines by position and collapsing long runs of
// identical lines into "...".
function diffMessage(actual, expected, operator, header) {
  const actualText = inspectValue(actual);
  const actualLines = actualText.split('\n');
  const expectedLines = inspectValue(expected).split('\n');
  let indicator = '';
  if (operator === 'strictEqual' &&
      ((isObj(actual) && isObj(expected)) || (typeof actual === 'function' && typeof expected === 'function'))) {
    operator = 'strictEqualObject';
  }
  if (header === undefined) header = readable[operator];

  if (actualLines.length === 1 && expectedLines.length === 1 && actualLines[0] !== expectedLines[0]) {
    const a = actualLines[0];
    const e = expectedLines[0];
    const total = a.length + e.length;
    if (total <= 12) {
      if (!isObj(actual) && !isObj(expected) && (actual !== 0 || expected !== 0)) {
        return `${header}\n\n${a} !== ${e}\n`;
      }
    } else if (operator !== 'strictEqualObject' && total < 80) {
      let i = 0;
      while (a[i] === e[i]) i++;
      if (i > 2) indicator = `\n  ${' '.repeat(i)}^`;
    }
  }

  // Identical trailing lines are shown once, at the end.
  let end = '';
  let tail = '';
  let trimmed = 0;
  let skipped = false;
  while (actualLines.length > 0 && expectedLines.length > 0 &&
         actualLines[actualLines.length - 1] === expectedLines[expectedLines.length - 1]) {
    const line = actualLines.pop();
    expectedLines.pop();
    if (trimmed++ < 3) end = `\n  ${line}${end}`;
    else tail = line;
  }
  const maxLines = Math.max(actualLines.length, expectedLines.length);
  if (maxLines === 0) {
    let lines = actualText.split('\n');
    if (lines.length > 50) lines = lines.slice(0, 46).concat('...');
    return `${readable.notIdentical}\n\n${lines.join('\n')}\n`;
  }
  if (trimmed >= 5) {
    end = `\n...${end}`;
    skipped = true;
  }
  if (tail !== '') end = `\n  ${tail}${end}`;

  let res = '';
  let pending = ''; // expected-side lines waiting to follow the actual ones
  let same = 0; // identical lines since the last difference
  const showContext = (lines, i, forDiverging) => {
    if (forDiverging) {
      if (same > 2) {
        if (same > 3) {
          if (same > 4) {
            if (same === 5) res += `\n  ${lines[i - 3]}`;
            else { res += '\n...'; skipped = true; }
          }
          res += `\n  ${lines[i - 2]}`;
        }
        res += `\n  ${lines[i - 1]}`;
      }
    } else if (same > 1 && i > 2) {
      if (same > 4) { res += '\n...'; skipped = true; } else if (same > 3) res += `\n  ${lines[i - 2]}`;
      res += `\n  ${lines[i - 1]}`;
    }
    same = 0;
  };
  for (let i = 0; i < maxLines; i++) {
    if (i >= actualLines.length) {
      showContext(expectedLines, i, false);
      pending += `\n- ${expectedLines[i]}`;
    } else if (i >= expectedLines.length) {
      showContext(actualLines, i, false);
      res += `\n+ ${actualLines[i]}`;
    } else {
      const e = expectedLines[i];
      let a = actualLines[i];
      let diverging = a !== e && (!a.endsWith(',') || a.slice(0, -1) !== e);
      if (diverging && e.endsWith(',') && e.slice(0, -1) === a) {
        diverging = false;
        a += ',';
      }
      if (diverging) {
        showContext(actualLines, i, true);
        res += `\n+ ${a}`;
        pending += `\n- ${e}`;
      } else {
        res += pending;
        pending = '';
        same++;
        if (same <= 2) res += `\n  ${a}`;
      }
    }
  }
  return `${header}\n+ actual - expected${skipped ? ' ... Lines skipped' : ''}\n${res}${pending}${end}${indicator}`;
}

function isError(v) {
  return isObj(v) && (Object.prototype.toString.call(v) === '[object Error]' || v instanceof Error);
}

function copyError(source) {
  const target = Object.assign(Object.create(Object.getPrototypeOf(source)), source);
  Object.defineProperty(target, 'message', { value: source.message });
  return target;
}

class AssertionError extends Error {
  constructor(options) {
    if (options === null || typeof options !== 'object') throw argTypeError('options', 'object', options);
    const { message, operator, stackStartFn, details } = options;
    let { actual, expected } = options;
    const originalActual = actual;
    const originalExpected = expected;
    let msg;
    if (isError(actual) && isError(expected)) {
      // Compare copies without stacks, so the message shows the difference
      // rather than where each error was created.
      actual = copyError(actual);
      expected = copyError(expected);
    }
    if (message != null) {
      if (operator === 'deepStrictEqual' || operator === 'strictEqual') {
        msg = diffMessage(actual, expected, operator, String(message));
      } else {
        msg = String(message);
      }
    } else if (operator === 'deepStrictEqual' || operator === 'strictEqual') {
      msg = diffMessage(actual, expected, operator);
    } else if (operator === 'notDeepStrictEqual' || operator === 'notStrictEqual') {
      let base = readable[operator];
      let lines = inspectValue(actual).split('\n');
      if (operator === 'notStrictEqual' && (isObj(actual) || typeof actual === 'function')) {
        base = readable.notStrictEqualObject;
      }
      if (lines.length > 50) lines = lines.slice(0, 46).concat('...');
      msg = lines.length === 1
        ? `${base}${lines[0].length > 5 ? '\n\n' : ' '}${lines[0]}`
        : `${base}\n\n${lines.join('\n')}\n`;
    } else {
      let res = inspectValue(actual);
      let other = inspectValue(expected);
      const known = readable[operator];
      if (operator === 'notDeepEqual' && res === other) {
        res = `${known}\n\n${res}`;
        if (res.length > 1024) res = `${res.slice(0, 1021)}...`;
        msg = res;
      } else {
        if (res.length > 512) res = `${res.slice(0, 509)}...`;
        if (other.length > 512) other = `${other.slice(0, 509)}...`;
        if (operator === 'deepEqual') {
          res = `${known}\n\n${res}\n\nshould loosely deep-equal\n\n`;
        } else if (readable[`${operator}Unequal`]) {
          res = `${readable[`${operator}Unequal`]}\n\n${res}\n\nshould not loosely deep-equal\n\n`;
        } else {
          other = ` ${operator} ${other}`;
        }
        msg = `${res}${other}`;
      }
    }
    super(msg);
    void stackStartFn;
    void details;
    Object.defineProperty(this, 'name', { value: 'AssertionError', enumerable: false, writable: true, configurable: true });
    this.generatedMessage = message == null;
    this.code = 'ERR_ASSERTION';
    this.actual = originalActual;
    this.expected = originalExpected;
    this.operator = operator;
    if (typeof this.stack === 'string') {
      const i = this.stack.indexOf(': ');
      const frames = this.stack.indexOf('\n    at') !== -1 ? this.stack.indexOf('\n    at')
        : this.stack.indexOf('\n\tat');
      this.stack = `AssertionError [ERR_ASSERTION]: ${msg}${frames !== -1 && i !== -1 ? this.stack.slice(frames) : ''}`;
    }
  }

  toString() {
    return `${this.name} [${this.code}]: ${this.message}`;
  }

  [inspect.custom](depth, ctx) {
    // Long actual/expected strings are shortened, as Node does.
    return inspect(this, Object.assign({}, ctx, { customInspect: false, depth: 0 }));
  }
}

function innerFail(obj) {
  if (obj.message instanceof Error) throw obj.message;
  throw new AssertionError(obj);
}

function innerOk(fn, argLen, value, message) {
  if (!value) {
    let generated = false;
    if (argLen === 0) {
      generated = true;
      message = 'No value argument passed to `assert.ok()`';
    } else if (message == null) {
      generated = true;
      message = `${inspect(value)} == true`;
    } else if (message instanceof Error) {
      throw message;
    }
    const err = new AssertionError({ actual: value, expected: true, message, operator: '==', stackStartFn: fn });
    err.generatedMessage = generated;
    throw err;
  }
}

function ok(...args) { innerOk(ok, args.length, ...args); }

function equal(actual, expected, message) {
  // eslint-disable-next-line eqeqeq
  if (actual != expected && (!Number.isNaN(actual) || !Number.isNaN(expected))) {
    innerFail({ actual, expected, message, operator: '==', stackStartFn: equal });
  }
}

function notEqual(actual, expected, message) {
  // eslint-disable-next-line eqeqeq
  if (actual == expected || (Number.isNaN(actual) && Number.isNaN(expected))) {
    innerFail({ actual, expected, message, operator: '!=', stackStartFn: notEqual });
  }
}

function strictEqual(actual, expected, message) {
  if (!Object.is(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'strictEqual', stackStartFn: strictEqual });
  }
}

function notStrictEqual(actual, expected, message) {
  if (Object.is(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'notStrictEqual', stackStartFn: notStrictEqual });
  }
}

function deepEqual(actual, expected, message) {
  if (!isDeepEqual(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'deepEqual', stackStartFn: deepEqual });
  }
}

function notDeepEqual(actual, expected, message) {
  if (isDeepEqual(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'notDeepEqual', stackStartFn: notDeepEqual });
  }
}

function deepStrictEqual(actual, expected, message) {
  if (!isDeepStrictEqual(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'deepStrictEqual', stackStartFn: deepStrictEqual });
  }
}

function notDeepStrictEqual(actual, expected, message) {
  if (isDeepStrictEqual(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'notDeepStrictEqual', stackStartFn: notDeepStrictEqual });
  }
}

function fail(actual, expected, message, operator, stackStartFn) {
  const argsLen = arguments.length;
  let internalMessage = false;
  if (actual == null && argsLen <= 1) {
    internalMessage = true;
    message = 'Failed';
  } else if (argsLen === 1) {
    message = actual;
    actual = undefined;
  } else {
    if (argsLen === 2) operator = '!=';
  }
  if (message instanceof Error) throw message;
  const opts = { actual, expected, operator: operator === undefined ? 'fail' : operator, stackStartFn: stackStartFn || fail, message };
  if (argsLen >= 2 && message === undefined) {
    opts.message = `${inspect(actual)} ${opts.operator} ${inspect(expected)}`;
    internalMessage = true;
  }
  const err = new AssertionError(opts);
  if (internalMessage) err.generatedMessage = true;
  throw err;
}

// ---------------------------------------------------------------------------
// throws / rejects.

const NO_EXCEPTION = Symbol('no exception');

function getActual(fn) {
  if (typeof fn !== 'function') throw argTypeError('fn', 'function', fn);
  try {
    fn();
  } catch (e) {
    return e;
  }
  return NO_EXCEPTION;
}

function isPromiseLike(v) {
  return v !== null && typeof v === 'object' && typeof v.then === 'function' && typeof v.catch === 'function';
}

async function waitForActual(promiseFn) {
  let resultPromise;
  if (typeof promiseFn === 'function') {
    resultPromise = promiseFn();
    if (!isPromiseLike(resultPromise)) {
      throw makeError(TypeError, 'ERR_INVALID_RETURN_VALUE',
        `Expected instance of Promise to be returned from the "promiseFn" function but got ${resultPromise === null ? 'null' : resultPromise === undefined ? 'undefined' : `type ${typeof resultPromise}`}.`);
    }
  } else if (isPromiseLike(promiseFn)) {
    resultPromise = promiseFn;
  } else {
    throw argTypeError('promiseFn', 'function or an instance of Promise', promiseFn);
  }
  try {
    await resultPromise;
  } catch (e) {
    return e;
  }
  return NO_EXCEPTION;
}

class Comparison {
  constructor(obj, keys, actual) {
    for (const key of keys) {
      if (key in obj) {
        if (actual !== undefined && typeof actual[key] === 'string' && obj[key] instanceof RegExp &&
            obj[key].test(actual[key])) {
          this[key] = actual[key];
        } else {
          this[key] = obj[key];
        }
      }
    }
  }
}

function compareExceptionKey(actual, expected, key, message, keys, fn) {
  if (!(key in actual) || !isDeepStrictEqual(actual[key], expected[key])) {
    if (!message) {
      const a = new Comparison(actual, keys);
      const b = new Comparison(expected, keys, actual);
      const err = new AssertionError({ actual: a, expected: b, operator: 'deepStrictEqual', stackStartFn: fn });
      err.actual = actual;
      err.expected = expected;
      err.operator = fn.name;
      throw err;
    }
    innerFail({ actual, expected, message, operator: fn.name, stackStartFn: fn });
  }
}

function expectedException(actual, expected, message, fn) {
  let generatedMessage = false;
  let throwError = false;
  if (typeof expected !== 'function') {
    if (expected instanceof RegExp) {
      const str = String(actual);
      if (expected.test(str)) return;
      if (!message) {
        generatedMessage = true;
        message = `The input did not match the regular expression ${inspect(expected)}. Input:\n\n${inspect(str)}\n`;
      }
      throwError = true;
    } else if (typeof actual !== 'object' || actual === null) {
      const err = new AssertionError({ actual, expected, message, operator: 'deepStrictEqual', stackStartFn: fn });
      err.operator = fn.name;
      throw err;
    } else {
      const keys = Object.keys(expected);
      if (expected instanceof Error) keys.push('name', 'message');
      else if (keys.length === 0) throw makeError(TypeError, 'ERR_INVALID_ARG_VALUE', `The argument 'error' may not be an empty object. Received {}`);
      for (const key of keys) {
        if (typeof actual[key] === 'string' && expected[key] instanceof RegExp && expected[key].test(actual[key])) {
          continue;
        }
        compareExceptionKey(actual, expected, key, message, keys, fn);
      }
      return;
    }
  } else if (expected.prototype !== undefined && actual instanceof expected) {
    return;
  } else if (Error.isPrototypeOf(expected) || expected === Error) {
    if (!message) {
      generatedMessage = true;
      message = 'The error is expected to be an instance of ' +
        `"${expected.name}". Received `;
      if (actual instanceof Error || Object.prototype.toString.call(actual) === '[object Error]') {
        message += `"${actual && actual.constructor && actual.constructor.name || actual.name}"`;
      } else {
        message += `"${inspect(actual, { depth: -1 })}"`;
      }
      if (actual && actual.message !== undefined) message += `\n\nError message:\n\n${actual.message}`;
    }
    throwError = true;
  } else {
    const res = expected.call({}, actual);
    if (res !== true) {
      if (!message) {
        generatedMessage = true;
        const name = expected.name ? `"${expected.name}" ` : '';
        message = `The ${name}validation function is expected to return` +
          ` "true". Received ${inspect(res)}`;
        if (actual instanceof Error || Object.prototype.toString.call(actual) === '[object Error]') {
          message += `\n\nCaught error:\n\n${actual}`;
        }
      }
      throwError = true;
    }
  }
  if (throwError) {
    const err = new AssertionError({ actual, expected, message, operator: fn.name, stackStartFn: fn });
    err.generatedMessage = generatedMessage;
    throw err;
  }
}

function checkErrorArg(error) {
  if (error !== undefined && error !== null && typeof error !== 'object' && typeof error !== 'function') {
    throw argTypeError('error', 'function or an instance of Error, RegExp, or Object', error);
  }
}

function expectsError(fn, actual, error, message) {
  if (typeof error === 'string') {
    if (arguments.length === 4) {
      throw argTypeError('error', 'function or an instance of Error, RegExp, or Object', error);
    }
    if (typeof actual === 'object' && actual !== null && actual.message === error) {
      throw makeError(TypeError, 'ERR_AMBIGUOUS_ARGUMENT',
        `The "error/message" argument is ambiguous. The error message "${actual.message}" is identical to the message.`);
    }
    message = error;
    error = undefined;
  } else {
    checkErrorArg(error);
  }
  if (actual === NO_EXCEPTION) {
    let details = '';
    if (error && error.name) details += ` (${error.name})`;
    details += message ? `: ${message}` : '.';
    const kind = fn === rejects ? 'rejection' : 'exception';
    innerFail({ actual: undefined, expected: error, operator: fn.name, message: `Missing expected ${kind}${details}`, stackStartFn: fn });
  }
  if (error) expectedException(actual, error, message, fn);
}

function hasMatchingError(actual, expected) {
  if (typeof expected !== 'function') {
    if (expected instanceof RegExp) return expected.test(String(actual));
    throw argTypeError('expected', 'function or an instance of RegExp', expected);
  }
  if (expected.prototype !== undefined && actual instanceof expected) return true;
  if (Error.isPrototypeOf(expected)) return false;
  return expected.call({}, actual) === true;
}

function expectsNoError(fn, actual, error, message) {
  if (actual === NO_EXCEPTION) return;
  if (typeof error === 'string') {
    message = error;
    error = undefined;
  }
  if (!error || hasMatchingError(actual, error)) {
    const details = message ? `: ${message}` : '.';
    const kind = fn === doesNotReject ? 'rejection' : 'exception';
    innerFail({
      actual, expected: error, operator: fn.name,
      message: `Got unwanted ${kind}${details}\nActual message: "${actual && actual.message}"`,
      stackStartFn: fn,
    });
  }
  throw actual;
}

function throws(promiseFn, ...args) {
  expectsError(throws, getActual(promiseFn), ...args);
}

async function rejects(promiseFn, ...args) {
  expectsError(rejects, await waitForActual(promiseFn), ...args);
}

function doesNotThrow(fn, ...args) {
  expectsNoError(doesNotThrow, getActual(fn), ...args);
}

async function doesNotReject(fn, ...args) {
  expectsNoError(doesNotReject, await waitForActual(fn), ...args);
}

function ifError(err) {
  if (err !== null && err !== undefined) {
    let message = 'ifError got unwanted exception: ';
    if (typeof err === 'object' && typeof err.message === 'string') {
      if (err.message.length === 0 && err.constructor) message += err.constructor.name;
      else message += err.message;
    } else {
      message += inspect(err);
    }
    const newErr = new AssertionError({ actual: err, expected: null, operator: 'ifError', message, stackStartFn: ifError });
    newErr.generatedMessage = false;
    throw newErr;
  }
}

function internalMatch(string, regexp, message, fn) {
  if (!(regexp instanceof RegExp)) throw argTypeError('regexp', 'an instance of RegExp', regexp);
  const match = fn === match_;
  if (typeof string !== 'string' || (regexp.test(string) !== match)) {
    if (message instanceof Error) throw message;
    const generatedMessage = !message;
    message = message || (typeof string !== 'string'
      ? `The "string" argument must be of type string.${describeReceived(string)}`
      : (match
        ? 'The input did not match the regular expression '
        : 'The input was expected to not match the regular expression ') +
          `${inspect(regexp)}. Input:\n\n${inspect(string)}\n`);
    const err = new AssertionError({ actual: string, expected: regexp, message, operator: fn.name, stackStartFn: fn });
    err.generatedMessage = generatedMessage;
    throw err;
  }
}

function match_(string, regexp, message) { internalMatch(string, regexp, message, match_); }
Object.defineProperty(match_, 'name', { value: 'match' });
function doesNotMatch(string, regexp, message) { internalMatch(string, regexp, message, doesNotMatch); }

class CallTracker {
  constructor() { this._calls = []; }
  calls(fn, exact = 1) {
    if (typeof fn === 'number') { exact = fn; fn = () => {}; } else if (fn === undefined) fn = () => {};
    const ctx = { fn, exact, actual: 0, name: fn.name || 'calls' };
    this._calls.push(ctx);
    const tracked = function (...args) { ctx.actual++; return Reflect.apply(fn, this, args); };
    Object.defineProperty(tracked, 'length', { value: fn.length });
    return tracked;
  }
  report() {
    return this._calls.filter((c) => c.actual !== c.exact).map((c) => ({
      message: `Expected the ${c.name} function to be executed ${c.exact} time(s) but was executed ${c.actual} time(s).`,
      actual: c.actual, expected: c.exact, operator: c.name, stack: new Error(),
    }));
  }
  verify() {
    const errors = this.report();
    if (errors.length === 0) return;
    const message = errors.length === 1 ? errors[0].message : 'Functions were not called the expected number of times';
    throw new AssertionError({ message, details: errors });
  }
}

const assert = function assert(...args) { innerOk(assert, args.length, ...args); };
Object.assign(assert, {
  ok, equal, notEqual, strictEqual, notStrictEqual, deepEqual, notDeepEqual,
  deepStrictEqual, notDeepStrictEqual, throws, doesNotThrow, rejects, doesNotReject,
  ifError, match: match_, doesNotMatch, fail, AssertionError, CallTracker,
});

function strict(...args) { innerOk(strict, args.length, ...args); }
Object.assign(strict, assert, {
  equal: strictEqual,
  deepEqual: deepStrictEqual,
  notEqual: notStrictEqual,
  notDeepEqual: notDeepStrictEqual,
});
assert.strict = strict;
strict.strict = strict;

module.exports = assert;
