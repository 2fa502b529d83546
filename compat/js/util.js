'use strict';
// node:util — format and inspect (console is built on them), plus the rest of
// the module: promisify, callbackify, deprecate, inherits, types,
// isDeepStrictEqual and the legacy is* helpers.
//
// inspect renders values the way Node 20 prints them. The layout rules (when
// an object fits on one line, how long arrays are grouped into columns, how
// errors and circular references are shown) follow Node's documented and
// observed output; the code is our own.

const natives = require('internal/util');

const objToString = Object.prototype.toString;
const hasOwn = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
const isEnumerable = (o, k) => Object.prototype.propertyIsEnumerable.call(o, k);

// ---------------------------------------------------------------------------
// Brand checks: they look at internal slots, so subclasses and objects with a
// custom Symbol.toStringTag are classified correctly.

function tryBrand(fn, v) {
  try { fn.call(v); return true; } catch (e) { return false; }
}
const mapHas = Map.prototype.has;
const setHas = Set.prototype.has;
const weakMapHas = WeakMap.prototype.has;
const weakSetHas = WeakSet.prototype.has;
const dateGetTime = Date.prototype.getTime;
const regexpSource = Object.getOwnPropertyDescriptor(RegExp.prototype, 'source').get;
const abByteLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get;
const sabByteLength = typeof SharedArrayBuffer === 'function'
  ? Object.getOwnPropertyDescriptor(SharedArrayBuffer.prototype, 'byteLength').get : null;
const dvByteLength = Object.getOwnPropertyDescriptor(DataView.prototype, 'byteLength').get;
const TypedArray = Object.getPrototypeOf(Uint8Array);
const typedArrayTag = Object.getOwnPropertyDescriptor(TypedArray.prototype, Symbol.toStringTag).get;

function isObjectLike(v) { return (typeof v === 'object' && v !== null) || typeof v === 'function'; }
function isMap(v) { return isObjectLike(v) && tryBrand(function () { mapHas.call(this); }, v); }
function isSet(v) { return isObjectLike(v) && tryBrand(function () { setHas.call(this); }, v); }
function isWeakMap(v) { return isObjectLike(v) && tryBrand(function () { weakMapHas.call(this, {}); }, v); }
function isWeakSet(v) { return isObjectLike(v) && tryBrand(function () { weakSetHas.call(this, {}); }, v); }
function isDate(v) { return isObjectLike(v) && tryBrand(dateGetTime, v); }
function isRegExp(v) { return isObjectLike(v) && v !== RegExp.prototype && tryBrand(regexpSource, v); }
function isArrayBuffer(v) { return isObjectLike(v) && tryBrand(abByteLength, v); }
function isSharedArrayBuffer(v) { return sabByteLength !== null && isObjectLike(v) && tryBrand(sabByteLength, v); }
function isAnyArrayBuffer(v) { return isArrayBuffer(v) || isSharedArrayBuffer(v); }
function isTypedArray(v) { return typedArrayTag.call(v) !== undefined; }
function isDataView(v) { return isObjectLike(v) && ArrayBuffer.isView(v) && !isTypedArray(v) && tryBrand(dvByteLength, v); }
function isPromise(v) { return natives.promiseState(v) !== undefined; }
function isNativeError(v) {
  return isObjectLike(v) && typeof v !== 'function' && objToString.call(v) === '[object Error]';
}
function isError(v) { return isNativeError(v) || v instanceof Error; }
function isArgumentsObject(v) { return isObjectLike(v) && objToString.call(v) === '[object Arguments]'; }
function isProxy(v) { return natives.proxyDetails(v) !== undefined; }
function boxedKind(v) {
  if (typeof v !== 'object' || v === null) return '';
  const checks = [
    ['Number', Number.prototype.valueOf], ['String', String.prototype.valueOf],
    ['Boolean', Boolean.prototype.valueOf], ['Symbol', Symbol.prototype.valueOf],
    ['BigInt', BigInt.prototype.valueOf],
  ];
  for (const [name, fn] of checks) if (tryBrand(fn, v)) return name;
  return '';
}
function functionKind(fn) {
  const c = Object.getPrototypeOf(fn);
  const name = c && c.constructor && c.constructor.name;
  return name === 'AsyncFunction' || name === 'GeneratorFunction' || name === 'AsyncGeneratorFunction' ? name : 'Function';
}

// kindOf classifies an object for inspect with one toString call in the
// common case, confirming built-in tags with a brand check.
function kindOf(v) {
  if (typeof v === 'function') return 'function';
  if (Array.isArray(v)) return 'array';
  const tag = objToString.call(v);
  switch (tag) {
    case '[object Object]': break;
    case '[object Map]': if (isMap(v)) return 'map'; break;
    case '[object Set]': if (isSet(v)) return 'set'; break;
    case '[object Date]': return 'date';
    case '[object RegExp]': if (isRegExp(v)) return 'regexp'; break;
    case '[object Error]': return 'error';
    case '[object Arguments]': return 'arguments';
    case '[object Promise]': if (isPromise(v)) return 'promise'; break;
    case '[object ArrayBuffer]': if (isArrayBuffer(v)) return 'arraybuffer'; break;
    case '[object SharedArrayBuffer]': if (isSharedArrayBuffer(v)) return 'arraybuffer'; break;
    case '[object DataView]': if (isDataView(v)) return 'dataview'; break;
    case '[object WeakMap]': if (isWeakMap(v)) return 'weakmap'; break;
    case '[object WeakSet]': if (isWeakSet(v)) return 'weakset'; break;
    case '[object Number]': case '[object String]': case '[object Boolean]':
    case '[object Symbol]': case '[object BigInt]':
      if (boxedKind(v)) return 'boxed';
      break;
    default:
      if (isTypedArray(v)) return 'typed';
  }
  if (ArrayBuffer.isView(v)) return isTypedArray(v) ? 'typed' : 'dataview';
  if (tag !== '[object Object]') {
    // A custom Symbol.toStringTag can hide what the object really is.
    if (v instanceof Error) return 'error';
    if (v instanceof Map && isMap(v)) return 'map';
    if (v instanceof Set && isSet(v)) return 'set';
    if (v instanceof Date && isDate(v)) return 'date';
    if (v instanceof RegExp && isRegExp(v)) return 'regexp';
    if (isPromise(v)) return 'promise';
    if (isArrayBuffer(v) || isSharedArrayBuffer(v)) return 'arraybuffer';
  } else if (v instanceof Error) {
    return 'error';
  }
  return 'object';
}

// ---------------------------------------------------------------------------
// Styles (colors: true).

const inspectColors = Object.assign(Object.create(null), {
  reset: [0, 0], bold: [1, 22], dim: [2, 22], italic: [3, 23], underline: [4, 24],
  blink: [5, 25], inverse: [7, 27], hidden: [8, 28], strikethrough: [9, 29],
  doubleunderline: [21, 24], black: [30, 39], red: [31, 39], green: [32, 39],
  yellow: [33, 39], blue: [34, 39], magenta: [35, 39], cyan: [36, 39], white: [37, 39],
  bgBlack: [40, 49], bgRed: [41, 49], bgGreen: [42, 49], bgYellow: [43, 49],
  bgBlue: [44, 49], bgMagenta: [45, 49], bgCyan: [46, 49], bgWhite: [47, 49],
  framed: [51, 54], overlined: [53, 55], gray: [90, 39], redBright: [91, 39],
  greenBright: [92, 39], yellowBright: [93, 39], blueBright: [94, 39],
  magentaBright: [95, 39], cyanBright: [96, 39], whiteBright: [97, 39],
  bgGray: [100, 49], bgRedBright: [101, 49], bgGreenBright: [102, 49],
  bgYellowBright: [103, 49], bgBlueBright: [104, 49], bgMagentaBright: [105, 49],
  bgCyanBright: [106, 49], bgWhiteBright: [107, 49],
});
inspectColors.grey = inspectColors.gray;
inspectColors.blackBright = inspectColors.gray;
inspectColors.bgGrey = inspectColors.bgGray;
inspectColors.bgBlackBright = inspectColors.bgGray;
inspectColors.dim = inspectColors.dim;
inspectColors.faint = inspectColors.dim;
inspectColors.crossedout = inspectColors.strikethrough;
inspectColors.strikeThrough = inspectColors.strikethrough;
inspectColors.crossedOut = inspectColors.strikethrough;
inspectColors.swapColors = inspectColors.inverse;
inspectColors.swapcolors = inspectColors.inverse;
inspectColors.conceal = inspectColors.hidden;
inspectColors.doubleUnderline = inspectColors.doubleunderline;

