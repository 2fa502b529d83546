package compat

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"

	"github.com/dop251/goja"
)

// miscCase is a JS snippet and the string Node 20 gives for it. The snippet
// runs as a block through indirect eval; its completion value must be a
// string (a thrown error becomes "THROW name code message").
type miscCase struct {
	src  string
	want string
}

const miscCaseRunner = `(function (c) {
	try {
		const v = (0, eval)('{\n' + c + '\n}');
		return typeof v === 'string' ? v : 'NONSTRING ' + String(v);
	} catch (e) {
		return 'THROW ' + (e && e.name) + ' ' + (e && e.code) + ' ' + (e && e.message);
	}
})`

// runMiscCases runs every case in one runtime and compares with Node.
func runMiscCases(t *testing.T, cases []miscCase) {
	t.Helper()
	h, run := newTestHost(t, Options{})
	runner, ok := goja.AssertFunction(run(miscCaseRunner))
	if !ok {
		t.Fatal("runner is not a function")
	}
	for _, c := range cases {
		v, err := runner(goja.Undefined(), h.VM.ToValue(c.src))
		if err != nil {
			t.Errorf("%s\nerror: %v", c.src, err)
			continue
		}
		if got := v.String(); got != c.want {
			t.Errorf("%s\n got: %q\nwant: %q", c.src, got, c.want)
		}
	}
}

func TestUtilInspectGojaErrors(t *testing.T) {
	_, run := newTestHost(t, Options{})
	got := run(`
		const util = require('util');
		function thrower() { return new TypeError('bad thing'); }
		const e = thrower();
		e.code = 'E_BAD';
		[util.inspect(e), util.inspect({ nested: { e } }), util.format('%s', e.message)].join('\n=====\n');
	`).String()
	parts := strings.Split(got, "\n=====\n")
	if len(parts) != 3 {
		t.Fatalf("unexpected output %q", got)
	}
	// Like Node: the stack with frames indented by four spaces, then the
	// extra properties.
	if !strings.HasPrefix(parts[0], "TypeError: bad thing\n    at thrower (") || !strings.HasSuffix(parts[0], "{\n  code: 'E_BAD'\n}") {
		t.Errorf("inspect(error) = %q", parts[0])
	}
	if !strings.HasPrefix(parts[1], "{\n  nested: {\n    e: TypeError: bad thing\n        at thrower (") {
		t.Errorf("nested error not indented like Node: %q", parts[1])
	}
	if parts[2] != "bad thing" {
		t.Errorf("format = %q", parts[2])
	}
}

func TestUtilPromisifyCallbackify(t *testing.T) {
	_, run := newTestHost(t, Options{})
	run(`
		const util = require('util');
		const out = [];
		globalThis.result = out;
		function add(a, b, cb) { setTimeout(() => cb(null, a + b), 1); }
		function fails(cb) { cb(new Error('nope')); }
		function multi(cb) { cb(null, 1, 2); }
		multi[Symbol.for('nodejs.util.promisify.customArgs')] = ['x', 'y'];
		const obj = { v: 7, get(cb) { cb(null, this.v); } };
		(async () => {
			out.push(await util.promisify(add)(2, 3));
			try { await util.promisify(fails)(); } catch (e) { out.push('rejected ' + e.message); }
			out.push(JSON.stringify(await util.promisify(multi)()));
			out.push(await util.promisify(obj.get).call(obj));
			const cbified = util.callbackify(async (x) => x * 2);
			await new Promise((resolve) => cbified(21, (err, v) => { out.push('cb ' + err + ' ' + v); resolve(); }));
			const cbFalsy = util.callbackify(() => Promise.reject(null));
			await new Promise((resolve) => cbFalsy((err) => { out.push(err.code + ' ' + err.message + ' ' + err.reason); resolve(); }));
			const sleep = util.promisify(setTimeout);
			out.push(typeof sleep);
		})();
	`)
	got := run(`JSON.stringify(globalThis.result)`).String()
	want := `[5,"rejected nope","{\"x\":1,\"y\":2}",7,"cb null 42","ERR_FALSY_VALUE_REJECTION Promise was rejected with a falsy value null","function"]`
	if got != want {
		t.Fatalf("got %s\nwant %s", got, want)
	}
}

func TestUtilDeprecateWarnsOnce(t *testing.T) {
	var buf bytes.Buffer
	_, run := newTestHost(t, Options{Logger: slog.New(slog.NewTextHandler(&buf, nil))})
	v := run(`
		const util = require('util');
		const saved = globalThis.process;
		const warnings = [];
		globalThis.process = { emitWarning: (msg, type, code) => warnings.push([msg, type, code].join('|')) };
		const f = util.deprecate((a) => a + 1, 'f() is old', 'DEP_X');
		const g = util.deprecate(() => 0, 'g() shares the code', 'DEP_X');
		const r = [f(1), f(2), g()];
		globalThis.process = undefined;
		const h = util.deprecate(() => 'h', 'h() is old');
		h(); h();
		globalThis.process = saved;
		JSON.stringify([r, warnings]);
	`).String()
	if want := `[[2,3,0],["f() is old|DeprecationWarning|DEP_X"]]`; v != want {
		t.Errorf("got %s want %s", v, want)
	}
	if n := strings.Count(buf.String(), "DeprecationWarning: h() is old"); n != 1 {
		t.Errorf("console fallback warned %d times: %s", n, buf.String())
	}
}

