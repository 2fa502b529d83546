'use strict';
// node:fs — read-only access to the project folder (compat/fs.go does the
// path mapping and the reads). Sync, callback and promise forms of the read
// operations; every write operation fails with EROFS. Paths are strings,
// Buffers or file: URLs; relative paths are relative to process.cwd(), the
// project folder.

const natives = require('internal/fs');

const constants = Object.freeze({
  UV_FS_SYMLINK_DIR: 1, UV_FS_SYMLINK_JUNCTION: 2, O_RDONLY: 0, O_WRONLY: 1, O_RDWR: 2,
  UV_DIRENT_UNKNOWN: 0, UV_DIRENT_FILE: 1, UV_DIRENT_DIR: 2, UV_DIRENT_LINK: 3, UV_DIRENT_FIFO: 4,
  UV_DIRENT_SOCKET: 5, UV_DIRENT_CHAR: 6, UV_DIRENT_BLOCK: 7, S_IFMT: 61440, S_IFREG: 32768,
  S_IFDIR: 16384, S_IFCHR: 8192, S_IFBLK: 24576, S_IFIFO: 4096, S_IFLNK: 40960, S_IFSOCK: 49152,
  O_CREAT: 64, O_EXCL: 128, UV_FS_O_FILEMAP: 0, O_NOCTTY: 256, O_TRUNC: 512, O_APPEND: 1024,
  O_DIRECTORY: 65536, O_NOATIME: 262144, O_NOFOLLOW: 131072, O_SYNC: 1052672, O_DSYNC: 4096,
  O_DIRECT: 16384, O_NONBLOCK: 2048, S_IRWXU: 448, S_IRUSR: 256, S_IWUSR: 128, S_IXUSR: 64,
  S_IRWXG: 56, S_IRGRP: 32, S_IWGRP: 16, S_IXGRP: 8, S_IRWXO: 7, S_IROTH: 4, S_IWOTH: 2, S_IXOTH: 1,
  F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1, UV_FS_COPYFILE_EXCL: 1, COPYFILE_EXCL: 1,
  UV_FS_COPYFILE_FICLONE: 2, COPYFILE_FICLONE: 2, UV_FS_COPYFILE_FICLONE_FORCE: 4, COPYFILE_FICLONE_FORCE: 4,
});

const encodings = ['utf8', 'utf-8', 'latin1', 'binary', 'ascii', 'base64', 'base64url', 'hex', 'ucs2', 'ucs-2', 'utf16le', 'utf-16le', 'buffer'];

function describe(v) {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (typeof v === 'function') return `function ${v.name}`;
  if (typeof v === 'object') {
    return v.constructor && v.constructor.name ? `an instance of ${v.constructor.name}` : 'an instance of Object';
  }
  let s = String(v);
  if (typeof v === 'string') { if (s.length > 28) s = s.slice(0, 25) + '...'; s = `'${s}'`; }
  return `type ${typeof v} (${s})`;
}

function argError(name, expected, value) {
  const e = new TypeError(`The "${name}" argument must be ${expected}. Received ${describe(value)}`);
  e.code = 'ERR_INVALID_ARG_TYPE';
  return e;
}

function toPath(p, name = 'path') {
  if (typeof p === 'string') return p;
  if (p instanceof Uint8Array) return new TextDecoderish().decode(p);
  if (p !== null && typeof p === 'object' && typeof p.href === 'string' && p.protocol !== undefined) {
    if (p.protocol !== 'file:') {
      const e = new TypeError('The URL must be of scheme file');
      e.code = 'ERR_INVALID_URL_SCHEME';
      throw e;
    }
    return require('url').fileURLToPath(p);
  }
  throw argError(name, 'of type string or an instance of Buffer or URL', p);
}

// utf-8 decoding of a Buffer path without depending on TextDecoder.
function TextDecoderish() {}
TextDecoderish.prototype.decode = function (u8) {
  let s = '';
  for (let i = 0; i < u8.length; i++) s += '%' + (u8[i] < 16 ? '0' : '') + u8[i].toString(16);
  return decodeURIComponent(s);
};

