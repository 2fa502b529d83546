package compat

import "testing"

// TestMissingBuiltinModules: constants (graceful-fs, so fs-extra, archiver-utils,
// exceljs), module (pino, pdfkit, @sentry/node) and console (undici) load
// and behave as in Node 20.
func TestMissingBuiltinModules(t *testing.T) {
	runNodeCases(t, []nodeCase{
		{"constants", `const c = require('constants'); log(Object.isFrozen(c), c.O_WRONLY, c.SIGINT, c.ENOENT, c.RSA_PKCS1_PADDING, c === require('node:constants'));`,
			`true 1 2 2 1 true`},
		{"module", `const m = require('module'); log(typeof m.createRequire, m.isBuiltin('fs'), m.isBuiltin('node:fs'), m.isBuiltin('nope'), m.builtinModules.includes('stream'), m === m.Module);
const r = m.createRequire('/x/y.js'); log(r('node:path') === require('path'), r.resolve('fs'));
try { r('#standard-fonts/Courier') } catch (e) { log(e.code, e.message.split('\n')[0]) }`,
			`function true true false true true
true fs
MODULE_NOT_FOUND Cannot find module '#standard-fonts/Courier'`},
		{"console", `const c = require('console'); log(c === console, typeof c.Console, require('node:console') === c);`,
			`true function true`},
	})
}

// TestFsStreamClasses: fs.ReadStream and fs.WriteStream are classes that
// the streams fs creates are instances of; got tests body instanceof
// fs.ReadStream and graceful-fs subclasses them.
func TestFsStreamClasses(t *testing.T) {
	runNodeCases(t, []nodeCase{
		{"classes", `const fs = require('fs'); const { Readable, Writable } = require('stream');
log(typeof fs.ReadStream, typeof fs.WriteStream, fs.FileReadStream === fs.ReadStream);
log(({}) instanceof fs.ReadStream, Readable.from([]) instanceof fs.ReadStream);
const w = fs.createWriteStream('x.txt'); w.on('error', () => {}); log(w instanceof fs.WriteStream, w instanceof Writable);
const r = fs.createReadStream('missing.txt'); r.on('error', () => {}); log(r instanceof fs.ReadStream, r instanceof Readable, typeof r.close);
function GR(p, o) { if (!(this instanceof GR)) return new GR(p, o); return fs.ReadStream.apply(this, arguments) }
GR.prototype = Object.create(fs.ReadStream.prototype);
const g = new GR('missing2.txt'); g.on('error', () => {}); log(g instanceof fs.ReadStream, g instanceof Readable);`,
			`function function true
false false
true true
true true function
true true`},
	})
}

// TestArrayFindHoles: goja's find/findIndex pass a hole to a built-in
// predicate as a Go nil and panic (exceljs's writeBuffer did this).
func TestArrayFindHoles(t *testing.T) {
	runNodeCases(t, []nodeCase{
		{"holes", `log([, 1].find(Boolean), [, 1].findIndex(Boolean), [, 1].findIndex(x => x === undefined), [, 'a'].find(String), [0, 2].find(Boolean));
log(Array.prototype.find.call({ length: 2, 1: 1 }, Boolean), [1, 2, 3].find(function (x) { return x === this.v; }, { v: 2 }));
log([].find.name, [].find.length, [].findIndex.name, [].findIndex.length, Object.getOwnPropertyDescriptor(Array.prototype, 'find').enumerable, 'prototype' in [].find);
try { [1].find(1) } catch (e) { log(e.constructor.name) }`,
			`1 1 0  2
1 2
find 1 findIndex 1 false false
TypeError`},
	})
}

// TestMarkResourceTiming: undici's fetch calls performance.markResourceTiming
// when a fetch ends; without it the fetch's promise never settled.
func TestMarkResourceTiming(t *testing.T) {
	runNodeCases(t, []nodeCase{
		{"markResourceTiming", `const e = performance.markResourceTiming({ startTime: 1, endTime: 3 }, 'http://x/', 'fetch', globalThis, '', {}, 200, '');
log(e.name, e.entryType, e.duration, e.initiatorType, performance.getEntriesByType('resource').length);`,
			`http://x/ resource 2 fetch 1`},
	})
}
