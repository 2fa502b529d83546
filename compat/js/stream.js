'use strict';
// node:stream — the module object is the legacy Stream constructor carrying
// Readable, Writable, Duplex, Transform, PassThrough, pipeline, finished,
// addAbortSignal and the stream predicates. The pieces live in
// internal/stream_* (see compat/js/stream_*.js).

const u = require('internal/stream_util');
const { Stream, Readable } = require('internal/stream_readable');
const { Writable } = require('internal/stream_writable');
const { Duplex, Transform, PassThrough, duplexPair } = require('internal/stream_duplex');
const eos = require('internal/stream_eos');

module.exports = Stream;
Stream.Stream = Stream;
Stream.Readable = Readable;
Stream.Writable = Writable;
Stream.Duplex = Duplex;
Stream.Transform = Transform;
Stream.PassThrough = PassThrough;
Stream.pipeline = eos.pipeline;
Stream.finished = eos.finished;
Stream.addAbortSignal = eos.addAbortSignal;
Stream.compose = eos.compose;
Stream.duplexPair = duplexPair;
Stream.destroy = u.destroyer;
Stream.isReadable = u.isReadable;
Stream.isWritable = u.isWritable;
Stream.isErrored = u.isErrored;
Stream.isDisturbed = u.isDisturbed;
Stream.isDestroyed = u.isDestroyed;
Stream.getDefaultHighWaterMark = u.getDefaultHighWaterMark;
Stream.setDefaultHighWaterMark = u.setDefaultHighWaterMark;
Stream._isArrayBufferView = ArrayBuffer.isView;
Stream._isUint8Array = u.isUint8Array;
Stream._uint8ArrayToBuffer = (chunk) => u.toBuffer(chunk);
Readable.isDisturbed = u.isDisturbed;
Readable.isErrored = u.isErrored;
Readable.isReadable = u.isReadable;

const promises = { pipeline: eos.pipelinePromise, finished: eos.eosPromise };
Object.defineProperty(Stream, 'promises', { configurable: true, enumerable: true, get() { return promises; } });
Object.defineProperty(eos.pipeline, require('util').promisify.custom, { enumerable: true, get() { return promises.pipeline; } });
Object.defineProperty(eos.finished, require('util').promisify.custom, { enumerable: true, get() { return promises.finished; } });