function encodingOf(options, fallback) {
  let enc = fallback;
  if (typeof options === 'string') enc = options;
  else if (options !== null && typeof options === 'object' && options.encoding !== undefined && options.encoding !== null) enc = options.encoding;
  if (enc === undefined || enc === null) return null;
  enc = String(enc).toLowerCase();
  if (!encodings.includes(enc)) {
    const e = new TypeError(`The argument 'encoding' is invalid encoding. Received '${enc}'`);
    e.code = 'ERR_INVALID_ARG_VALUE';
    throw e;
  }
  return enc === 'buffer' ? null : enc;
}

function toBuffer(ab) {
  const B = globalThis.Buffer;
  return typeof B === 'function' ? B.from(ab) : new Uint8Array(ab);
}

// What the natives return (string for utf8/latin1, ArrayBuffer otherwise)
// turned into what Node returns for encoding.
function finish(data, enc) {
  if (typeof data === 'string') return data;
  const buf = toBuffer(data);
  return enc ? buf.toString(enc) : buf;
}

function nativeEncoding(enc) {
  return enc === 'utf8' || enc === 'utf-8' ? 'utf8' : enc === 'latin1' || enc === 'binary' ? 'latin1' : '';
}

function checkCallback(cb) {
  if (typeof cb !== 'function') throw argError('cb', 'of type function', cb);
  return cb;
}

function fixStack(e) {
  // Errors from natives carry the internal frames; Node's fs errors from
  // the sync API point at the caller. Keep only the message line.
  if (e && typeof e.stack === 'string' && e.code && e.syscall) {
    try { Object.defineProperty(e, 'stack', { value: `Error: ${e.message}`, writable: true, configurable: true }); } catch (_) { /* ignore */ }
  }
  return e;
}

// --------------------------------------------------------------- Stats

class Stats {
  constructor(raw) {
    for (const k of ['dev', 'mode', 'nlink', 'uid', 'gid', 'rdev', 'blksize', 'ino', 'size', 'blocks', 'atimeMs', 'mtimeMs', 'ctimeMs', 'birthtimeMs']) {
      this[k] = raw[k];
    }
    this.atime = new Date(raw.atimeMs);
    this.mtime = new Date(raw.mtimeMs);
    this.ctime = new Date(raw.ctimeMs);
    this.birthtime = new Date(raw.birthtimeMs);
  }
  isFile() { return (this.mode & 0o170000) === 0o100000; }
  isDirectory() { return (this.mode & 0o170000) === 0o040000; }
  isSymbolicLink() { return (this.mode & 0o170000) === 0o120000; }
  isFIFO() { return (this.mode & 0o170000) === 0o010000; }
  isSocket() { return (this.mode & 0o170000) === 0o140000; }
  isCharacterDevice() { return (this.mode & 0o170000) === 0o020000; }
  isBlockDevice() { return (this.mode & 0o170000) === 0o060000; }
}

class Dirent {
  constructor(name, type, dir) {
    this.name = name;
    this.parentPath = dir;
    this.path = dir;
    Object.defineProperty(this, '_type', { value: type, enumerable: false });
  }
  isFile() { return this._type === 1; }
  isDirectory() { return this._type === 2; }
  isSymbolicLink() { return this._type === 3; }
  isFIFO() { return this._type === 4; }
  isSocket() { return this._type === 5; }
  isCharacterDevice() { return this._type === 6; }
  isBlockDevice() { return this._type === 7; }
}

// ----------------------------------------------------------- sync reads

function wrap(fn) {
  return function (...args) {
    try { return fn.apply(this, args); } catch (e) { throw fixStack(e); }
  };
}

const readFileSync = wrap(function readFileSync(path, options) {
  if (typeof path === 'number') return readFd(path, encodingOf(options));
  const enc = encodingOf(options);
  return finish(natives.readFile(toPath(path), nativeEncoding(enc)), enc);
});

function readFd(fd, enc) {
  const chunks = [];
  for (;;) {
    const ab = natives.read(fd, 65536, -1);
    if (ab.byteLength === 0) break;
    chunks.push(new Uint8Array(ab));
  }
  let len = 0;
  for (const c of chunks) len += c.length;
  const all = new Uint8Array(len);
  let off = 0;
  for (const c of chunks) { all.set(c, off); off += c.length; }
  return finish(all.buffer, enc);
}

