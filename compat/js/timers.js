'use strict';
// node:timers: the same functions as the globals.
exports.setTimeout = globalThis.setTimeout;
exports.clearTimeout = globalThis.clearTimeout;
exports.setInterval = globalThis.setInterval;
exports.clearInterval = globalThis.clearInterval;
exports.setImmediate = globalThis.setImmediate;
exports.clearImmediate = globalThis.clearImmediate;