const inspectStyles = Object.assign(Object.create(null), {
  special: 'cyan', number: 'yellow', bigint: 'yellow', boolean: 'yellow',
  undefined: 'grey', null: 'bold', string: 'green', symbol: 'green',
  date: 'magenta', regexp: 'red', module: 'underline',
});

function stylizeWithColor(str, styleType) {
  const style = inspectStyles[styleType];
  if (style !== undefined) {
    const color = inspectColors[style];
    if (color !== undefined) return `\u001b[${color[0]}m${str}\u001b[${color[1]}m`;
  }
  return str;
}
function stylizeNoColor(str) { return str; }

const ansiRe = /[\u001B\u009B][[\]()#;?]*(?:(?:(?:(?:;[-a-zA-Z\d/#&.:=?%@~_]+)*|[a-zA-Z\d]+(?:;[-a-zA-Z\d/#&.:=?%@~_]*)*)?\u0007)|(?:(?:\d{1,4}(?:;\d{0,4})*)?[\dA-PR-TZcf-ntqry=><~]))/g;
function stripVTControlCharacters(str) {
  if (typeof str !== 'string') throw argTypeError('str', 'string', str);
  return str.replace(ansiRe, '');
}
function visibleLength(ctx, s) { return ctx.colors ? s.replace(ansiRe, '').length : s.length; }

// ---------------------------------------------------------------------------
// Primitives.

const metaEscapes = ['\\x00', '\\x01', '\\x02', '\\x03', '\\x04', '\\x05', '\\x06', '\\x07',
  '\\b', '\\t', '\\n', '\\x0B', '\\f', '\\r', '\\x0E', '\\x0F', '\\x10', '\\x11', '\\x12',
  '\\x13', '\\x14', '\\x15', '\\x16', '\\x17', '\\x18', '\\x19', '\\x1A', '\\x1B', '\\x1C',
  '\\x1D', '\\x1E', '\\x1F'];
// eslint-disable-next-line no-control-regex
// A quick test (no lookaround, so goja keeps its fast regexp engine): any
// surrogate sends the string through escapeChars, which keeps valid pairs.
const needsEscape = /[\x00-\x1f\x27\x5c\x7f-\x9f\ud800-\udfff]/;

function escapeChars(str, quoteCode) {
  let out = '';
  let last = 0;
  for (let i = 0; i < str.length; i++) {
    const c = str.charCodeAt(i);
    let rep;
    if (c < 0x20) rep = metaEscapes[c];
    else if (c === quoteCode) rep = '\\' + str[i];
    else if (c === 0x5c) rep = '\\\\';
    else if (c >= 0x7f && c <= 0x9f) rep = '\\x' + c.toString(16).toUpperCase();
    else if (c >= 0xd800 && c <= 0xdfff) {
      if (c <= 0xdbff && i + 1 < str.length) {
        const n = str.charCodeAt(i + 1);
        if (n >= 0xdc00 && n <= 0xdfff) { i++; continue; }
      }
      rep = '\\u' + c.toString(16);
    } else continue;
    out += str.slice(last, i) + rep;
    last = i + 1;
  }
  return last === 0 ? str : out + str.slice(last);
}

// strEscape quotes a string the way Node does: single quotes unless the
// string contains one, then double quotes, then backticks.
function strEscape(str) {
  let quote = 39; // '
  if (str.includes("'")) {
    if (!str.includes('"')) quote = 34;
    else if (!str.includes('`') && !str.includes('${')) quote = 96;
  }
  const q = String.fromCharCode(quote);
  if (str.length < 5000 && !needsEscape.test(str) && (quote !== 39 || !str.includes("'"))) {
    return q + str + q;
  }
  return q + escapeChars(str, quote) + q;
}

function addSeparators(intStr) {
  let out = '';
  let i = intStr.length;
  const stop = intStr[0] === '-' ? 1 : 0;
  for (; i - 3 > stop; i -= 3) out = '_' + intStr.slice(i - 3, i) + out;
  return intStr.slice(0, i) + out;
}

function formatNumber(fn, n, separators) {
  if (!separators) return fn(Object.is(n, -0) ? '-0' : `${n}`, 'number');
  if (Object.is(n, -0)) return fn('-0', 'number');
  const int = Math.trunc(n);
  const s = `${int}`;
  if (int === n) {
    if (!Number.isFinite(n) || s.includes('e')) return fn(s, 'number');
    return fn(addSeparators(s), 'number');
  }
  if (Number.isNaN(n)) return fn(s, 'number');
  const str = `${n}`;
  const dot = str.indexOf('.');
  if (dot === -1 || str.includes('e')) return fn(str, 'number');
  const frac = str.slice(dot + 1);
  let fracOut = '';
  let i = 0;
  for (; i < frac.length - 3; i += 3) fracOut += frac.slice(i, i + 3) + '_';
  fracOut += frac.slice(i);
  return fn(`${addSeparators(str.slice(0, dot))}.${fracOut}`, 'number');
}

function formatBigInt(fn, n, separators) {
  const s = `${n}`;
  return fn(`${separators ? addSeparators(s) : s}n`, 'bigint');
}

function formatPrimitive(fn, value, ctx) {
  switch (typeof value) {
    case 'string': {
      let trailer = '';
      if (value.length > ctx.maxStringLength) {
        const remaining = value.length - ctx.maxStringLength;
        value = value.slice(0, ctx.maxStringLength);
        trailer = `... ${remaining} more character${remaining > 1 ? 's' : ''}`;
      }
      if (ctx.compact !== true && value.length > 16 &&
          value.length > ctx.breakLength - ctx.indentationLvl - 4) {
        // Long strings are split after each newline, one line per piece.
        const pieces = [];
        let start = 0;
        for (let i = value.indexOf('\n'); i !== -1; i = value.indexOf('\n', start)) {
          pieces.push(value.slice(start, i + 1));
          start = i + 1;
        }
        if (start < value.length || pieces.length === 0) pieces.push(value.slice(start));
        return pieces.map((p) => fn(strEscape(p), 'string'))
          .join(` +\n${' '.repeat(ctx.indentationLvl + 2)}`) + trailer;
      }
      return fn(strEscape(value), 'string') + trailer;
    }
    case 'number': return formatNumber(fn, value, ctx.numericSeparator);
    case 'bigint': return formatBigInt(fn, value, ctx.numericSeparator);
    case 'boolean': return fn(`${value}`, 'boolean');
    case 'undefined': return fn('undefined', 'undefined');
    default: return fn(symbolToString(value), 'symbol');
  }
}

function symbolToString(sym) {
  return Symbol.prototype.toString.call(sym);
}

// ---------------------------------------------------------------------------
// Objects.

const builtInCtors = new Set(Object.getOwnPropertyNames(globalThis)
  .filter((n) => /^[A-Z][a-zA-Z0-9]+$/.test(n) && typeof globalThis[n] === 'function'));
for (const n of ['Object', 'Error', 'Array', 'Function', 'Map', 'Set', 'Promise', 'Date', 'RegExp']) builtInCtors.add(n);

function instanceOf(v, ctor) {
  try { return v instanceof ctor; } catch (e) { return false; }
}

// constructorName walks the prototype chain for the first named constructor
// the value is an instance of; null for null-prototype objects.
function constructorName(obj, ctx) {
  let proto = obj;
  let first;
  while (proto !== null && proto !== undefined) {
    const desc = Object.getOwnPropertyDescriptor(proto, 'constructor');
    if (desc !== undefined && typeof desc.value === 'function' && desc.value.name !== '' &&
        instanceOf(obj, desc.value)) {
      return String(desc.value.name);
    }
    proto = Object.getPrototypeOf(proto);
    if (first === undefined) first = proto;
  }
  if (first === null) return null;
  const fallback = kindOf(obj) === 'function' ? 'Function' : 'Object';
  if (ctx.depth !== null && ctx.currentDepth > ctx.depth) return `${fallback} <Complex prototype>`;
  const inner = inspect(first, Object.assign({}, ctx.userOptions, {
    customInspect: false, depth: -1, colors: false,
  }));
  return `${fallback} <${inner}>`;
}

function prefixFor(constructor, tag, fallback, size = '') {
  if (constructor === null) {
    if (tag !== '' && fallback !== tag) return `[${fallback}${size}: null prototype] [${tag}] `;
    return `[${fallback}${size}: null prototype] `;
  }
  if (tag !== '' && constructor !== tag) return `${constructor}${size} [${tag}] `;
  return `${constructor}${size} `;
}

function ownKeys(value, showHidden) {
  let keys;
  const symbols = Object.getOwnPropertySymbols(value);
  if (showHidden) {
    keys = Object.getOwnPropertyNames(value);
    if (symbols.length !== 0) keys.push(...symbols);
  } else {
    keys = Object.keys(value);
    for (const s of symbols) if (isEnumerable(value, s)) keys.push(s);
  }
  return keys;
}

function isIndexKey(k) {
  if (typeof k !== 'string' || k.length === 0 || k.length > 10) return false;
  const n = Number(k);
  return n >>> 0 === n && n !== 4294967295 && String(n) === k;
}

function nonIndexKeys(value, showHidden) {
  return ownKeys(value, showHidden).filter((k) => !isIndexKey(k));
}

const kObjectType = 0;
const kArrayType = 1;
const kArrayExtrasType = 2;

function formatValue(ctx, value, recurseTimes, typedArray) {
  if (typeof value !== 'object' && typeof value !== 'function') {
    return formatPrimitive(ctx.stylize, value, ctx);
  }
  if (value === null) return ctx.stylize('null', 'null');
  const context = value;
  const proxy = natives.proxyDetails(value);
  if (proxy !== undefined) {
    if (proxy === null || proxy[0] === null) return ctx.stylize('<Revoked Proxy>', 'special');
    if (ctx.showProxy) return formatProxy(ctx, proxy, recurseTimes);
    value = proxy[0];
  }
  if (ctx.customInspect) {
    let custom;
    try { custom = value[kInspectCustom]; } catch (e) { custom = undefined; }
    if (typeof custom === 'function' && custom !== inspect && !isOwnPrototype(value)) {
      const depth = ctx.depth === null ? null : ctx.depth - recurseTimes;
      const opts = Object.assign({}, ctx.userOptions, { stylize: ctx.stylize });
      for (const k of Object.keys(inspectDefaults)) if (!(k in opts)) opts[k] = ctx[k];
      opts.depth = ctx.depth;
      const ret = custom.call(context, depth, opts, inspect);
      if (ret !== context) {
        if (typeof ret !== 'string') return formatValue(ctx, ret, recurseTimes);
        return ret.split('\n').join(`\n${' '.repeat(ctx.indentationLvl)}`);
      }
    }
  }
  if (ctx.seen.includes(value)) {
    if (ctx.circular === undefined) ctx.circular = new Map();
    let index = ctx.circular.get(value);
    if (index === undefined) {
      index = ctx.circular.size + 1;
      ctx.circular.set(value, index);
    }
    return ctx.stylize(`[Circular *${index}]`, 'special');
  }
  return formatRaw(ctx, value, recurseTimes, typedArray);
}

function isOwnPrototype(value) {
  const desc = Object.getOwnPropertyDescriptor(value, 'constructor');
  return desc !== undefined && typeof desc.value === 'function' && desc.value.prototype === value;
}

function formatProxy(ctx, proxy, recurseTimes) {
  if (ctx.depth !== null && recurseTimes > ctx.depth) return ctx.stylize('Proxy [Array]', 'special');
  recurseTimes += 1;
  ctx.indentationLvl += 2;
  const res = [formatValue(ctx, proxy[0], recurseTimes), formatValue(ctx, proxy[1], recurseTimes)];
  ctx.indentationLvl -= 2;
  return reduceToSingleString(ctx, res, '', ['Proxy [', ']'], kArrayExtrasType, recurseTimes);
}

function formatRaw(ctx, value, recurseTimes, typedArray) {
  let keys;
  const constructor = constructorName(value, ctx);
  let tag = '';
  try {
    const t = value[Symbol.toStringTag];
    if (typeof t === 'string' && t !== '' &&
        !(ctx.showHidden ? hasOwn(value, Symbol.toStringTag) : isEnumerable(value, Symbol.toStringTag))) {
      tag = t;
    }
  } catch (e) { /* a throwing getter hides the tag */ }
  let base = '';
  let formatter = formatNothing;
  let braces;
  let extrasType = kObjectType;
  const kind = kindOf(value);

  if (kind === 'array') {
    const prefix = (constructor !== 'Array' || tag !== '')
      ? prefixFor(constructor, tag, 'Array', `(${value.length})`) : '';
    keys = nonIndexKeys(value, ctx.showHidden);
    braces = [`${prefix}[`, ']'];
    if (value.length === 0 && keys.length === 0) return `${braces[0]}]`;
    extrasType = kArrayExtrasType;
    formatter = formatArray;
  } else if (kind === 'set') {
    const size = Set.prototype.has && Object.getOwnPropertyDescriptor(Set.prototype, 'size').get.call(value);
    const prefix = prefixFor(constructor, tag, 'Set', `(${size})`);
    keys = ownKeys(value, ctx.showHidden);
    formatter = formatSet;
    if (size === 0 && keys.length === 0) return `${prefix}{}`;
    braces = [`${prefix}{`, '}'];
  } else if (kind === 'map') {
    const size = Object.getOwnPropertyDescriptor(Map.prototype, 'size').get.call(value);
    const prefix = prefixFor(constructor, tag, 'Map', `(${size})`);
    keys = ownKeys(value, ctx.showHidden);
    formatter = formatMap;
    if (size === 0 && keys.length === 0) return `${prefix}{}`;
    braces = [`${prefix}{`, '}'];
  } else if (kind === 'typed') {
    keys = nonIndexKeys(value, ctx.showHidden);
    const fallback = typedArrayTag.call(value);
    const size = value.length;
    if (constructor === 'Buffer' && typeof value[kInspectCustom] !== 'function') {
      return formatBufferFallback(ctx, value);
    }
    const prefix = prefixFor(constructor, tag, constructor === null ? fallback : '', `(${size})`);
    braces = [`${prefix}[`, ']'];
    if (size === 0 && keys.length === 0 && !ctx.showHidden) return `${braces[0]}]`;
    formatter = formatTypedArray;
    extrasType = kArrayExtrasType;
  } else {
    keys = ownKeys(value, ctx.showHidden);
    braces = ['{', '}'];
    if (kind === 'object' && constructor === 'Object') {
      if (tag !== '') braces[0] = `${prefixFor(constructor, tag, 'Object')}{`;
      if (keys.length === 0) return `${braces[0]}}`;
    } else if (kind === 'arguments') {
      // Node 20 lists an arguments object's indices as keys.
      braces[0] = '[Arguments] {';
      if (keys.length === 0) return '[Arguments] {}';
    } else if (kind === 'function') {
      base = functionBase(value, constructor, tag);
      if (ctx.showHidden) keys = keys.filter((k) => k !== 'arguments' && k !== 'caller');
      if (keys.length === 0) return ctx.stylize(base, 'special');
    } else if (kind === 'regexp') {
      base = RegExp.prototype.toString.call(constructor !== null ? value : new RegExp(value));
      const prefix = prefixFor(constructor, tag, 'RegExp');
      if (prefix !== 'RegExp ') base = `${prefix}${base}`;
      keys = keys.filter((k) => !(ctx.showHidden && k === 'lastIndex'));
      if (keys.length === 0 || (ctx.depth !== null && recurseTimes > ctx.depth)) return ctx.stylize(base, 'regexp');
    } else if (kind === 'date') {
      const t = dateGetTime.call(value);
      base = Number.isNaN(t) ? Date.prototype.toString.call(value) : Date.prototype.toISOString.call(value);
      const prefix = prefixFor(constructor, tag, 'Date');
      if (prefix !== 'Date ') base = `${prefix}${base}`;
      if (keys.length === 0) return ctx.stylize(base, 'date');
    } else if (kind === 'error') {
      base = formatError(value, constructor, tag, ctx, keys);
      if (keys.length === 0) return base;
    } else if (kind === 'arraybuffer') {
      const name = isArrayBuffer(value) ? 'ArrayBuffer' : 'SharedArrayBuffer';
      const prefix = prefixFor(constructor, tag, name);
      if (typedArray === undefined) {
        formatter = formatArrayBuffer;
      } else if (keys.length === 0) {
        return prefix + `{ byteLength: ${formatNumber(ctx.stylize, value.byteLength, false)} }`;
      }
      braces[0] = `${prefix}{`;
      keys.unshift('byteLength');
    } else if (kind === 'dataview') {
      braces[0] = `${prefixFor(constructor, tag, 'DataView')}{`;
      keys.unshift('byteLength', 'byteOffset', 'buffer');
    } else if (kind === 'promise') {
      braces[0] = `${prefixFor(constructor, tag, 'Promise')}{`;
      formatter = formatPromise;
    } else if (kind === 'weakset') {
      braces[0] = `${prefixFor(constructor, tag, 'WeakSet')}{`;
      formatter = formatWeakCollection;
    } else if (kind === 'weakmap') {
      braces[0] = `${prefixFor(constructor, tag, 'WeakMap')}{`;
      formatter = formatWeakCollection;
    } else if (kind === 'boxed') {
      base = boxedBase(value, ctx, keys, constructor, tag);
      if (keys.length === 0) return base;
    } else {
      let fallback = 'Object';
      if (constructor === null) {
        // Node names a null-prototype object after its own toStringTag.
        const own = Object.getOwnPropertyDescriptor(value, Symbol.toStringTag);
        if (own && typeof own.value === 'string' && own.value !== '') fallback = own.value;
      }
      if (keys.length === 0) return `${prefixFor(constructor, tag, fallback)}{}`;
      braces[0] = `${prefixFor(constructor, tag, fallback)}{`;
    }
  }

  if (ctx.depth !== null && recurseTimes > ctx.depth) {
    let name = prefixFor(constructor, tag, kind === 'array' ? 'Array' : 'Object').slice(0, -1);
    if (constructor !== null) name = `[${name}]`;
    return ctx.stylize(name, 'special');
  }
  recurseTimes += 1;
  ctx.seen.push(value);
  ctx.currentDepth = recurseTimes;
  let output;
  try {
    output = formatter(ctx, value, recurseTimes);
    for (let i = 0; i < keys.length; i++) {
      output.push(formatProperty(ctx, value, recurseTimes, keys[i], extrasType));
    }
  } finally {
    ctx.seen.pop();
  }
  if (ctx.circular !== undefined) {
    const index = ctx.circular.get(value);
    if (index !== undefined) {
      const ref = ctx.stylize(`<ref *${index}>`, 'special');
      if (ctx.compact !== true) base = base === '' ? ref : `${ref} ${base}`;
      else braces[0] = `${ref} ${braces[0]}`;
    }
  }
  if (ctx.sorted) {
    const cmp = ctx.sorted === true ? undefined : ctx.sorted;
    if (extrasType === kObjectType) {
      output.sort(cmp);
    } else if (keys.length > 1) {
      const tail = output.slice(output.length - keys.length).sort(cmp);
      output.splice(output.length - keys.length, keys.length, ...tail);
    }
  }
  return reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value);
}