function statOpts(options) {
  return {
    bigint: !!(options && options.bigint),
    throwIfNoEntry: !(options && options.throwIfNoEntry === false),
  };
}

function makeStats(raw, bigint) {
  const s = new Stats(raw);
  if (bigint) {
    for (const k of ['dev', 'mode', 'nlink', 'uid', 'gid', 'rdev', 'blksize', 'ino', 'size', 'blocks']) s[k] = BigInt(s[k]);
    for (const k of ['atime', 'mtime', 'ctime', 'birthtime']) {
      s[k + 'Ms'] = BigInt(Math.floor(raw[k + 'Ms']));
      s[k + 'Ns'] = BigInt(Math.floor(raw[k + 'Ms'])) * 1000000n;
    }
  }
  return s;
}

const statSync = wrap(function statSync(path, options) {
  const o = statOpts(options);
  const raw = natives.stat(toPath(path), 'stat', true, o.throwIfNoEntry);
  return raw === undefined ? undefined : makeStats(raw, o.bigint);
});

const lstatSync = wrap(function lstatSync(path, options) {
  const o = statOpts(options);
  const raw = natives.stat(toPath(path), 'lstat', false, o.throwIfNoEntry);
  return raw === undefined ? undefined : makeStats(raw, o.bigint);
});

const fstatSync = wrap(function fstatSync(fd, options) {
  return makeStats(natives.fstat(fd), statOpts(options).bigint);
});

function existsSync(path) {
  try {
    natives.stat(toPath(path), 'stat', true, true);
    return true;
  } catch (e) {
    return false;
  }
}

const readdirSync = wrap(function readdirSync(path, options) {
  const p = toPath(path);
  const enc = encodingOf(options, 'utf8');
  const withFileTypes = !!(options && typeof options === 'object' && options.withFileTypes);
  const recursive = !!(options && typeof options === 'object' && options.recursive);
  const out = [];
  const dirPath = (sub) => (sub ? joinPath(absPath(p), sub) : absPath(p));
  const walk = (sub) => {
    const list = natives.readdir(sub ? p.replace(/\/+$/, '') + '/' + sub : p);
    list.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    for (const [name, type] of list) {
      const rel = sub ? sub + '/' + name : name;
      if (withFileTypes) out.push(new Dirent(name, type, dirPath(sub)));
      else out.push(enc && enc !== 'utf8' && enc !== 'utf-8' ? toBuffer(new TextEncoderish(rel)).toString(enc) : (enc === null ? toBuffer(new TextEncoderish(rel)) : rel));
      if (recursive && type === 2) walk(rel);
    }
  };
  walk('');
  return out;
});

function TextEncoderish(s) {
  const bin = unescape(encodeURIComponent(s));
  const u8 = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) u8[i] = bin.charCodeAt(i);
  return u8.buffer;
}

function absPath(p) {
  return p.startsWith('/') ? p.replace(/\/+$/, '') || '/' : joinPath(natives.rootPath, p);
}

function joinPath(a, b) {
  const parts = [];
  for (const seg of (a + '/' + b).split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop(); else parts.push(seg);
  }
  return '/' + parts.join('/');
}

const accessSync = wrap(function accessSync(path, mode) {
  const p = toPath(path);
  natives.stat(p, 'access', true, true);
  if (mode !== undefined && (Number(mode) & 2)) throw erofs('access', p);
});

const realpathSync = wrap(function realpathSync(path, options) {
  const r = natives.realpath(toPath(path));
  const enc = encodingOf(options, 'utf8');
  return enc === null ? toBuffer(new TextEncoderish(r)) : r;
});
realpathSync.native = realpathSync;

const readlinkSync = wrap(function readlinkSync(path, options) {
  return natives.readlink(toPath(path));
});

function flagsAreReadOnly(flags) {
  if (flags === undefined || flags === null) return true;
  if (typeof flags === 'number') return (flags & 3) === 0 && !(flags & (64 | 512 | 1024));
  return flags === 'r' || flags === 'rs' || flags === 'sr' || flags === 'rs+' && false;
}

