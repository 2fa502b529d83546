'use strict';
// internal/stream_duplex — Duplex (a Readable that is also a Writable),
// Transform (_transform/_flush between the two sides) and PassThrough.

const u = require('internal/stream_util');
const { Readable, kDuplex } = require('internal/stream_readable');
const { Writable } = require('internal/stream_writable');
const { errors } = u;

function Duplex(options) {
  if (!(this instanceof Duplex)) return new Duplex(options);
  Readable.call(this, options);
  Writable.call(this, options);
  if (options) {
    this.allowHalfOpen = options.allowHalfOpen !== false;
    if (options.readable === false) {
      this._readableState.readable = false;
      this._readableState.ended = true;
      this._readableState.endEmitted = true;
    }
    if (options.writable === false) {
      this._writableState.writable = false;
      this._writableState.ending = true;
      this._writableState.ended = true;
      this._writableState.finished = true;
    }
  } else {
    this.allowHalfOpen = true;
  }
}
Object.setPrototypeOf(Duplex.prototype, Readable.prototype);
Object.setPrototypeOf(Duplex, Readable);
Object.defineProperty(Duplex.prototype, kDuplex, { value: true });

// Like Node: Writable's methods (its enumerable keys) and a fixed list of
// its getters; Readable's versions win where both have one.
for (const key of Object.keys(Writable.prototype)) {
  if (!Object.prototype.hasOwnProperty.call(Duplex.prototype, key) && !(key in Readable.prototype)) {
    Duplex.prototype[key] = Writable.prototype[key];
  }
}
for (const key of ['writable', 'writableHighWaterMark', 'writableObjectMode', 'writableBuffer',
  'writableLength', 'writableFinished', 'writableCorked', 'writableEnded', 'writableNeedDrain']) {
  Object.defineProperty(Duplex.prototype, key, Object.getOwnPropertyDescriptor(Writable.prototype, key));
}

Object.defineProperties(Duplex.prototype, {
  destroyed: {
    get() {
      if (this._readableState === undefined || this._writableState === undefined) return false;
      return this._readableState.destroyed && this._writableState.destroyed;
    },
    set(v) {
      if (this._readableState && this._writableState) {
        this._readableState.destroyed = v;
        this._writableState.destroyed = v;
      }
    },
  },
});

// Duplex.from turns a function, iterable, promise or {readable, writable}
// pair into a Duplex.
Duplex.from = function from(body) {
  if (body instanceof Duplex) return body;
  if (u.isReadableNodeStream(body) && !u.isWritableNodeStream(body)) {
    return wrapPair({ readable: body });
  }
  if (u.isWritableNodeStream(body) && !u.isReadableNodeStream(body)) {
    return wrapPair({ writable: body });
  }
  if (u.isNodeStream(body)) return body;
  if (typeof body === 'string' || body instanceof Uint8Array || u.isIterable(body)) {
    return wrapPair({ readable: Readable.from(body) });
  }
  if (body && typeof body.then === 'function') {
    const d = new Duplex({ objectMode: true, writable: false, read() {} });
    body.then((v) => { if (v != null) d.push(v); d.push(null); }, (err) => d.destroy(err));
    return d;
  }
  if (body && typeof body === 'object' && (body.readable || body.writable)) return wrapPair(body);
  if (typeof body === 'function') {
    const pt = new PassThrough({ objectMode: true });
    const ret = body(pt);
    if (ret && (u.isIterable(ret) || u.isNodeStream(ret))) {
      return wrapPair({ writable: pt, readable: u.isNodeStream(ret) ? ret : Readable.from(ret) });
    }
    if (ret && typeof ret.then === 'function') {
      const d = new Duplex({
        objectMode: true,
        readable: false,
        write(chunk, enc, cb) { if (pt.write(chunk)) cb(); else pt.once('drain', cb); },
        final(cb) { pt.end(); ret.then(() => cb(), cb); },
      });
      return d;
    }
    throw errors.invalidArgType('body', 'a function returning an iterable, stream or promise', ret);
  }
  throw errors.invalidArgType('body',
    'of type string or an instance of Blob, ReadableStream, WritableStream, Stream, Iterable, AsyncIterable, Function, { readable, writable } pair, or Promise',
    body);
};