func TestUtilInspectTextEncoderReexport(t *testing.T) {
	_, run := newTestHost(t, Options{})
	v := run(`
		const util = require('util');
		[util.TextEncoder === globalThis.TextEncoder, util.TextDecoder === globalThis.TextDecoder].join(',');
	`).String()
	if v != "true,true" {
		t.Fatalf("got %s", v)
	}
}

func TestInternalModulesHidden(t *testing.T) {
	for _, name := range Builtins() {
		switch name {
		case "internal/util", "internal/os", "internal/util/comparisons", "internal/util/errors", "internal/unavailable":
			t.Errorf("Builtins lists %s", name)
		}
	}
	for _, name := range []string{"util", "util/types", "path", "path/posix", "querystring", "assert", "assert/strict", "os", "http", "https", "perf_hooks", "diagnostics_channel", "net", "child_process"} {
		if !IsBuiltin(name) || !IsBuiltin("node:"+name) {
			t.Errorf("%s is not a builtin", name)
		}
	}
}

// TestUtilInspectMatchesNode compares util.inspect output with Node's.
// Every expected value was printed by Node 20 for the same source.
func TestUtilInspectMatchesNode(t *testing.T) {
	runMiscCases(t, []miscCase{
		{
			"const i=require('util').inspect; const o={a:1};o.self=o;o.arr=[o,{o}]; i(o)",
			"<ref *1> {\n  a: 1,\n  self: [Circular *1],\n  arr: [ [Circular *1], { o: [Circular *1] } ]\n}",
		},
		{
			"require('util').inspect([1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27])",
			"[\n   1,  2,  3,  4,  5,  6,  7,  8,\n   9, 10, 11, 12, 13, 14, 15, 16,\n  17, 18, 19, 20, 21, 22, 23, 24,\n  25, 26, 27\n]",
		},
		{
			"require('util').inspect([\"a\",\"bb\",\"ccc\",\"dddd\",\"eeeee\",\"f\",\"g\",\"hello world\"])",
			"[ 'a', 'bb', 'ccc', 'dddd', 'eeeee', 'f', 'g', 'hello world' ]",
		},
		{
			"require('util').inspect(new Array(120).fill(7))",
			"[\n  7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7,\n  7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7,\n  7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7,\n  7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7,\n  7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7,\n  7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7,\n  7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7,\n  7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7,\n  7, 7, 7, 7,\n  ... 20 more items\n]",
		},
		{
			"const i=require('util').inspect; [i(\"it's\"), i(\"a\\\"b'c\"), i(\"a\\\"b'c`\"), i(\"\\x00\\x1b\\x7f\\ud800\\n\\t\")].join('|')",
			"\"it's\"|`a\"b'c`|'a\"b\\'c`'|'\\x00\\x1B\\x7F\\ud800\\n\\t'",
		},
		{
			"require('util').inspect({s:\"line1\\nline2\\nline3 that is quite long indeed and goes on and on for a while and a while\"})",
			"{\n  s: 'line1\\n' +\n    'line2\\n' +\n    'line3 that is quite long indeed and goes on and on for a while and a while'\n}",
		},
		{
			"require('util').inspect(new Map([[1,{a:[1,{b:{c:1}}]}],[\"x\",new Set([1])]]))",
			"Map(2) { 1 => { a: [ 1, [Object] ] }, 'x' => Set(1) { 1 } }",
		},
		{
			"const i=require('util').inspect; i(Object.create(null))+'|'+ i(Object.assign(Object.create(null),{a:1}))",
			"[Object: null prototype] {}|[Object: null prototype] { a: 1 }",
		},
		{
			"require('util').inspect({get a(){return 1}, set b(v){}, get c(){return 1}, set c(v){}, get d(){return {x:1}}}, {getters:true})",
			"{\n  a: [Getter: 1],\n  b: [Setter],\n  c: [Getter/Setter: 1],\n  d: [Getter] { x: 1 }\n}",
		},
		{
			"require('util').inspect({get a(){return 1}, set b(v){}, get c(){return 1}, set c(v){}})",
			"{ a: [Getter], b: [Setter], c: [Getter/Setter] }",
		},
		{
			"const i=require('util').inspect; [i([1,,3,,,6]), i(new Uint8Array([1,2,3])), i(new ArrayBuffer(3)), i(new Float64Array(0)), i(new BigInt64Array(2))].join('|')",
			"[ 1, <1 empty item>, 3, <2 empty items>, 6 ]|Uint8Array(3) [ 1, 2, 3 ]|ArrayBuffer { [Uint8Contents]: <00 00 00>, byteLength: 3 }|Float64Array(0) []|BigInt64Array(2) [ 0n, 0n ]",
		},
		{
			"const i=require('util').inspect; [i(Promise.resolve(4)), i(new Promise(()=>{})), i(Promise.resolve({a:[1]}))].join('|')",
			"Promise { 4 }|Promise { <pending> }|Promise { { a: [ 1 ] } }",
		},
		{
			"const i=require('util').inspect; const p = Promise.reject(3); p.catch(()=>{}); i(p)",
			"Promise { <rejected> 3 }",
		},
		{
			"const i=require('util').inspect; [i(function foo(){}), i(()=>{}), i(class A{}), i(class B extends Map{}), i(async function x(){}), i(function*g(){}), i(Object.assign(function f(){}, {a:1})), i(class {})].join('|')",
			"[Function: foo]|[Function (anonymous)]|[class A]|[class B extends Map]|[AsyncFunction: x]|[GeneratorFunction: g]|[Function: f] { a: 1 }|[class (anonymous)]",
		},
		{
			"const i=require('util').inspect; [i(new Number(3)), i(new String(\"ab\")), i(Object(Symbol(\"s\"))), i(Object(1n)), i(new Boolean(false)), i(-0), i(12n), i(Symbol(\"q\")), i(Object.assign(new Number(3), {a:1}))].join('|')",
			"[Number: 3]|[String: 'ab']|[Symbol: Symbol(s)]|[BigInt: 1n]|[Boolean: false]|-0|12n|Symbol(q)|[Number: 3] { a: 1 }",
		},
		{
			"const i=require('util').inspect; [i({[Symbol(\"a\")]:1, \"a b\":2, __proto__x:3, $a: 4, _b: 5, 'c-d': 6, 7: 8}), i(new Date(0)), i(new Date(NaN)), i(/a\\/b/gi)].join('|')",
			"{\n  '7': 8,\n  'a b': 2,\n  __proto__x: 3,\n  '$a': 4,\n  _b: 5,\n  'c-d': 6,\n  [Symbol(a)]: 1\n}|1970-01-01T00:00:00.000Z|Invalid Date|/a\\/b/gi",
		},
		{
			"require('util').inspect({a:{b:{c:{d:{e:1}}}}})",
			"{ a: { b: { c: [Object] } } }",
		},
		{
			"require('util').inspect({a:{b:{c:{}}}})",
			"{ a: { b: { c: {} } } }",
		},
		{
			"require('util').inspect({a:{b:{c:{d:1}}}}, {depth: Infinity})",
			"{\n  a: { b: { c: { d: 1 } } }\n}",
		},
		{
			"require('util').inspect({a:{b:{c:{d:1}}}}, {depth: 0})",
			"{ a: [Object] }",
		},
		{
			"require('util').inspect([[[[1]]]])",
			"[ [ [ [Array] ] ] ]",
		},
		{
			"require('util').inspect(new Map([[{a:1}, new Map([[1,new Map([[1, new Map()]])]])]]))",
			"Map(1) { { a: 1 } => Map(1) { 1 => Map(1) { 1 => Map(0) {} } } }",
		},
		{
			"class Foo { constructor(){ this.x = 1; this.y = 'two'; } } require('util').inspect([new Foo(), new (class Bar{})(), Object.create(Foo.prototype)])",
			"[ Foo { x: 1, y: 'two' }, Bar {}, Foo {} ]",
		},
		{
			"require('util').inspect({ [Symbol.toStringTag]: 'Tagged', a: 1 })",
			"{ a: 1, [Symbol(Symbol.toStringTag)]: 'Tagged' }",
		},
		{
			"class T { get [Symbol.toStringTag]() { return 'TT'; } } require('util').inspect([new T(), Object.assign(new T(), {a:1})])",
			"[ T [TT] {}, T [TT] { a: 1 } ]",
		},
		{
			"require('util').inspect(Object.create(Object.create(null)))",
			"Object <[Object: null prototype] {}> {}",
		},
		{
			"const e = new Error('boom'); e.stack = 'Error: boom\\n    at foo (x.js:1:1)\\n    at bar (y.js:2:2)'; require('util').inspect(e)",
			"Error: boom\n    at foo (x.js:1:1)\n    at bar (y.js:2:2)",
		},
		{
			"const e = new Error('boom'); e.stack = 'Error: boom\\n    at foo (x.js:1:1)'; e.code = 'E_X'; require('util').inspect({ err: e })",
			"{\n  err: Error: boom\n      at foo (x.js:1:1) {\n    code: 'E_X'\n  }\n}",
		},
		{
			"const e = new TypeError('bad'); e.stack = 'TypeError: bad\\n    at foo (x.js:1:1)'; require('util').inspect([e])",
			"[\n  TypeError: bad\n      at foo (x.js:1:1)\n]",
		},
		{
			"class MyErr extends Error {} const e = new MyErr('m'); e.stack = 'Error: m\\n    at z (a.js:1:1)'; require('util').inspect(e)",
			"MyErr [Error]: m\n    at z (a.js:1:1)",
		},
		{
			"const e = new Error('m', { cause: new Error('c') }); e.stack = 'Error: m\\n    at z (a.js:1:1)'; e.cause.stack = 'Error: c\\n    at q (b.js:1:1)'; require('util').inspect(e)",
			"Error: m\n    at z (a.js:1:1) {\n  [cause]: Error: c\n      at q (b.js:1:1)\n}",
		},
		{
			"const e = new Error('nostack'); e.stack = undefined; require('util').inspect(e)",
			"[Error: nostack]",
		},
		{
			"const e = new RangeError('x'); delete e.stack; e.stack = 'RangeError: x'; require('util').inspect(e)",
			"[RangeError: x]",
		},
		{
			"const e = new Error('x'); e.name = 'Custom'; e.stack = 'Custom: x\\n    at q (b.js:1:1)'; require('util').inspect(e)",
			"Custom: x\n    at q (b.js:1:1)",
		},
		{
			"require('util').inspect({a: 'x'.repeat(70)})",
			"{\n  a: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'\n}",
		},
		{
			"require('util').inspect({a: 'x'.repeat(60), b: 1})",
			"{\n  a: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',\n  b: 1\n}",
		},
		{
			"require('util').inspect('x'.repeat(20000)).length + ''",
			"10027",
		},
		{
			"require('util').inspect('a\\nb')",
			"'a\\nb'",
		},
		{
			"require('util').inspect({ a: 1, b: 2 }, { compact: false })",
			"{\n  a: 1,\n  b: 2\n}",
		},
		{
			"require('util').inspect({ a: [1, 2, { c: 3 }], b: 'x' }, { compact: false })",
			"{\n  a: [\n    1,\n    2,\n    {\n      c: 3\n    }\n  ],\n  b: 'x'\n}",
		},
		{
			"require('util').inspect({ a: [1, 2, { c: 3 }], b: 'x' }, { compact: true })",
			"{ a: [ 1, 2, { c: 3 } ], b: 'x' }",
		},
		{
			"require('util').inspect({ a: { b: { c: 1 } } }, { compact: 1 })",
			"{\n  a: {\n    b: { c: 1 }\n  }\n}",
		},
		{
			"require('util').inspect({ zeta: 1, alpha: 2, mid: { z: 1, a: 2 } }, { sorted: true })",
			"{ alpha: 2, mid: { a: 2, z: 1 }, zeta: 1 }",
		},
		{
			"require('util').inspect({ a: 1, b: 'a long string value', c: [1,2,3] }, { breakLength: 20 })",
			"{\n  a: 1,\n  b: 'a long string value',\n  c: [\n    1,\n    2,\n    3\n  ]\n}",
		},
		{
			"require('util').inspect({ a: 1, b: 'x' }, { colors: true })",
			"{ a: \x1b[33m1\x1b[39m, b: \x1b[32m'x'\x1b[39m }",
		},
		{
			"require('util').inspect([1, 'a', null, undefined, true, Symbol('s'), 2n, new Date(0), /x/], { colors: true })",
			"[\n  \x1b[33m1\x1b[39m,\n  \x1b[32m'a'\x1b[39m,\n  \x1b[1mnull\x1b[22m,\n  \x1b[90mundefined\x1b[39m,\n  \x1b[33mtrue\x1b[39m,\n  \x1b[32mSymbol(s)\x1b[39m,\n  \x1b[33m2n\x1b[39m,\n  \x1b[35m1970-01-01T00:00:00.000Z\x1b[39m,\n  \x1b[31m/x/\x1b[39m\n]",
		},
		{
			"const o = { [require('util').inspect.custom](depth, opts, insp) { return 'CUSTOM ' + depth + ' ' + typeof opts.stylize + ' ' + (insp === require('util').inspect); } }; require('util').inspect({ x: o })",
			"{ x: CUSTOM 1 function true }",
		},
		{
			"const o = { [require('util').inspect.custom]() { return { replaced: true }; } }; require('util').inspect([o])",
			"[ { replaced: true } ]",
		},
		{
			"const o = { [require('util').inspect.custom]() { return 'a\\nb'; } }; require('util').inspect({ x: { y: o } })",
			"{\n  x: {\n    y: a\n    b\n  }\n}",
		},
		{
			"require('util').inspect({ a: 1 }, { customInspect: false })",
			"{ a: 1 }",
		},
		{
			"require('util').inspect(new Set([1, 'two', [3]]))",
			"Set(3) { 1, 'two', [ 3 ] }",
		},
		{
			"require('util').inspect(new Map())",
			"Map(0) {}",
		},
		{
			"require('util').inspect(new Set())",
			"Set(0) {}",
		},
		{
			"require('util').inspect([new WeakMap(), new WeakSet()])",
			"[ WeakMap { <items unknown> }, WeakSet { <items unknown> } ]",
		},
		{
			"require('util').inspect(new DataView(new ArrayBuffer(2)))",
			"DataView {\n  byteLength: 2,\n  byteOffset: 0,\n  buffer: ArrayBuffer { [Uint8Contents]: <00 00>, byteLength: 2 }\n}",
		},
		{
			"(function () { return require('util').inspect(arguments); })(1, 'a')",
			"[Arguments] { '0': 1, '1': 'a' }",
		},
		{
			"require('util').inspect(Object.assign([1, 2], { extra: true }))",
			"[ 1, 2, extra: true ]",
		},
		{
			"require('util').inspect(new Array(5))",
			"[ <5 empty items> ]",
		},
		{
			"require('util').inspect([undefined, null, NaN, -0, 0, Infinity])",
			"[ undefined, null, NaN, -0, 0, Infinity ]",
		},
		{
			"require('util').inspect(Array.from({ length: 30 }, (_, i) => 'item' + i))",
			"[\n  'item0',  'item1',  'item2',\n  'item3',  'item4',  'item5',\n  'item6',  'item7',  'item8',\n  'item9',  'item10', 'item11',\n  'item12', 'item13', 'item14',\n  'item15', 'item16', 'item17',\n  'item18', 'item19', 'item20',\n  'item21', 'item22', 'item23',\n  'item24', 'item25', 'item26',\n  'item27', 'item28', 'item29'\n]",
		},
		{
			"require('util').inspect(Array.from({ length: 26 }, (_, i) => i * 1000))",
			"[\n      0,  1000,  2000,  3000,\n   4000,  5000,  6000,  7000,\n   8000,  9000, 10000, 11000,\n  12000, 13000, 14000, 15000,\n  16000, 17000, 18000, 19000,\n  20000, 21000, 22000, 23000,\n  24000, 25000\n]",
		},
		{
			"require('util').inspect(Array.from({ length: 8 }, (_, i) => ({ id: i })))",
			"[\n  { id: 0 }, { id: 1 },\n  { id: 2 }, { id: 3 },\n  { id: 4 }, { id: 5 },\n  { id: 6 }, { id: 7 }\n]",
		},
		{
			"require('util').inspect(Array.from({ length: 101 }, (_, i) => i))",
			"[\n   0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11,\n  12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,\n  24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35,\n  36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47,\n  48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59,\n  60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71,\n  72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83,\n  84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95,\n  96, 97, 98, 99,\n  ... 1 more item\n]",
		},
		{
			"require('util').inspect({ a: [ 'x', 'y' ], b: { c: [ { d: 1 } ] } })",
			"{ a: [ 'x', 'y' ], b: { c: [ [Object] ] } }",
		},
		{
			"require('util').inspect({ 'key with spaces': 1, \"it's\": 2, 'new\\nline': 3 })",
			"{ 'key with spaces': 1, \"it's\": 2, 'new\\nline': 3 }",
		},
		{
			"require('util').inspect(new Proxy({ a: 1 }, {}))",
			"{ a: 1 }",
		},
		{
			"require('util').inspect(new Proxy({ a: 1 }, {}), { showProxy: true })",
			"Proxy [ { a: 1 }, {} ]",
		},
		{
			"require('util').inspect({ a: 1, b: { c: 2 } }, { depth: null })",
			"{ a: 1, b: { c: 2 } }",
		},
		{
			"require('util').inspect(123456789.123, { numericSeparator: true }) + ' ' + require('util').inspect(1234567, { numericSeparator: true }) + ' ' + require('util').inspect(-1234n, { numericSeparator: true })",
			"123_456_789.123 1_234_567 -1_234n",
		},
		{
			"require('util').inspect(Object.defineProperty({}, 'hidden', { value: 1, enumerable: false }), { showHidden: true })",
			"{ [hidden]: 1 }",
		},
		{
			"require('util').inspect(Object.assign(Object.create({ inherited: 1 }), { own: 2 }))",
			"{ own: 2 }",
		},
		{
			"require('util').inspect(new (class extends Array {})(1, 2))",
			"[ 1, 2 ]",
		},
		{
			"require('util').inspect(new (class Foo extends Map {})([[1, 2]]))",
			"Foo(1) [Map] { 1 => 2 }",
		},
		{
			"require('util').inspect(Object.assign(Object.create(null), { [Symbol.toStringTag]: 'X' }))",
			"[X: null prototype] { [Symbol(Symbol.toStringTag)]: 'X' }",
		},
		{
			"require('util').inspect({ f: function () {}, g: () => 1, h: class {} })",
			"{ f: [Function: f], g: [Function: g], h: [class h] }",
		},
		{
			"require('util').inspect(Object.setPrototypeOf(function namedFn() {}, null))",
			"[Function (null prototype): namedFn]",
		},
		{
			"require('util').inspect({ __proto__: { x: 1 }, ['__proto__']: 5 })",
			"{ ['__proto__']: 5 }",
		},
		{
			"const o = {}; Object.defineProperty(o, '__proto__', { value: 1, enumerable: true }); require('util').inspect(o)",
			"{ ['__proto__']: 1 }",
		},
		{
			"const a = [1]; a.push(a); require('util').inspect(a)",
			"<ref *1> [ 1, [Circular *1] ]",
		},
		{
			"const a = {}; const b = { a }; a.b = b; require('util').inspect([a, b])",
			"[\n  <ref *1> { b: { a: [Circular *1] } },\n  <ref *2> { a: <ref *1> { b: [Circular *2] } }\n]",
		},
		{
			"const m = new Map(); m.set('self', m); require('util').inspect(m)",
			"<ref *1> Map(1) { 'self' => [Circular *1] }",
		},
		{
			"require('util').inspect(globalThis.noSuch)",
			"undefined",
		},
		{
			"require('util').inspect('str') + require('util').inspect(5) + require('util').inspect(null)",
			"'str'5null",
		},
		{
			"require('util').inspect([{ a: 1, b: 2 }, { a: 3, b: 4 }])",
			"[ { a: 1, b: 2 }, { a: 3, b: 4 } ]",
		},
		{
			"require('util').inspect({ buf: new Uint8Array(200) }).split('\\n').length + ''",
			"14",
		},
		{
			"require('util').inspect(Array.from({ length: 12 }, (_, i) => 'x'.repeat(i)))",
			"[\n  '',           'x',\n  'xx',         'xxx',\n  'xxxx',       'xxxxx',\n  'xxxxxx',     'xxxxxxx',\n  'xxxxxxxx',   'xxxxxxxxx',\n  'xxxxxxxxxx', 'xxxxxxxxxxx'\n]",
		},
		{
			"require('util').inspect([1.5, -2, 300, 4e21, 5, 6, 7])",
			"[\n    1.5, -2, 300,\n  4e+21,  5,   6,\n      7\n]",
		},
		{
			"require('util').inspect(Object.assign(() => {}, { a: 1 }))",
			"[Function (anonymous)] { a: 1 }",
		},
		{
			"require('util').inspect(Symbol('a\\nb'))",
			"Symbol(a\nb)",
		},
		{
			"require('util').inspect({ [Symbol('a\\nb')]: 1 })",
			"{ [Symbol(a\\nb)]: 1 }",
		},
		{
			"require('util').inspect(new String('a'.repeat(3)), { showHidden: true })",
			"[String: 'aaa'] { [length]: 3 }",
		},
		{
			"require('util').inspect([ 'a', 'b' ], { maxArrayLength: 1 }) + require('util').inspect('abcdef', { maxStringLength: 2 })",
			"[ 'a', ... 1 more item ]'ab'... 4 more characters",
		},
		{
			"require('util').inspect(new Map([[1, 2], [3, 4]]), { maxArrayLength: 1 })",
			"Map(2) { 1 => 2, ... 1 more item }",
		},
		{
			"require('util').inspect(new Set([1, 2, 3]), { maxArrayLength: 1 })",
			"Set(3) { 1, ... 2 more items }",
		},
		{
			"(function () { return require('util').inspect(arguments); })()",
			"[Arguments] {}",
		},
		{
			"require('util').inspect(Object.assign(Object.create(null), { [Symbol.toStringTag]: 'X', a: 1 }))",
			"[X: null prototype] { a: 1, [Symbol(Symbol.toStringTag)]: 'X' }",
		},
	})
}

