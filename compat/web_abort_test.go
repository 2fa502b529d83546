package compat

import "testing"

func TestWebAbort(t *testing.T) {
	runWebCases(t, []webCase{
		{"fresh signal", `const ac = new AbortController(); const s = ac.signal;
			return [s.aborted, s.reason, s.onabort, s instanceof EventTarget, Object.prototype.toString.call(s), Object.prototype.toString.call(ac), ac.signal === s]`,
			`[false,"<undefined>",null,true,"[object AbortSignal]","[object AbortController]",true]`},
		{"abort default reason", `const ac = new AbortController(); ac.abort(); const r = ac.signal.reason;
			return [ac.signal.aborted, r.name, r.message, r.code, r instanceof DOMException]`,
			`[true,"AbortError","This operation was aborted",20,true]`},
		{"abort event and onabort", `const ac = new AbortController(); const s = ac.signal; const log = [];
			s.onabort = (e) => log.push('onabort:' + e.type + ':' + (e.target === s) + ':' + e.isTrusted);
			s.addEventListener('abort', () => log.push('listener:' + s.aborted));
			ac.abort(); ac.abort(); return log`, `["onabort:abort:true:true","listener:true"]`},
		{"onabort keeps its place", `const w = new AbortController(); const order = [];
			w.signal.addEventListener('abort', () => order.push('1'));
			w.signal.onabort = () => order.push('on');
			w.signal.addEventListener('abort', () => order.push('2'));
			w.signal.onabort = () => order.push('on2');
			w.abort(); return order`, `["1","on2","2"]`},
		{"onabort null removes", `const q = new AbortController(); let n = 0; q.signal.onabort = () => n++; q.signal.onabort = null; q.abort(); return [n, q.signal.onabort]`, `[0,null]`},
		{"throwIfAborted", `const ac = new AbortController(); ac.signal.throwIfAborted(); ac.abort('r');
			try { ac.signal.throwIfAborted() } catch (e) { return e }`, `r`},
		{"throwIfAborted same object", `const ac = new AbortController(); ac.abort(); try { ac.signal.throwIfAborted() } catch (e) { return e === ac.signal.reason }`, `true`},
		{"custom reasons", `const a = new AbortController(); a.abort(null); const b = new AbortController(); b.abort(undefined); const c = new AbortController(); c.abort(0);
			return [a.signal.reason, b.signal.reason.name, c.signal.reason]`, `[null,"AbortError",0]`},
		{"reason is first abort", `const ac = new AbortController(); ac.abort('first'); ac.abort('second'); return ac.signal.reason`, `first`},
		{"static abort", `const a = AbortSignal.abort('why'); const b = AbortSignal.abort(); return [a.aborted, a.reason, b.reason.name, b.reason.message]`,
			`[true,"why","AbortError","This operation was aborted"]`},
		{"illegal constructor", `new AbortSignal()`, `threw TypeError: Illegal constructor`},
		{"illegal constructor code", `try { new AbortSignal() } catch (e) { return e.code }`, `ERR_ILLEGAL_CONSTRUCTOR`},
		{"timeout", `const t = AbortSignal.timeout(5); const before = t.aborted;
			await new Promise((r) => t.addEventListener('abort', r));
			return [before, t.aborted, t.reason.name, t.reason.message, t.reason.code]`,
			`[false,true,"TimeoutError","The operation was aborted due to timeout",23]`},
		{"timeout negative", `AbortSignal.timeout(-1)`, `threw RangeError: The value of "delay" is out of range. It must be >= 0 && <= 4294967295. Received -1`},
		{"timeout string", `AbortSignal.timeout('a')`, `threw TypeError: The "delay" argument must be of type number. Received type string ('a')`},
		{"any follows first", `const x = new AbortController(), y = new AbortController(); const any = AbortSignal.any([x.signal, y.signal]);
			const log = []; any.addEventListener('abort', () => log.push(any.reason));
			const before = any.aborted; y.abort('yy'); x.abort('xx'); return [before, any.aborted, any.reason, log]`, `[false,true,"yy",["yy"]]`},
		{"any already aborted", `const x = new AbortController(); return AbortSignal.any([AbortSignal.abort('pre'), x.signal]).reason`, `pre`},
		{"any empty", `const s = AbortSignal.any([]); return [s.aborted, s instanceof AbortSignal]`, `[false,true]`},
		{"any of any", `const x = new AbortController(); const inner = AbortSignal.any([x.signal]); const outer = AbortSignal.any([inner]);
			x.abort('deep'); return [inner.reason, outer.reason]`, `["deep","deep"]`},
		{"any order of events", `const x = new AbortController(); const d = AbortSignal.any([x.signal]); const log = [];
			d.addEventListener('abort', () => log.push('dep:' + x.signal.aborted));
			x.signal.addEventListener('abort', () => log.push('src:' + d.aborted));
			x.abort(); return log`, `["src:false","dep:true"]`},
		{"any bad signal", `AbortSignal.any([1])`, `threw TypeError: The "signals[0]" argument must be an instance of AbortSignal. Received type number (1)`},
		{"prototype names", `return [Object.getOwnPropertyNames(AbortController.prototype), Object.getOwnPropertyNames(AbortSignal).filter((k) => !['length', 'name', 'prototype'].includes(k))]`,
			`[["constructor","signal","abort"],["abort","timeout","any"]]`},
		{"abort listener once", `const ac = new AbortController(); let n = 0; ac.signal.addEventListener('abort', () => n++, {once: true}); ac.abort(); ac.signal.dispatchEvent(new Event('abort')); return n`, `1`},
		{"events.once with signal-like target", `const ac = new AbortController(); const p = new Promise((r) => ac.signal.addEventListener('abort', (e) => r(e.type))); ac.abort(); return await p`, `abort`},
	})
}
