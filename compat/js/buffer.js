'use strict';
// node:buffer: Buffer is a Uint8Array subclass, as in Node. Encoding and
// decoding, searching, copying and filling run in Go (compat/buffer.go);
// this file validates arguments the way Node does and keeps Node's errors.

const natives = require('internal/buffer');
const { nodeError } = require('internal/util/errors');

const kMaxLength = 2 ** 32;
const kStringMaxLength = 536870888;
const kInspect = Symbol.for('nodejs.util.inspect.custom');
const kIsEncoding = Symbol('kIsEncodingSymbol');

// ---------------------------------------------------------------- errors

function addNumericalSeparator(s) {
  let out = '';
  let i = s.length;
  const start = s[0] === '-' ? 1 : 0;
  for (; i >= start + 4; i -= 3) out = '_' + s.slice(i - 3, i) + out;
  return s.slice(0, i) + out;
}

function quoteString(s) {
  let q = "'";
  if (s.includes("'")) {
    if (!s.includes('"')) q = '"';
    else if (!s.includes('`') && !s.includes('${')) q = '`';
  }
  s = s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\r/g, '\\r');
  if (q === "'") s = s.replace(/'/g, "\\'");
  return q + s + q;
}

function inspectValue(v) {
  switch (typeof v) {
    case 'string': return quoteString(v);
    case 'number': return Object.is(v, -0) ? '-0' : String(v);
    case 'bigint': return v + 'n';
    case 'symbol': return v.toString();
    case 'function': return `[Function: ${v.name || '(anonymous)'}]`;
    case 'object':
      if (v === null) return 'null';
      if (isUint8Array(v)) return inspectBuffer(v, false);
      try { return require('util').inspect(v, { depth: -1 }); } catch (e) { return Object.prototype.toString.call(v); }
    default: return String(v);
  }
}

// describeReceived is the "Received ..." tail of ERR_INVALID_ARG_TYPE.
function describeReceived(v) {
  if (v == null) return ' Received ' + v;
  if (typeof v === 'function') return ` Received function ${v.name}`;
  if (typeof v === 'object') {
    const ctor = v.constructor;
    if (ctor && typeof ctor.name === 'string' && ctor.name !== '') return ` Received an instance of ${ctor.name}`;
    return ' Received ' + inspectValue(v);
  }
  let shown = inspectValue(v);
  if (shown.length > 28) shown = shown.slice(0, 25) + '...';
  return ` Received type ${typeof v} (${shown})`;
}

function invalidArgType(name, expected, value) {
  return nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', `The "${name}" argument must be ${expected}.${describeReceived(value)}`);
}

function formatRangeReceived(v) {
  if (typeof v === 'number' && Number.isInteger(v) && Math.abs(v) > 2 ** 32) return addNumericalSeparator(String(v));
  if (typeof v === 'bigint') {
    let s = String(v);
    if (v > 2n ** 32n || v < -(2n ** 32n)) s = addNumericalSeparator(s);
    return s + 'n';
  }
  return inspectValue(v);
}

function outOfRange(name, range, value) {
  return nodeError(RangeError, 'ERR_OUT_OF_RANGE',
    `The value of "${name}" is out of range. It must be ${range}. Received ${formatRangeReceived(value)}`);
}

function bufferOutOfBounds(name) {
  return nodeError(RangeError, 'ERR_BUFFER_OUT_OF_BOUNDS',
    name ? `"${name}" is outside of buffer bounds` : 'Attempt to access memory outside buffer bounds');
}

function unknownEncoding(enc) {
  return nodeError(TypeError, 'ERR_UNKNOWN_ENCODING', `Unknown encoding: ${enc}`);
}

function invalidArgValue(name, value) {
  return nodeError(TypeError, 'ERR_INVALID_ARG_VALUE', `The argument '${name}' is invalid. Received ${inspectValue(value)}`);
}

function validateNumber(value, name) {
  if (typeof value !== 'number') throw invalidArgType(name, 'of type number', value);
}

// validateOffset is Node's check for offsets and lengths given to
// fill, compare and write: a number, an integer, within [min, max].
function validateOffset(value, name, min = 0, max = kMaxLength) {
  if (typeof value !== 'number') throw invalidArgType(name, 'of type number', value);
  if (!Number.isInteger(value)) throw outOfRange(name, 'an integer', value);
  if (value < min || value > max) throw outOfRange(name, `>= ${min} && <= ${max}`, value);
}

function isUint8Array(v) {
  return v instanceof Uint8Array;
}

// ------------------------------------------------------------- encodings

// Ids shared with compat/buffer.go.
const UTF8 = 0, UCS2 = 1, LATIN1 = 2, ASCII = 3, HEX = 4, BASE64 = 5, BASE64URL = 6;
const encodingIds = {
  __proto__: null,
  'utf8': UTF8, 'utf-8': UTF8,
  'ucs2': UCS2, 'ucs-2': UCS2, 'utf16le': UCS2, 'utf-16le': UCS2,
  'latin1': LATIN1, 'binary': LATIN1,
  'ascii': ASCII, 'hex': HEX, 'base64': BASE64, 'base64url': BASE64URL,
};
const encodingNames = ['utf8', 'utf16le', 'latin1', 'ascii', 'hex', 'base64', 'base64url'];

// encodingId maps an encoding name (any case) to its id, or -1.
function encodingId(enc) {
  if (typeof enc === 'string') {
    const id = encodingIds[enc];
    if (id !== undefined) return id;
  }
  const id = encodingIds[String(enc).toLowerCase()];
  return id === undefined ? -1 : id;
}

