'use strict';
// node:module. Routes are bundled by esbuild, so there is no module loader to
// reach at run time: createRequire gives a require that resolves the built-in
// modules and throws MODULE_NOT_FOUND for anything else, as Node does for a
// file it cannot find. The filename is not checked, because bundling turns
// import.meta.url (pdfkit, pino, @sentry/node) into undefined.

const natives = require('internal/module');
const builtinModules = Object.freeze(natives.builtins.slice());

function isBuiltin(id) {
  return typeof id === 'string' && !id.startsWith('internal/') && natives.isBuiltin(id);
}

function notFound(id) {
  const e = new Error(`Cannot find module '${id}'`);
  e.code = 'MODULE_NOT_FOUND';
  e.requireStack = [];
  return e;
}

function createRequire(filename) {
  function require(id) {
    if (typeof id !== 'string' || id === '') {
      const e = new TypeError(`The argument 'id' must be a non-empty string. Received ${typeof id === 'string' ? "''" : typeof id}`);
      e.code = 'ERR_INVALID_ARG_VALUE';
      throw e;
    }
    if (!isBuiltin(id)) throw notFound(id);
    return natives.require(id);
  }
  function resolve(id) {
    if (isBuiltin(id)) return id;
    throw notFound(id);
  }
  resolve.paths = (id) => (isBuiltin(id) ? null : []);
  require.resolve = resolve;
  require.cache = Module._cache;
  require.extensions = Module._extensions;
  require.main = undefined;
  return require;
}

function Module(id = '', parent) {
  this.id = id;
  this.path = '.';
  this.exports = {};
  this.filename = null;
  this.loaded = false;
  this.children = [];
  this.paths = [];
  this.parent = parent;
}
Module._cache = Object.create(null);
Module._extensions = Object.create(null);
Module._pathCache = Object.create(null);
Module.globalPaths = [];
Module.builtinModules = builtinModules;
Module.isBuiltin = isBuiltin;
Module.createRequire = createRequire;
Module.wrapper = ['(function (exports, require, module, __filename, __dirname) { ', '\n});'];
Module.wrap = (script) => Module.wrapper[0] + script + Module.wrapper[1];
Module._load = (request) => createRequire()(request);
Module._resolveFilename = (request) => createRequire().resolve(request);
Module._nodeModulePaths = () => [];
Module._initPaths = () => {};
Module._preloadModules = () => {};
Module.syncBuiltinESMExports = () => {};
Module.register = () => {};
Module.findSourceMap = () => undefined;
Module.enableCompileCache = () => ({ status: 3, message: 'Disabled' });
Module.getCompileCacheDir = () => undefined;
Module.flushCompileCache = () => {};
Module.constants = Object.freeze({ compileCacheStatus: Object.freeze({ FAILED: 0, ENABLED: 1, ALREADY_ENABLED: 2, DISABLED: 3 }) });
Module.prototype.require = function (id) { return createRequire()(id); };
Module.Module = Module;

module.exports = Module;
