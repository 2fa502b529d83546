'use strict';
// node:process and the process global: an EventEmitter describing a Node 20
// process on Linux. env is Options.Env only (never the server's own
// environment); exit, abort, kill and chdir throw, since a request handler
// must not end or move the server.

const EventEmitter = require('events');
const natives = require('internal/process');
const actx = require('internal/async_context');

const process = Object.create(EventEmitter.prototype);
EventEmitter.call(process);

function invalidArgType(name, expected, value) {
  const e = new TypeError(`The "${name}" argument must be ${expected}. Received ` +
    (value === null ? 'null' : value === undefined ? 'undefined' : 'type ' + typeof value + (typeof value === 'object' || typeof value === 'function' ? '' : ` (${String(value)})`)));
  e.code = 'ERR_INVALID_ARG_TYPE';
  return e;
}

// env: values are coerced to strings on assignment, as in Node.
const envTarget = {};
for (const k of Object.keys(natives.env)) envTarget[k] = natives.env[k];
const env = new Proxy(envTarget, {
  set(target, key, value) {
    if (typeof key === 'symbol') { target[key] = value; return true; }
    target[key] = `${value}`;
    return true;
  },
  defineProperty(target, key, desc) {
    if ('get' in desc || 'set' in desc) {
      const e = new TypeError("'process.env' does not accept an accessor(getter/setter) descriptor");
      e.code = 'ERR_INVALID_OBJECT_DEFINE_PROPERTY';
      throw e;
    }
    if (!desc.configurable || !desc.writable || !desc.enumerable) {
      const e = new TypeError("'process.env' only accepts a configurable, writable, and enumerable data descriptor");
      e.code = 'ERR_INVALID_OBJECT_DEFINE_PROPERTY';
      throw e;
    }
    target[key] = typeof key === 'symbol' ? desc.value : `${desc.value}`;
    return true;
  },
});

function hrtime(prev) {
  const t = natives.hrtime();
  if (prev !== undefined) {
    if (!Array.isArray(prev)) throw invalidArgType('time', 'an instance of Array', prev);
    if (prev.length !== 2) {
      const e = new RangeError(`The value of "time" is out of range. It must be 2. Received ${prev.length}`);
      e.code = 'ERR_OUT_OF_RANGE';
      throw e;
    }
    let s = t[0] - prev[0];
    let ns = t[1] - prev[1];
    if (ns < 0) { s -= 1; ns += 1e9; }
    return [s, ns];
  }
  return t;
}
hrtime.bigint = function bigint() {
  const t = natives.hrtime();
  return BigInt(t[0]) * 1000000000n + BigInt(t[1]);
};

function memoryUsage() { return natives.memoryUsage(); }
memoryUsage.rss = function rss() { return natives.memoryUsage().rss; };

function notAllowed(what) {
  return function () {
    const e = new Error(`process.${what}() is not allowed: gojaapi runs request handlers inside a shared server process, which a handler cannot ${what === 'chdir' ? 'move to another directory' : 'end or signal'}. Return a response instead.`);
    e.code = 'ERR_GOJAAPI_PROCESS_' + what.toUpperCase();
    throw e;
  };
}

// emitWarning(warning[, type[, code]][, ctor]) or (warning, {type, code, detail}).
function emitWarning(warning, type, code, ctor) {
  let detail;
  if (type !== null && typeof type === 'object' && !Array.isArray(type)) {
    ctor = type.ctor; code = type.code; detail = type.detail; type = type.type || 'Warning';
  } else if (typeof type === 'function') {
    ctor = type; code = undefined; type = 'Warning';
  }
  if (type === undefined) type = 'Warning';
  if (typeof code === 'function') { ctor = code; code = undefined; }
  if (typeof warning === 'string') {
    const w = new Error(warning);
    w.name = String(type || 'Warning');
    if (code !== undefined) w.code = code;
    if (detail !== undefined) w.detail = detail;
    warning = w;
  } else if (!(warning instanceof Error)) {
    throw invalidArgType('warning', 'of type string or an instance of Error', warning);
  }
  if (warning.name === 'DeprecationWarning' && process.noDeprecation) return;
  process.nextTick(() => {
    process.emit('warning', warning);
    let text = `(node:${process.pid}) `;
    if (warning.code) text += `[${warning.code}] `;
    text += `${warning.name}: ${warning.message}`;
    if (typeof warning.detail === 'string') text += '\n' + warning.detail;
    natives.log('error', text);
  });
}

// A minimal writable stream for stdout/stderr: each write is one log entry.
function makeOutput(fd, level) {
  const out = new EventEmitter();
  let pending = '';
  out.fd = fd;
  out.writable = true;
  out._isStdio = true;
  out.write = function write(chunk, encoding, cb) {
    if (typeof encoding === 'function') { cb = encoding; encoding = undefined; }
    let s = typeof chunk === 'string' ? chunk
      : (chunk && typeof chunk.toString === 'function' && typeof globalThis.Buffer === 'function' && chunk instanceof Uint8Array)
        ? globalThis.Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString(encoding === 'buffer' ? undefined : encoding)
        : String(chunk);
    s = pending + s;
    const nl = s.lastIndexOf('\n');
    if (nl >= 0) {
      natives.log(level, s.slice(0, nl));
      pending = s.slice(nl + 1);
    } else {
      pending = s;
    }
    if (pending.length > 16384) { natives.log(level, pending); pending = ''; }
    if (typeof cb === 'function') process.nextTick(cb);
    return true;
  };
  out.end = function end(chunk, encoding, cb) {
    if (typeof chunk === 'function') { cb = chunk; chunk = undefined; }
    if (chunk !== undefined && chunk !== null) out.write(chunk, encoding);
    if (pending) { natives.log(level, pending); pending = ''; }
    if (typeof cb === 'function') process.nextTick(cb);
    return out;
  };
  out.cork = function () {};
  out.uncork = function () {};
  out.setDefaultEncoding = function () { return out; };
  out.getColorDepth = function () { return 1; };
  out.hasColors = function () { return false; };
  return out;
}

