package compat

import "testing"

// webStreamHelpers are shared by the stream snippets (prepended to each).
const webStreamHelpers = `
const readAll = async (rs) => { const r = rs.getReader(); const out = []; for (;;) { const { value, done } = await r.read(); if (done) return out; out.push(value); } };
const tick = (n = 1) => new Promise((r) => { let i = 0; const f = () => (++i >= n ? r() : setTimeout(f, 0)); setTimeout(f, 0); });
const err = (e) => e.name + ': ' + e.message;
`

func streamCases(cases []webCase) []webCase {
	for i := range cases {
		cases[i].src = webStreamHelpers + cases[i].src
	}
	return cases
}

func TestWebReadableStream(t *testing.T) {
	runWebCases(t, streamCases([]webCase{
		{"read enqueued", `const rs = new ReadableStream({ start(c) { c.enqueue('a'); c.enqueue('b'); c.close(); } });
			const r = rs.getReader(); return [await r.read(), await r.read(), await r.read(), await r.read()]`,
			`[{"value":"a","done":false},{"value":"b","done":false},{"value":"<undefined>","done":true},{"value":"<undefined>","done":true}]`},
		{"locked", `const rs = new ReadableStream(); const a = rs.locked; const r = rs.getReader(); const b = rs.locked; r.releaseLock(); return [a, b, rs.locked]`, `[false,true,false]`},
		{"getReader twice", `const rs = new ReadableStream(); rs.getReader(); rs.getReader()`, `threw TypeError: Invalid state: ReadableStream is locked`},
		{"cancel locked", `const rs = new ReadableStream(); rs.getReader(); await rs.cancel()`, `threw TypeError: Invalid state: ReadableStream is locked`},
		{"pull on demand", `const log = []; let i = 0;
			const rs = new ReadableStream({ pull(c) { log.push('pull' + i); c.enqueue(i++); if (i === 3) c.close(); } }, { highWaterMark: 0 });
			await tick(); log.push('start');
			const r = rs.getReader(); log.push((await r.read()).value); log.push((await r.read()).value); log.push((await r.read()).value); log.push((await r.read()).done);
			return log`, `["start","pull0",0,"pull1",1,"pull2",2,true]`},
		{"highWaterMark fills queue", `let pulls = 0; let ctl;
			new ReadableStream({ start(c) { ctl = c; }, pull(c) { pulls++; c.enqueue(pulls); } }, new CountQueuingStrategy({ highWaterMark: 3 }));
			await tick(3); return [pulls, ctl.desiredSize]`, `[3,0]`},
		{"desiredSize", `let c; new ReadableStream({ start(x) { c = x } }, { highWaterMark: 2 }); const a = c.desiredSize; c.enqueue('a'); const b = c.desiredSize; c.close(); return [a, b, c.desiredSize]`, `[2,1,1]`},
		{"byte length strategy", `let c; new ReadableStream({ start(x) { c = x } }, new ByteLengthQueuingStrategy({ highWaterMark: 10 })); c.enqueue(new Uint8Array(4)); return c.desiredSize`, `6`},
		{"custom size", `let c; new ReadableStream({ start(x) { c = x } }, { highWaterMark: 10, size: (ch) => ch.length }); c.enqueue('abc'); return c.desiredSize`, `7`},
		{"enqueue after close", `let c; new ReadableStream({ start(x) { c = x } }); c.close(); c.enqueue(1)`, `threw TypeError: Invalid state: Controller is already closed`},
		{"close twice", `let c; new ReadableStream({ start(x) { c = x } }); c.close(); c.close()`, `threw TypeError: Invalid state: Controller is already closed`},
		{"error stream", `let c; const rs = new ReadableStream({ start(x) { c = x } }); c.error(new Error('E')); const r = rs.getReader();
			return [await r.read().catch(err), await r.closed.catch(err), c.desiredSize]`, `["Error: E","Error: E",null]`},
		{"start throws", `new ReadableStream({ start() { throw new Error('st') } })`, `threw Error: st`},
		{"start rejects", `await new ReadableStream({ start() { return Promise.reject(new Error('sr')) } }).getReader().read()`, `threw Error: sr`},
		{"pull throws", `await new ReadableStream({ pull() { throw new Error('pl') } }).getReader().read()`, `threw Error: pl`},
		{"start waits before pull", `const log = []; let resolve;
			const rs = new ReadableStream({ start() { log.push('start'); return new Promise((r) => { resolve = r; }); }, pull(c) { log.push('pull'); c.close(); } });
			await tick(2); log.push('resolving'); resolve(); await tick(2); return log`, `["start","resolving","pull"]`},
		{"source this", `let self; const src = { start() { self = this; } }; new ReadableStream(src); return self === src`, `true`},
		{"cancel calls source", `let reason; const rs = new ReadableStream({ cancel(r) { reason = r; return 'ignored'; } });
			const v = await rs.cancel('bye'); return [reason, v]`, `["bye","<undefined>"]`},
		{"cancel resolves pending read", `const rs = new ReadableStream(); const r = rs.getReader(); const p = r.read(); await r.cancel('x'); return [await p, await r.closed]`,
			`[{"value":"<undefined>","done":true},"<undefined>"]`},
		{"cancel rejection propagates", `await new ReadableStream({ cancel() { throw new Error('no') } }).cancel()`, `threw Error: no`},
		{"cancel closed stream", `const rs = new ReadableStream({ start(c) { c.close(); } }); return await rs.cancel()`, `undefined`},
		{"releaseLock rejects pending read", `const rs = new ReadableStream(); const r = rs.getReader(); const p = r.read(); r.releaseLock();
			return [await p.catch(err), await r.closed.catch(err), await r.read().catch(err)]`,
			`["TypeError: Invalid state: Releasing reader","TypeError: Invalid state: Reader released","TypeError: Invalid state: The reader is not attached to a stream"]`},
		{"reader constructor", `const rs = new ReadableStream({ start(c) { c.enqueue(1); } }); const r = new ReadableStreamDefaultReader(rs); return [rs.locked, (await r.read()).value]`, `[true,1]`},
		{"reader constructor bad", `new ReadableStreamDefaultReader(5)`, `threw TypeError: The "stream" argument must be an instance of ReadableStream. Received type number (5)`},
		{"controller illegal", `new ReadableStreamDefaultController()`, `threw TypeError: Illegal constructor`},
		{"bad type", `new ReadableStream({ type: 'nope' })`, `threw TypeError: The property 'source.type' is invalid. Received 'nope'`},
		{"bad hwm", `new ReadableStream({}, { highWaterMark: -1 })`, `threw RangeError: The property 'strategy.highWaterMark' is invalid. Received -1`},
		{"strategy required hwm", `new CountQueuingStrategy({})`, `threw TypeError: init.highWaterMark is required`},
		{"strategy no init", `new CountQueuingStrategy()`, `threw TypeError: The "init" argument must be of type object. Received undefined`},
		{"strategies", `const c = new CountQueuingStrategy({ highWaterMark: 3 }); const b = new ByteLengthQueuingStrategy({ highWaterMark: 5 });
			return [c.highWaterMark, c.size(), c.size.name, b.highWaterMark, b.size(new Uint8Array(7)), c.size === new CountQueuingStrategy({ highWaterMark: 1 }).size]`,
			`[3,1,"size",5,7,true]`},
		{"invalid this", `ReadableStream.prototype.getReader.call({})`, `threw TypeError: Value of "this" must be of type ReadableStream`},
		{"toStringTags", `return [String(new ReadableStream()), Object.prototype.toString.call(new ReadableStream().getReader()), Object.prototype.toString.call(new WritableStream()), Object.prototype.toString.call(new TransformStream())]`,
			`["[object ReadableStream]","[object ReadableStreamDefaultReader]","[object WritableStream]","[object TransformStream]"]`},
		// Symbol.asyncIterator is filtered out for engines that lack it (then it is the string "undefined").
		{"prototype shape", `return [Object.getOwnPropertyNames(ReadableStream.prototype).filter((k) => k !== String(Symbol.asyncIterator)), Object.getOwnPropertyNames(ReadableStream).filter((k) => !['length', 'name', 'prototype'].includes(k))]`,
			`[["constructor","locked","cancel","getReader","pipeThrough","pipeTo","tee","values"],["from"]]`},
		{"async iterator same as values", `return ReadableStream.prototype[Symbol.asyncIterator] === ReadableStream.prototype.values`, `true`},
		{"async iteration", `const rs = new ReadableStream({ start(c) { c.enqueue(1); c.enqueue(2); c.close(); } });
			const it = rs[Symbol.asyncIterator](); const out = []; let n; while (!(n = await it.next()).done) out.push(n.value);
			return [out, rs.locked, await it.next()]`, `[[1,2],false,{"done":true,"value":"<undefined>"}]`},
		{"async iterator return cancels", `let reason; const rs = new ReadableStream({ start(c) { c.enqueue(1); c.enqueue(2); }, cancel(r) { reason = r; } });
			const it = rs.values(); const first = await it.next(); const ret = await it.return('stop');
			return [first.value, ret, reason, rs.locked, await it.next()]`, `[1,{"done":true,"value":"stop"},"stop",false,{"done":true,"value":"<undefined>"}]`},
		{"async iterator preventCancel", `let cancelled = false; const rs = new ReadableStream({ start(c) { c.enqueue(1); c.enqueue(2); }, cancel() { cancelled = true; } });
			const it = rs.values({ preventCancel: true }); await it.next(); await it.return();
			const r = rs.getReader(); return [cancelled, (await r.read()).value]`, `[false,2]`},
		{"async iterator error", `let c; const rs = new ReadableStream({ start(x) { c = x; } }); const it = rs.values(); const p = it.next(); c.error(new Error('bad'));
			return [await p.catch(err), rs.locked]`, `["Error: bad",false]`},
		{"async iterator is iterable", `const it = new ReadableStream().values(); return it[Symbol.asyncIterator]() === it`, `true`},
		{"async iterator queued nexts", `let c; const rs = new ReadableStream({ start(x) { c = x; } }); const it = rs.values();
			const ps = [it.next(), it.next(), it.next()]; c.enqueue('a'); c.enqueue('b'); c.close();
			return (await Promise.all(ps)).map((r) => r.done ? 'done' : r.value)`, `["a","b","done"]`},
		{"from array", `return await readAll(ReadableStream.from([1, Promise.resolve(2), 3]))`, `[1,2,3]`},
		{"from string", `return await readAll(ReadableStream.from('hé'))`, `["h","é"]`},
		{"from generator", `function* g() { yield 'x'; yield 'y'; } return await readAll(ReadableStream.from(g()))`, `["x","y"]`},
		{"from async iterable", `const src = { [Symbol.asyncIterator]() { let i = 0; return { next() { return Promise.resolve(i < 2 ? { value: i++, done: false } : { value: undefined, done: true }); } }; } };
			return await readAll(ReadableStream.from(src))`, `[0,1]`},
		{"from cancel calls return", `let returned; const src = { [Symbol.asyncIterator]() { return { next() { return Promise.resolve({ value: 1, done: false }); }, return(r) { returned = r; return Promise.resolve({ done: true }); } }; } };
			const rs = ReadableStream.from(src); const r = rs.getReader(); await r.read(); await r.cancel('why'); return returned`, `why`},
		{"from stream", `const inner = new ReadableStream({ start(c) { c.enqueue('i'); c.close(); } }); return await readAll(ReadableStream.from(inner))`, `["i"]`},
		{"from non-iterable", `ReadableStream.from(5)`, `threw TypeError: 5 must be iterable`},
		{"from null", `ReadableStream.from(null)`, `threw TypeError: Cannot read properties of null (reading 'Symbol(Symbol.asyncIterator)')`},
		{"from next rejects", `const src = { [Symbol.asyncIterator]() { return { next() { return Promise.reject(new Error('nx')); } }; } }; await readAll(ReadableStream.from(src))`, `threw Error: nx`},
		{"tee", `const [a, b] = new ReadableStream({ start(c) { c.enqueue('t'); c.enqueue('u'); c.close(); } }).tee();
			return [await readAll(a), await readAll(b)]`, `[["t","u"],["t","u"]]`},
		{"tee locks source", `const rs = new ReadableStream(); rs.tee(); return rs.locked`, `true`},
		{"tee cancel both", `let reason; const rs = new ReadableStream({ cancel(r) { reason = r; } }); const [a, b] = rs.tee();
			const pa = a.cancel('r1'); await tick(); const early = reason; await b.cancel('r2'); await pa; return [early, reason]`, `["<undefined>",["r1","r2"]]`},
		{"tee error", `let c; const [a, b] = new ReadableStream({ start(x) { c = x; } }).tee(); c.error(new Error('te'));
			return [await a.getReader().read().catch(err), await b.getReader().read().catch(err)]`, `["Error: te","Error: te"]`},
		{"tee one branch canceled keeps other", `const [a, b] = new ReadableStream({ start(c) { c.enqueue(1); c.enqueue(2); c.close(); } }).tee(); a.cancel(); return await readAll(b)`, `[1,2]`},
	}))
}