function encodingOrThrow(enc) {
  const id = encodingId(enc);
  if (id < 0) throw unknownEncoding(enc);
  return id;
}

function normalizeEncoding(enc) {
  if (enc == null || enc === '') return 'utf8';
  const id = encodingId(enc);
  return id < 0 ? undefined : encodingNames[id];
}

// ------------------------------------------------------------ the class

class FastBuffer extends Uint8Array {
  // eslint-disable-next-line no-useless-constructor
  constructor(bufferOrLength, byteOffset, length) {
    super(bufferOrLength, byteOffset, length);
  }
}

function Buffer(arg, encodingOrOffset, length) {
  if (typeof arg === 'number') {
    if (typeof encodingOrOffset === 'string') throw invalidArgType('string', 'of type string', arg);
    return Buffer.alloc(arg);
  }
  return Buffer.from(arg, encodingOrOffset, length);
}

Buffer.prototype = FastBuffer.prototype;
Object.defineProperty(Buffer.prototype, 'constructor', { value: Buffer, writable: true, configurable: true, enumerable: false });
Object.setPrototypeOf(Buffer, Uint8Array);
Object.defineProperty(Buffer, Symbol.species, { get() { return FastBuffer; }, configurable: true, enumerable: false });
Buffer.poolSize = 8 * 1024;

function assertSize(size) {
  validateNumber(size, 'size');
  if (!(size >= 0 && size <= kMaxLength)) throw outOfRange('size', `>= 0 && <= ${kMaxLength}`, size);
  // gojaapi's per-allocation cap (compat.Options.MaxAllocation): Node's
  // error for an allocation the process cannot make.
  if (size > natives.maxAllocation) throw new RangeError('Array buffer allocation failed');
}

Buffer.alloc = function alloc(size, fill, encoding) {
  assertSize(size);
  const buf = new FastBuffer(size);
  if (fill !== undefined && fill !== 0 && size > 0) return fillImpl(buf, fill, 0, buf.length, encoding);
  return buf;
};

Buffer.allocUnsafe = function allocUnsafe(size) {
  assertSize(size);
  return new FastBuffer(size);
};

Buffer.allocUnsafeSlow = function allocUnsafeSlow(size) {
  assertSize(size);
  return new FastBuffer(size);
};

function SlowBuffer(size) {
  assertSize(size);
  return new FastBuffer(size);
}
Object.setPrototypeOf(SlowBuffer.prototype, Uint8Array.prototype);
Object.setPrototypeOf(SlowBuffer, Uint8Array);

function fromString(string, encoding) {
  let id = UTF8;
  if (typeof encoding === 'string' && encoding.length !== 0 && encoding !== 'utf8' && encoding !== 'utf-8') {
    id = encodingOrThrow(encoding);
  }
  return new FastBuffer(natives.encode(string, id));
}

function fromArrayBuffer(ab, byteOffset, length) {
  if (byteOffset === undefined) {
    byteOffset = 0;
  } else {
    byteOffset = +byteOffset;
    if (Number.isNaN(byteOffset)) byteOffset = 0;
  }
  const maxLength = ab.byteLength - byteOffset;
  if (maxLength < 0) throw bufferOutOfBounds('offset');
  if (length === undefined) {
    length = maxLength;
  } else {
    length = +length;
    if (length > 0) {
      if (length > maxLength) throw bufferOutOfBounds('length');
    } else {
      length = 0;
    }
  }
  return new FastBuffer(ab, byteOffset, length);
}

function fromArrayLike(obj) {
  const length = obj.length;
  if (!(length > 0)) return new FastBuffer();
  if (isUint8Array(obj)) {
    const ab = natives.concat([obj], obj.length);
    return new FastBuffer(ab);
  }
  const buf = new FastBuffer(length);
  buf.set(obj, 0);
  return buf;
}

function fromObject(obj) {
  if (obj.length !== undefined || obj.buffer instanceof ArrayBuffer) {
    if (typeof obj.length !== 'number') return new FastBuffer();
    return fromArrayLike(obj);
  }
  if (obj.type === 'Buffer' && Array.isArray(obj.data)) return fromArrayLike(obj.data);
  return undefined;
}

const kFromExpected = 'of type string or an instance of Buffer, ArrayBuffer, or Array or an Array-like Object';

Buffer.from = function from(value, encodingOrOffset, length) {
  if (typeof value === 'string') return fromString(value, encodingOrOffset);
  if (typeof value === 'object' && value !== null) {
    if (value instanceof ArrayBuffer || isSharedArrayBuffer(value)) return fromArrayBuffer(value, encodingOrOffset, length);
    const valueOf = value.valueOf && value.valueOf();
    if (valueOf != null && valueOf !== value && (typeof valueOf === 'string' || typeof valueOf === 'object')) {
      return from(valueOf, encodingOrOffset, length);
    }
    const b = fromObject(value);
    if (b) return b;
    if (typeof value[Symbol.toPrimitive] === 'function') {
      const primitive = value[Symbol.toPrimitive]('string');
      if (typeof primitive === 'string') return fromString(primitive, encodingOrOffset);
    }
  }
  throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE',
    `The first argument must be ${kFromExpected}.${describeReceived(value)}`);
};

function isSharedArrayBuffer(v) {
  return typeof SharedArrayBuffer === 'function' && v instanceof SharedArrayBuffer;
}