const openSync = wrap(function openSync(path, flags, mode) {
  const p = toPath(path);
  if (!flagsAreReadOnly(flags)) throw erofs('open', p);
  return natives.open(p);
});

const closeSync = wrap(function closeSync(fd) { natives.close(fd); });

const readSync = wrap(function readSync(fd, buffer, offsetOrOptions, length, position) {
  let offset = offsetOrOptions;
  if (offset !== null && typeof offset === 'object') {
    ({ offset = 0, length = buffer.byteLength - offset, position = null } = offset);
  }
  if (offset === undefined) offset = 0;
  if (length === undefined) length = buffer.byteLength - offset;
  if (position === undefined || position === null || position === -1) position = -1;
  const ab = natives.read(fd, length, typeof position === 'bigint' ? Number(position) : position);
  const view = new Uint8Array(buffer.buffer || buffer, buffer.byteOffset || 0, buffer.byteLength);
  view.set(new Uint8Array(ab), offset);
  return ab.byteLength;
});

// ------------------------------------------------------------- writes

function erofs(syscall, path) {
  const e = new Error(`EROFS: read-only file system, ${syscall}${path !== undefined ? ` '${path}'` : ''} (gojaapi serves the project folder read-only: request handlers cannot write files)`);
  e.errno = -30;
  e.code = 'EROFS';
  e.syscall = syscall;
  if (path !== undefined) e.path = path;
  return e;
}

const writeOps = {
  writeFile: 'open', appendFile: 'open', mkdir: 'mkdir', mkdtemp: 'mkdtemp', rm: 'rm', rmdir: 'rmdir',
  unlink: 'unlink', rename: 'rename', copyFile: 'copyfile', cp: 'cp', symlink: 'symlink', link: 'link',
  chmod: 'chmod', lchmod: 'lchmod', chown: 'chown', lchown: 'lchown', truncate: 'open', utimes: 'utime',
  lutimes: 'lutime', opendir: 'opendir',
};
const fdWriteOps = { write: 'write', writev: 'writev', ftruncate: 'ftruncate', fchmod: 'fchmod', fchown: 'fchown', futimes: 'futime', fsync: 'fsync', fdatasync: 'fdatasync' };

function pathForError(op, a) {
  if (op === 'mkdtemp') return a + 'XXXXXX';
  try { return toPath(a); } catch (e) { return typeof a === 'string' ? a : undefined; }
}

const fs = module.exports;

for (const [name, syscall] of Object.entries(writeOps)) {
  const sync = function (p) { throw erofs(syscall, pathForError(name, p)); };
  Object.defineProperty(sync, 'name', { value: name + 'Sync' });
  fs[name + 'Sync'] = sync;
  const cbForm = function (p, ...rest) {
    const cb = rest.reverse().find((x) => typeof x === 'function');
    const err = erofs(syscall, pathForError(name, p));
    if (!cb) throw argError('cb', 'of type function', undefined);
    process.nextTick(cb, err);
  };
  Object.defineProperty(cbForm, 'name', { value: name });
  fs[name] = cbForm;
}
for (const [name, syscall] of Object.entries(fdWriteOps)) {
  fs[name + 'Sync'] = function () { throw erofs(syscall); };
  fs[name] = function (...args) {
    const cb = args.reverse().find((x) => typeof x === 'function');
    if (cb) process.nextTick(cb, erofs(syscall)); else throw erofs(syscall);
  };
}

// ------------------------------------------------------ callback reads

function callbackForm(name, syncFn, arity) {
  const f = function (...args) {
    const cb = checkCallback(args.length > 0 ? args[args.length - 1] : undefined);
    args.pop();
    let result;
    try {
      result = syncFn(...args.slice(0, arity));
    } catch (e) {
      process.nextTick(cb, e);
      return;
    }
    process.nextTick(cb, null, result);
  };
  Object.defineProperty(f, 'name', { value: name });
  return f;
}