func TestWebByteStreams(t *testing.T) {
	runWebCases(t, streamCases([]webCase{
		{"byob respond", `const rs = new ReadableStream({ type: 'bytes', pull(c) { const v = c.byobRequest.view; v[0] = 7; v[1] = 8; c.byobRequest.respond(2); c.close(); } });
			const r = rs.getReader({ mode: 'byob' }); const buf = new Uint8Array(4); const res = await r.read(buf);
			const end = await r.read(new Uint8Array(4));
			return [Array.from(res.value), res.done, res.value.byteLength, res.value.buffer.byteLength, buf.byteLength, end.done, end.value.byteLength]`,
			`[[7,8],false,2,4,0,true,0]`},
		{"byob view types", `const rs = new ReadableStream({ type: 'bytes', start(c) { c.enqueue(new Uint8Array([1, 0, 2, 0, 3])); c.close(); } });
			const r = rs.getReader({ mode: 'byob' }); const a = await r.read(new Uint16Array(2)); const b = await r.read(new Uint8Array(4));
			return [a.value.constructor.name, Array.from(a.value), Array.from(b.value), (await r.read(new Uint8Array(1))).done]`,
			`["Uint16Array",[1,2],[3],true]`},
		{"byob dataview", `const rs = new ReadableStream({ type: 'bytes', start(c) { c.enqueue(new Uint8Array([9, 8, 7])); } });
			const { value } = await rs.getReader({ mode: 'byob' }).read(new DataView(new ArrayBuffer(2))); return [value.constructor.name, value.byteLength, value.getUint8(1)]`,
			`["DataView",2,8]`},
		{"bytes default reader", `const rs = new ReadableStream({ type: 'bytes', start(c) { c.enqueue(new Uint8Array([1, 2])); c.enqueue(new Uint8Array([3])); c.close(); } });
			return (await readAll(rs)).map((u) => [u.constructor.name, Array.from(u)])`, `[["Uint8Array",[1,2]],["Uint8Array",[3]]]`},
		{"enqueue transfers", `let c; new ReadableStream({ type: 'bytes', start(x) { c = x; } }); const chunk = new Uint8Array([1, 2, 3]); c.enqueue(chunk); return [chunk.byteLength, chunk.buffer.byteLength]`, `[0,0]`},
		{"autoAllocateChunkSize", `let size; const rs = new ReadableStream({ type: 'bytes', autoAllocateChunkSize: 16, pull(c) { size = c.byobRequest.view.byteLength; c.byobRequest.view[0] = 42; c.byobRequest.respond(1); } });
			const { value } = await rs.getReader().read(); return [size, Array.from(value)]`, `[16,[42]]`},
		{"respondWithNewView", `const rs = new ReadableStream({ type: 'bytes', pull(c) { const v = c.byobRequest.view; const nv = new Uint8Array(v.buffer, v.byteOffset, 2); nv.set([5, 6]); c.byobRequest.respondWithNewView(nv); } });
			const { value } = await rs.getReader({ mode: 'byob' }).read(new Uint8Array(8)); return Array.from(value)`, `[5,6]`},
		{"byob on default stream", `new ReadableStream().getReader({ mode: 'byob' })`,
			`threw TypeError: The argument 'stream' must be a byte stream. Received ReadableStream { locked: false, state: 'readable', supportsBYOB: false }`},
		{"bad mode", `new ReadableStream().getReader({ mode: 'x' })`, `threw TypeError: The property 'options.mode' is invalid. Received 'x'`},
		{"byob zero view", `await new ReadableStream({ type: 'bytes' }).getReader({ mode: 'byob' }).read(new Uint8Array(0))`,
			`threw TypeError: Invalid state: View or Viewed ArrayBuffer is zero-length or detached`},
		{"byob no view", `await new ReadableStream({ type: 'bytes' }).getReader({ mode: 'byob' }).read()`,
			`threw TypeError: The "view" argument must be an instance of Buffer, TypedArray, or DataView. Received undefined`},
		{"byte enqueue string", `let c; new ReadableStream({ type: 'bytes', start(x) { c = x; } }); c.enqueue('x')`,
			`threw TypeError: The "buffer" argument must be an instance of Buffer, TypedArray, or DataView. Received type string ('x')`},
		{"byte enqueue empty", `let c; new ReadableStream({ type: 'bytes', start(x) { c = x; } }); c.enqueue(new Uint8Array(0))`,
			`threw TypeError: Invalid state: chunk ArrayBuffer is zero-length or detached`},
		{"byte size strategy", `new ReadableStream({ type: 'bytes' }, { size() { return 1; } })`, `threw RangeError: The property 'strategy.size' is invalid. Received [Function: size]`},
		{"byte desiredSize", `let c; new ReadableStream({ type: 'bytes', start(x) { c = x; } }, { highWaterMark: 8 }); c.enqueue(new Uint8Array(3)); return c.desiredSize`, `5`},
		{"byte tee", `const [a, b] = new ReadableStream({ type: 'bytes', start(c) { c.enqueue(new Uint8Array([1, 2])); c.close(); } }).tee();
			return [(await readAll(a)).map((u) => Array.from(u)), (await readAll(b)).map((u) => Array.from(u))]`, `[[[1,2]],[[1,2]]]`},
		{"byob cancel", `let reason; const rs = new ReadableStream({ type: 'bytes', cancel(r) { reason = r; } }); const r = rs.getReader({ mode: 'byob' });
			const p = r.read(new Uint8Array(2)); await r.cancel('c'); const res = await p; return [reason, res.done, res.value]`, `["c",true,"<undefined>"]`},
		{"byob iterate file-like", `let n = 0; const rs = new ReadableStream({ type: 'bytes', pull(c) { if (n === 3) { c.close(); c.byobRequest.respond(0); return; } const v = c.byobRequest.view; v[0] = n++; c.byobRequest.respond(1); } });
			const r = rs.getReader({ mode: 'byob' }); const out = []; let buf = new Uint8Array(4);
			for (;;) { const { value, done } = await r.read(buf); if (done) break; out.push(...value); buf = new Uint8Array(value.buffer); }
			return out`, `[0,1,2]`},
	}))
}