function wrapPair({ readable, writable }) {
  const r = readable;
  const w = writable;
  const d = new Duplex({
    objectMode: !!((r && r.readableObjectMode) || (w && w.writableObjectMode)),
    readable: !!r,
    writable: !!w,
    write(chunk, enc, cb) {
      if (w.write(chunk, enc)) cb();
      else w.once('drain', () => cb());
    },
    final(cb) {
      w.end();
      require('internal/stream_eos').finished(w, { readable: false }, (err) => cb(err));
    },
    read() {
      if (r) r.resume();
    },
    destroy(err, cb) {
      if (r && !r.destroyed) r.destroy(err);
      if (w && !w.destroyed) w.destroy(err);
      cb(err);
    },
  });
  if (r) {
    r.on('data', (chunk) => { if (!d.push(chunk)) r.pause(); });
    r.on('end', () => d.push(null));
    r.on('error', (err) => d.destroy(err));
  }
  if (w) w.on('error', (err) => d.destroy(err));
  return d;
}

// --- Transform -------------------------------------------------------------

const kCallback = Symbol('kCallback');

function Transform(options) {
  if (!(this instanceof Transform)) return new Transform(options);
  const readableHWM = options && options.readableHighWaterMark != null && options.highWaterMark == null
    ? options.readableHighWaterMark : null;
  if (readableHWM === 0) {
    options = {
      ...options,
      highWaterMark: null,
      readableHighWaterMark: readableHWM,
      writableHighWaterMark: options.writableHighWaterMark || 0,
    };
  }
  Duplex.call(this, options);
  this._readableState.sync = false;
  this[kCallback] = null;
  if (options) {
    if (typeof options.transform === 'function') this._transform = options.transform;
    if (typeof options.flush === 'function') this._flush = options.flush;
  }
  this.on('prefinish', prefinish);
}
Object.setPrototypeOf(Transform.prototype, Duplex.prototype);
Object.setPrototypeOf(Transform, Duplex);

function final(cb) {
  if (typeof this._flush === 'function' && !this.destroyed) {
    this._flush((er, data) => {
      if (er) {
        if (cb) cb(er);
        else this.destroy(er);
        return;
      }
      if (data != null) this.push(data);
      this.push(null);
      if (cb) cb();
    });
  } else {
    this.push(null);
    if (cb) cb();
  }
}

function prefinish() {
  if (this._final !== final) final.call(this);
}

Transform.prototype._final = final;

Transform.prototype._transform = function _transform(chunk, encoding, cb) {
  throw errors.methodNotImplemented('_transform()');
};

Transform.prototype._write = function _write(chunk, encoding, callback) {
  const rState = this._readableState;
  const wState = this._writableState;
  const length = rState.length;
  this._transform(chunk, encoding, (err, val) => {
    if (err) {
      callback(err);
      return;
    }
    if (val != null) this.push(val);
    if (wState.ended || length === rState.length || rState.length < rState.highWaterMark) {
      callback();
    } else {
      this[kCallback] = callback;
    }
  });
};

Transform.prototype._read = function _read() {
  if (this[kCallback]) {
    const cb = this[kCallback];
    this[kCallback] = null;
    cb();
  }
};

function PassThrough(options) {
  if (!(this instanceof PassThrough)) return new PassThrough(options);
  Transform.call(this, options);
}
Object.setPrototypeOf(PassThrough.prototype, Transform.prototype);
Object.setPrototypeOf(PassThrough, Transform);

PassThrough.prototype._transform = function _transform(chunk, encoding, cb) {
  cb(null, chunk);
};

// duplexPair returns two Duplex streams wired to each other: what one side
// writes, the other reads.
function duplexPair(options) {
  const a = new Duplex({ ...options, read() { resumeWriter(a); } });
  const b = new Duplex({ ...options, read() { resumeWriter(b); } });
  wireSide(a, b);
  wireSide(b, a);
  return [a, b];
}

const kPendingWrite = Symbol('kPendingWrite');

function resumeWriter(reader) {
  const writer = reader[kOtherSide];
  const cb = writer && writer[kPendingWrite];
  if (cb) {
    writer[kPendingWrite] = null;
    cb();
  }
}

const kOtherSide = Symbol('kOtherSide');

function wireSide(side, other) {
  side[kOtherSide] = other;
  side._write = function (chunk, encoding, callback) {
    if (other.push(chunk)) callback();
    else side[kPendingWrite] = callback;
  };
  side._final = function (callback) {
    other.on('end', () => callback());
    other.push(null);
  };
}

module.exports = { Duplex, Transform, PassThrough, duplexPair };