Buffer.copyBytesFrom = function copyBytesFrom(view, offset, length) {
  if (!ArrayBuffer.isView(view) || view instanceof DataView) throw invalidArgType('view', 'an instance of TypedArray', view);
  const size = view.BYTES_PER_ELEMENT;
  const viewLength = view.length;
  if (viewLength === 0) return new FastBuffer();
  if (offset !== undefined || length !== undefined) {
    if (offset !== undefined) {
      validateInteger(offset, 'offset', 0);
      if (offset >= viewLength) return new FastBuffer();
    } else {
      offset = 0;
    }
    let end;
    if (length !== undefined) {
      validateInteger(length, 'length', 0);
      end = offset + length;
    } else {
      end = viewLength;
    }
    view = view.subarray(offset, end);
  }
  const src = new Uint8Array(view.buffer, view.byteOffset, view.length * size);
  return new FastBuffer(natives.concat([src], src.length));
};

function validateInteger(value, name, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) {
  validateNumber(value, name);
  if (!Number.isInteger(value)) throw outOfRange(name, 'an integer', value);
  if (value < min || value > max) throw outOfRange(name, `>= ${min} && <= ${max}`, value);
}

Buffer.of = function of(...items) {
  const buf = new FastBuffer(items.length);
  for (let i = 0; i < items.length; i++) buf[i] = items[i];
  return buf;
};

Buffer.isBuffer = function isBuffer(b) {
  return b instanceof Buffer;
};

Buffer.compare = function compare(buf1, buf2) {
  if (!isUint8Array(buf1)) throw invalidArgType('buf1', 'an instance of Buffer or Uint8Array', buf1);
  if (!isUint8Array(buf2)) throw invalidArgType('buf2', 'an instance of Buffer or Uint8Array', buf2);
  if (buf1 === buf2) return 0;
  return natives.compare(buf1, 0, kMaxLength, buf2, 0, kMaxLength);
};

Buffer.isEncoding = function isEncoding(encoding) {
  return typeof encoding === 'string' && encoding.length !== 0 && encodingId(encoding) >= 0;
};
Buffer[kIsEncoding] = Buffer.isEncoding;

Buffer.concat = function concat(list, length) {
  if (!Array.isArray(list)) throw invalidArgType('list', 'an instance of Array', list);
  if (list.length === 0) return new FastBuffer();
  if (length === undefined) {
    length = 0;
    for (let i = 0; i < list.length; i++) {
      const item = list[i];
      if (!isUint8Array(item)) throw invalidArgType(`list[${i}]`, 'an instance of Buffer or Uint8Array', item);
      length += item.length;
    }
  } else {
    validateOffset(length, 'length');
    for (let i = 0; i < list.length; i++) {
      if (!isUint8Array(list[i])) throw invalidArgType(`list[${i}]`, 'an instance of Buffer or Uint8Array', list[i]);
    }
  }
  return new FastBuffer(natives.concat(list, length));
};

function byteLength(string, encoding) {
  if (typeof string !== 'string') {
    if (ArrayBuffer.isView(string) || string instanceof ArrayBuffer || isSharedArrayBuffer(string)) return string.byteLength;
    throw invalidArgType('string', 'of type string or an instance of Buffer or ArrayBuffer', string);
  }
  const len = string.length;
  if (len === 0) return 0;
  let id = UTF8;
  if (encoding !== undefined && encoding !== 'utf8') {
    id = encodingId(encoding);
    if (id < 0) id = UTF8;
  }
  switch (id) {
    case UCS2: return len * 2;
    case LATIN1: case ASCII: return len;
    case HEX: return len >>> 1;
    case BASE64: case BASE64URL: return base64ByteLength(string, len);
    default: return natives.byteLengthUtf8(string);
  }
}
Buffer.byteLength = byteLength;

function base64ByteLength(str, bytes) {
  if (str.charCodeAt(bytes - 1) === 0x3D) bytes--;
  if (bytes > 1 && str.charCodeAt(bytes - 1) === 0x3D) bytes--;
  return (bytes * 3) >>> 2;
}

// ------------------------------------------------------ instance methods

const proto = Buffer.prototype;

Object.defineProperty(proto, 'parent', {
  enumerable: true, configurable: true,
  get() { return this instanceof Buffer ? this.buffer : undefined; },
});
Object.defineProperty(proto, 'offset', {
  enumerable: true, configurable: true,
  get() { return this instanceof Buffer ? this.byteOffset : undefined; },
});

// Property reads such as this.length are slow on goja typed arrays (every
// string key is first checked for being a numeric index), so the hot paths
// below leave bounds to Go: it clamps an end of kMaxLength to the length.
proto.toString = function toString(encoding, start, end) {
  if (start === undefined && end === undefined) {
    if (encoding === undefined) return natives.decode(this, UTF8, 0, kMaxLength);
    const id = encodingId(encoding);
    if (id < 0) {
      if (this.length === 0) return '';
      throw unknownEncoding(encoding);
    }
    return natives.decode(this, id, 0, kMaxLength);
  }
  const len = this.length;
  if (start <= 0) start = 0;
  else if (start >= len) return '';
  else start = Math.trunc(start) || 0;
  if (end === undefined || end > len) end = len;
  else end = Math.trunc(end) || 0;
  if (end <= start) return '';
  const id = encoding === undefined ? UTF8 : encodingOrThrow(encoding);
  return natives.decode(this, id, start, end);
};
proto.toLocaleString = proto.toString;