func TestWebWritableStream(t *testing.T) {
	runWebCases(t, streamCases([]webCase{
		{"write and close", `const got = []; let closed = false; const ws = new WritableStream({ write(c) { got.push(c); }, close() { closed = true; } });
			const w = ws.getWriter(); await w.write('a'); await w.write('b'); await w.close(); return [got, closed, await w.closed]`, `[["a","b"],true,"<undefined>"]`},
		{"sink gets controller", `let ctl; const ws = new WritableStream({ write(c, controller) { ctl = controller; } }); await ws.getWriter().write(1);
			return [Object.prototype.toString.call(ctl), ctl.signal instanceof AbortSignal, ctl.signal.aborted]`, `["[object WritableStreamDefaultController]",true,false]`},
		{"writes are sequential", `const log = []; const ws = new WritableStream({ async write(c) { log.push('start ' + c); await tick(); log.push('end ' + c); } });
			const w = ws.getWriter(); w.write(1); w.write(2); await w.close(); return log`, `["start 1","end 1","start 2","end 2"]`},
		{"desiredSize and ready", `let release; const ws = new WritableStream({ write() { return new Promise((r) => { release = r; }); } }, { highWaterMark: 2 });
			const w = ws.getWriter(); await w.ready; const s0 = w.desiredSize; w.write('a'); const s1 = w.desiredSize; w.write('b'); const s2 = w.desiredSize;
			let ready = false; w.ready.then(() => { ready = true; }); await tick(); const before = ready; release(); await tick(); release(); await tick();
			return [s0, s1, s2, before, ready, w.desiredSize]`, `[2,1,0,false,true,2]`},
		{"size strategy", `const ws = new WritableStream({ write() { return new Promise(() => {}); } }, new ByteLengthQueuingStrategy({ highWaterMark: 10 }));
			const w = ws.getWriter(); await tick(); w.write(new Uint8Array(4)); w.write(new Uint8Array(3)); return w.desiredSize`, `3`},
		{"locked writer", `const ws = new WritableStream(); ws.getWriter(); ws.getWriter()`, `threw TypeError: Invalid state: WritableStream is locked`},
		{"abort locked", `const ws = new WritableStream(); ws.getWriter(); await ws.abort()`, `threw TypeError: Invalid state: WritableStream is locked`},
		{"write after close", `const w = new WritableStream().getWriter(); w.close(); return [await w.write(1).catch(err), await w.close().catch(err)]`,
			`["TypeError: Invalid state: WritableStream is closed","TypeError: Invalid state: WritableStream is closed"]`},
		{"released writer", `const ws = new WritableStream(); const w = ws.getWriter(); w.releaseLock();
			return [await w.write(1).catch(err), await w.closed.catch(err), ws.locked]`,
			`["TypeError: Invalid state: Writer is not bound to a WritableStream","TypeError: Invalid state: Writer has been released",false]`},
		{"released desiredSize", `const w = new WritableStream().getWriter(); w.releaseLock(); return w.desiredSize`, `threw TypeError: Invalid state: Writer is not bound to a WritableStream`},
		{"abort", `let reason; const ws = new WritableStream({ abort(r) { reason = r; } }); const w = ws.getWriter();
			const ab = await w.abort('stop'); return [ab, reason, await w.closed.catch((e) => e), await w.write(1).catch((e) => e), w.desiredSize]`,
			`["<undefined>","stop","stop","stop",null]`},
		{"abort signal", `let sig; const ws = new WritableStream({ start(c) { sig = c.signal; } }); await ws.abort('r'); return [sig.aborted, sig.reason]`, `[true,"r"]`},
		{"abort waits for in-flight write", `const log = []; let release; const ws = new WritableStream({ write() { log.push('write'); return new Promise((r) => { release = r; }); }, abort(r) { log.push('abort ' + r); } });
			const w = ws.getWriter(); const wp = w.write('x'); await tick(); const ap = w.abort('a'); await tick(); log.push('release'); release(); await ap; await wp; return log`,
			`["write","release","abort a"]`},
		{"queued writes rejected on abort", `const ws = new WritableStream({ write() { return new Promise(() => {}); } }); const w = ws.getWriter();
			w.write(1); const second = w.write(2); w.abort('why'); return await second.catch((e) => 'rejected ' + e)`, `rejected why`},
		{"write error errors stream", `const ws = new WritableStream({ write() { throw new Error('we'); } }); const w = ws.getWriter();
			return [await w.write(1).catch(err), await w.closed.catch(err), await w.write(2).catch(err)]`, `["Error: we","Error: we","Error: we"]`},
		{"close error", `const ws = new WritableStream({ close() { throw new Error('ce'); } }); const w = ws.getWriter(); return [await w.close().catch(err), await w.closed.catch(err)]`,
			`["Error: ce","Error: ce"]`},
		{"start error", `const ws = new WritableStream({ start() { return Promise.reject(new Error('se')); } }); const w = ws.getWriter(); return await w.write(1).catch(err)`, `Error: se`},
		{"controller.error", `let c; const ws = new WritableStream({ start(x) { c = x; } }); const w = ws.getWriter(); c.error(new Error('ctl'));
			return [await w.closed.catch(err), await w.ready.catch(err), w.desiredSize]`, `["Error: ctl","Error: ctl",null]`},
		{"stream close", `let closed = false; const ws = new WritableStream({ close() { closed = true; } }); await ws.close(); return [closed, ws.locked]`, `[true,false]`},
		{"writer on closed stream", `const ws = new WritableStream(); await ws.close(); const w = ws.getWriter(); return [w.desiredSize, await w.closed, await w.ready]`,
			`[0,"<undefined>","<undefined>"]`},
		{"writer constructor", `const ws = new WritableStream(); const w = new WritableStreamDefaultWriter(ws); return [ws.locked, Object.prototype.toString.call(w)]`,
			`[true,"[object WritableStreamDefaultWriter]"]`},
		{"bad sink type", `new WritableStream({ type: 'x' })`, `threw RangeError: The argument 'type' is invalid. Received 'x'`},
		{"controller illegal", `new WritableStreamDefaultController()`, `threw TypeError: Illegal constructor`},
	}))
}

