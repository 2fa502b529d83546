'use strict';
// node:fs/promises (also require('fs').promises): the read operations of
// fs.js as promises, and FileHandle for reading. Writes reject with EROFS.

const fs = require('fs');

function promisify(fn) {
  return function (...args) {
    return new Promise((resolve, reject) => {
      fn(...args, (err, value) => (err ? reject(err) : resolve(value)));
    });
  };
}

class FileHandle {
  constructor(fd) { this.fd = fd; }
  readFile(options) { return Promise.resolve().then(() => fs.readFileSync(this.fd, options)); }
  stat(options) { return promisify(fs.fstat)(this.fd, options); }
  read(buffer, offset, length, position) {
    if (buffer === undefined || (buffer !== null && typeof buffer === 'object' && !(buffer instanceof Uint8Array))) {
      const o = buffer || {};
      buffer = o.buffer || (globalThis.Buffer ? globalThis.Buffer.alloc(16384) : new Uint8Array(16384));
      offset = o.offset || 0;
      length = o.length === undefined ? buffer.byteLength - offset : o.length;
      position = o.position;
    }
    return new Promise((resolve, reject) => {
      fs.read(this.fd, buffer, offset || 0, length === undefined ? buffer.byteLength - (offset || 0) : length,
        position === undefined ? null : position,
        (err, bytesRead) => (err ? reject(err) : resolve({ bytesRead, buffer })));
    });
  }
  createReadStream(options) { return fs.createReadStream(null, Object.assign({}, options, { fd: this.fd })); }
  close() { return promisify(fs.close)(this.fd); }
  write() { return Promise.reject(erofs('write')); }
  writeFile() { return Promise.reject(erofs('write')); }
  appendFile() { return Promise.reject(erofs('write')); }
  truncate() { return Promise.reject(erofs('ftruncate')); }
  sync() { return Promise.resolve(); }
  datasync() { return Promise.resolve(); }
}

function erofs(op) {
  try { fs[op + 'Sync'](); } catch (e) { return e; }
  return new Error('EROFS');
}

const writeOps = ['writeFile', 'appendFile', 'mkdir', 'mkdtemp', 'rm', 'rmdir', 'unlink', 'rename', 'copyFile', 'cp',
  'symlink', 'link', 'chmod', 'lchmod', 'chown', 'lchown', 'truncate', 'utimes', 'lutimes', 'opendir'];

module.exports = {
  constants: fs.constants,
  readFile: promisify(fs.readFile),
  stat: promisify(fs.stat),
  lstat: promisify(fs.lstat),
  readdir: promisify(fs.readdir),
  realpath: promisify(fs.realpath),
  readlink: promisify(fs.readlink),
  access: promisify(fs.access),
  open(path, flags, mode) {
    return promisify(fs.open)(path, flags, mode).then((fd) => new FileHandle(fd));
  },
  FileHandle,
};
for (const name of writeOps) {
  module.exports[name] = function (p) {
    return new Promise((resolve, reject) => {
      try { fs[name + 'Sync'](p); } catch (e) { reject(e); }
    });
  };
}