// TestUtilFormatMatchesNode compares util.format output with Node's.
// Every expected value was printed by Node 20 for the same source.
func TestUtilFormatMatchesNode(t *testing.T) {
	runMiscCases(t, []miscCase{
		{
			"const f=require('util').format; f('%s:%s', 'a')",
			"a:%s",
		},
		{
			"const f=require('util').format; f('%s', 1.5, 'extra', {a:1})",
			"1.5 extra { a: 1 }",
		},
		{
			"const f=require('util').format; f('%d %i %f', '42.9', '42.9', '42.9')",
			"42.9 42 42.9",
		},
		{
			"const f=require('util').format; f('%d %d %i %f', 10n, Symbol('x'), 7n, 'abc')",
			"10n NaN 7n NaN",
		},
		{
			"const f=require('util').format; f('%j %j', {a:[1]}, 'str')",
			"{\"a\":[1]} \"str\"",
		},
		{
			"const f=require('util').format; const o={}; o.o=o; f('%j', o)",
			"[Circular]",
		},
		{
			"const f=require('util').format; f('%o', {a:{b:{c:{d:{e:1}}}}, f(){}})",
			"{\n  a: {\n    b: { c: { d: { e: 1 } } }\n  },\n  f: [Function: f] { [length]: 0, [name]: 'f' }\n}",
		},
		{
			"const f=require('util').format; f('%O', {a:{b:{c:{d:{e:1}}}}})",
			"{ a: { b: { c: [Object] } } }",
		},
		{
			"const f=require('util').format; f('%c%s', 'color: red', 'txt')",
			"txt",
		},
		{
			"const f=require('util').format; f('100%% %s %% %x', 'done')",
			"100% done % %x",
		},
		{
			"const f=require('util').format; f('%s', {a:{b:{c:1}}}, [1,[2,[3]]])",
			"{ a: [Object] } [ 1, [ 2, [ 3 ] ] ]",
		},
		{
			"const f=require('util').format; f('%s %s %s', null, undefined, -0)",
			"null undefined -0",
		},
		{
			"const f=require('util').format; f('%s', new Date(0))",
			"1970-01-01T00:00:00.000Z",
		},
		{
			"const f=require('util').format; f('%s', { toString() { return 'custom!'; } })",
			"custom!",
		},
		{
			"const f=require('util').format; class A { toString() { return 'A!'; } } f('%s %s', new A(), new (class B {})())",
			"A! B {}",
		},
		{
			"const f=require('util').format; f('%s', Symbol('s'))",
			"Symbol(s)",
		},
		{
			"const f=require('util').format; f('%s', [1,2,'x'])",
			"[ 1, 2, 'x' ]",
		},
		{
			"const f=require('util').format; f('%s', function foo(){})",
			"function foo(){}",
		},
		{
			"const f=require('util').format; f(1, 2, 'three', {four: 4})",
			"1 2 three { four: 4 }",
		},
		{
			"const f=require('util').format; f()",
			"",
		},
		{
			"const f=require('util').format; f('%s')",
			"%s",
		},
		{
			"const f=require('util').format; f('no args %s')",
			"no args %s",
		},
		{
			"const f=require('util').format; f('%', 1)",
			"% 1",
		},
		{
			"const f=require('util').format; f('%s%', 1)",
			"1%",
		},
		{
			"const f=require('util').format; f('a%%b', 1)",
			"a%b 1",
		},
		{
			"const f=require('util').format; f('%%')",
			"%%",
		},
		{
			"const f=require('util').format; f({a:1}, 'x')",
			"{ a: 1 } x",
		},
		{
			"const f=require('util').format; f('%d', '0x10') + f(' %i', '0x10') + f(' %d', '')",
			"16 16 0",
		},
		{
			"require('util').formatWithOptions({ colors: true }, '%O and %s', { a: 1 }, 2)",
			"{ a: \x1b[33m1\x1b[39m } and 2",
		},
		{
			"require('util').formatWithOptions({ depth: 0 }, { a: { b: 1 } })",
			"{ a: [Object] }",
		},
		{
			"const f=require('util').format; f('%s', 'a', 'b', 3)",
			"a b 3",
		},
		{
			"const f=require('util').format; f('%s', new Map([[1,2]]))",
			"Map(1) { 1 => 2 }",
		},
		{
			"const f=require('util').format; f('%j', { toJSON() { return 'J'; } })",
			"\"J\"",
		},
		{
			"const f=require('util').format; f('%o', [1, 2])",
			"[ 1, 2, [length]: 2 ]",
		},
		{
			"const f=require('util').format; f('%o', 'str')",
			"'str'",
		},
		{
			"const f=require('util').format; f('%o', class K { m() {} })",
			"<ref *1> [class K] {\n  [length]: 0,\n  [name]: 'K',\n  [prototype]: {\n    [constructor]: [Circular *1],\n    [m]: [Function: m] { [length]: 0, [name]: 'm' }\n  }\n}",
		},
		{
			"const f=require('util').format; f('%o', { s: new Set([1]), m: new Map([[1, {}]]) })",
			"{ s: Set(1) { 1 }, m: Map(1) { 1 => {} } }",
		},
	})
}