func TestWebTransformAndPipes(t *testing.T) {
	runWebCases(t, streamCases([]webCase{
		{"identity transform", `const ts = new TransformStream(); const w = ts.writable.getWriter(); w.write('a'); w.write('b'); w.close(); return await readAll(ts.readable)`, `["a","b"]`},
		{"transform and flush", `const ts = new TransformStream({ transform(ch, c) { c.enqueue(ch.toUpperCase()); c.enqueue(ch); }, flush(c) { c.enqueue('end'); } });
			const w = ts.writable.getWriter(); w.write('x'); w.close(); return await readAll(ts.readable)`, `["X","x","end"]`},
		{"transform start", `const ts = new TransformStream({ start(c) { c.enqueue('first'); } }); const w = ts.writable.getWriter(); w.write('a'); w.close(); return await readAll(ts.readable)`, `["first","a"]`},
		{"transform backpressure", `const log = []; const ts = new TransformStream({ transform(ch, c) { log.push('t' + ch); c.enqueue(ch); } });
			const w = ts.writable.getWriter(); w.write(1); w.write(2); await tick(3); log.push('read'); const r = ts.readable.getReader(); await r.read(); await tick(3); return [log, w.desiredSize]`,
			`[["read","t1"],0]`},
		{"transform error", `const ts = new TransformStream({ transform() { throw new Error('tf'); } }); const w = ts.writable.getWriter(); const r = ts.readable.getReader();
			const rp = r.read().catch(err); const wp = w.write(1).catch(err); return [await wp, await rp, await w.closed.catch(err)]`, `["Error: tf","Error: tf","Error: tf"]`},
		{"controller terminate", `const ts = new TransformStream({ transform(ch, c) { c.enqueue(ch); c.terminate(); } }); const w = ts.writable.getWriter();
			const all = readAll(ts.readable); const wr = await w.write('only').catch(err); return [wr, await all, await w.write('more').catch(err)]`,
			`["<undefined>",["only"],"TypeError: Invalid state: TransformStream has been terminated"]`},
		{"readable cancel errors writable", `const ts = new TransformStream(); const w = ts.writable.getWriter(); await ts.readable.cancel('gone'); return await w.closed.catch((e) => e)`, `gone`},
		{"transform desiredSize", `let ctl; new TransformStream({ start(c) { ctl = c; } }, undefined, { highWaterMark: 3 }); return ctl.desiredSize`, `3`},
		{"transform bad type", `new TransformStream({ readableType: 'bytes' })`, `threw RangeError: The property 'transformer.readableType' is invalid. Received 'bytes'`},
		{"transform shape", `return Object.getOwnPropertyNames(TransformStream.prototype)`, `["constructor","readable","writable"]`},
		{"pipeTo", `const got = []; const rs = new ReadableStream({ start(c) { c.enqueue(1); c.enqueue(2); c.close(); } });
			let closed = false; await rs.pipeTo(new WritableStream({ write(c) { got.push(c); }, close() { closed = true; } })); return [got, closed, rs.locked]`, `[[1,2],true,false]`},
		{"pipeTo preventClose", `let closed = false; const ws = new WritableStream({ close() { closed = true; } });
			await ReadableStream.from([1]).pipeTo(ws, { preventClose: true }); return [closed, ws.locked]`, `[false,false]`},
		{"pipeTo source error aborts", `let c; const rs = new ReadableStream({ start(x) { c = x; } }); let aborted;
			const p = rs.pipeTo(new WritableStream({ abort(r) { aborted = r; } })); c.error('se'); return [await p.catch((e) => 'rejected ' + e), aborted]`, `["rejected se","se"]`},
		{"pipeTo preventAbort", `let c; const rs = new ReadableStream({ start(x) { c = x; } }); let aborted = 'no'; const ws = new WritableStream({ abort(r) { aborted = r; } });
			const p = rs.pipeTo(ws, { preventAbort: true }); c.error('se'); return [await p.catch((e) => 'rejected ' + e), aborted, ws.locked]`, `["rejected se","no",false]`},
		{"pipeTo dest error cancels", `let cancelled; const rs = new ReadableStream({ pull(c) { c.enqueue(1); }, cancel(r) { cancelled = r; } });
			const p = rs.pipeTo(new WritableStream({ write() { throw 'we'; } })); return [await p.catch((e) => 'rejected ' + e), cancelled]`, `["rejected we","we"]`},
		{"pipeTo preventCancel", `let cancelled = 'no'; const rs = new ReadableStream({ pull(c) { c.enqueue(1); }, cancel(r) { cancelled = r; } });
			const p = rs.pipeTo(new WritableStream({ write() { throw 'we'; } }), { preventCancel: true }); return [await p.catch((e) => 'rejected ' + e), cancelled, rs.locked]`,
			`["rejected we","no",false]`},
		{"pipeTo signal", `const ac = new AbortController(); let cancelled, aborted; const rs = new ReadableStream({ cancel(r) { cancelled = r.name; } });
			const p = rs.pipeTo(new WritableStream({ abort(r) { aborted = r.name; } }), { signal: ac.signal }); ac.abort();
			return [await p.catch((e) => 'rejected ' + e.name), cancelled, aborted]`, `["rejected AbortError","AbortError","AbortError"]`},
		{"pipeTo aborted signal", `const rs = new ReadableStream(); return await rs.pipeTo(new WritableStream(), { signal: AbortSignal.abort('pre') }).catch((e) => 'rejected ' + e)`, `rejected pre`},
		{"pipeTo locked", `const rs = new ReadableStream(); rs.getReader(); await rs.pipeTo(new WritableStream())`, `threw TypeError: Invalid state: The ReadableStream is locked`},
		{"pipeTo closed dest", `const ws = new WritableStream(); await ws.close(); let cancelled; const rs = new ReadableStream({ cancel(r) { cancelled = r.message; } });
			return [await rs.pipeTo(ws).catch((e) => e.name), cancelled !== undefined]`, `["TypeError",true]`},
		{"pipeTo respects backpressure", `let pulls = 0; const rs = new ReadableStream({ pull(c) { pulls++; c.enqueue(pulls); } }, { highWaterMark: 0 });
			rs.pipeTo(new WritableStream({ write() { return new Promise(() => {}); } }, { highWaterMark: 2 })); await tick(5); return pulls`, `2`},
		{"pipeThrough", `const rs = ReadableStream.from(['a', 'b']); const out = rs.pipeThrough(new TransformStream({ transform(ch, c) { c.enqueue(ch + ch); } }));
			return [rs.locked, await readAll(out)]`, `[true,["aa","bb"]]`},
		{"pipeThrough locked", `const rs = new ReadableStream(); rs.getReader(); rs.pipeThrough(new TransformStream())`, `threw TypeError: Invalid state: The ReadableStream is locked`},
		{"pipeThrough chain", `const up = new TransformStream({ transform(c, ctl) { ctl.enqueue(c * 2); } }); const inc = new TransformStream({ transform(c, ctl) { ctl.enqueue(c + 1); } });
			return await readAll(ReadableStream.from([1, 2, 3]).pipeThrough(up).pipeThrough(inc))`, `[3,5,7]`},
		{"stream/web module", `const m = require('stream/web'); return [Object.keys(m), m.ReadableStream === ReadableStream, require('node:stream/web') === m]`,
			`[["ReadableStream","ReadableStreamDefaultReader","ReadableStreamBYOBReader","ReadableStreamBYOBRequest","ReadableByteStreamController","ReadableStreamDefaultController","TransformStream","TransformStreamDefaultController","WritableStream","WritableStreamDefaultWriter","WritableStreamDefaultController","ByteLengthQueuingStrategy","CountQueuingStrategy","TextEncoderStream","TextDecoderStream","CompressionStream","DecompressionStream"],true,true]`},
	}))
}

