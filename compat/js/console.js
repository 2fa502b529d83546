'use strict';
// node:console: the global console, with a Console class that writes
// formatted lines to the streams it is given (undici's mock agent builds one).

const util = require('util');
const g = globalThis.console;

class Console {
  constructor(stdout, stderr, ignoreErrors) {
    const opts = stdout && typeof stdout.write !== 'function' ? stdout : { stdout, stderr, ignoreErrors };
    if (!opts.stdout || typeof opts.stdout.write !== 'function') {
      const e = new TypeError('The "stdout" argument must be an instance of Stream.');
      e.code = 'ERR_CONSOLE_WRITABLE_STREAM';
      throw e;
    }
    const out = opts.stdout;
    const err = opts.stderr || out;
    const counts = new Map();
    const timers = new Map();
    let indent = '';
    const write = (stream, args) => {
      let s = util.format(...args);
      if (indent) s = indent + s.replace(/\n/g, '\n' + indent);
      try { stream.write(s + '\n'); } catch (e) { if (opts.ignoreErrors === false) throw e; }
    };
    for (const k of ['log', 'info', 'debug']) this[k] = (...a) => write(out, a);
    for (const k of ['warn', 'error']) this[k] = (...a) => write(err, a);
    this.trace = (...a) => write(err, ['Trace: ' + util.format(...a)]);
    this.dir = (o, options) => write(out, [util.inspect(o, { customInspect: false, ...options })]);
    this.dirxml = this.log;
    this.table = this.log;
    this.assert = (v, ...a) => { if (!v) write(err, a.length ? ['Assertion failed:', ...a] : ['Assertion failed']); };
    this.count = (label = 'default') => { const n = (counts.get(label) || 0) + 1; counts.set(label, n); write(out, [`${label}: ${n}`]); };
    this.countReset = (label = 'default') => { counts.delete(label); };
    this.group = (...a) => { if (a.length) write(out, a); indent += '  '; };
    this.groupCollapsed = this.group;
    this.groupEnd = () => { indent = indent.slice(2); };
    this.time = (label = 'default') => { timers.set(label, performance.now()); };
    this.timeLog = (label = 'default', ...a) => { if (timers.has(label)) write(out, [`${label}: ${(performance.now() - timers.get(label)).toFixed(3)}ms`, ...a]); };
    this.timeEnd = (label = 'default') => { if (timers.has(label)) { this.timeLog(label); timers.delete(label); } };
  }
}

if (typeof g.Console !== 'function') {
  Object.defineProperty(g, 'Console', { value: Console, writable: true, configurable: true, enumerable: false });
}
module.exports = g;
