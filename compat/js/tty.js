'use strict';
// node:tty. A handler's runtime has no terminal: isatty is false for every
// descriptor (as in Node with its output piped), and the stream classes fail
// to open one the way Node does on a descriptor that is not a terminal.
// Packages such as debug and supports-color only call isatty to decide
// whether to use colors.

const { makeError } = require('internal/util/errors');

function isatty(fd) {
  return false;
}

function ttyInitFailed() {
  const e = makeError(Error, 'ERR_TTY_INIT_FAILED', 'TTY initialization failed: uv_tty_init returned EINVAL (invalid argument)');
  e.name = 'SystemError';
  return e;
}

function ReadStream(fd) {
  throw ttyInitFailed();
}

function WriteStream(fd) {
  throw ttyInitFailed();
}

module.exports = { isatty, ReadStream, WriteStream };
