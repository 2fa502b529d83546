'use strict';
// node:util — format and inspect as console uses them, plus the helpers npm
// packages reach for most.

function inspect(value, opts) {
  const depth = opts && opts.depth !== undefined ? opts.depth : 2;
  return formatValue(value, depth, new Set(), 0);
}

function quote(s) {
  return "'" + s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n') + "'";
}

function formatKey(k) {
  if (typeof k === 'symbol') return '[' + k.toString() + ']';
  return /^[A-Za-z_$][\w$]*$/.test(k) ? k : quote(k);
}

function formatValue(v, depth, seen, level) {
  switch (typeof v) {
    case 'string': return level === 0 ? v : quote(v);
    case 'number': return Object.is(v, -0) ? '-0' : String(v);
    case 'bigint': return v + 'n';
    case 'boolean': return String(v);
    case 'undefined': return 'undefined';
    case 'symbol': return v.toString();
    case 'function': {
      const name = v.name ? `: ${v.name}` : ' (anonymous)';
      return /^class\s/.test(Function.prototype.toString.call(v)) ? `[class ${v.name || '(anonymous)'}]` : `[Function${name}]`;
    }
  }
  if (v === null) return 'null';
  if (seen.has(v)) return '[Circular *1]';
  if (v instanceof Error) return v.stack || `${v.name}: ${v.message}`;
  if (v instanceof Date) return isNaN(v) ? 'Invalid Date' : v.toISOString();
  if (v instanceof RegExp) return String(v);
  if (typeof v.then === 'function' && v instanceof Promise) return 'Promise { <pending> }';
  const custom = v[inspect.custom];
  if (typeof custom === 'function' && custom !== inspect) {
    const r = custom.call(v, depth, { depth });
    if (r !== v) return typeof r === 'string' ? r : formatValue(r, depth, seen, level);
  }
  if (level > depth) return Array.isArray(v) ? '[Array]' : '[Object]';
  seen.add(v);
  try {
    let parts;
    let open = '{', close = '}', prefix = '';
    if (Array.isArray(v)) {
      open = '['; close = ']';
      parts = v.map((x) => formatValue(x, depth, seen, level + 1));
      for (const k of Object.keys(v)) if (!/^\d+$/.test(k)) parts.push(formatKey(k) + ': ' + formatValue(v[k], depth, seen, level + 1));
      if (parts.length === 0) return '[]';
    } else if (v instanceof Map) {
      prefix = `Map(${v.size}) `;
      parts = [...v].map(([k, x]) => formatValue(k, depth, seen, level + 1) + ' => ' + formatValue(x, depth, seen, level + 1));
    } else if (v instanceof Set) {
      prefix = `Set(${v.size}) `;
      parts = [...v].map((x) => formatValue(x, depth, seen, level + 1));
    } else if (ArrayBuffer.isView(v) && typeof v.length === 'number') {
      const name = v.constructor && v.constructor.name || 'TypedArray';
      if (name === 'Buffer') {
        const hex = [];
        for (let i = 0; i < Math.min(v.length, 50); i++) hex.push((v[i] < 16 ? '0' : '') + v[i].toString(16));
        return `<Buffer${hex.length ? ' ' + hex.join(' ') : ''}${v.length > 50 ? ` ... ${v.length - 50} more bytes` : ''}>`;
      }
      open = '['; close = ']'; prefix = `${name}(${v.length}) `;
      parts = Array.prototype.map.call(v, (x) => String(x));
    } else {
      const ctor = v.constructor;
      if (Object.getPrototypeOf(v) === null) prefix = '[Object: null prototype] ';
      else if (ctor && ctor.name && ctor !== Object) prefix = ctor.name + ' ';
      const keys = Object.keys(v).concat(Object.getOwnPropertySymbols(v).filter((s) => Object.prototype.propertyIsEnumerable.call(v, s)));
      parts = keys.map((k) => formatKey(k) + ': ' + formatValue(v[k], depth, seen, level + 1));
      if (parts.length === 0) return prefix + '{}';
    }
    if (parts.length === 0) return prefix + open + close;
    const one = prefix + open + ' ' + parts.join(', ') + ' ' + close;
    if (one.length <= 72 && !one.includes('\n')) return one;
    const pad = '  '.repeat(level + 1);
    return prefix + open + '\n' + pad + parts.join(',\n' + pad) + '\n' + '  '.repeat(level) + close;
  } finally {
    seen.delete(v);
  }
}

inspect.custom = Symbol.for('nodejs.util.inspect.custom');
inspect.defaultOptions = { depth: 2 };

function format(f, ...args) {
  if (typeof f !== 'string') {
    return [f, ...args].map((x) => (typeof x === 'string' ? x : inspect(x))).join(' ');
  }
  let i = 0;
  let out = f.replace(/%[sdifjoOc%]/g, (m) => {
    if (m === '%%') return '%';
    if (i >= args.length) return m;
    const a = args[i++];
    switch (m) {
      case '%s':
        if (typeof a === 'string') return a;
        if (typeof a === 'bigint') return a + 'n';
        if (typeof a === 'object' && a !== null) return inspect(a, { depth: 0 });
        return String(a);
      case '%d': return typeof a === 'bigint' ? a + 'n' : typeof a === 'object' ? 'NaN' : String(Number(a));
      case '%i': return typeof a === 'bigint' ? a + 'n' : String(parseInt(a, 10));
      case '%f': return String(parseFloat(a));
      case '%j': try { return JSON.stringify(a); } catch (e) { return '[Circular]'; }
      case '%o': case '%O': return inspect(a);
      case '%c': return '';
    }
    return m;
  });
  for (; i < args.length; i++) {
    const a = args[i];
    out += ' ' + (typeof a === 'string' ? a : inspect(a));
  }
  return out;
}

function inherits(ctor, superCtor) {
  Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

const kCustomPromisify = Symbol.for('nodejs.util.promisify.custom');
function promisify(orig) {
  if (typeof orig !== 'function') {
    const e = new TypeError('The "original" argument must be of type function');
    e.code = 'ERR_INVALID_ARG_TYPE';
    throw e;
  }
  if (orig[kCustomPromisify]) return orig[kCustomPromisify];
  function fn(...args) {
    return new Promise((resolve, reject) => {
      orig.call(this, ...args, (err, ...values) => {
        if (err) reject(err); else resolve(values.length > 1 ? values : values[0]);
      });
    });
  }
  Object.setPrototypeOf(fn, Object.getPrototypeOf(orig));
  Object.defineProperty(fn, kCustomPromisify, { value: fn });
  return fn;
}
promisify.custom = kCustomPromisify;

function deprecate(fn, msg) {
  let warned = false;
  return function (...args) {
    if (!warned) { warned = true; console.warn('DeprecationWarning: ' + msg); }
    return new.target ? Reflect.construct(fn, args, new.target) : fn.apply(this, args);
  };
}

module.exports = { format, inspect, inherits, promisify, deprecate };
