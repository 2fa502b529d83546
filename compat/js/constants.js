'use strict';
// node:constants (deprecated, still shipped and required by graceful-fs,
// fs-extra and their dependants): os.constants' dlopen, errno, priority and
// signals, fs.constants and crypto.constants in one frozen object, built in
// the order Node builds it.

const os = require('os').constants;
Object.assign(module.exports, os.dlopen, os.errno, os.priority, os.signals,
  require('fs').constants, require('crypto').constants);
Object.freeze(module.exports);