function formatNothing() { return []; }

function formatBufferFallback(ctx, buf) {
  const max = Math.min(buf.length, 50);
  let hex = '';
  for (let i = 0; i < max; i++) hex += (i ? ' ' : '') + (buf[i] < 16 ? '0' : '') + buf[i].toString(16);
  const more = buf.length > 50 ? ` ... ${buf.length - 50} more byte${buf.length - 50 > 1 ? 's' : ''}` : '';
  return `<Buffer${hex ? ' ' + hex : ''}${more}>`;
}

function functionBase(value, constructor, tag) {
  let src = '';
  try { src = Function.prototype.toString.call(value); } catch (e) { /* proxy or host function */ }
  if (src.startsWith('class') && src.endsWith('}')) {
    const rest = src.slice(5, -1);
    const brace = rest.indexOf('{');
    if (brace !== -1 && (!rest.slice(0, brace).includes('(') ||
        /^\s*(?:[^(]*?)\s+extends\s/.test(rest))) {
      return classBase(value, constructor, tag);
    }
  }
  let type = 'Function';
  const fk = functionKind(value);
  if (fk === 'GeneratorFunction') type = 'GeneratorFunction';
  else if (fk === 'AsyncFunction') type = 'AsyncFunction';
  else if (fk === 'AsyncGeneratorFunction') type = 'AsyncGeneratorFunction';
  let base = `[${type}`;
  if (constructor === null) base += ' (null prototype)';
  base += value.name === '' || typeof value.name !== 'string' ? ' (anonymous)' : `: ${value.name}`;
  base += ']';
  if (constructor !== type && constructor !== null) base += ` ${constructor}`;
  if (tag !== '' && constructor !== tag) base += ` [${tag}]`;
  return base;
}

function classBase(value, constructor, tag) {
  const name = (hasOwn(value, 'name') && value.name) || '(anonymous)';
  let base = `class ${name}`;
  if (constructor !== 'Function' && constructor !== null) base += ` [${constructor}]`;
  if (tag !== '' && constructor !== tag) base += ` [${tag}]`;
  if (constructor !== null) {
    const sup = Object.getPrototypeOf(value).name;
    if (sup) base += ` extends ${sup}`;
  } else {
    base += ' extends [null prototype]';
  }
  return `[${base}]`;
}

function boxedBase(value, ctx, keys, constructor, tag) {
  const kind = boxedKind(value);
  const unbox = {
    Number: Number.prototype.valueOf, String: String.prototype.valueOf,
    Boolean: Boolean.prototype.valueOf, BigInt: BigInt.prototype.valueOf,
    Symbol: Symbol.prototype.valueOf,
  }[kind];
  const prim = unbox.call(value);
  if (kind === 'String') {
    // The characters are shown in the value already.
    for (let i = keys.length - 1; i >= 0; i--) {
      if (isIndexKey(keys[i]) && Number(keys[i]) < prim.length) {
        keys.splice(i, 1);
      }
    }
  }
  let base = `[${kind}`;
  if (kind !== constructor) base += constructor === null ? ' (null prototype)' : ` (${constructor})`;
  base += `: ${formatPrimitive(stylizeNoColor, prim, ctx)}]`;
  if (tag !== '' && tag !== constructor) base += ` [${tag}]`;
  if (keys.length !== 0 || ctx.stylize === stylizeNoColor) return base;
  return ctx.stylize(base, kind.toLowerCase());
}

function errorStack(err) {
  let stack;
  try { stack = err.stack; } catch (e) { stack = undefined; }
  if (stack) {
    stack = String(stack);
    // goja indents frames with a tab; show them as Node does.
    if (stack.includes('\n\tat ')) stack = stack.replace(/\n\tat /g, '\n    at ');
    return stack.replace(/\n+$/, '');
  }
  return Error.prototype.toString.call(err);
}

function formatError(err, constructor, tag, ctx, keys) {
  const name = err.name != null ? String(err.name) : 'Error';
  let stack = errorStack(err);
  if (!ctx.showHidden && keys.length !== 0) {
    for (const k of ['name', 'message', 'stack']) {
      const i = keys.indexOf(k);
      if (i !== -1 && typeof err[k] === 'string' && stack.includes(err[k])) keys.splice(i, 1);
    }
  }
  if ('cause' in err && (keys.length === 0 || !keys.includes('cause'))) keys.push('cause');
  if (Array.isArray(err.errors) && (keys.length === 0 || !keys.includes('errors'))) keys.push('errors');
  stack = improveStack(stack, constructor, name, tag);

  let pos = (err.message && stack.indexOf(err.message)) || -1;
  if (pos !== -1) pos += err.message.length;
  const framesAt = stack.indexOf('\n    at', pos);
  if (framesAt === -1) {
    stack = `[${stack}]`;
  } else if (ctx.colors) {
    const head = stack.slice(0, framesAt);
    const frames = stack.slice(framesAt + 1).split('\n')
      .map((l) => (l.includes('node:') ? ctx.stylize(l, 'undefined') : l));
    stack = `${head}\n${frames.join('\n')}`;
  }
  if (ctx.indentationLvl !== 0) {
    stack = stack.split('\n').join(`\n${' '.repeat(ctx.indentationLvl)}`);
  }
  return stack;
}

function improveStack(stack, constructor, name, tag) {
  let len = name.length;
  if (constructor === null ||
      (name.endsWith('Error') && stack.startsWith(name) &&
       (stack.length === len || stack[len] === ':' || stack[len] === '\n'))) {
    let fallback = 'Error';
    if (constructor === null) {
      const m = /^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n\s+at)/.exec(stack) || /^([a-z_A-Z0-9-]*Error)$/.exec(stack);
      fallback = (m && m[1]) || '';
      len = fallback.length;
      fallback = fallback || 'Error';
    }
    const prefix = prefixFor(constructor, tag, fallback).slice(0, -1);
    if (name !== prefix) {
      if (prefix.includes(name)) {
        stack = len === 0 ? `${prefix}: ${stack}` : `${prefix}${stack.slice(len)}`;
      } else {
        stack = `${prefix} [${name}]${stack.slice(len)}`;
      }
    }
  }
  return stack;
}

