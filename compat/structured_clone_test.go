package compat

import "testing"

func TestStructuredClone(t *testing.T) {
	runWebCases(t, []webCase{
		{"function", `structuredClone(() => {})`, `threw DataCloneError: () => {} could not be cloned.`},
		{"named function", `structuredClone(function foo() { return 1 })`, `threw DataCloneError: function foo() { return 1 } could not be cloned.`},
		{"symbol", `structuredClone(Symbol('x'))`, `threw DataCloneError: Symbol(x) could not be cloned.`},
		{"nested function", `structuredClone({ a: () => 1 })`, `threw DataCloneError: () => 1 could not be cloned.`},
		{"error is DOMException", `try { structuredClone(Symbol()) } catch (e) { return [e instanceof DOMException, e.code, e.name] }`, `[true,25,"DataCloneError"]`},
		{"primitives", `return structuredClone([1, 'a', true, null, undefined, -0, NaN, 10n]).map((v) => Object.is(v, -0) ? '-0' : typeof v === 'number' && isNaN(v) ? 'NaN' : v)`,
			`[1,"a",true,null,"<undefined>","-0","NaN","10n"]`},
		{"class instance", `class K { constructor() { this.x = 1 } get y() { return 2 } m() {} }
			const k = structuredClone(new K()); return [k, Object.getPrototypeOf(k) === Object.prototype, 'm' in k]`, `[{"x":1},true,false]`},
		{"cycles and sharing", `const o = { a: 1 }; o.self = o; const arr = [o, o]; const c = structuredClone(arr); return [c[0] === c[1], c[0].self === c[0], c[0] !== o]`, `[true,true,true]`},
		{"error", `const e = new RangeError('bad', { cause: 'why' }); e.extra = 1; const c = structuredClone(e);
			return [c.name, c.message, c.cause, c.extra, c instanceof RangeError, c.stack === e.stack, Object.getOwnPropertyNames(c)]`,
			`["RangeError","bad","why","<undefined>",true,true,["stack","message","cause"]]`},
		{"error subclass name", `class MyErr extends Error { constructor(m) { super(m); this.name = 'MyErr' } } const c = structuredClone(new MyErr('z')); return [c.name, c.constructor.name, c.message]`,
			`["Error","Error","z"]`},
		{"error renamed", `const te = new TypeError('t'); te.name = 'SyntaxError'; const ne = new Error('n'); ne.name = 'Foo'; return [structuredClone(te).name, structuredClone(ne).name]`,
			`["SyntaxError","Error"]`},
		{"error cause error", `const c = structuredClone(new Error('x', { cause: new Error('inner') })); return [c.cause instanceof Error, c.cause.message]`, `[true,"inner"]`},
		{"error without stack", `const e = new Error('m'); delete e.stack; return structuredClone(e).stack`, `undefined`},
		{"date", `const d = new Date(5); const c = structuredClone(d); return [c.getTime(), c instanceof Date, c !== d]`, `[5,true,true]`},
		{"regexp", `const r = /ab+c/gi; r.lastIndex = 3; const c = structuredClone(r); return [c.source, c.flags, c.lastIndex, c !== r, c instanceof RegExp]`, `["ab+c","gi",0,true,true]`},
		{"map", `const o = { a: 1 }; o.self = o; const m = new Map([[o, 1], ['k', { z: 2 }]]); const c = structuredClone(m); const key = [...c.keys()][0];
			return [c.size, key.self === key, c.get('k'), c instanceof Map]`, `[2,true,{"z":2},true]`},
		{"set", `const o = {}; const c = structuredClone(new Set([1, 'a', o, o])); return [c.size, [...c].length, c instanceof Set]`, `[3,3,true]`},
		{"typed array copy", `const ab = new ArrayBuffer(4); const u8 = new Uint8Array(ab, 1, 2); u8[0] = 7; const c = structuredClone(u8);
			return [Array.from(c), c.byteOffset, c.buffer.byteLength, c.buffer !== ab, c.constructor.name]`, `[[7,0],1,4,true,"Uint8Array"]`},
		{"shared buffer", `const ab = new ArrayBuffer(4); const u8 = new Uint8Array(ab); const both = structuredClone({ a: u8, b: ab, c: new Float64Array(1) });
			return [both.a.buffer === both.b, both.c.constructor.name]`, `[true,"Float64Array"]`},
		{"dataview", `const dv = new DataView(new ArrayBuffer(4), 1); dv.setUint8(0, 9); const c = structuredClone(dv); return [c.byteLength, c instanceof DataView, c.getUint8(0)]`, `[3,true,9]`},
		{"boxed primitives", `const c = structuredClone([new Number(3), new String('s'), new Boolean(false), Object(10n)]);
			return c.map((v) => [typeof v, Object.prototype.toString.call(v), String(v.valueOf())])`,
			`[["object","[object Number]","3"],["object","[object String]","s"],["object","[object Boolean]","false"],["object","[object BigInt]","10"]]`},
		{"sparse array", `const s = [1, , 3]; s.prop = 'x'; const c = structuredClone(s); return [1 in c, c.length, c.prop, c[2]]`, `[false,3,"x",3]`},
		{"symbols and hidden props dropped", `const o = { [Symbol('s')]: 1, v: 2 }; Object.defineProperty(o, 'hidden', { value: 1, enumerable: false }); return structuredClone(o)`, `{"v":2}`},
		{"getters read", `return structuredClone({ get g() { return 42 } })`, `{"g":42}`},
		{"null prototype", `return structuredClone(Object.create(null, { x: { value: 1, enumerable: true } }))`, `{"x":1}`},
		{"transfer", `const buf = new ArrayBuffer(8); new Uint8Array(buf)[0] = 5; const tr = structuredClone(buf, { transfer: [buf] }); return [buf.byteLength, tr.byteLength, new Uint8Array(tr)[0]]`, `[0,8,5]`},
		{"transfer view buffer", `const buf = new ArrayBuffer(8); const u = new Uint8Array(buf); const t2 = structuredClone({ u }, { transfer: [buf] }); return [buf.byteLength, u.length, t2.u.length, t2.u.buffer.byteLength]`,
			`[0,0,8,8]`},
		{"weakmap", `structuredClone(new WeakMap())`, `threw DataCloneError: #<WeakMap> could not be cloned.`},
		{"promise", `structuredClone(Promise.resolve())`, `threw DataCloneError: #<Promise> could not be cloned.`},
		{"bad transfer item", `structuredClone(1, { transfer: [1] })`, `threw TypeError: Found invalid object in transferList`},
		{"bad transfer item code", `try { structuredClone(1, { transfer: [1] }) } catch (e) { return e.code }`, `ERR_INVALID_TRANSFER_OBJECT`},
		{"no arguments", `structuredClone()`, `threw TypeError: The value argument must be specified`},
		{"duplicate transfer", `const bb = new ArrayBuffer(8); structuredClone(1, { transfer: [bb, bb] })`, `threw DataCloneError: Transfer list contains duplicate ArrayBuffer`},
		{"bad options", `structuredClone(1, 5)`, `threw TypeError: The options argument must be either an object or undefined`},
		{"bad transfer list", `structuredClone(1, { transfer: 5 })`, `threw TypeError: Optional transferList argument must be an iterable`},
		{"null options", `return structuredClone(1, null)`, `1`},
		{"domexception clones as plain object", `return structuredClone(new DOMException('m', 'AbortError'))`, `{}`},
		{"blob", `const b = new Blob(['abc'], { type: 'text/plain' }); const c = structuredClone(b); return [c !== b, c instanceof Blob, c.size, c.type, await c.text()]`,
			`[true,true,3,"text/plain","abc"]`},
		{"nested structures", `const v = { list: [1, { d: new Date(0) }], m: new Map([[1, new Set([2])]]) }; const c = structuredClone(v);
			return [c.list[1].d.getTime(), [...c.m.get(1)], c.list !== v.list]`, `[0,[2],true]`},
	})
}