// TestUtilHelpersMatchNode covers types, the legacy predicates, promisify/callbackify shapes and the smaller helpers.
// Every expected value was printed by Node 20 for the same source.
func TestUtilHelpersMatchNode(t *testing.T) {
	runMiscCases(t, []miscCase{
		{
			"const t = require('util').types; JSON.stringify([t.isPromise(Promise.resolve()), t.isPromise({then(){}}), t.isRegExp(/x/), t.isRegExp({}), t.isDate(new Date()), t.isDate({}), t.isMap(new Map()), t.isMap(new WeakMap()), t.isSet(new Set()), t.isTypedArray(new Uint8Array()), t.isTypedArray(new DataView(new ArrayBuffer(1))), t.isUint8Array(new Uint8Array()), t.isUint8Array(new Int8Array()), t.isArrayBuffer(new ArrayBuffer(1)), t.isAnyArrayBuffer(new ArrayBuffer(1)), t.isArrayBuffer(new Uint8Array(1))])",
			"[true,false,true,false,true,false,true,false,true,true,false,true,false,true,true,false]",
		},
		{
			"const t = require('util').types; JSON.stringify([t.isAsyncFunction(async () => {}), t.isAsyncFunction(() => {}), t.isGeneratorFunction(function* () {}), t.isGeneratorFunction(function () {}), t.isNativeError(new TypeError()), t.isNativeError({ name: 'Error', message: '' }), t.isNativeError(Object.create(Error.prototype)), t.isBoxedPrimitive(new Number(1)), t.isBoxedPrimitive(1), t.isBoxedPrimitive(Object(Symbol())), t.isBoxedPrimitive(Object(1n)), t.isNumberObject(new Number(1)), t.isStringObject(new String('')), t.isProxy(new Proxy({}, {})), t.isProxy({})])",
			"[true,false,true,false,true,false,false,true,false,true,true,true,true,true,false]",
		},
		{
			"const t = require('util').types; class M extends Map {} const fake = Object.create(Map.prototype); JSON.stringify([t.isMap(new M()), t.isMap(fake), t.isDate(Object.create(Date.prototype)), t.isArgumentsObject((function () { return arguments; })()), t.isArgumentsObject([]), t.isGeneratorObject((function* () {})()), t.isWeakMap(new WeakMap()), t.isWeakSet(new WeakSet()), t.isDataView(new DataView(new ArrayBuffer(1))), t.isArrayBufferView(new DataView(new ArrayBuffer(1))), t.isMapIterator(new Map().keys()), t.isSetIterator(new Set().values()), t.isFloat64Array(new Float64Array()), t.isBigInt64Array(new BigInt64Array())])",
			"[true,false,false,true,false,true,true,true,true,true,true,true,true,true]",
		},
		{
			"const u = require('util'); JSON.stringify([u.isArray([]), u.isBoolean(false), u.isNull(null), u.isNullOrUndefined(undefined), u.isNumber(NaN), u.isString(''), u.isSymbol(Symbol()), u.isUndefined(undefined), u.isRegExp(/a/), u.isObject(null), u.isObject({}), u.isDate(new Date()), u.isError(new Error()), u.isError(Object.create(Error.prototype)), u.isFunction(() => {}), u.isPrimitive(null), u.isPrimitive({})])",
			"[true,true,true,true,true,true,true,true,true,false,true,true,true,true,true,true,false]",
		},
		{
			"const u = require('util'); JSON.stringify([u.isDeepStrictEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }), u.isDeepStrictEqual([1], ['1']), u.isDeepStrictEqual(new Set([1, { a: 1 }]), new Set([{ a: 1 }, 1])), u.isDeepStrictEqual(NaN, NaN), u.isDeepStrictEqual(0, -0), u.isDeepStrictEqual(new Map([[1, { a: 1 }]]), new Map([[1, { a: 2 }]]))])",
			"[true,false,true,true,false,false]",
		},
		{
			"function A() {} function B() {} require('util').inherits(A, B); JSON.stringify([A.super_ === B, new A() instanceof B, Object.getPrototypeOf(A.prototype) === B.prototype])",
			"[true,true,true]",
		},
		{
			"try { require('util').inherits(function () {}, {}); } catch (e) { e.code + ' ' + e.message }",
			"ERR_INVALID_ARG_TYPE The \"superCtor.prototype\" property must be of type object. Received undefined",
		},
		{
			"try { require('util').inherits(function () {}, null); } catch (e) { e.code + ' ' + e.message }",
			"ERR_INVALID_ARG_TYPE The \"superCtor\" argument must be of type function. Received null",
		},
		{
			"try { require('util').promisify(5); } catch (e) { e.name + ' ' + e.code + ' ' + e.message }",
			"TypeError ERR_INVALID_ARG_TYPE The \"original\" argument must be of type function. Received type number (5)",
		},
		{
			"try { require('util').promisify({}); } catch (e) { e.code + ' ' + e.message }",
			"ERR_INVALID_ARG_TYPE The \"original\" argument must be of type function. Received an instance of Object",
		},
		{
			"const u = require('util'); function f() {} f[u.promisify.custom] = function custom() {}; JSON.stringify([u.promisify(f) === f[u.promisify.custom], u.promisify.custom === Symbol.for('nodejs.util.promisify.custom'), typeof u.promisify(function () {}), u.promisify(function named(a, b) {}).name])",
			"[true,true,\"function\",\"named\"]",
		},
		{
			"const u = require('util'); const p = u.promisify(function (x) {}); JSON.stringify([u.promisify(p) === p, p.length, Object.getPrototypeOf(p) === Function.prototype])",
			"[true,1,true]",
		},
		{
			"const u = require('util'); JSON.stringify([u.callbackify(async function foo(a) {}).name, u.callbackify(async function foo(a) {}).length])",
			"[\"fooCallbackified\",2]",
		},
		{
			"try { require('util').callbackify(async () => {})(1); } catch (e) { e.code + ' ' + e.message }",
			"ERR_INVALID_ARG_TYPE The last argument must be of type function. Received type number (1)",
		},
		{
			"require('util').inspect.custom.toString() + ' ' + String(require('util').inspect.defaultOptions.breakLength)",
			"Symbol(nodejs.util.inspect.custom) 80",
		},
		{
			"JSON.stringify([require('util').stripVTControlCharacters('\\u001b[31mred\\u001b[39m plain'), require('util').toUSVString('a\\ud800b')])",
			"[\"red plain\",\"a�b\"]",
		},
		{
			"require('util').getSystemErrorName(-2) + ' ' + require('util').getSystemErrorName(-13) + ' ' + require('util').getSystemErrorMap().get(-2).join('|')",
			"ENOENT EACCES ENOENT|no such file or directory",
		},
		{
			"try { require('util').getSystemErrorName(1) } catch (e) { e.code + ' ' + e.message }",
			"ERR_OUT_OF_RANGE The value of \"err\" is out of range. It must be a negative integer. Received 1",
		},
		{
			"JSON.stringify(require('util').styleText('red', 'x')) + JSON.stringify(require('util').styleText(['bold', 'green'], 'y'))",
			"\"x\"\"\\u001b[1m\\u001b[32my\\u001b[39m\\u001b[22m\"",
		},
		{
			"try { require('util').styleText('nocolor', 'x') } catch (e) { e.code }",
			"ERR_INVALID_ARG_VALUE",
		},
		{
			"typeof require('util').debuglog('foo') + ' ' + require('util').debuglog('foo').enabled",
			"function false",
		},
		{
			"require('util').types === require('util/types') ? 'same' : 'different'",
			"same",
		},
		{
			"JSON.stringify(Object.keys(require('util').inspect.colors).slice(0, 5)) + JSON.stringify(require('util').inspect.styles)",
			"[\"reset\",\"bold\",\"dim\",\"italic\",\"underline\"]{\"special\":\"cyan\",\"number\":\"yellow\",\"bigint\":\"yellow\",\"boolean\":\"yellow\",\"undefined\":\"grey\",\"null\":\"bold\",\"string\":\"green\",\"symbol\":\"green\",\"date\":\"magenta\",\"regexp\":\"red\",\"module\":\"underline\"}",
		},
		{
			"const o = require('util')._extend({ a: 1 }, { b: 2 }); JSON.stringify(o)",
			"{\"a\":1,\"b\":2}",
		},
		{
			"require('util').format('%s', require('util').types.isKeyObject({}))",
			"false",
		},
		{
			"JSON.stringify([require('util').styleText('red', 'x', { validateStream: false }), require('util').styleText('bold', 'x')])",
			"[\"\\u001b[31mx\\u001b[39m\",\"x\"]",
		},
	})
}