function formatArrayBuffer(ctx, value) {
  let bytes;
  try { bytes = new Uint8Array(value); } catch (e) { return [ctx.stylize('(detached)', 'special')]; }
  const n = Math.min(ctx.maxArrayLength, bytes.length);
  let hex = '';
  for (let i = 0; i < n; i++) hex += (i ? ' ' : '') + (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
  const remaining = bytes.length - ctx.maxArrayLength;
  if (remaining > 0) hex += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
  return [`${ctx.stylize('[Uint8Contents]', 'special')}: <${hex}>`];
}

function formatArray(ctx, value, recurseTimes) {
  const len = value.length;
  const shown = Math.min(Math.max(0, ctx.maxArrayLength), len);
  const output = [];
  let i = 0;
  while (i < shown) {
    if (!hasOwn(value, i)) {
      // A run of holes is shown as one entry.
      let j = i;
      while (j < len && !hasOwn(value, j)) j++;
      const holes = j - i;
      output.push(ctx.stylize(`<${holes} empty item${holes > 1 ? 's' : ''}>`, 'undefined'));
      i = j;
      if (output.length >= shown) break;
      continue;
    }
    output.push(formatProperty(ctx, value, recurseTimes, i, kArrayType));
    i++;
    if (output.length >= shown) break;
  }
  const remaining = len - i;
  if (remaining > 0) output.push(`... ${remaining} more item${remaining > 1 ? 's' : ''}`);
  return output;
}

function formatTypedArray(ctx, value, recurseTimes) {
  const length = value.length;
  const shown = Math.min(Math.max(0, ctx.maxArrayLength), length);
  const remaining = length - shown;
  const output = new Array(shown);
  const elem = length > 0 && typeof value[0] === 'bigint' ? formatBigInt : formatNumber;
  for (let i = 0; i < shown; i++) output[i] = elem(ctx.stylize, value[i], ctx.numericSeparator);
  if (remaining > 0) output.push(`... ${remaining} more item${remaining > 1 ? 's' : ''}`);
  if (ctx.showHidden) {
    ctx.indentationLvl += 2;
    for (const k of ['BYTES_PER_ELEMENT', 'length', 'byteLength', 'byteOffset', 'buffer']) {
      output.push(`[${k}]: ${formatValue(ctx, value[k], recurseTimes, true)}`);
    }
    ctx.indentationLvl -= 2;
  }
  return output;
}

function moreItems(output, remaining) {
  if (remaining > 0) output.push(`... ${remaining} more item${remaining > 1 ? 's' : ''}`);
  return output;
}

function formatSet(ctx, value, recurseTimes) {
  const size = Object.getOwnPropertyDescriptor(Set.prototype, 'size').get.call(value);
  const max = Math.min(Math.max(0, ctx.maxArrayLength), size);
  const output = [];
  ctx.indentationLvl += 2;
  for (const v of Set.prototype.values.call(value)) {
    if (output.length >= max) break;
    output.push(formatValue(ctx, v, recurseTimes));
  }
  ctx.indentationLvl -= 2;
  return moreItems(output, size - max);
}

function formatMap(ctx, value, recurseTimes) {
  const size = Object.getOwnPropertyDescriptor(Map.prototype, 'size').get.call(value);
  const max = Math.min(Math.max(0, ctx.maxArrayLength), size);
  const output = [];
  ctx.indentationLvl += 2;
  for (const [k, v] of Map.prototype.entries.call(value)) {
    if (output.length >= max) break;
    output.push(`${formatValue(ctx, k, recurseTimes)} => ${formatValue(ctx, v, recurseTimes)}`);
  }
  ctx.indentationLvl -= 2;
  return moreItems(output, size - max);
}

function formatPromise(ctx, value, recurseTimes) {
  const st = natives.promiseState(value);
  if (st[0] === 'pending') return [ctx.stylize('<pending>', 'special')];
  ctx.indentationLvl += 2;
  const str = formatValue(ctx, st[1], recurseTimes);
  ctx.indentationLvl -= 2;
  return [st[0] === 'rejected' ? `${ctx.stylize('<rejected>', 'special')} ${str}` : str];
}

function formatWeakCollection(ctx) {
  return [ctx.stylize('<items unknown>', 'special')];
}

const keyIdentRe = /^[a-zA-Z_][a-zA-Z_0-9]*$/;

function formatProperty(ctx, value, recurseTimes, key, type) {
  let str;
  let extra = ' ';
  const desc = Object.getOwnPropertyDescriptor(value, key) || { value: value[key], enumerable: true };
  if (desc.value !== undefined) {
    const diff = (ctx.compact !== true || type !== kObjectType) ? 2 : 3;
    ctx.indentationLvl += diff;
    str = formatValue(ctx, desc.value, recurseTimes);
    if (diff === 3 && ctx.breakLength < visibleLength(ctx, str)) {
      extra = `\n${' '.repeat(ctx.indentationLvl)}`;
    }
    ctx.indentationLvl -= diff;
  } else if (desc.get !== undefined) {
    const label = desc.set !== undefined ? 'Getter/Setter' : 'Getter';
    const s = ctx.stylize;
    const g = ctx.getters;
    if (g && (g === true || (g === 'get' && desc.set === undefined) || (g === 'set' && desc.set !== undefined))) {
      try {
        const got = desc.get.call(value);
        ctx.indentationLvl += 2;
        if (got === null) str = `${s(`[${label}:`, 'special')} ${s('null', 'null')}${s(']', 'special')}`;
        else if (typeof got === 'object') str = `${s(`[${label}]`, 'special')} ${formatValue(ctx, got, recurseTimes)}`;
        else str = `${s(`[${label}:`, 'special')} ${formatPrimitive(s, got, ctx)}${s(']', 'special')}`;
        ctx.indentationLvl -= 2;
      } catch (err) {
        str = `${s(`[${label}:`, 'special')} <Inspection threw (${err && err.message})>${s(']', 'special')}`;
      }
    } else {
      str = s(`[${label}]`, 'special');
    }
  } else if (desc.set !== undefined) {
    str = ctx.stylize('[Setter]', 'special');
  } else {
    str = ctx.stylize('undefined', 'undefined');
  }
  if (type === kArrayType) return str;
  let name;
  if (typeof key === 'symbol') {
    name = `[${ctx.stylize(escapeChars(Symbol.prototype.toString.call(key), 39), 'symbol')}]`;
  } else if (key === '__proto__') {
    name = "['__proto__']";
  } else if (desc.enumerable === false) {
    name = `[${escapeChars(key, 39)}]`;
  } else if (keyIdentRe.test(key)) {
    name = ctx.stylize(key, 'name');
  } else {
    name = ctx.stylize(strEscape(key), 'string');
  }
  return `${name}:${extra}${str}`;
}

// groupArrayElements lays out long arrays of short entries in aligned
// columns, roughly square, as Node does for arrays of more than six items.
function groupArrayElements(ctx, output, value) {
  let count = output.length;
  if (ctx.maxArrayLength < output.length) count--; // the "... more items" entry
  const sep = 2;
  const lens = new Array(count);
  let total = 0;
  let widest = 0;
  for (let i = 0; i < count; i++) {
    const len = visibleLength(ctx, output[i]);
    lens[i] = len;
    total += len + sep;
    if (widest < len) widest = len;
  }
  const cell = widest + sep;
  if (cell * 3 + ctx.indentationLvl >= ctx.breakLength || !(total / cell > 5 || widest <= 6)) {
    return output;
  }
  const bias = Math.sqrt(cell - total / output.length);
  const biasedCell = Math.max(cell - 3 - bias, 1);
  const columns = Math.min(
    Math.round(Math.sqrt(2.5 * biasedCell * count) / biasedCell),
    Math.floor((ctx.breakLength - ctx.indentationLvl) / cell),
    ctx.compact * 4,
    15,
  );
  if (columns <= 1) return output;
  const colWidth = [];
  for (let c = 0; c < columns; c++) {
    let w = 0;
    for (let j = c; j < output.length; j += columns) if (lens[j] > w) w = lens[j];
    colWidth.push(w + sep);
  }
  let padStart = value !== undefined;
  if (padStart) {
    for (let i = 0; i < output.length; i++) {
      if (typeof value[i] !== 'number' && typeof value[i] !== 'bigint') { padStart = false; break; }
    }
  }
  const rows = [];
  for (let i = 0; i < count; i += columns) {
    const end = Math.min(i + columns, count);
    let line = '';
    let j = i;
    for (; j < end - 1; j++) {
      const width = colWidth[j - i] + output[j].length - lens[j];
      line += padStart ? `${output[j]}, `.padStart(width, ' ') : `${output[j]}, `.padEnd(width, ' ');
    }
    if (padStart) {
      line += output[j].padStart(colWidth[j - i] + output[j].length - lens[j] - sep, ' ');
    } else {
      line += output[j];
    }
    rows.push(line);
  }
  if (ctx.maxArrayLength < output.length) rows.push(output[count]);
  return rows;
}

function fitsOnLine(ctx, output, start, base) {
  let total = output.length + start;
  if (total + output.length > ctx.breakLength) return false;
  for (let i = 0; i < output.length; i++) {
    total += visibleLength(ctx, output[i]);
    if (total > ctx.breakLength) return false;
  }
  return base === '' || !base.includes('\n');
}

function reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value) {
  if (ctx.compact !== true) {
    if (typeof ctx.compact === 'number' && ctx.compact >= 1) {
      const entries = output.length;
      if (extrasType === kArrayExtrasType && entries > 6) output = groupArrayElements(ctx, output, value);
      if (ctx.currentDepth - recurseTimes < ctx.compact && entries === output.length) {
        const start = output.length + ctx.indentationLvl + braces[0].length + base.length + 10;
        if (fitsOnLine(ctx, output, start, base)) {
          const joined = output.join(', ');
          if (!joined.includes('\n')) {
            return `${base ? `${base} ` : ''}${braces[0]} ${joined} ${braces[1]}`;
          }
        }
      }
    }
    const ind = `\n${' '.repeat(ctx.indentationLvl)}`;
    return `${base ? `${base} ` : ''}${braces[0]}${ind}  ${output.join(`,${ind}  `)}${ind}${braces[1]}`;
  }
  if (fitsOnLine(ctx, output, 0, base)) {
    return `${braces[0]}${base ? ` ${base}` : ''} ${output.join(', ')} ${braces[1]}`;
  }
  const ind = ' '.repeat(ctx.indentationLvl);
  const ln = base === '' && braces[0].length === 1 ? ' ' : `${base ? ` ${base}` : ''}\n${ind}  `;
  return `${braces[0]}${ln}${output.join(`,\n${ind}  `)} ${braces[1]}`;
}

// ---------------------------------------------------------------------------
// inspect.

const kInspectCustom = Symbol.for('nodejs.util.inspect.custom');

const inspectDefaults = {
  showHidden: false, depth: 2, colors: false, customInspect: true, showProxy: false,
  maxArrayLength: 100, maxStringLength: 10000, breakLength: 80, compact: 3,
  sorted: false, getters: false, numericSeparator: false,
};

function inspect(value, opts) {
  const ctx = {
    budget: {}, indentationLvl: 0, seen: [], currentDepth: 0, stylize: stylizeNoColor,
    showHidden: inspectDefaults.showHidden, depth: inspectDefaults.depth,
    colors: inspectDefaults.colors, customInspect: inspectDefaults.customInspect,
    showProxy: inspectDefaults.showProxy, maxArrayLength: inspectDefaults.maxArrayLength,
    maxStringLength: inspectDefaults.maxStringLength, breakLength: inspectDefaults.breakLength,
    compact: inspectDefaults.compact, sorted: inspectDefaults.sorted,
    getters: inspectDefaults.getters, numericSeparator: inspectDefaults.numericSeparator,
    userOptions: undefined, circular: undefined,
  };
  if (arguments.length > 1) {
    // Legacy signature: inspect(obj, showHidden, depth, colors).
    if (arguments.length > 2) {
      if (arguments[2] !== undefined) ctx.depth = arguments[2];
      if (arguments.length > 3 && arguments[3] !== undefined) ctx.colors = arguments[3];
    }
    if (typeof opts === 'boolean') {
      ctx.showHidden = opts;
    } else if (opts) {
      ctx.userOptions = opts;
      for (const key of Object.keys(opts)) {
        if (hasOwn(inspectDefaults, key) || key === 'stylize') ctx[key] = opts[key];
      }
    }
  }
  if (ctx.colors) ctx.stylize = stylizeWithColor;
  if (ctx.maxArrayLength === null) ctx.maxArrayLength = Infinity;
  if (ctx.maxStringLength === null) ctx.maxStringLength = Infinity;
  if (ctx.depth === Infinity) ctx.depth = null;
  return formatValue(ctx, value, 0);
}
inspect.custom = kInspectCustom;
Object.defineProperty(inspect, 'defaultOptions', {
  get() { return inspectDefaults; },
  set(options) {
    if (options === null || typeof options !== 'object') throw argTypeError('options', 'object', options);
    Object.assign(inspectDefaults, options);
  },
});
inspect.colors = inspectColors;
inspect.styles = inspectStyles;

// ---------------------------------------------------------------------------
// format.

function builtInToString(value) {
  const proxy = natives.proxyDetails(value);
  if (proxy !== undefined) {
    if (proxy === null || proxy[0] === null) return true;
    value = proxy[0];
  }
  if (typeof value.toString !== 'function') return true;
  if (hasOwn(value, 'toString')) return false;
  let p = value;
  do { p = Object.getPrototypeOf(p); } while (p !== null && !hasOwn(p, 'toString'));
  if (p === null) return true;
  const desc = Object.getOwnPropertyDescriptor(p, 'constructor');
  return desc !== undefined && typeof desc.value === 'function' && builtInCtors.has(desc.value.name);
}

function tryStringify(v) {
  try {
    return JSON.stringify(v);
  } catch (err) {
    if (err && err.name === 'TypeError' && /circular|cyclic/i.test(String(err.message))) return '[Circular]';
    throw err;
  }
}

function formatWithOptionsInternal(inspectOptions, args) {
  const first = args[0];
  let a = 0;
  let str = '';
  let join = '';
  if (typeof first === 'string') {
    if (args.length === 1) return first;
    let lastPos = 0;
    let piece;
    for (let i = 0; i < first.length - 1; i++) {
      if (first.charCodeAt(i) !== 37) continue; // '%'
      const next = first.charCodeAt(++i);
      if (a + 1 !== args.length) {
        switch (next) {
          case 115: { // s
            const arg = args[++a];
            if (typeof arg === 'number') piece = formatNumber(stylizeNoColor, arg, false);
            else if (typeof arg === 'bigint') piece = formatBigInt(stylizeNoColor, arg, false);
            else if (typeof arg !== 'object' || arg === null || !builtInToString(arg)) piece = String(arg);
            else piece = inspect(arg, Object.assign({}, inspectOptions, { depth: 0, colors: false, compact: 3 }));
            break;
          }
          case 106: piece = tryStringify(args[++a]); break; // j
          case 100: { // d
            const n = args[++a];
            if (typeof n === 'bigint') piece = formatBigInt(stylizeNoColor, n, false);
            else if (typeof n === 'symbol') piece = 'NaN';
            else piece = formatNumber(stylizeNoColor, Number(n), false);
            break;
          }
          case 79: piece = inspect(args[++a], inspectOptions); break; // O
          case 111: // o
            piece = inspect(args[++a], Object.assign({}, inspectOptions, { showHidden: true, showProxy: true, depth: 4 }));
            break;
          case 105: { // i
            const n = args[++a];
            if (typeof n === 'bigint') piece = formatBigInt(stylizeNoColor, n, false);
            else if (typeof n === 'symbol') piece = 'NaN';
            else piece = formatNumber(stylizeNoColor, Number.parseInt(n), false);
            break;
          }
          case 102: { // f
            const n = args[++a];
            piece = typeof n === 'symbol' ? 'NaN' : formatNumber(stylizeNoColor, Number.parseFloat(n), false);
            break;
          }
          case 99: a += 1; piece = ''; break; // c
          case 37: // %%
            str += first.slice(lastPos, i);
            lastPos = i + 1;
            continue;
          default:
            continue;
        }
        if (lastPos !== i - 1) str += first.slice(lastPos, i - 1);
        str += piece;
        lastPos = i + 1;
      } else if (next === 37) {
        str += first.slice(lastPos, i);
        lastPos = i + 1;
      }
    }
    if (lastPos !== 0) {
      a++;
      join = ' ';
      if (lastPos < first.length) str += first.slice(lastPos);
    }
  }
  while (a < args.length) {
    const v = args[a];
    str += join;
    str += typeof v !== 'string' ? inspect(v, inspectOptions) : v;
    join = ' ';
    a++;
  }
  return str;
}

function format(...args) { return formatWithOptionsInternal(undefined, args); }
function formatWithOptions(inspectOptions, ...args) {
  if (typeof inspectOptions !== 'object' || inspectOptions === null) {
    throw argTypeError('inspectOptions', 'object', inspectOptions);
  }
  return formatWithOptionsInternal(inspectOptions, args);
}

// ---------------------------------------------------------------------------
// Errors in Node's style.

const { argTypeError, makeError, describeReceived } = require('internal/util/errors');

// ---------------------------------------------------------------------------
// Callback helpers.

function inherits(ctor, superCtor) {
  if (ctor === undefined || ctor === null) throw argTypeError('ctor', 'function', ctor);
  if (superCtor === undefined || superCtor === null) throw argTypeError('superCtor', 'function', superCtor);
  if (superCtor.prototype === undefined) {
    throw argTypeError('superCtor.prototype', 'object', superCtor.prototype);
  }
  Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

const kCustomPromisify = Symbol.for('nodejs.util.promisify.custom');
const kCustomPromisifyArgs = Symbol.for('nodejs.util.promisify.customArgs');

function promisify(original) {
  if (typeof original !== 'function') throw argTypeError('original', 'function', original);
  if (original[kCustomPromisify]) {
    const fn = original[kCustomPromisify];
    if (typeof fn !== 'function') throw argTypeError('util.promisify.custom', 'function', fn);
    return Object.defineProperty(fn, kCustomPromisify, { value: fn, enumerable: false, writable: false, configurable: true });
  }
  const argNames = original[kCustomPromisifyArgs];
  function fn(...args) {
    return new Promise((resolve, reject) => {
      args.push((err, ...values) => {
        if (err) return reject(err);
        if (argNames !== undefined && values.length > 1) {
          const obj = {};
          for (let i = 0; i < argNames.length; i++) obj[argNames[i]] = values[i];
          resolve(obj);
        } else {
          resolve(values[0]);
        }
      });
      Reflect.apply(original, this, args);
    });
  }
  Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
  Object.defineProperty(fn, kCustomPromisify, { value: fn, enumerable: false, writable: false, configurable: true });
  const descs = Object.getOwnPropertyDescriptors(original);
  for (const k of Reflect.ownKeys(descs)) {
    if (k === kCustomPromisify) continue;
    try { Object.defineProperty(fn, k, descs[k]); } catch (e) { /* non-configurable */ }
  }
  return fn;
}
promisify.custom = kCustomPromisify;

function callbackify(original) {
  if (typeof original !== 'function') throw argTypeError('original', 'function', original);
  function callbackified(...args) {
    const cb = args.pop();
    if (typeof cb !== 'function') {
      throw makeError(TypeError, 'ERR_INVALID_ARG_TYPE',
        `The last argument must be of type function.${describeReceived(cb)}`);
    }
    const onOk = (ret) => queueMicrotaskSafe(() => cb.call(this, null, ret));
    const onErr = (rej) => queueMicrotaskSafe(() => {
      if (!rej) {
        const e = makeError(Error, 'ERR_FALSY_VALUE_REJECTION', 'Promise was rejected with a falsy value');
        e.reason = rej;
        rej = e;
      }
      cb.call(this, rej);
    });
    Reflect.apply(original, this, args).then(onOk, onErr);
  }
  const descs = Object.getOwnPropertyDescriptors(original);
  if (typeof descs.length.value === 'number') descs.length.value++;
  if (typeof descs.name.value === 'string') descs.name.value += 'Callbackified';
  const proto = Object.getPrototypeOf(original);
  Object.setPrototypeOf(callbackified, proto);
  Object.defineProperties(callbackified, { length: descs.length, name: descs.name });
  return callbackified;
}

// Node runs callbackify callbacks from process.nextTick; a microtask is the
// closest equivalent that keeps exceptions out of the promise chain.
function queueMicrotaskSafe(fn) {
  if (typeof process === 'object' && process && typeof process.nextTick === 'function') process.nextTick(fn);
  else if (typeof setImmediate === 'function') setImmediate(fn);
  else Promise.resolve().then(fn);
}

const warnedCodes = new Set();
function emitDeprecation(msg, code) {
  if (typeof process === 'object' && process !== null) {
    if (process.noDeprecation) return;
    if (process.throwDeprecation) {
      const e = new Error(msg);
      e.name = 'DeprecationWarning';
      if (code !== undefined) e.code = code;
      throw e;
    }
    if (typeof process.emitWarning === 'function') {
      process.emitWarning(msg, 'DeprecationWarning', code);
      return;
    }
  }
  console.error(`${code ? `[${code}] ` : ''}DeprecationWarning: ${msg}`);
}

function deprecate(fn, msg, code) {
  if (code !== undefined && typeof code !== 'string') throw argTypeError('code', 'string', code);
  let warned = false;
  function deprecated(...args) {
    if (!warned) {
      warned = true;
      if (code === undefined || !warnedCodes.has(code)) {
        if (code !== undefined) warnedCodes.add(code);
        emitDeprecation(msg, code);
      }
    }
    if (new.target) return Reflect.construct(fn, args, new.target);
    return Reflect.apply(fn, this, args);
  }
  Object.setPrototypeOf(deprecated, fn);
  if (fn.prototype) deprecated.prototype = fn.prototype;
  return deprecated;
}

function debuglog(section, cb) {
  const set = typeof process === 'object' && process && process.env && process.env.NODE_DEBUG || '';
  const wanted = set.split(/[\s,]+/).some((s) => s && new RegExp(`^${s.replace(/[|\\{}()[\]^$+?.]/g, '\\$&').replace(/\*/g, '.*')}$`, 'i').test(section));
  const upper = String(section).toUpperCase();
  const logger = wanted
    ? (...args) => console.error('%s %d: %s', upper, typeof process === 'object' && process.pid || 0, format(...args))
    : () => {};
  const fn = (...args) => logger(...args);
  Object.defineProperty(fn, 'enabled', { get() { return wanted; }, configurable: true, enumerable: true });
  if (typeof cb === 'function') cb(fn);
  return fn;
}

function pad2(n) { return n < 10 ? `0${n}` : `${n}`; }
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function log(...args) {
  const d = new Date();
  const time = [pad2(d.getHours()), pad2(d.getMinutes()), pad2(d.getSeconds())].join(':');
  console.log('%s - %s', `${d.getDate()} ${months[d.getMonth()]} ${time}`, format(...args));
}

function toUSVString(s) {
  s = `${s}`;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const n = s.charCodeAt(i + 1);
      if (n >= 0xdc00 && n <= 0xdfff) { out += s[i] + s[i + 1]; i++; continue; }
    }
    out += c >= 0xd800 && c <= 0xdfff ? '\ufffd' : s[i];
  }
  return out;
}

const styleModifiers = new Set(Object.keys(inspectColors));
function styleText(format, text, options) {
  if (typeof text !== 'string') throw argTypeError('text', 'string', text);
  const validateStream = !options || options.validateStream === undefined || options.validateStream;
  const codeOf = (f) => {
    if (!styleModifiers.has(f)) {
      throw makeError(TypeError, 'ERR_INVALID_ARG_VALUE',
        `The argument 'format' must be one of: ${Object.keys(inspectColors).map((k) => `'${k}'`).join(', ')}. Received ${inspect(f)}`);
    }
    return inspectColors[f];
  };
  if (Array.isArray(format)) {
    let left = '';
    let right = '';
    for (const f of format) {
      const c = codeOf(f);
      left += `\u001b[${c[0]}m`;
      right = `\u001b[${c[1]}m${right}`;
    }
    return `${left}${text}${right}`;
  }
  const c = codeOf(format);
  // Like Node 20 writing to a stream that is not a terminal: the server's
  // output never is, so a single style is dropped unless validateStream is false.
  if (validateStream) return text;
  return `\u001b[${c[0]}m${text}\u001b[${c[1]}m`;
}

const systemErrors = [
  [-7, 'E2BIG', 'argument list too long'], [-13, 'EACCES', 'permission denied'],
  [-98, 'EADDRINUSE', 'address already in use'], [-99, 'EADDRNOTAVAIL', 'address not available'],
  [-11, 'EAGAIN', 'resource temporarily unavailable'], [-9, 'EBADF', 'bad file descriptor'],
  [-16, 'EBUSY', 'resource busy or locked'], [-125, 'ECANCELED', 'operation canceled'],
  [-103, 'ECONNABORTED', 'software caused connection abort'],
  [-111, 'ECONNREFUSED', 'connection refused'], [-104, 'ECONNRESET', 'connection reset by peer'],
  [-17, 'EEXIST', 'file already exists'], [-14, 'EFAULT', 'bad address in system call argument'],
  [-27, 'EFBIG', 'file too large'], [-113, 'EHOSTUNREACH', 'host is unreachable'],
  [-4, 'EINTR', 'interrupted system call'], [-22, 'EINVAL', 'invalid argument'],
  [-5, 'EIO', 'i/o error'], [-106, 'EISCONN', 'socket is already connected'],
  [-21, 'EISDIR', 'illegal operation on a directory'], [-40, 'ELOOP', 'too many symbolic links encountered'],
  [-24, 'EMFILE', 'too many open files'], [-90, 'EMSGSIZE', 'message too long'],
  [-36, 'ENAMETOOLONG', 'name too long'], [-100, 'ENETDOWN', 'network is down'],
  [-101, 'ENETUNREACH', 'network is unreachable'], [-23, 'ENFILE', 'file table overflow'],
  [-105, 'ENOBUFS', 'no buffer space available'], [-19, 'ENODEV', 'no such device'],
  [-2, 'ENOENT', 'no such file or directory'], [-12, 'ENOMEM', 'not enough memory'],
  [-28, 'ENOSPC', 'no space left on device'], [-38, 'ENOSYS', 'function not implemented'],
  [-107, 'ENOTCONN', 'socket is not connected'], [-20, 'ENOTDIR', 'not a directory'],
  [-39, 'ENOTEMPTY', 'directory not empty'], [-88, 'ENOTSOCK', 'socket operation on non-socket'],
  [-95, 'ENOTSUP', 'operation not supported on socket'], [-1, 'EPERM', 'operation not permitted'],
  [-32, 'EPIPE', 'broken pipe'], [-71, 'EPROTO', 'protocol error'],
  [-30, 'EROFS', 'read-only file system'], [-29, 'ESPIPE', 'invalid seek'],
  [-3, 'ESRCH', 'no such process'], [-110, 'ETIMEDOUT', 'connection timed out'],
  [-26, 'ETXTBSY', 'text file is busy'], [-18, 'EXDEV', 'cross-device link not permitted'],
  [-4095, 'EOF', 'end of file'],
];
function getSystemErrorMap() {
  return new Map(systemErrors.map(([n, name, msg]) => [n, [name, msg]]));
}
function getSystemErrorName(err) {
  if (typeof err !== 'number') throw argTypeError('err', 'number', err);
  if (err >= 0 || !Number.isSafeInteger(err)) {
    throw makeError(RangeError, 'ERR_OUT_OF_RANGE',
      `The value of "err" is out of range. It must be a negative integer. Received ${err}`);
  }
  const hit = systemErrors.find((x) => x[0] === err);
  return hit ? hit[1] : `Unknown system error ${err}`;
}

function aborted(signal, resource) {
  if (signal === undefined || signal === null || typeof signal !== 'object' || !('aborted' in signal)) {
    return Promise.reject(argTypeError('signal', 'AbortSignal', signal));
  }
  if (resource === null || (typeof resource !== 'object' && typeof resource !== 'function')) {
    return Promise.reject(argTypeError('resource', 'object', resource));
  }
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

// ---------------------------------------------------------------------------
// Types and legacy predicates.

function isAsyncFunction(v) { return typeof v === 'function' && /^Async/.test(functionKind(v)); }
function isGeneratorFunction(v) { return typeof v === 'function' && /GeneratorFunction$/.test(functionKind(v)); }
function isGeneratorObject(v) { return isObjectLike(v) && objToString.call(v) === '[object Generator]'; }
function taggedTypedArray(name) { return (v) => typedArrayTag.call(v) === name; }

const types = {
  isExternal: () => false,
  isDate,
  isArgumentsObject,
  isBigIntObject: (v) => boxedKind(v) === 'BigInt',
  isBooleanObject: (v) => boxedKind(v) === 'Boolean',
  isNumberObject: (v) => boxedKind(v) === 'Number',
  isStringObject: (v) => boxedKind(v) === 'String',
  isSymbolObject: (v) => boxedKind(v) === 'Symbol',
  isBoxedPrimitive: (v) => boxedKind(v) !== '',
  isNativeError,
  isRegExp,
  isAsyncFunction,
  isGeneratorFunction,
  isGeneratorObject,
  isPromise,
  isMap,
  isSet,
  isMapIterator: (v) => isObjectLike(v) && objToString.call(v) === '[object Map Iterator]',
  isSetIterator: (v) => isObjectLike(v) && objToString.call(v) === '[object Set Iterator]',
  isWeakMap,
  isWeakSet,
  isArrayBuffer,
  isDataView,
  isSharedArrayBuffer,
  isProxy,
  isModuleNamespaceObject: (v) => isObjectLike(v) && objToString.call(v) === '[object Module]' && Object.getPrototypeOf(v) === null,
  isAnyArrayBuffer,
  isArrayBufferView: (v) => ArrayBuffer.isView(v),
  isTypedArray,
  isUint8Array: taggedTypedArray('Uint8Array'),
  isUint8ClampedArray: taggedTypedArray('Uint8ClampedArray'),
  isUint16Array: taggedTypedArray('Uint16Array'),
  isUint32Array: taggedTypedArray('Uint32Array'),
  isInt8Array: taggedTypedArray('Int8Array'),
  isInt16Array: taggedTypedArray('Int16Array'),
  isInt32Array: taggedTypedArray('Int32Array'),
  isFloat32Array: taggedTypedArray('Float32Array'),
  isFloat64Array: taggedTypedArray('Float64Array'),
  isBigInt64Array: taggedTypedArray('BigInt64Array'),
  isBigUint64Array: taggedTypedArray('BigUint64Array'),
  isKeyObject: (v) => isObjectLike(v) && v.constructor && v.constructor.name === 'KeyObject' && typeof v.export === 'function',
  isCryptoKey: (v) => isObjectLike(v) && objToString.call(v) === '[object CryptoKey]',
};

function isPrimitive(v) { return v === null || (typeof v !== 'object' && typeof v !== 'function'); }

const comparisons = require('internal/util/comparisons');

module.exports = {
  _extend(target, source) {
    if (source === null || typeof source !== 'object') return target;
    const keys = Object.keys(source);
    let i = keys.length;
    while (i--) target[keys[i]] = source[keys[i]];
    return target;
  },
  callbackify,
  debug: debuglog,
  debuglog,
  deprecate,
  format,
  formatWithOptions,
  getSystemErrorMap,
  getSystemErrorName,
  inherits,
  inspect,
  isArray: Array.isArray,
  isBoolean: (v) => typeof v === 'boolean',
  isBuffer: (v) => typeof globalThis.Buffer === 'function' && typeof globalThis.Buffer.isBuffer === 'function' && globalThis.Buffer.isBuffer(v),
  isDeepStrictEqual: (a, b) => comparisons.isDeepStrictEqual(a, b),
  isNull: (v) => v === null,
  isNullOrUndefined: (v) => v === undefined || v === null,
  isNumber: (v) => typeof v === 'number',
  isString: (v) => typeof v === 'string',
  isSymbol: (v) => typeof v === 'symbol',
  isUndefined: (v) => v === undefined,
  isRegExp,
  isObject: (v) => v !== null && typeof v === 'object',
  isDate,
  isError,
  isFunction: (v) => typeof v === 'function',
  isPrimitive,
  log,
  promisify,
  stripVTControlCharacters,
  styleText,
  toUSVString,
  aborted,
  types,
};
// TextEncoder and TextDecoder are the globals (provided by the buffer
// helpers); read lazily so that requiring util does not load them.
for (const name of ['TextEncoder', 'TextDecoder']) {
  Object.defineProperty(module.exports, name, {
    enumerable: true,
    configurable: true,
    get() { return globalThis[name]; },
  });
}
