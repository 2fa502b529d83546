'use strict';
// FormData (XMLHttpRequest standard): an ordered list of name/value entries
// whose values are strings or Files, with its multipart/form-data encoding.

const { argCount, toUSVString, utf8Encode, concatBytes, defineToStringTag, illegalInvocation, pairIterator } = require('internal/fetch/util');
const { isBlob, isFile, blobBytes, makeFile } = require('internal/fetch/blob');

const kEntries = Symbol('formdata entries');

function check(fd) {
  if (fd === null || typeof fd !== 'object' || !(kEntries in fd)) throw illegalInvocation();
}

// createEntry converts a value as the standard does: a Blob becomes a File
// (named "blob" unless a name is given), anything else a USVString.
function createEntry(method, name, value, filename, nargs) {
  name = toUSVString(name);
  if (nargs > 2 && !isBlob(value)) {
    throw new TypeError(`Failed to execute '${method}' on 'FormData': parameter 2 is not of type 'Blob'`);
  }
  if (!isBlob(value)) return [name, toUSVString(value)];
  if (!isFile(value) || filename !== undefined) {
    const fname = filename !== undefined ? toUSVString(filename) : isFile(value) ? value.name : 'blob';
    const lm = isFile(value) ? value.lastModified : undefined;
    value = makeFile(blobBytes(value), fname, value.type, lm);
  }
  return [name, value];
}

const makeIterator = pairIterator('FormData Iterator', (fd) => fd[kEntries]);

class FormData {
  constructor(form) {
    if (form !== undefined) {
      throw new TypeError('FormData constructor: Argument 1 could not be converted to: undefined.');
    }
    this[kEntries] = [];
  }

  append(name, value, filename = undefined) {
    check(this);
    argCount('FormData.append', arguments.length, 2);
    this[kEntries].push(createEntry('append', name, value, filename, arguments.length));
  }

  delete(name) {
    check(this);
    argCount('FormData.delete', arguments.length, 1);
    name = toUSVString(name);
    this[kEntries] = this[kEntries].filter((e) => e[0] !== name);
  }

  get(name) {
    check(this);
    argCount('FormData.get', arguments.length, 1);
    name = toUSVString(name);
    const e = this[kEntries].find((x) => x[0] === name);
    return e === undefined ? null : e[1];
  }

  getAll(name) {
    check(this);
    argCount('FormData.getAll', arguments.length, 1);
    name = toUSVString(name);
    return this[kEntries].filter((x) => x[0] === name).map((x) => x[1]);
  }

  has(name) {
    check(this);
    argCount('FormData.has', arguments.length, 1);
    name = toUSVString(name);
    return this[kEntries].some((x) => x[0] === name);
  }

  set(name, value, filename = undefined) {
    check(this);
    argCount('FormData.set', arguments.length, 2);
    const entry = createEntry('set', name, value, filename, arguments.length);
    const list = this[kEntries];
    const i = list.findIndex((x) => x[0] === entry[0]);
    if (i < 0) { list.push(entry); return; }
    list[i] = entry;
    this[kEntries] = list.filter((x, j) => j <= i || x[0] !== entry[0]);
  }

  keys() { check(this); return makeIterator(this, 'key'); }
  values() { check(this); return makeIterator(this, 'value'); }
  entries() { check(this); return makeIterator(this, 'key+value'); }

  forEach(callback, thisArg = undefined) {
    check(this);
    argCount('FormData.forEach', arguments.length, 1);
    if (typeof callback !== 'function') {
      throw new TypeError("Failed to execute 'forEach' on 'FormData': parameter 1 is not of type 'Function'.");
    }
    for (let i = 0; i < this[kEntries].length; i++) {
      const [k, v] = this[kEntries][i];
      callback.call(thisArg, v, k, this);
    }
  }
}
Object.defineProperty(FormData.prototype, Symbol.iterator, {
  value: FormData.prototype.entries, writable: true, configurable: true,
});
defineToStringTag(FormData, 'FormData');

function isFormData(v) { return v !== null && typeof v === 'object' && kEntries in v; }

function formEntries(fd) { return fd[kEntries]; }

// escapeName applies the escapes of the multipart/form-data encoding
// algorithm to a name or file name.
function escapeName(s) {
  return s.replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/"/g, '%22');
}

function newBoundary() {
  let digits = '';
  for (let i = 0; i < 11; i++) digits += Math.floor(Math.random() * 10);
  return '----formdata-undici-0' + digits;
}

// serializeFormData encodes entries as multipart/form-data; string values
// have their line breaks normalised to CRLF. Returns { bytes, type }.
function serializeFormData(fd) {
  const boundary = newBoundary();
  const prefix = `--${boundary}\r\nContent-Disposition: form-data`;
  const chunks = [];
  for (const [name, value] of fd[kEntries]) {
    if (typeof value === 'string') {
      chunks.push(utf8Encode(`${prefix}; name="${escapeName(name.replace(/\r?\n|\r/g, '\r\n'))}"\r\n\r\n` +
        `${value.replace(/\r?\n|\r/g, '\r\n')}\r\n`));
    } else {
      chunks.push(utf8Encode(`${prefix}; name="${escapeName(name.replace(/\r?\n|\r/g, '\r\n'))}"` +
        `; filename="${escapeName(value.name)}"\r\n` +
        `Content-Type: ${value.type || 'application/octet-stream'}\r\n\r\n`));
      chunks.push(blobBytes(value));
      chunks.push(utf8Encode('\r\n'));
    }
  }
  chunks.push(utf8Encode(`--${boundary}--\r\n`));
  return { bytes: concatBytes(chunks), type: 'multipart/form-data; boundary=' + boundary };
}

function appendEntry(fd, name, value) { fd[kEntries].push([name, value]); }

module.exports = { FormData, isFormData, formEntries, serializeFormData, appendEntry };