function readFile(path, options, cb) {
  if (typeof options === 'function') { cb = options; options = undefined; }
  checkCallback(cb);
  let enc;
  let p;
  try {
    if (typeof path === 'number') { const r = readFd(path, encodingOf(options)); process.nextTick(cb, null, r); return; }
    enc = encodingOf(options);
    p = toPath(path);
  } catch (e) {
    process.nextTick(cb, e);
    return;
  }
  natives.readFileAsync(p, nativeEncoding(enc), (err, data) => {
    if (err) cb(fixStack(err)); else cb(null, finish(data, enc));
  });
}

function exists(path, cb) {
  const r = existsSync(path);
  process.nextTick(() => cb(r));
}

function access(path, mode, cb) {
  if (typeof mode === 'function') { cb = mode; mode = undefined; }
  checkCallback(cb);
  try { accessSync(path, mode); } catch (e) { process.nextTick(cb, e); return; }
  process.nextTick(cb, null);
}

function read(fd, buffer, offset, length, position, cb) {
  if (typeof buffer === 'function') { cb = buffer; buffer = (globalThis.Buffer ? globalThis.Buffer.alloc(16384) : new Uint8Array(16384)); offset = 0; length = buffer.byteLength; position = null; }
  else if (typeof offset === 'function') { cb = offset; offset = 0; length = buffer.byteLength; position = null; }
  else if (offset !== null && typeof offset === 'object') { cb = length; ({ offset = 0, length = buffer.byteLength - offset, position = null } = offset); }
  checkCallback(cb);
  if (position === undefined || position === null) position = -1;
  natives.readAsync(fd, length, Number(position), (err, ab) => {
    if (err) { cb(err); return; }
    const view = new Uint8Array(buffer.buffer || buffer, buffer.byteOffset || 0, buffer.byteLength);
    view.set(new Uint8Array(ab), offset);
    cb(null, ab.byteLength, buffer);
  });
}

// ---------------------------------------------------------- read stream

// fs.ReadStream and fs.WriteStream are classes, as in Node: packages test
// `body instanceof fs.ReadStream` (got, form-data) or subclass them
// (graceful-fs, hence fs-extra, archiver, exceljs). They are built on first
// use, so requiring fs does not load stream; fs.ReadStream can be replaced.
let ReadStream;
let WriteStream;
let streamsLoaded = false;

function lazyLoadStreams() {
  if (streamsLoaded) return;
  streamsLoaded = true;
  const { Readable, Writable } = require('stream');

  ReadStream = function ReadStream(path, options) {
    if (!(this instanceof ReadStream)) return new ReadStream(path, options);
    initReadStream(this, Readable, path, options);
  };
  Object.setPrototypeOf(ReadStream.prototype, Readable.prototype);
  Object.setPrototypeOf(ReadStream, Readable);

  WriteStream = function WriteStream(path, options) {
    if (!(this instanceof WriteStream)) return new WriteStream(path, options);
    initWriteStream(this, Writable, path, options);
  };
  Object.setPrototypeOf(WriteStream.prototype, Writable.prototype);
  Object.setPrototypeOf(WriteStream, Writable);

  for (const C of [ReadStream, WriteStream]) {
    C.prototype.close = function close(cb) {
      this.destroy();
      if (typeof cb === 'function') this.once('close', cb);
    };
  }
}

