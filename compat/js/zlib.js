'use strict';
// node:zlib — gzip/deflate/brotli in Go (compat/zlib.go, internal/zlib):
// the *Sync functions, the callback forms (work on a goroutine), and the
// stream classes (Transform streams over an incremental Go codec). Options
// are checked here with Node's messages; decompressed output is capped by
// maxOutputLength (64 MiB unless given; per write() for streams).

const native = require('internal/zlib');
const { Transform } = require('stream');
const { Buffer } = require('buffer');
const u = require('internal/stream_util');
const { errors, nextTick } = u;

const constants = {
  Z_NO_FLUSH: 0, Z_PARTIAL_FLUSH: 1, Z_SYNC_FLUSH: 2, Z_FULL_FLUSH: 3, Z_FINISH: 4, Z_BLOCK: 5,
  Z_OK: 0, Z_STREAM_END: 1, Z_NEED_DICT: 2, Z_ERRNO: -1, Z_STREAM_ERROR: -2, Z_DATA_ERROR: -3,
  Z_MEM_ERROR: -4, Z_BUF_ERROR: -5, Z_VERSION_ERROR: -6,
  Z_NO_COMPRESSION: 0, Z_BEST_SPEED: 1, Z_BEST_COMPRESSION: 9, Z_DEFAULT_COMPRESSION: -1,
  Z_FILTERED: 1, Z_HUFFMAN_ONLY: 2, Z_RLE: 3, Z_FIXED: 4, Z_DEFAULT_STRATEGY: 0, ZLIB_VERNUM: 4880,
  DEFLATE: 1, INFLATE: 2, GZIP: 3, GUNZIP: 4, DEFLATERAW: 5, INFLATERAW: 6, UNZIP: 7,
  BROTLI_DECODE: 8, BROTLI_ENCODE: 9,
  Z_MIN_WINDOWBITS: 8, Z_MAX_WINDOWBITS: 15, Z_DEFAULT_WINDOWBITS: 15,
  Z_MIN_CHUNK: 64, Z_MAX_CHUNK: Infinity, Z_DEFAULT_CHUNK: 16384,
  Z_MIN_MEMLEVEL: 1, Z_MAX_MEMLEVEL: 9, Z_DEFAULT_MEMLEVEL: 8,
  Z_MIN_LEVEL: -1, Z_MAX_LEVEL: 9, Z_DEFAULT_LEVEL: -1,
  BROTLI_OPERATION_PROCESS: 0, BROTLI_OPERATION_FLUSH: 1, BROTLI_OPERATION_FINISH: 2,
  BROTLI_OPERATION_EMIT_METADATA: 3,
  BROTLI_PARAM_MODE: 0, BROTLI_MODE_GENERIC: 0, BROTLI_MODE_TEXT: 1, BROTLI_MODE_FONT: 2,
  BROTLI_DEFAULT_MODE: 0, BROTLI_PARAM_QUALITY: 1, BROTLI_MIN_QUALITY: 0, BROTLI_MAX_QUALITY: 11,
  BROTLI_DEFAULT_QUALITY: 11, BROTLI_PARAM_LGWIN: 2, BROTLI_MIN_WINDOW_BITS: 10,
  BROTLI_MAX_WINDOW_BITS: 24, BROTLI_LARGE_MAX_WINDOW_BITS: 30, BROTLI_DEFAULT_WINDOW: 22,
  BROTLI_PARAM_LGBLOCK: 3, BROTLI_MIN_INPUT_BLOCK_BITS: 16, BROTLI_MAX_INPUT_BLOCK_BITS: 24,
  BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING: 4, BROTLI_PARAM_SIZE_HINT: 5,
  BROTLI_PARAM_LARGE_WINDOW: 6, BROTLI_PARAM_NPOSTFIX: 7, BROTLI_PARAM_NDIRECT: 8,
  BROTLI_DECODER_RESULT_ERROR: 0, BROTLI_DECODER_RESULT_SUCCESS: 1,
  BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT: 2, BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT: 3,
  BROTLI_DECODER_PARAM_DISABLE_RING_BUFFER_REALLOCATION: 0, BROTLI_DECODER_PARAM_LARGE_WINDOW: 1,
  BROTLI_DECODER_NO_ERROR: 0, BROTLI_DECODER_SUCCESS: 1, BROTLI_DECODER_NEEDS_MORE_INPUT: 2,
  BROTLI_DECODER_NEEDS_MORE_OUTPUT: 3,
  BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_NIBBLE: -1, BROTLI_DECODER_ERROR_FORMAT_RESERVED: -2,
  BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_META_NIBBLE: -3,
  BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_ALPHABET: -4,
  BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_SAME: -5, BROTLI_DECODER_ERROR_FORMAT_CL_SPACE: -6,
  BROTLI_DECODER_ERROR_FORMAT_HUFFMAN_SPACE: -7, BROTLI_DECODER_ERROR_FORMAT_CONTEXT_MAP_REPEAT: -8,
  BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_1: -9, BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_2: -10,
  BROTLI_DECODER_ERROR_FORMAT_TRANSFORM: -11, BROTLI_DECODER_ERROR_FORMAT_DICTIONARY: -12,
  BROTLI_DECODER_ERROR_FORMAT_WINDOW_BITS: -13, BROTLI_DECODER_ERROR_FORMAT_PADDING_1: -14,
  BROTLI_DECODER_ERROR_FORMAT_PADDING_2: -15, BROTLI_DECODER_ERROR_FORMAT_DISTANCE: -16,
  BROTLI_DECODER_ERROR_DICTIONARY_NOT_SET: -19, BROTLI_DECODER_ERROR_INVALID_ARGUMENTS: -20,
  BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MODES: -21, BROTLI_DECODER_ERROR_ALLOC_TREE_GROUPS: -22,
  BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MAP: -25, BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_1: -26,
  BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_2: -27, BROTLI_DECODER_ERROR_ALLOC_BLOCK_TYPE_TREES: -30,
  BROTLI_DECODER_ERROR_UNREACHABLE: -31,
};

