'use strict';
// node:path — POSIX path handling, as Node's path.posix. The server runs
// handlers on a POSIX-style file system, so path.win32 is the same object
// (Windows-specific semantics are not offered).

const { validateString, argTypeError } = require('internal/util/errors');

const SLASH = 47; // '/'
const DOT = 46; // '.'

function cwd() {
  const p = globalThis.process;
  if (p && typeof p.cwd === 'function') {
    const dir = p.cwd();
    if (typeof dir === 'string' && dir !== '') return dir;
  }
  return '/';
}

// collapse resolves '.' and '..' segments of a path without its leading
// slash. Above the root, '..' is kept only when allowAboveRoot is set.
function collapse(path, allowAboveRoot) {
  const out = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (allowAboveRoot) out.push('..');
      continue;
    }
    out.push(seg);
  }
  return out.join('/');
}

function resolve(...args) {
  let resolved = '';
  let absolute = false;
  for (let i = args.length - 1; i >= -1 && !absolute; i--) {
    const p = i >= 0 ? args[i] : cwd();
    if (typeof p !== 'string') throw argTypeError(`paths[${i}]`, 'string', p);
    if (p.length === 0) continue;
    resolved = `${p}/${resolved}`;
    absolute = p.charCodeAt(0) === SLASH;
  }
  resolved = collapse(resolved, !absolute);
  if (absolute) return `/${resolved}`;
  return resolved.length > 0 ? resolved : '.';
}

function normalize(path) {
  validateString(path, 'path');
  if (path.length === 0) return '.';
  const absolute = path.charCodeAt(0) === SLASH;
  const trailing = path.charCodeAt(path.length - 1) === SLASH;
  let out = collapse(path, !absolute);
  if (out.length === 0) {
    if (absolute) return '/';
    return trailing ? './' : '.';
  }
  if (trailing) out += '/';
  return absolute ? `/${out}` : out;
}

function isAbsolute(path) {
  validateString(path, 'path');
  return path.length > 0 && path.charCodeAt(0) === SLASH;
}

function join(...args) {
  if (args.length === 0) return '.';
  const parts = [];
  for (const a of args) {
    validateString(a, 'path');
    if (a.length > 0) parts.push(a);
  }
  if (parts.length === 0) return '.';
  return normalize(parts.join('/'));
}

function relative(from, to) {
  validateString(from, 'from');
  validateString(to, 'to');
  if (from === to) return '';
  from = resolve(from);
  to = resolve(to);
  if (from === to) return '';
  const a = from === '/' ? [] : from.slice(1).split('/');
  const b = to === '/' ? [] : to.slice(1).split('/');
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  const up = new Array(a.length - common).fill('..');
  return up.concat(b.slice(common)).join('/');
}

function toNamespacedPath(path) {
  return path;
}

// lastSegment finds the final path segment, ignoring trailing slashes:
// [start, end) indices into path, or end === -1 when there is none.
function lastSegment(path) {
  let end = path.length;
  while (end > 0 && path.charCodeAt(end - 1) === SLASH) end--;
  if (end === 0) return [0, -1];
  let start = end;
  while (start > 0 && path.charCodeAt(start - 1) !== SLASH) start--;
  return [start, end];
}

function dirname(path) {
  validateString(path, 'path');
  if (path.length === 0) return '.';
  const rooted = path.charCodeAt(0) === SLASH;
  const [start, end] = lastSegment(path);
  if (end === -1) return rooted ? '/' : '.';
  // Drop the last segment, then the slashes before it, but not the root.
  let cut = start;
  if (cut === 0) return rooted ? '/' : '.';
  cut--; // the slash right before the segment
  if (cut === 0) return '/';
  if (rooted && cut === 1) return '//';
  return path.slice(0, cut);
}

function basename(path, suffix) {
  if (suffix !== undefined) validateString(suffix, 'suffix');
  validateString(path, 'path');
  const [start, end] = lastSegment(path);
  if (end === -1) return '';
  const base = path.slice(start, end);
  if (suffix !== undefined && suffix.length > 0 && base.endsWith(suffix)) {
    // Node strips a suffix equal to the whole name only when the path is
    // nothing but that name.
    if (suffix === base) return start === 0 && end === path.length ? '' : base;
    return base.slice(0, base.length - suffix.length);
  }
  return base;
}

// extOf returns the extension of one segment: from its last dot, unless the
// segment starts with that dot or is '..'.
function extOf(base) {
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return '';
  if (dot === 1 && base === '..') return '';
  // A name made only of leading dots followed by the last dot ('..', '...')
  let allDots = true;
  for (let i = 0; i < dot; i++) if (base.charCodeAt(i) !== DOT) { allDots = false; break; }
  if (allDots && dot === base.length - 1 && base.length === 2) return '';
  return base.slice(dot);
}

function extname(path) {
  validateString(path, 'path');
  const [start, end] = lastSegment(path);
  if (end === -1) return '';
  return extOf(path.slice(start, end));
}

function format(obj) {
  if (obj === null || typeof obj !== 'object') throw argTypeError('pathObject', 'object', obj);
  const dir = obj.dir || obj.root;
  let ext = obj.ext || '';
  if (ext && ext.charCodeAt(0) !== DOT) ext = `.${ext}`;
  const base = obj.base || `${obj.name || ''}${ext}`;
  if (!dir) return base;
  return dir === obj.root ? `${dir}${base}` : `${dir}/${base}`;
}

function parse(path) {
  validateString(path, 'path');
  const ret = { root: '', dir: '', base: '', ext: '', name: '' };
  if (path.length === 0) return ret;
  const rooted = path.charCodeAt(0) === SLASH;
  if (rooted) ret.root = '/';
  const [start, end] = lastSegment(path);
  if (end === -1) {
    ret.dir = rooted ? '/' : '';
    return ret;
  }
  ret.base = path.slice(start, end);
  // Node quirk: '/..' parses as name '.' plus ext '.'.
  ret.ext = rooted && start === 1 && ret.base === '..' ? '.' : extOf(ret.base);
  ret.name = ret.ext ? ret.base.slice(0, ret.base.length - ret.ext.length) : ret.base;
  if (start > 1) ret.dir = path.slice(0, start - 1);
  else if (rooted) ret.dir = '/';
  return ret;
}

const path = {
  resolve,
  normalize,
  isAbsolute,
  join,
  relative,
  toNamespacedPath,
  dirname,
  basename,
  extname,
  format,
  parse,
  sep: '/',
  delimiter: ':',
  posix: null,
  win32: null,
  _makeLong: toNamespacedPath,
};
path.posix = path;
path.win32 = path;

module.exports = path;
