'use strict';
// node:stream/promises — the promise forms of pipeline and finished.

module.exports = require('stream').promises;