const codes = {
  Z_OK: 0, Z_STREAM_END: 1, Z_NEED_DICT: 2, Z_ERRNO: -1, Z_STREAM_ERROR: -2, Z_DATA_ERROR: -3,
  Z_MEM_ERROR: -4, Z_BUF_ERROR: -5, Z_VERSION_ERROR: -6,
};
for (const k of Object.keys(codes)) codes[codes[k]] = k;
Object.freeze(codes);

const kMaxLength = 4294967296;
const brotliParamIds = new Set([0, 1, 2, 3, 4, 5, 6, 7, 8]);

// --- option checks ---------------------------------------------------------

function checkRange(opts, name, lo, hi, def) {
  const v = opts ? opts[name] : undefined;
  if (v === undefined || (typeof v === 'number' && Number.isNaN(v))) return def;
  if (typeof v !== 'number') throw errors.invalidArgType('options.' + name, 'of type number', v);
  if (!Number.isFinite(v) && !(hi === Infinity && v === Infinity)) {
    throw errors.outOfRange('options.' + name, 'a finite number', v);
  }
  if (v < lo || v > hi) {
    const range = hi === Infinity ? `>= ${lo}` : `>= ${lo} and <= ${hi}`;
    throw errors.outOfRange('options.' + name, range, v);
  }
  return v;
}

function isBytes(v) {
  return v instanceof ArrayBuffer || ArrayBuffer.isView(v);
}

function bytesOf(v) {
  if (v instanceof ArrayBuffer) return new Uint8Array(v);
  if (v instanceof Uint8Array) return v;
  return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
}

// nativeOptions validates options for mode and returns what Go reads.
function nativeOptions(mode, opts) {
  if (opts != null && typeof opts !== 'object') {
    throw errors.invalidArgType('options', 'of type object', opts);
  }
  const out = {};
  checkRange(opts, 'chunkSize', 64, Infinity, 16384);
  const finishFlush = opts && opts.finishFlush !== undefined ? opts.finishFlush : undefined;
  if (finishFlush !== undefined) {
    const brotli = mode === 'brotliCompress' || mode === 'brotliDecompress';
    out.partial = brotli ? finishFlush !== constants.BROTLI_OPERATION_FINISH : finishFlush !== constants.Z_FINISH;
  }
  out.maxOutputLength = checkRange(opts, 'maxOutputLength', 1, kMaxLength, native.defaultMaxOutputLength);
  if (mode === 'brotliCompress' || mode === 'brotliDecompress') {
    const params = opts && opts.params;
    if (params != null) {
      if (typeof params !== 'object') throw errors.invalidArgType('options.params', 'of type object', params);
      for (const key of Object.keys(params)) {
        const id = Number(key);
        if (!brotliParamIds.has(id) || (mode === 'brotliDecompress' && id > 1)) {
          throw u.nodeError(RangeError, 'ERR_BROTLI_INVALID_PARAM', `${key} is not a valid Brotli parameter`);
        }
        const value = params[key];
        if (typeof value !== 'number' && typeof value !== 'boolean') {
          throw errors.invalidArgType('options.params[key]', 'of type number', value);
        }
        if (mode === 'brotliCompress') {
          if (id === constants.BROTLI_PARAM_QUALITY) out.quality = Math.max(0, Math.min(11, Number(value)));
          if (id === constants.BROTLI_PARAM_LGWIN) out.lgwin = Number(value);
        }
      }
    }
    return out;
  }
  const decompress = mode === 'inflate' || mode === 'gunzip' || mode === 'unzip' || mode === 'inflateRaw';
  const wb = opts ? opts.windowBits : undefined;
  if (decompress && wb === 0 && mode !== 'inflateRaw') out.windowBits = 0;
  else out.windowBits = checkRange(opts, 'windowBits', 8, 15, 15);
  out.level = checkRange(opts, 'level', -1, 9, -1);
  checkRange(opts, 'memLevel', 1, 9, 8);
  checkRange(opts, 'strategy', 0, 4, 0);
  const dict = opts ? opts.dictionary : undefined;
  if (dict !== undefined) {
    if (!isBytes(dict)) {
      throw errors.invalidArgType('options.dictionary', 'an instance of Buffer, TypedArray, DataView, or ArrayBuffer', dict);
    }
    out.dictionary = bytesOf(dict);
  }
  return out;
}