proto.equals = function equals(otherBuffer) {
  if (!isUint8Array(otherBuffer)) throw invalidArgType('otherBuffer', 'an instance of Buffer or Uint8Array', otherBuffer);
  if (this === otherBuffer) return true;
  return natives.compare(this, 0, kMaxLength, otherBuffer, 0, kMaxLength) === 0;
};

proto.compare = function compare(target, targetStart, targetEnd, sourceStart, sourceEnd) {
  if (!isUint8Array(target)) throw invalidArgType('target', 'an instance of Buffer or Uint8Array', target);
  if (arguments.length === 1) return natives.compare(this, 0, kMaxLength, target, 0, kMaxLength);
  if (targetStart === undefined) targetStart = 0;
  else validateOffset(targetStart, 'targetStart');
  if (targetEnd === undefined) targetEnd = target.length;
  else validateOffset(targetEnd, 'targetEnd', 0, target.length);
  if (sourceStart === undefined) sourceStart = 0;
  else validateOffset(sourceStart, 'sourceStart');
  if (sourceEnd === undefined) sourceEnd = this.length;
  else validateOffset(sourceEnd, 'sourceEnd', 0, this.length);
  if (sourceStart >= sourceEnd) return targetStart >= targetEnd ? 0 : -1;
  if (targetStart >= targetEnd) return 1;
  return natives.compare(this, sourceStart, sourceEnd, target, targetStart, targetEnd);
};

function toInteger(n, defaultVal) {
  n = +n;
  if (!Number.isNaN(n) && n >= Number.MIN_SAFE_INTEGER && n <= Number.MAX_SAFE_INTEGER) {
    return n % 1 === 0 ? n : Math.floor(n);
  }
  return defaultVal;
}

proto.copy = function copy(target, targetStart, sourceStart, sourceEnd) {
  if (!isUint8Array(this)) throw invalidArgType('source', 'an instance of Buffer or Uint8Array', this);
  if (!isUint8Array(target)) throw invalidArgType('target', 'an instance of Buffer or Uint8Array', target);
  if (targetStart === undefined) {
    targetStart = 0;
  } else {
    targetStart = toInteger(targetStart, 0);
    if (targetStart < 0) throw outOfRange('targetStart', '>= 0', targetStart);
  }
  if (sourceStart === undefined) {
    sourceStart = 0;
  } else {
    sourceStart = toInteger(sourceStart, 0);
    if (sourceStart < 0 || sourceStart > this.length) throw outOfRange('sourceStart', `>= 0 && <= ${this.length}`, sourceStart);
  }
  if (sourceEnd === undefined) {
    sourceEnd = this.length;
  } else {
    sourceEnd = toInteger(sourceEnd, 0);
    if (sourceEnd < 0) throw outOfRange('sourceEnd', '>= 0', sourceEnd);
  }
  if (targetStart >= target.length || sourceStart >= sourceEnd) return 0;
  return natives.copy(this, sourceStart, sourceEnd, target, targetStart);
};

proto.write = function write(string, offset, length, encoding) {
  if (typeof string !== 'string') throw notAString();
  if (offset === undefined) return natives.write(this, string, UTF8, 0, kMaxLength);
  const len = this.length;
  if (length === undefined && typeof offset === 'string') {
    encoding = offset;
    length = len;
    offset = 0;
  } else {
    validateOffset(offset, 'offset', 0, len);
    const remaining = len - offset;
    if (length === undefined) {
      length = remaining;
    } else if (typeof length === 'string') {
      encoding = length;
      length = remaining;
    } else {
      validateOffset(length, 'length', 0, len);
      if (length > remaining) length = remaining;
    }
  }
  const id = (!encoding || encoding === 'utf8') ? UTF8 : encodingOrThrow(encoding);
  return natives.write(this, string, id, offset, length);
};

proto.toJSON = function toJSON() {
  if (this.length > 0) {
    const data = new Array(this.length);
    for (let i = 0; i < this.length; ++i) data[i] = this[i];
    return { type: 'Buffer', data };
  }
  return { type: 'Buffer', data: [] };
};

function adjustOffset(offset, length) {
  offset = Math.trunc(offset);
  if (offset === 0 || Number.isNaN(offset)) return 0;
  if (offset < 0) {
    offset += length;
    return offset > 0 ? offset : 0;
  }
  return offset < length ? offset : length;
}

proto.subarray = function subarray(start, end) {
  const srcLength = this.length;
  start = adjustOffset(start, srcLength);
  end = end !== undefined ? adjustOffset(end, srcLength) : srcLength;
  const newLength = end > start ? end - start : 0;
  return new FastBuffer(this.buffer, this.byteOffset + start, newLength);
};
proto.slice = function slice(start, end) {
  return this.subarray(start, end);
};

function fillImpl(buf, value, offset, end, encoding) {
  let id = UTF8;
  if (typeof value === 'string') {
    if (offset === undefined || typeof offset === 'string') {
      encoding = offset;
      offset = 0;
      end = buf.length;
    } else if (typeof end === 'string') {
      encoding = end;
      end = buf.length;
    }
    if (encoding != null && encoding !== '' && encoding !== 'utf8') {
      if (typeof encoding !== 'string') throw invalidArgType('encoding', 'of type string', encoding);
      id = encodingOrThrow(encoding);
    }
    if (value.length === 0) {
      value = 0;
    } else if (value.length === 1) {
      const code = value.charCodeAt(0);
      if ((id === UTF8 && code < 128) || id === LATIN1) value = code;
    }
  } else if (typeof value === 'boolean') {
    value = +value;
  }
  if (offset === undefined) {
    offset = 0;
    end = buf.length;
  } else {
    validateOffset(offset, 'offset');
    if (end === undefined) end = buf.length;
    else validateOffset(end, 'end', 0, buf.length);
    if (offset >= end) return buf;
  }
  if (typeof value === 'number') {
    Uint8Array.prototype.fill.call(buf, value & 255, offset, end);
    return buf;
  }
  if (typeof value !== 'string' && !ArrayBuffer.isView(value)) {
    Uint8Array.prototype.fill.call(buf, (+value) & 255, offset, end);
    return buf;
  }
  const pattern = typeof value === 'string' ? value : asBytes(value);
  if (natives.fill(buf, offset, end, pattern, id) < 0) throw invalidArgValue('value', value);
  return buf;
}

