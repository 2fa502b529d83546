package compat

import "testing"

func TestEngineGaps(t *testing.T) {
	_, run := newTestHost(t, Options{})
	tests := []struct{ src, want string }{
		{`typeof Error.captureStackTrace + Error.stackTraceLimit`, "function10"},
		{`function a() { const o = {}; Error.captureStackTrace(o); return o.stack; } const l = a().split('\n'); l[0] + '|' + /^    at a \(<anonymous>:1:\d+\)$/.test(l[1])`, "Error|true"},
		{`function b() { const o = { name: 'Foo', message: 'bar' }; Error.captureStackTrace(o, b); return o; } function c() { return b(); }
		  const o = c(); [o.stack.split('\n')[0], /^    at c \(/.test(o.stack.split('\n')[1]), Object.getOwnPropertyDescriptor(o, 'stack').enumerable].join('|')`, "Foo: bar|true|false"},
		{`const e = new Error('m'); Error.captureStackTrace(e); e.stack.split('\n')[0] + Object.keys(e).length`, "Error: m0"},
		{`const p = Error.prepareStackTrace; Error.prepareStackTrace = (o, s) => s; const o2 = {}; (function named() { Error.captureStackTrace(o2); })(); const s = o2.stack; Error.prepareStackTrace = p;
		  [Array.isArray(s), typeof s[0].getFileName(), s[0].getLineNumber(), s[0].getFunctionName(), s[0].isNative(), s[0].isEval(), typeof s[0].getColumnNumber()].join()`, "true,string,1,named,false,false,number"},
		{`Error.stackTraceLimit = 1; const o3 = {}; (function x() { (function y() { Error.captureStackTrace(o3); })(); })(); Error.stackTraceLimit = 10; o3.stack.split('\n').length`, "2"},
		{`const x = {}; x.__defineGetter__('g', function () { return 1; }); const d = Object.getOwnPropertyDescriptor(x, 'g');
		  [x.g, d.enumerable, d.configurable, typeof x.__lookupGetter__('g'), x.__lookupGetter__('h'), typeof ({}).__lookupGetter__('__proto__'), typeof [].__lookupGetter__('length')].join()`, "1,true,true,function,,function,undefined"},
		{`const y = {}; let v; y.__defineSetter__('s', (n) => { v = n; }); y.s = 4; v + typeof y.__lookupSetter__('s') + Object.keys(Object.prototype).length`, "4function0"},
		{`try { ({}).__defineGetter__('z', 1); } catch (e) { e.constructor.name + ' ' + e.message }`, "TypeError Object.prototype.__defineGetter__: Expecting function"},
		{`const w = new WeakRef({ a: 1 }); String(w) + w.deref().a + Object.prototype.toString.call(new FinalizationRegistry(() => {}))`, "[object WeakRef]1[object FinalizationRegistry]"},
		{`try { new WeakRef(1); } catch (e) { e.constructor.name + ' ' + e.message }`, "TypeError WeakRef: invalid target"},
		{`const fr = new FinalizationRegistry(() => {}); const tok = {}; fr.register({}, 1, tok); [fr.unregister(tok), fr.unregister(tok)].join()`, "true,false"},
		{`try { new FinalizationRegistry(() => {}).register(1); } catch (e) { e.message }`, "FinalizationRegistry.prototype.register: invalid target"},
		{`['ab\uD800'.isWellFormed(), 'ab'.isWellFormed(), JSON.stringify('ab\uD800'.toWellFormed()), typeof Symbol.dispose, String(Symbol.asyncDispose)].join()`, `false,true,"ab�",symbol,Symbol(nodejs.asyncDispose)`},
		{`typeof Intl + Object.prototype.toString.call(Intl)`, "object[object Intl]"},
		{`[Uint8Array.from('abc', (s) => s.charCodeAt(0)).join(), Uint8Array.from('12').join(), Uint8Array.from(5).length, Uint8Array.from.name, Uint8Array.from.length, Uint8Array.from(new Set([3])).join()].join('|')`, "97,98,99|1,2|0|from|1|3"},
	}
	for _, tc := range tests {
		if got := run(tc.src).String(); got != tc.want {
			t.Errorf("%s\n got  %q\n want %q", tc.src, got, tc.want)
		}
	}
}

func TestSymbolAsyncIterator(t *testing.T) {
	_, run := newTestHost(t, Options{})
	v := run(`typeof Symbol.asyncIterator + ' ' + (Symbol.asyncIterator === Symbol.for('Symbol.asyncIterator')) + ' ' + Object.keys({ [Symbol.asyncIterator]: 1 }).length`)
	if got := v.String(); got != "symbol true 0" {
		t.Fatalf("got %q", got)
	}
}

func TestAllocationCaps(t *testing.T) {
	_, run := newTestHost(t, Options{MaxAllocation: 1 << 20})
	v := run(`
		const out = [];
		const attempt = (f) => { try { f(); out.push('ok') } catch (e) { out.push(e.name + ': ' + e.message) } };
		attempt(() => new ArrayBuffer(2 << 20));
		attempt(() => new ArrayBuffer(1024));
		attempt(() => Buffer.alloc(2 << 20));
		attempt(() => Buffer.allocUnsafe(512));
		attempt(() => 'ab'.repeat(1 << 20));
		attempt(() => 'x'.padStart(2 << 20));
		attempt(() => 'x'.padEnd(10, '-'));
		out.push(new ArrayBuffer(8) instanceof ArrayBuffer, new ArrayBuffer(8).constructor === ArrayBuffer, 'abc'.repeat(2), 'x'.padStart(3, '0'));
		out.join(' | ')`)
	want := "RangeError: Array buffer allocation failed | ok | RangeError: Array buffer allocation failed | ok | " +
		"RangeError: Invalid string length | RangeError: Invalid string length | ok | true | true | abcabc | 00x"
	if v.String() != want {
		t.Fatalf("got  %s\nwant %s", v, want)
	}
}