function inputBytes(buffer) {
  if (typeof buffer === 'string') return Buffer.from(buffer);
  if (!isBytes(buffer)) {
    throw errors.invalidArgType('buffer',
      'of type string or an instance of Buffer, TypedArray, DataView, or ArrayBuffer', buffer);
  }
  return bytesOf(buffer);
}

function toBuffer(ab) {
  return Buffer.from(ab, 0, ab.byteLength);
}

// --- whole-buffer forms -------------------------------------------------------

function syncFn(mode) {
  return function zlibSync(buffer, opts) {
    const bytes = inputBytes(buffer);
    return toBuffer(native.sync(mode, bytes, nativeOptions(mode, opts)));
  };
}

function asyncFn(mode) {
  return function zlibAsync(buffer, opts, callback) {
    if (typeof opts === 'function') {
      callback = opts;
      opts = {};
    }
    if (typeof callback !== 'function') throw errors.invalidArgType('callback', 'of type function', callback);
    const bytes = inputBytes(buffer);
    const o = nativeOptions(mode, opts);
    native.async(mode, bytes, o, (err, ab) => {
      if (err) callback(err);
      else callback(null, toBuffer(ab));
    });
  };
}

// --- streams -------------------------------------------------------------------

const kHandle = Symbol('kHandle');

function ZlibBase(mode, opts) {
  const o = nativeOptions(mode, opts);
  const chunkSize = (opts && opts.chunkSize) || constants.Z_DEFAULT_CHUNK;
  Transform.call(this, { autoDestroy: true, ...opts });
  this._mode = mode;
  this._nativeOptions = o;
  this._chunkSize = chunkSize;
  this._defaultFlushFlag = opts && opts.flush !== undefined ? opts.flush : constants.Z_NO_FLUSH;
  this._finishFlushFlag = opts && opts.finishFlush !== undefined ? opts.finishFlush : constants.Z_FINISH;
  this.bytesWritten = 0;
  this[kHandle] = native.open(mode, o);
  this._handle = this[kHandle];
}
Object.setPrototypeOf(ZlibBase.prototype, Transform.prototype);
Object.setPrototypeOf(ZlibBase, Transform);

// pushOutput hands new output to the readable side in chunkSize pieces.
function pushOutput(stream, ab) {
  if (!ab || ab.byteLength === 0) return;
  const buf = toBuffer(ab);
  const size = stream._chunkSize;
  for (let off = 0; off < buf.length; off += size) stream.push(buf.subarray(off, Math.min(off + size, buf.length)));
}

ZlibBase.prototype._transform = function _transform(chunk, encoding, cb) {
  const handle = this[kHandle];
  if (!handle) {
    cb(u.nodeError(Error, 'ERR_ZLIB_BINDING_CLOSED', 'zlib binding closed'));
    return;
  }
  let out;
  try {
    out = handle.write(chunk);
    if (this._defaultFlushFlag === constants.Z_SYNC_FLUSH || this._defaultFlushFlag === constants.Z_FULL_FLUSH) {
      pushOutput(this, out);
      out = handle.flush();
    }
  } catch (err) {
    cb(err);
    return;
  }
  this.bytesWritten += chunk.length;
  pushOutput(this, out);
  cb();
};

ZlibBase.prototype._flush = function _flush(cb) {
  const handle = this[kHandle];
  if (!handle) {
    cb();
    return;
  }
  let out;
  try {
    out = handle.end();
  } catch (err) {
    cb(err);
    return;
  }
  pushOutput(this, out);
  cb();
};

ZlibBase.prototype.flush = function flush(kind, callback) {
  if (typeof kind === 'function' || (kind === undefined && !callback)) {
    callback = kind;
    kind = constants.Z_FULL_FLUSH;
  }
  if (this.writableFinished) {
    if (callback) nextTick(callback);
  } else if (this.writableEnded) {
    if (callback) this.once('end', callback);
  } else {
    this.write(Buffer.alloc(0), () => {
      const handle = this[kHandle];
      if (handle && kind !== constants.Z_NO_FLUSH) {
        try {
          pushOutput(this, handle.flush());
        } catch (err) {
          this.destroy(err);
        }
      }
      if (callback) callback();
    });
  }
};