func TestWebEncodingStreams(t *testing.T) {
	if !IsBuiltin("buffer") {
		t.Skip("TextEncoder/TextDecoder (buffer helper) not there yet")
	}
	runWebCases(t, streamCases([]webCase{
		{"text encoder stream", `const s = new TextEncoderStream(); const w = s.writable.getWriter(); w.write('hé'); w.write('\uD83D'); w.write('\uDE00!'); w.close();
			return [s.encoding, (await readAll(s.readable)).map((u) => [u.constructor.name, Array.from(u)])]`,
			`["utf-8",[["Uint8Array",[104,195,169]],["Uint8Array",[240,159,152,128,33]]]]`},
		{"text encoder lone surrogate at end", `const s = new TextEncoderStream(); const w = s.writable.getWriter(); w.write('a\uD83D'); w.close();
			return (await readAll(s.readable)).map((u) => Array.from(u))`, `[[97],[239,191,189]]`},
		{"text decoder stream", `const s = new TextDecoderStream(); const w = s.writable.getWriter(); const bytes = new TextEncoder().encode('€uro');
			w.write(bytes.subarray(0, 2)); w.write(bytes.subarray(2)); w.close(); return [s.encoding, s.fatal, s.ignoreBOM, await readAll(s.readable)]`,
			`["utf-8",false,false,["€uro"]]`},
		{"text decoder fatal", `const s = new TextDecoderStream('utf-8', { fatal: true }); const w = s.writable.getWriter(); w.write(new Uint8Array([0xff])).catch(() => {});
			return await readAll(s.readable).catch((e) => e.name)`, `TypeError`},
		{"text round trip", `const out = await readAll(ReadableStream.from(['a', 'b', 'ç']).pipeThrough(new TextEncoderStream()).pipeThrough(new TextDecoderStream())); return out.join('')`, `abç`},
	}))
}

