'use strict';
// WHATWG Streams: TransformStream and TransformStreamDefaultController, a
// writable side whose chunks go through transform() into a readable side,
// with backpressure carried from the readable side to the writable one.

const u = require('internal/web_streams_util');
const R = require('internal/web_streams_readable').internals;
const W = require('internal/web_streams_writable').internals;

const kTransform = Symbol('transformStream');
const kController = Symbol('transformStreamController');
const kToken = Symbol('construct');

class TransformStream {
  constructor(transformer = undefined, writableStrategy = undefined, readableStrategy = undefined) {
    const t = transformer === undefined ? null : transformer;
    if (t !== null && typeof t !== 'object') throw u.ev.invalidArgType('transformer', 'of type object', t);
    if (t !== null && t.readableType !== undefined) {
      throw u.invalidArgValue('transformer.readableType', t.readableType, undefined, RangeError);
    }
    if (t !== null && t.writableType !== undefined) {
      throw u.invalidArgValue('transformer.writableType', t.writableType, undefined, RangeError);
    }
    const methods = {};
    for (const name of ['flush', 'start', 'transform']) {
      const fn = t === null ? undefined : t[name];
      if (fn !== undefined && typeof fn !== 'function') {
        throw u.ev.invalidArgType('transformer.' + name, 'of type function', fn);
      }
      methods[name] = fn;
    }
    const readableHWM = u.extractHighWaterMark(readableStrategy, 0);
    const readableSize = u.extractSizeAlgorithm(readableStrategy);
    const writableHWM = u.extractHighWaterMark(writableStrategy, 1);
    const writableSize = u.extractSizeAlgorithm(writableStrategy);
    const startPromise = u.cell();
    const ts = initTransformStream(this, startPromise, writableHWM, writableSize, readableHWM, readableSize);
    const c = setUpControllerFromTransformer(ts, t, methods);
    if (methods.start !== undefined) startPromise.resolve(methods.start.call(t, c.pub));
    else startPromise.resolve(undefined);
  }
  get readable() { return u.slots(this, kTransform, 'TransformStream').readable.pub; }
  get writable() { return u.slots(this, kTransform, 'TransformStream').writable.pub; }
}
u.toStringTag(TransformStream, 'TransformStream');

class TransformStreamDefaultController {
  constructor(token) {
    if (token !== kToken) throw u.illegalConstructor();
  }
  get desiredSize() {
    const c = u.slots(this, kController, 'TransformStreamDefaultController');
    return R.defaultControllerGetDesiredSize(c.stream.readable.controller);
  }
  enqueue(chunk = undefined) {
    controllerEnqueue(u.slots(this, kController, 'TransformStreamDefaultController'), chunk);
  }
  error(reason = undefined) {
    transformStreamError(u.slots(this, kController, 'TransformStreamDefaultController').stream, reason);
  }
  terminate() {
    controllerTerminate(u.slots(this, kController, 'TransformStreamDefaultController'));
  }
}
u.toStringTag(TransformStreamDefaultController, 'TransformStreamDefaultController');

function initTransformStream(pub, startPromise, writableHWM, writableSize, readableHWM, readableSize) {
  const ts = u.defineSlots(pub, kTransform, {
    pub,
    readable: undefined,
    writable: undefined,
    backpressure: undefined,
    backpressureChange: undefined,
    controller: undefined,
  });
  const start = () => startPromise.promise;
  ts.writable = W.createWritableStream(start,
    (chunk) => sinkWrite(ts, chunk),
    () => sinkClose(ts),
    (reason) => sinkAbort(ts, reason),
    writableHWM, writableSize);
  ts.readable = R.createReadableStream(start,
    () => sourcePull(ts),
    (reason) => {
      errorWritableAndUnblockWrite(ts, reason);
      return Promise.resolve(undefined);
    },
    readableHWM, readableSize);
  setBackpressure(ts, true);
  return ts;
}

// createTransformStream builds a TransformStream from algorithms, for the
// platform's own transform streams (text encoding, compression):
// transformAlgorithm(chunk, enqueue) and flushAlgorithm(enqueue) may return
// a value or a promise, or throw.
function createTransformStream(transformAlgorithm, flushAlgorithm) {
  const pub = Object.create(TransformStream.prototype);
  const startPromise = u.cell();
  const ts = initTransformStream(pub, startPromise, 1, () => 1, 0, () => 1);
  const c = newController();
  const enqueue = (chunk) => controllerEnqueue(c, chunk);
  const call = (fn, arg) => {
    try {
      return Promise.resolve(fn(arg));
    } catch (e) {
      return Promise.reject(e);
    }
  };
  setUpController(ts, c,
    (chunk) => call((x) => transformAlgorithm(x, enqueue), chunk),
    () => call(() => flushAlgorithm(enqueue)));
  startPromise.resolve(undefined);
  return pub;
}