ZlibBase.prototype.params = function params(level, strategy, callback) {
  checkRange({ level }, 'level', -1, 9, -1);
  checkRange({ strategy }, 'strategy', 0, 4, 0);
  // Go's encoders cannot change level mid-stream: flush, as Node does first.
  this.flush(constants.Z_SYNC_FLUSH, callback);
};

ZlibBase.prototype.reset = function reset() {
  if (this[kHandle]) this[kHandle].close();
  this[kHandle] = native.open(this._mode, this._nativeOptions);
  this._handle = this[kHandle];
};

ZlibBase.prototype.close = function close(callback) {
  if (callback) require('internal/stream_eos').finished(this, callback);
  this.destroy();
};

ZlibBase.prototype._destroy = function _destroy(err, cb) {
  if (this[kHandle]) {
    this[kHandle].close();
    this[kHandle] = null;
    this._handle = null;
  }
  cb(err);
};

Object.defineProperty(ZlibBase.prototype, '_closed', {
  configurable: true,
  get() { return !this[kHandle]; },
});

function defineClass(name, mode) {
  const C = {
    [name]: function (opts) {
      if (!(this instanceof C)) return new C(opts);
      ZlibBase.call(this, mode, opts);
    },
  }[name];
  Object.setPrototypeOf(C.prototype, ZlibBase.prototype);
  Object.setPrototypeOf(C, ZlibBase);
  return C;
}

const Deflate = defineClass('Deflate', 'deflate');
const Inflate = defineClass('Inflate', 'inflate');
const Gzip = defineClass('Gzip', 'gzip');
const Gunzip = defineClass('Gunzip', 'gunzip');
const DeflateRaw = defineClass('DeflateRaw', 'deflateRaw');
const InflateRaw = defineClass('InflateRaw', 'inflateRaw');
const Unzip = defineClass('Unzip', 'unzip');
const BrotliCompress = defineClass('BrotliCompress', 'brotliCompress');
const BrotliDecompress = defineClass('BrotliDecompress', 'brotliDecompress');

function crc32(data, value = 0) {
  if (typeof data !== 'string' && !ArrayBuffer.isView(data)) {
    throw errors.invalidArgType('data', 'of type string or an instance of Buffer, TypedArray, or DataView', data);
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 4294967295) {
    if (typeof value !== 'number') throw errors.invalidArgType('value', 'of type number', value);
    throw errors.outOfRange('value', '>= 0 && <= 4294967295', value);
  }
  return native.crc32(typeof data === 'string' ? Buffer.from(data) : bytesOf(data), value);
}

module.exports = {
  crc32,
  Deflate, Inflate, Gzip, Gunzip, DeflateRaw, InflateRaw, Unzip, BrotliCompress, BrotliDecompress,
  deflate: asyncFn('deflate'), deflateSync: syncFn('deflate'),
  gzip: asyncFn('gzip'), gzipSync: syncFn('gzip'),
  deflateRaw: asyncFn('deflateRaw'), deflateRawSync: syncFn('deflateRaw'),
  unzip: asyncFn('unzip'), unzipSync: syncFn('unzip'),
  inflate: asyncFn('inflate'), inflateSync: syncFn('inflate'),
  gunzip: asyncFn('gunzip'), gunzipSync: syncFn('gunzip'),
  inflateRaw: asyncFn('inflateRaw'), inflateRawSync: syncFn('inflateRaw'),
  brotliCompress: asyncFn('brotliCompress'), brotliCompressSync: syncFn('brotliCompress'),
  brotliDecompress: asyncFn('brotliDecompress'), brotliDecompressSync: syncFn('brotliDecompress'),
  createDeflate: (o) => new Deflate(o),
  createInflate: (o) => new Inflate(o),
  createDeflateRaw: (o) => new DeflateRaw(o),
  createInflateRaw: (o) => new InflateRaw(o),
  createGzip: (o) => new Gzip(o),
  createGunzip: (o) => new Gunzip(o),
  createUnzip: (o) => new Unzip(o),
  createBrotliCompress: (o) => new BrotliCompress(o),
  createBrotliDecompress: (o) => new BrotliDecompress(o),
  constants,
};
Object.defineProperty(module.exports, 'codes', { enumerable: true, writable: false, value: codes });
for (const key of Object.keys(constants)) {
  if (key.startsWith('BROTLI_')) continue;
  Object.defineProperty(module.exports, key, { enumerable: false, writable: false, value: constants[key] });
}
