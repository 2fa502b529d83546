'use strict';
// node:stream/web — the WHATWG Streams classes, which are also globals.

const readable = require('internal/web_streams_readable');
const writable = require('internal/web_streams_writable');
const transform = require('internal/web_streams_transform');
const util = require('internal/web_streams_util');
const text = require('internal/web_streams_text');
const compression = require('internal/web_streams_compression');

module.exports = {
  ReadableStream: readable.ReadableStream,
  ReadableStreamDefaultReader: readable.ReadableStreamDefaultReader,
  ReadableStreamBYOBReader: readable.ReadableStreamBYOBReader,
  ReadableStreamBYOBRequest: readable.ReadableStreamBYOBRequest,
  ReadableByteStreamController: readable.ReadableByteStreamController,
  ReadableStreamDefaultController: readable.ReadableStreamDefaultController,
  TransformStream: transform.TransformStream,
  TransformStreamDefaultController: transform.TransformStreamDefaultController,
  WritableStream: writable.WritableStream,
  WritableStreamDefaultWriter: writable.WritableStreamDefaultWriter,
  WritableStreamDefaultController: writable.WritableStreamDefaultController,
  ByteLengthQueuingStrategy: util.ByteLengthQueuingStrategy,
  CountQueuingStrategy: util.CountQueuingStrategy,
  TextEncoderStream: text.TextEncoderStream,
  TextDecoderStream: text.TextDecoderStream,
  CompressionStream: compression.CompressionStream,
  DecompressionStream: compression.DecompressionStream,
};