// asBytes views any ArrayBufferView as a Uint8Array over the same memory.
function asBytes(view) {
  if (isUint8Array(view)) return view;
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

proto.fill = function fill(value, offset, end, encoding) {
  return fillImpl(this, value, offset, end, encoding);
};

const kIndexOfExpected = 'one of type number or string or an instance of Buffer or Uint8Array';

function bidirectionalIndexOf(buf, val, byteOffset, encoding, dir) {
  if (typeof byteOffset === 'string') {
    encoding = byteOffset;
    byteOffset = undefined;
  } else if (byteOffset > 0x7fffffff) {
    byteOffset = 0x7fffffff;
  } else if (byteOffset < -0x80000000) {
    byteOffset = -0x80000000;
  }
  byteOffset = +byteOffset;
  if (Number.isNaN(byteOffset)) byteOffset = dir ? 0 : buf.length;
  byteOffset = Math.trunc(byteOffset);
  if (typeof val === 'number') return natives.indexOf(buf, (val >>> 0) & 255, byteOffset, UTF8, dir);
  const id = encoding === undefined ? UTF8 : encodingId(encoding);
  if (typeof val === 'string') {
    if (id < 0) throw unknownEncoding(encoding);
    return natives.indexOf(buf, val, byteOffset, id, dir);
  }
  if (isUint8Array(val)) return natives.indexOf(buf, val, byteOffset, id < 0 ? UTF8 : id, dir);
  throw invalidArgType('value', kIndexOfExpected, val);
}

proto.indexOf = function indexOf(value, byteOffset, encoding) {
  return bidirectionalIndexOf(this, value, byteOffset, encoding, true);
};
proto.lastIndexOf = function lastIndexOf(value, byteOffset, encoding) {
  return bidirectionalIndexOf(this, value, byteOffset, encoding, false);
};
proto.includes = function includes(value, byteOffset, encoding) {
  return this.indexOf(value, byteOffset, encoding) !== -1;
};

function swapper(size) {
  return function () {
    if (this.length % size !== 0) {
      throw nodeError(RangeError, 'ERR_INVALID_BUFFER_SIZE', `Buffer size must be a multiple of ${size * 8}-bits`);
    }
    natives.swap(this, size);
    return this;
  };
}
proto.swap16 = swapper(2);
proto.swap32 = swapper(4);
proto.swap64 = swapper(8);

// Errors thrown by Node's C++ layer: a code but no "[code]" in the text.
function plainError(Base, code, message) {
  const err = new Base(message);
  err.code = code;
  return err;
}

function notAString() {
  return plainError(TypeError, 'ERR_INVALID_ARG_TYPE', 'argument must be a string');
}

// The <enc>Slice / <enc>Write methods Node exposes on Buffer.prototype.
encodingNames.forEach((name, id) => {
  const prefix = name === 'utf16le' ? 'ucs2' : name;
  proto[prefix + 'Slice'] = function (start, end) {
    const len = this.length;
    start = start === undefined ? 0 : Math.trunc(start) || 0;
    end = end === undefined ? len : Math.trunc(end) || 0;
    if (end < start) end = start;
    if (start < 0 || end > len) throw plainError(RangeError, 'ERR_OUT_OF_RANGE', 'Index out of range');
    return natives.decode(this, id, start, end);
  };
  proto[prefix + 'Write'] = function (string, offset, length) {
    if (typeof string !== 'string') throw notAString();
    const len = this.length;
    offset = offset === undefined ? 0 : Math.trunc(offset) || 0;
    if (offset < 0) throw plainError(RangeError, 'ERR_OUT_OF_RANGE', 'Index out of range');
    if (offset > len) throw plainError(RangeError, 'ERR_BUFFER_OUT_OF_BOUNDS', '"offset" is outside of buffer bounds');
    length = length === undefined ? len - offset : Math.trunc(length) || 0;
    if (length < 0) throw plainError(RangeError, 'ERR_OUT_OF_RANGE', 'Index out of range');
    return natives.write(this, string, id, offset, Math.min(length, len - offset));
  };
});

const INSPECT_MAX_BYTES = 50;

function inspectBuffer(buf, withProps) {
  const max = exportsObj.INSPECT_MAX_BYTES;
  const shown = Math.min(max, buf.length);
  const hex = natives.decode(buf, HEX, 0, shown);
  let str = '';
  for (let i = 0; i < hex.length; i += 2) str += (i ? ' ' : '') + hex.slice(i, i + 2);
  const remaining = buf.length - max;
  if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
  if (withProps) {
    const extras = Object.keys(buf).filter((k) => !/^\d+$/.test(k));
    if (extras.length) {
      let inspect;
      try { inspect = require('util').inspect; } catch (e) { inspect = String; }
      str += (str ? ', ' : '') + extras.map((k) => `${k}: ${inspect(buf[k])}`).join(', ');
    }
  }
  const name = (buf.constructor && buf.constructor.name) || 'Buffer';
  return `<${name} ${str}>`;
}

proto[kInspect] = function inspect(recurseTimes, ctx) {
  return inspectBuffer(this, ctx !== undefined);
};
proto.inspect = proto[kInspect];

// ------------------------------------------------- numeric read / write

function boundsError(value, length, type) {
  if (Math.floor(value) !== value) {
    validateNumber(value, type || 'offset');
    throw outOfRange(type || 'offset', 'an integer', value);
  }
  if (length < 0) throw bufferOutOfBounds();
  throw outOfRange(type || 'offset', `>= ${type ? 1 : 0} and <= ${length}`, value);
}

// checkRead validates offset for reading size bytes. Indexing is cheap and
// gives undefined for anything but an integer inside the buffer.
function checkRead(buf, offset, size) {
  if (typeof offset !== 'number') throw invalidArgType('offset', 'of type number', offset);
  if (buf[offset] === undefined || buf[offset + size - 1] === undefined) boundsError(offset, buf.length - size);
}

function rangeText(min, max, size) {
  if (size > 4) {
    const n = typeof min === 'bigint' ? 'n' : '';
    const bits = size * 8;
    if (min === 0 || min === 0n) return `>= 0${n} and < 2${n} ** ${bits}${n}`;
    return `>= -(2${n} ** ${bits - 1}${n}) and < 2${n} ** ${bits - 1}${n}`;
  }
  return `>= ${min} and <= ${max}`;
}

// checkWrite validates value (already a number) and offset for writing
// size bytes, in Node's order.
function checkWrite(buf, value, offset, size, min, max) {
  if (value > max || value < min) throw outOfRange('value', rangeText(min, max, size), value);
  checkRead(buf, offset, size);
}

function readUIntAt(buf, offset, size, le) {
  let val = 0;
  let mul = 1;
  if (le) {
    for (let i = 0; i < size; i++, mul *= 256) val += buf[offset + i] * mul;
  } else {
    for (let i = size - 1; i >= 0; i--, mul *= 256) val += buf[offset + i] * mul;
  }
  return val;
}

function writeUIntAt(buf, value, offset, size, le) {
  // The low 32 bits go byte by byte; anything above comes from hi.
  let hi = size > 4 ? Math.floor(value * 2 ** -32) : 0;
  const low = Math.min(size, 4);
  for (let i = 0; i < size; i++) {
    const at = le ? offset + i : offset + size - 1 - i;
    if (i < low) {
      buf[at] = value;
      value = value >>> 8;
    } else {
      buf[at] = hi;
      hi = hi >>> 8;
    }
  }
  return offset + size;
}

proto.readUInt8 = function readUInt8(offset = 0) {
  checkRead(this, offset, 1);
  return this[offset];
};
proto.readInt8 = function readInt8(offset = 0) {
  checkRead(this, offset, 1);
  const v = this[offset];
  return v | (v & 0x80) * 0x1fffffe;
};
proto.readUInt16LE = function readUInt16LE(offset = 0) {
  checkRead(this, offset, 2);
  return this[offset] + this[offset + 1] * 256;
};
proto.readUInt16BE = function readUInt16BE(offset = 0) {
  checkRead(this, offset, 2);
  return this[offset] * 256 + this[offset + 1];
};
proto.readInt16LE = function readInt16LE(offset = 0) {
  checkRead(this, offset, 2);
  const v = this[offset] + this[offset + 1] * 256;
  return v | (v & 0x8000) * 0x1fffe;
};
proto.readInt16BE = function readInt16BE(offset = 0) {
  checkRead(this, offset, 2);
  const v = this[offset] * 256 + this[offset + 1];
  return v | (v & 0x8000) * 0x1fffe;
};
proto.readUInt32LE = function readUInt32LE(offset = 0) {
  checkRead(this, offset, 4);
  return this[offset] + this[offset + 1] * 2 ** 8 + this[offset + 2] * 2 ** 16 + this[offset + 3] * 2 ** 24;
};
proto.readUInt32BE = function readUInt32BE(offset = 0) {
  checkRead(this, offset, 4);
  return this[offset] * 2 ** 24 + this[offset + 1] * 2 ** 16 + this[offset + 2] * 2 ** 8 + this[offset + 3];
};
proto.readInt32LE = function readInt32LE(offset = 0) {
  checkRead(this, offset, 4);
  return this[offset] + this[offset + 1] * 2 ** 8 + this[offset + 2] * 2 ** 16 + (this[offset + 3] << 24);
};
proto.readInt32BE = function readInt32BE(offset = 0) {
  checkRead(this, offset, 4);
  return (this[offset] << 24) + this[offset + 1] * 2 ** 16 + this[offset + 2] * 2 ** 8 + this[offset + 3];
};

function readIntSized(le, signed) {
  return function (offset, byteLength) {
    if (offset === undefined) throw invalidArgType('offset', 'of type number', offset);
    if (!(byteLength >= 1 && byteLength <= 6 && Math.floor(byteLength) === byteLength)) boundsError(byteLength, 6, 'byteLength');
    checkRead(this, offset, byteLength);
    let v = readUIntAt(this, offset, byteLength, le);
    if (signed && v >= 2 ** (8 * byteLength - 1)) v -= 2 ** (8 * byteLength);
    return v;
  };
}
proto.readUIntLE = readIntSized(true, false);
proto.readUIntBE = readIntSized(false, false);
proto.readIntLE = readIntSized(true, true);
proto.readIntBE = readIntSized(false, true);

proto.readBigUInt64LE = function readBigUInt64LE(offset = 0) {
  checkRead(this, offset, 8);
  const lo = readUIntAt(this, offset, 4, true);
  const hi = readUIntAt(this, offset + 4, 4, true);
  return BigInt(lo) + (BigInt(hi) << 32n);
};
proto.readBigUInt64BE = function readBigUInt64BE(offset = 0) {
  checkRead(this, offset, 8);
  const hi = readUIntAt(this, offset, 4, false);
  const lo = readUIntAt(this, offset + 4, 4, false);
  return (BigInt(hi) << 32n) + BigInt(lo);
};
proto.readBigInt64LE = function readBigInt64LE(offset = 0) {
  checkRead(this, offset, 8);
  const lo = readUIntAt(this, offset, 4, true);
  const hi = readUIntAt(this, offset + 4, 4, true) | 0;
  return (BigInt(hi) << 32n) + BigInt(lo);
};
proto.readBigInt64BE = function readBigInt64BE(offset = 0) {
  checkRead(this, offset, 8);
  const hi = readUIntAt(this, offset, 4, false) | 0;
  const lo = readUIntAt(this, offset + 4, 4, false);
  return (BigInt(hi) << 32n) + BigInt(lo);
};

// Floats go through a scratch array in the host's byte order.
const f32 = new Float32Array(1);
const f32b = new Uint8Array(f32.buffer);
const f64 = new Float64Array(1);
const f64b = new Uint8Array(f64.buffer);
const hostLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function readFloatAt(buf, offset, size, le) {
  checkRead(buf, offset, size);
  const scratch = size === 4 ? f32b : f64b;
  const same = le === hostLE;
  for (let i = 0; i < size; i++) scratch[same ? i : size - 1 - i] = buf[offset + i];
  return size === 4 ? f32[0] : f64[0];
}

function writeFloatAt(buf, value, offset, size, le) {
  value = +value;
  checkRead(buf, offset, size);
  const scratch = size === 4 ? f32b : f64b;
  if (size === 4) f32[0] = value; else f64[0] = value;
  const same = le === hostLE;
  for (let i = 0; i < size; i++) buf[offset + i] = scratch[same ? i : size - 1 - i];
  return offset + size;
}

proto.readFloatLE = function readFloatLE(offset = 0) { return readFloatAt(this, offset, 4, true); };
proto.readFloatBE = function readFloatBE(offset = 0) { return readFloatAt(this, offset, 4, false); };
proto.readDoubleLE = function readDoubleLE(offset = 0) { return readFloatAt(this, offset, 8, true); };
proto.readDoubleBE = function readDoubleBE(offset = 0) { return readFloatAt(this, offset, 8, false); };
proto.writeFloatLE = function writeFloatLE(value, offset = 0) { return writeFloatAt(this, value, offset, 4, true); };
proto.writeFloatBE = function writeFloatBE(value, offset = 0) { return writeFloatAt(this, value, offset, 4, false); };
proto.writeDoubleLE = function writeDoubleLE(value, offset = 0) { return writeFloatAt(this, value, offset, 8, true); };
proto.writeDoubleBE = function writeDoubleBE(value, offset = 0) { return writeFloatAt(this, value, offset, 8, false); };

proto.writeUInt8 = function writeUInt8(value, offset = 0) {
  value = +value;
  validateNumber(offset, 'offset');
  if (value > 0xff || value < 0) throw outOfRange('value', '>= 0 and <= 255', value);
  if (this[offset] === undefined) boundsError(offset, this.length - 1);
  this[offset] = value;
  return offset + 1;
};
proto.writeInt8 = function writeInt8(value, offset = 0) {
  value = +value;
  validateNumber(offset, 'offset');
  if (value > 0x7f || value < -0x80) throw outOfRange('value', '>= -128 and <= 127', value);
  if (this[offset] === undefined) boundsError(offset, this.length - 1);
  this[offset] = value;
  return offset + 1;
};

function fixedWriter(size, le, min, max) {
  return function (value, offset = 0) {
    value = +value;
    checkWrite(this, value, offset, size, min, max);
    return writeUIntAt(this, value, offset, size, le);
  };
}
proto.writeUInt16LE = fixedWriter(2, true, 0, 0xffff);
proto.writeUInt16BE = fixedWriter(2, false, 0, 0xffff);
proto.writeInt16LE = fixedWriter(2, true, -0x8000, 0x7fff);
proto.writeInt16BE = fixedWriter(2, false, -0x8000, 0x7fff);
proto.writeUInt32LE = fixedWriter(4, true, 0, 0xffffffff);
proto.writeUInt32BE = fixedWriter(4, false, 0, 0xffffffff);
proto.writeInt32LE = fixedWriter(4, true, -0x80000000, 0x7fffffff);
proto.writeInt32BE = fixedWriter(4, false, -0x80000000, 0x7fffffff);

function sizedWriter(le, signed) {
  return function (value, offset, byteLength) {
    if (!(byteLength >= 1 && byteLength <= 6 && Math.floor(byteLength) === byteLength)) boundsError(byteLength, 6, 'byteLength');
    if (byteLength === 1) {
      return signed ? proto.writeInt8.call(this, value, offset) : proto.writeUInt8.call(this, value, offset);
    }
    value = +value;
    const bits = 8 * byteLength;
    const min = signed ? -(2 ** (bits - 1)) : 0;
    const max = signed ? 2 ** (bits - 1) - 1 : 2 ** bits - 1;
    checkWrite(this, value, offset, byteLength, min, max);
    return writeUIntAt(this, value, offset, byteLength, le);
  };
}
proto.writeUIntLE = sizedWriter(true, false);
proto.writeUIntBE = sizedWriter(false, false);
proto.writeIntLE = sizedWriter(true, true);
proto.writeIntBE = sizedWriter(false, true);

function bigWriter(le, signed) {
  const min = signed ? -(2n ** 63n) : 0n;
  const max = signed ? 2n ** 63n - 1n : 2n ** 64n - 1n;
  return function (value, offset = 0) {
    checkWrite(this, value, offset, 8, min, max);
    const lo = Number(value & 0xffffffffn);
    const hi = Number((value >> 32n) & 0xffffffffn);
    if (le) {
      writeUIntAt(this, lo, offset, 4, true);
      writeUIntAt(this, hi, offset + 4, 4, true);
    } else {
      writeUIntAt(this, hi, offset, 4, false);
      writeUIntAt(this, lo, offset + 4, 4, false);
    }
    return offset + 8;
  };
}
proto.writeBigUInt64LE = bigWriter(true, false);
proto.writeBigUInt64BE = bigWriter(false, false);
proto.writeBigInt64LE = bigWriter(true, true);
proto.writeBigInt64BE = bigWriter(false, true);

// Lower-case "Uint" aliases.
for (const name of Object.keys(proto)) {
  if (/^(read|write)(Big)?UInt/.test(name)) proto[name.replace('UInt', 'Uint')] = proto[name];
}

// ------------------------------------------------------ module functions

function throwDOMException(message) {
  const DOMExceptionCtor = globalThis.DOMException;
  if (typeof DOMExceptionCtor === 'function') throw new DOMExceptionCtor(message, 'InvalidCharacterError');
  const err = new Error(message);
  err.name = 'InvalidCharacterError';
  err.code = 5;
  throw err;
}

function missingArgs(name) {
  return nodeError(TypeError, 'ERR_MISSING_ARGS', `The "${name}" argument must be specified`);
}

function atob(input) {
  if (arguments.length === 0) throw missingArgs('input');
  const r = natives.atob(`${input}`);
  if (r === 1) throwDOMException('Invalid character');
  if (r === 2) throwDOMException('The string to be decoded is not correctly encoded.');
  return r;
}

function btoa(input) {
  if (arguments.length === 0) throw missingArgs('input');
  const r = natives.btoa(`${input}`);
  if (r === null) throwDOMException('Invalid character');
  return r;
}

function viewArg(input, name) {
  if (isUint8Array(input)) return input;
  if (ArrayBuffer.isView(input)) return asBytes(input);
  if (input instanceof ArrayBuffer || isSharedArrayBuffer(input)) return new Uint8Array(input);
  throw invalidArgType(name, 'an instance of ArrayBuffer, Buffer, or TypedArray', input);
}

function isUtf8(input) {
  return natives.isUtf8(viewArg(input, 'input'));
}

function isAscii(input) {
  return natives.isAscii(viewArg(input, 'input'));
}

const transcodable = { utf8: true, utf16le: true, latin1: true, ascii: true };

function transcode(source, fromEnc, toEnc) {
  if (!isUint8Array(source)) throw invalidArgType('source', 'an instance of Buffer or Uint8Array', source);
  if (source.length === 0) return new FastBuffer();
  const from = normalizeEncoding(fromEnc);
  const to = normalizeEncoding(toEnc);
  if (!transcodable[from] || !transcodable[to]) {
    const err = new Error('Unable to transcode Buffer [U_ILLEGAL_ARGUMENT_ERROR]');
    err.code = 'U_ILLEGAL_ARGUMENT_ERROR';
    err.errno = 1;
    throw err;
  }
  let str = natives.decode(source, encodingIds[from], 0, source.length);
  if (to === 'latin1' || to === 'ascii') {
    // ICU substitutes '?' for what the target cannot hold.
    const limit = to === 'latin1' ? 0xff : 0x7f;
    let out = '';
    for (const ch of str) out += ch.length === 1 && ch.charCodeAt(0) <= limit ? ch : '?';
    str = out;
  }
  return new FastBuffer(natives.encode(str, encodingIds[to]));
}

// Blob and File belong to the fetch module; they load on first use.
function lazyBlobExport(name) {
  return {
    enumerable: true, configurable: true,
    get() {
      const value = require('internal/fetch/blob')[name];
      Object.defineProperty(exportsObj, name, { value, writable: true, enumerable: true, configurable: true });
      return value;
    },
    set(value) {
      Object.defineProperty(exportsObj, name, { value, writable: true, enumerable: true, configurable: true });
    },
  };
}

// resolveObjectURL: no blob: URLs are ever registered here.
function resolveObjectURL(url) {
  void `${url}`;
  return undefined;
}

const exportsObj = module.exports = {
  Buffer,
  SlowBuffer,
  transcode,
  isUtf8,
  isAscii,
  kMaxLength,
  kStringMaxLength,
  btoa,
  atob,
  constants: { MAX_LENGTH: kMaxLength, MAX_STRING_LENGTH: kStringMaxLength },
  INSPECT_MAX_BYTES,
};
Object.defineProperty(exportsObj, 'Blob', lazyBlobExport('Blob'));
exportsObj.resolveObjectURL = resolveObjectURL;
Object.defineProperty(exportsObj, 'File', lazyBlobExport('File'));