function transformStreamError(ts, e) {
  R.defaultControllerError(ts.readable.controller, e);
  errorWritableAndUnblockWrite(ts, e);
}

function errorWritableAndUnblockWrite(ts, e) {
  controllerClearAlgorithms(ts.controller);
  W.controllerErrorIfNeeded(ts.writable.controller, e);
  if (ts.backpressure) setBackpressure(ts, false);
}

function setBackpressure(ts, backpressure) {
  if (ts.backpressureChange !== undefined) ts.backpressureChange.resolve(undefined);
  ts.backpressureChange = u.cell();
  ts.backpressure = backpressure;
}

function newController() {
  const pub = new TransformStreamDefaultController(kToken);
  return u.defineSlots(pub, kController, { pub, stream: undefined, transformAlgorithm: undefined, flushAlgorithm: undefined });
}

function setUpController(ts, c, transformAlgorithm, flushAlgorithm) {
  c.stream = ts;
  ts.controller = c;
  c.transformAlgorithm = transformAlgorithm;
  c.flushAlgorithm = flushAlgorithm;
}

function setUpControllerFromTransformer(ts, transformer, methods) {
  const c = newController();
  let transformAlgorithm = (chunk) => {
    try {
      controllerEnqueue(c, chunk);
      return Promise.resolve(undefined);
    } catch (e) {
      return Promise.reject(e);
    }
  };
  if (methods.transform !== undefined) {
    transformAlgorithm = (chunk) => u.promiseCall(methods.transform, transformer, [chunk, c.pub]);
  }
  const flushAlgorithm = () => u.promiseCall(methods.flush, transformer, [c.pub]);
  setUpController(ts, c, transformAlgorithm, flushAlgorithm);
  return c;
}

function controllerClearAlgorithms(c) {
  c.transformAlgorithm = undefined;
  c.flushAlgorithm = undefined;
}

function controllerEnqueue(c, chunk) {
  const ts = c.stream;
  const rc = ts.readable.controller;
  if (!R.defaultControllerCanCloseOrEnqueue(rc)) {
    throw u.invalidState('Unable to enqueue');
  }
  try {
    R.defaultControllerEnqueue(rc, chunk);
  } catch (e) {
    errorWritableAndUnblockWrite(ts, e);
    throw ts.readable.storedError;
  }
  const backpressure = R.defaultControllerHasBackpressure(rc);
  if (backpressure !== ts.backpressure) setBackpressure(ts, true);
}

function controllerPerformTransform(c, chunk) {
  const p = c.transformAlgorithm(chunk);
  return p.then(undefined, (r) => {
    transformStreamError(c.stream, r);
    throw r;
  });
}

function controllerTerminate(c) {
  const ts = c.stream;
  R.defaultControllerClose(ts.readable.controller);
  errorWritableAndUnblockWrite(ts, u.invalidState('TransformStream has been terminated'));
}

function sinkWrite(ts, chunk) {
  const c = ts.controller;
  if (ts.backpressure) {
    return ts.backpressureChange.promise.then(() => {
      const ws = ts.writable;
      if (ws.state === 'erroring') throw ws.storedError;
      return controllerPerformTransform(c, chunk);
    });
  }
  return controllerPerformTransform(c, chunk);
}

function sinkAbort(ts, reason) {
  transformStreamError(ts, reason);
  return Promise.resolve(undefined);
}

function sinkClose(ts) {
  const rs = ts.readable;
  const c = ts.controller;
  const flush = c.flushAlgorithm;
  const flushPromise = flush === undefined ? Promise.resolve(undefined) : flush();
  controllerClearAlgorithms(c);
  return flushPromise.then(() => {
    if (rs.state === 'errored') throw rs.storedError;
    R.defaultControllerClose(rs.controller);
  }, (r) => {
    transformStreamError(ts, r);
    throw rs.storedError;
  });
}

function sourcePull(ts) {
  setBackpressure(ts, false);
  return ts.backpressureChange.promise;
}

module.exports = { TransformStream, TransformStreamDefaultController };
Object.defineProperty(module.exports, 'internals', {
  value: { createTransformStream },
});