function initReadStream(stream, Readable, path, options) {
  if (typeof options === 'string') options = { encoding: options };
  options = options || {};
  const hwm = options.highWaterMark || 65536;
  const start = options.start === undefined ? 0 : Number(options.start);
  const end = options.end === undefined ? Infinity : Number(options.end);
  const enc = encodingOf(options);
  const p = options.fd !== undefined ? null : toPath(path);
  let fd = options.fd !== undefined ? (typeof options.fd === 'object' ? options.fd.fd : options.fd) : null;
  let pos = start;
  Readable.call(stream, {
    highWaterMark: hwm,
    encoding: enc || undefined,
    read() {
      if (fd === null) return; // open failed: the stream is being destroyed
      const want = Math.min(hwm, end - pos + 1);
      if (want <= 0) { this.push(null); return; }
      natives.readAsync(fd, want, pos, (err, ab) => {
        if (err) { this.destroy(err); return; }
        pos += ab.byteLength;
        stream.bytesRead += ab.byteLength;
        if (ab.byteLength === 0) { this.push(null); return; }
        this.push(toBuffer(ab));
      });
    },
    destroy(err, cb) {
      if (fd !== null && options.autoClose !== false) {
        try { natives.close(fd); } catch (_) { /* already closed */ }
        fd = null;
      }
      cb(err);
    },
  });
  // Open now, as Node does, so a missing file errors even if never read.
  if (fd === null) {
    try {
      fd = natives.open(p);
      process.nextTick(() => { stream.pending = false; stream.emit('open', fd); stream.emit('ready'); });
    } catch (e) {
      process.nextTick(() => stream.destroy(fixStack(e)));
    }
  }
  stream.path = path;
  stream.bytesRead = 0;
  stream.pending = true;
}

function createReadStream(path, options) {
  lazyLoadStreams();
  return new ReadStream(path, options);
}

// As in Node, failing to open is not thrown: the stream is returned and
// emits 'error' (EROFS here) then 'close', so code that listens for 'error'
// (formidable, pipeline) fails cleanly instead of with an uncaught throw.
function initWriteStream(stream, Writable, path, options) {
  const p = pathForError('createWriteStream', path);
  Writable.call(stream, {
    construct(cb) { cb(erofs('open', p)); },
    write(chunk, encoding, cb) { cb(erofs('write')); },
  });
  stream.path = path;
  stream.bytesWritten = 0;
  stream.pending = true;
}

function createWriteStream(path, options) {
  lazyLoadStreams();
  return new WriteStream(path, options);
}

function watch(path) {
  const EventEmitter = require('events');
  const w = new EventEmitter();
  w.close = function () {};
  w.ref = function () { return w; };
  w.unref = function () { return w; };
  return w;
}

Object.assign(fs, {
  constants,
  F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1,
  Stats,
  Dirent,
  readFileSync,
  existsSync,
  statSync,
  lstatSync,
  fstatSync,
  readdirSync,
  accessSync,
  realpathSync,
  readlinkSync,
  openSync,
  closeSync,
  readSync,
  readFile,
  exists,
  access,
  read,
  stat: callbackForm('stat', statSync, 2),
  lstat: callbackForm('lstat', lstatSync, 2),
  fstat: callbackForm('fstat', fstatSync, 2),
  readdir: callbackForm('readdir', readdirSync, 2),
  realpath: Object.assign(callbackForm('realpath', realpathSync, 2), { native: callbackForm('realpath', realpathSync, 2) }),
  readlink: callbackForm('readlink', readlinkSync, 2),
  open: function open(path, flags, mode, cb) {
    cb = [flags, mode, cb].reverse().find((x) => typeof x === 'function');
    checkCallback(cb);
    if (typeof flags === 'function') flags = undefined;
    let fd;
    try { fd = openSync(path, flags); } catch (e) { process.nextTick(cb, e); return; }
    process.nextTick(cb, null, fd);
  },
  close: function close(fd, cb) {
    let err = null;
    try { closeSync(fd); } catch (e) { err = e; }
    if (typeof cb === 'function') process.nextTick(cb, err);
  },
  createReadStream,
  createWriteStream,
  watch,
  watchFile() {},
  unwatchFile() {},
});

for (const [name, get, set] of [
  ['ReadStream', () => ReadStream, (v) => { lazyLoadStreams(); ReadStream = v; }],
  ['WriteStream', () => WriteStream, (v) => { lazyLoadStreams(); WriteStream = v; }],
  ['FileReadStream', () => ReadStream, (v) => { lazyLoadStreams(); ReadStream = v; }],
  ['FileWriteStream', () => WriteStream, (v) => { lazyLoadStreams(); WriteStream = v; }],
]) {
  Object.defineProperty(fs, name, {
    enumerable: true,
    configurable: true,
    get() { lazyLoadStreams(); return get(); },
    set,
  });
}

Object.defineProperty(fs, 'promises', {
  enumerable: true,
  configurable: true,
  get() { return require('fs/promises'); },
});