const stdin = new EventEmitter();
stdin.fd = 0;
stdin.readable = false;
stdin.setEncoding = function () { return stdin; };
stdin.pause = function () { return stdin; };
stdin.resume = function () { return stdin; };
stdin.read = function () { return null; };

const nodeVersion = '20.20.2';
const versions = {
  node: nodeVersion, acorn: '8.16.0', ada: '2.9.2', ares: '1.34.6', brotli: '1.1.0',
  cjs_module_lexer: '2.2.0', cldr: '48.0', icu: '78.2', llhttp: '9.3.1', modules: '115',
  napi: '9', nghttp2: '1.61.0', openssl: '3.0.19', simdutf: '6.4.2', tz: '2025c',
  undici: '6.24.1', unicode: '17.0', uv: '1.46.0', uvwasi: '0.0.23',
  v8: '11.3.244.8-node.38', zlib: '1.3.1-e00f703',
};

const props = {
  title: 'node',
  version: 'v' + nodeVersion,
  versions: Object.freeze(versions),
  arch: 'x64',
  platform: 'linux',
  release: Object.freeze({
    name: 'node',
    lts: 'Iron',
    sourceUrl: `https://nodejs.org/download/release/v${nodeVersion}/node-v${nodeVersion}.tar.gz`,
    headersUrl: `https://nodejs.org/download/release/v${nodeVersion}/node-v${nodeVersion}-headers.tar.gz`,
  }),
  features: Object.freeze({
    inspector: false, debug: false, uv: true, ipv6: true, tls_alpn: true, tls_sni: true,
    tls_ocsp: true, tls: true, cached_builtins: true, require_module: false,
  }),
  config: Object.freeze({
    target_defaults: { cflags: [], default_configuration: 'Release', defines: [], include_dirs: [], libraries: [] },
    variables: { asan: 0, host_arch: 'x64', target_arch: 'x64', node_shared: false, node_use_openssl: true, v8_enable_i18n_support: 1, icu_small: false },
  }),
  env,
  argv: ['/usr/local/bin/node', natives.cwd.replace(/\/$/, '') + '/server.js'],
  argv0: 'node',
  execArgv: [],
  execPath: '/usr/local/bin/node',
  pid: natives.pid,
  ppid: natives.ppid,
  exitCode: undefined,
  debugPort: 9229,
  noDeprecation: false,
  throwDeprecation: false,
  traceDeprecation: false,
  allowedNodeEnvironmentFlags: new Set(),
  sourceMapsEnabled: false,
  stdout: makeOutput(1, 'info'),
  stderr: makeOutput(2, 'error'),
  stdin,
  cwd() { return natives.cwd; },
  chdir: notAllowed('chdir'),
  exit: notAllowed('exit'),
  reallyExit: notAllowed('exit'),
  abort: notAllowed('abort'),
  kill: notAllowed('kill'),
  nextTick(callback, ...args) {
    return actx.nextTick(callback, ...args);
  },
  hrtime,
  memoryUsage,
  availableMemory() { return 4 * 1024 * 1024 * 1024; },
  constrainedMemory() { return 0; },
  uptime() { return natives.uptime(); },
  cpuUsage(prev) {
    const u = natives.cpuUsage();
    if (prev) return { user: u.user - prev.user, system: u.system - prev.system };
    return u;
  },
  resourceUsage() {
    const u = natives.cpuUsage();
    const m = natives.memoryUsage();
    return {
      userCPUTime: u.user, systemCPUTime: u.system, maxRSS: Math.round(m.rss / 1024),
      sharedMemorySize: 0, unsharedDataSize: 0, unsharedStackSize: 0, minorPageFault: 0,
      majorPageFault: 0, swappedOut: 0, fsRead: 0, fsWrite: 0, ipcSent: 0, ipcReceived: 0,
      signalsCount: 0, voluntaryContextSwitches: 0, involuntaryContextSwitches: 0,
    };
  },
  emitWarning,
  umask(mask) { return 0o22; },
  getuid() { return natives.uid; },
  geteuid() { return natives.uid; },
  getgid() { return natives.gid; },
  getegid() { return natives.gid; },
  getgroups() { return [natives.gid]; },
  binding(name) {
    const e = new Error(`No such module: ${name}`);
    e.code = 'ERR_INVALID_MODULE';
    throw e;
  },
  getBuiltinModule(id) {
    try { return require(String(id)); } catch (e) { return undefined; }
  },
  setUncaughtExceptionCaptureCallback() {},
  hasUncaughtExceptionCaptureCallback() { return false; },
  setSourceMapsEnabled() {},
  getActiveResourcesInfo() { return []; },
};

for (const k of Object.keys(props)) {
  Object.defineProperty(process, k, Object.getOwnPropertyDescriptor(props, k));
}
Object.defineProperty(process, Symbol.toStringTag, { value: 'process', configurable: true, writable: false, enumerable: false });

module.exports = process;