func TestWebCompressionStreams(t *testing.T) {
	runWebCases(t, streamCases([]webCase{
		{"gzip round trip", `const text = 'hello hello hello hello';
			const bytes = new Uint8Array(Array.from(text, (ch) => ch.charCodeAt(0)));
			const packed = await readAll(ReadableStream.from([bytes]).pipeThrough(new CompressionStream('gzip')));
			const flat = []; for (const c of packed) flat.push(...c);
			const back = await readAll(ReadableStream.from([new Uint8Array(flat)]).pipeThrough(new DecompressionStream('gzip')));
			const out = []; for (const c of back) out.push(...c);
			return [flat[0], flat[1], packed.every((c) => c instanceof Uint8Array), String.fromCharCode(...out)]`, `[31,139,true,"hello hello hello hello"]`},
		{"deflate round trip", `const data = new Uint8Array(1000).map((_, i) => i % 7);
			const back = await readAll(ReadableStream.from([data]).pipeThrough(new CompressionStream('deflate')).pipeThrough(new DecompressionStream('deflate')));
			const out = []; for (const c of back) out.push(...c); return [out.length, out.every((v, i) => v === i % 7)]`, `[1000,true]`},
		{"deflate header", `const packed = await readAll(ReadableStream.from([new Uint8Array([1, 2, 3])]).pipeThrough(new CompressionStream('deflate'))); return packed[0][0]`, `120`},
		{"deflate-raw round trip", `const back = await readAll(ReadableStream.from([new Uint8Array([97, 98, 99])]).pipeThrough(new CompressionStream('deflate-raw')).pipeThrough(new DecompressionStream('deflate-raw')));
			return Array.from(back[0])`, `[97,98,99]`},
		{"decompress known deflate-raw", `const raw = new Uint8Array([75, 76, 74, 6, 0]);
			const back = await readAll(ReadableStream.from([raw]).pipeThrough(new DecompressionStream('deflate-raw'))); return String.fromCharCode(...back[0])`, `abc`},
		{"decompress byte by byte", `const packed = []; for (const c of await readAll(ReadableStream.from([new Uint8Array(300).fill(65)]).pipeThrough(new CompressionStream('gzip')))) packed.push(...c);
			const back = await readAll(ReadableStream.from(packed.map((b) => new Uint8Array([b]))).pipeThrough(new DecompressionStream('gzip')));
			let n = 0; for (const c of back) n += c.length; return n`, `300`},
		{"bad gzip", `const ds = new DecompressionStream('gzip'); const w = ds.writable.getWriter(); w.write(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])).catch(() => {}); w.close().catch(() => {});
			return await readAll(ds.readable).catch((e) => [e.name, e.code, e.message])`, `["Error","Z_DATA_ERROR","incorrect header check"]`},
		{"truncated gzip", `const packed = []; for (const c of await readAll(ReadableStream.from([new Uint8Array([1, 2, 3])]).pipeThrough(new CompressionStream('gzip')))) packed.push(...c);
			const ds = new DecompressionStream('gzip'); const w = ds.writable.getWriter(); w.write(new Uint8Array(packed.slice(0, packed.length - 4))).catch(() => {});
			const closed = w.close().catch((e) => e.message); const res = await readAll(ds.readable).catch((e) => [e.code, e.message]); return [res, await closed]`,
			`[["Z_BUF_ERROR","unexpected end of file"],"unexpected end of file"]`},
		{"bad format", `new CompressionStream('zip')`, `threw TypeError: The argument 'format' is invalid. Received 'zip'`},
		{"missing format", `new DecompressionStream()`, `threw TypeError: The argument 'format' is invalid. Received undefined`},
		{"compression shape", `return [Object.getOwnPropertyNames(CompressionStream.prototype), new CompressionStream('gzip').readable instanceof ReadableStream, new DecompressionStream('deflate').writable instanceof WritableStream]`,
			`[["constructor","readable","writable"],true,true]`},
	}))
}
