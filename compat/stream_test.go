package compat

import "testing"

// runLogged runs src in a fresh runtime where log(...) records a line the
// way the Node side of these tests prints it (strings as is, errors as
// Error(code: message), anything else as JSON), and returns the lines once
// the loop is quiet.
func runLogged(t *testing.T, src string) string {
	t.Helper()
	_, run := newTestHost(t, Options{})
	run(`globalThis.__out = []; globalThis.log = (...a) => __out.push(a.map((x) => typeof x === 'string' ? x : (x instanceof Error ? 'Error(' + x.code + ': ' + x.message + ')' : JSON.stringify(x))).join(' '));`)
	run("try {\n" + src + "\n} catch (e) { log('THROW', String(e)) }")
	return run(`__out.join('\n')`).String()
}

// nodeCase is a JS snippet and the lines Node 20 logs for it.
type nodeCase struct{ name, src, want string }

func runNodeCases(t *testing.T, cases []nodeCase) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := runLogged(t, c.src); got != c.want {
				t.Errorf("got:\n%s\nwant (node 20):\n%s", got, c.want)
			}
		})
	}
}

// TestStreamAgainstNode runs node:stream scenarios whose expected output was
// printed by Node 20 for the same source.
func TestStreamAgainstNode(t *testing.T) {
	runNodeCases(t, []nodeCase{
		{"readable paused mode", `const { Readable } = require('stream');

// paused mode with 'readable'
const r = new Readable({ read() {}, highWaterMark: 4 });
r.on('readable', () => { let c; while ((c = r.read()) !== null) log('read', c.toString()); log('readable done'); });
r.on('end', () => log('end'));
log('push1', r.push('ab')); log('push2', r.push('cdef')); log('len', r.readableLength);
setTimeout(() => { r.push('g'); r.push(null); }, 5);`,
			`push1 true
push2 false
len 6
read abcdef
readable done
read g
readable done
readable done
end`},
		{"read(n)", `const { Readable } = require('stream');

// read(n)
const r2 = new Readable({ read() {} });
r2.push('hello'); r2.push('world'); r2.push(null);
setTimeout(() => { log('r2', String(r2.read(3)), String(r2.read(4)), String(r2.read(100)), String(r2.read())); }, 20);`,
			`r2 hel lowo rld null`},
		{"objectMode", `const { Readable } = require('stream');

// objectMode
const r3 = new Readable({ objectMode: true, read() {} });
r3.push({ a: 1 }); r3.push(2); r3.push('x'); r3.push(null);
r3.on('data', (d) => log('obj', d)); r3.on('end', () => log('obj end', r3.readableEnded, r3.destroyed));
r3.on('close', () => log('obj close', r3.destroyed));`,
			`obj {"a":1}
obj 2
obj x
obj end true false
obj close true`},
		{"setEncoding", `const { Readable } = require('stream');

// setEncoding
const r4 = new Readable({ read() {} });
r4.setEncoding('utf8');
r4.push(Buffer.from([0xE2, 0x82])); r4.push(Buffer.from([0xAC, 0x41])); r4.push(null);
r4.on('data', (d) => log('enc', typeof d, d));`,
			`enc string €A`},
		{"pause resume", `const { Readable } = require('stream');

// pause / resume / isPaused
const r5 = new Readable({ read() {} });
r5.on('data', (d) => log('r5', d.toString()));
r5.on('pause', () => log('pause event')); r5.on('resume', () => log('resume event'));
r5.pause(); log('paused', r5.isPaused(), r5.readableFlowing);
r5.push('x'); setTimeout(() => { r5.resume(); r5.push(null); }, 30);`,
			`pause event
paused true false
resume event
r5 x
resume event`},
		{"_read calls", `const { Readable } = require('stream');

// _read counting
let n = 0;
const r6 = new Readable({ read(size) { n++; if (n > 3) this.push(null); else this.push('n' + n); } });
r6.on('data', (d) => log('r6', d.toString())); r6.on('end', () => log('r6 end', n));`,
			`r6 n1
r6 n2
r6 n3
r6 end 4`},
		{"unshift", `const { Readable } = require('stream');

// unshift
const r7 = new Readable({ read() {} });
r7.push('world'); r7.unshift('hello '); r7.push(null);
setTimeout(() => log('r7', String(r7.read())), 40);`,
			`r7 hello world`},
		{"writable backpressure", `const { Writable } = require('stream');

const w = new Writable({ highWaterMark: 3, write(c, e, cb) { log('write', c.toString(), e); setTimeout(cb, 1); } });
log('w1', w.write('ab')); log('w2', w.write('cd')); log('len', w.writableLength, w.writableNeedDrain);
w.on('drain', () => { log('drain'); w.end('z', () => log('end cb')); log('ended', w.writableEnded, w.writableFinished); });
w.on('finish', () => log('finish', w.writableFinished));
w.on('close', () => log('close'));`,
			`write ab buffer
w1 true
w2 false
len 4 true
write cd buffer
drain
write z buffer
ended true false
end cb
finish true
close`},
		{"cork writev", `const { Writable } = require('stream');

// cork + writev
const w2 = new Writable({ writev(chunks, cb) { log('writev', chunks.map((c) => c.chunk.toString() + ':' + c.encoding).join(',')); cb(); }, write(c, e, cb) { log('w2 write', c.toString()); cb(); } });
w2.cork(); w2.write('a'); w2.write('b'); w2.write('c'); log('corked', w2.writableCorked, w2.writableLength);
process.nextTick(() => { w2.uncork(); w2.end(); });
w2.on('finish', () => log('w2 finish'));`,
			`corked 1 3
writev a:buffer,b:buffer,c:buffer
w2 finish`},
		{"decodeStrings false", `const { Writable } = require('stream');

// decodeStrings false
const w3 = new Writable({ decodeStrings: false, write(c, e, cb) { log('w3', typeof c, c, e); cb(); } });
w3.write('str'); w3.write('hex', 'latin1'); w3.end();`,
			`w3 string str utf8
w3 string hex latin1`},
		{"write after end", `const { Writable } = require('stream');

// write after end
const w4 = new Writable({ write(c, e, cb) { cb(); } });
w4.on('error', (e) => log('w4 error', e)); w4.end(); log('w4 write', w4.write('x', (err) => log('w4 cb', err)));`,
			`w4 write false
w4 cb Error(ERR_STREAM_WRITE_AFTER_END: write after end)
w4 error Error(ERR_STREAM_WRITE_AFTER_END: write after end)`},
		{"write error", `const { Writable } = require('stream');

// error in write
const w5 = new Writable({ write(c, e, cb) { cb(new Error('bad')); } });
w5.on('error', (e) => log('w5 error', e.message, w5.destroyed, w5.writableAborted)); w5.on('close', () => log('w5 close'));
w5.write('x', (err) => log('w5 cb', err && err.message));`,
			`w5 cb bad
w5 error bad true true
w5 close`},
		{"objectMode writable", `const { Writable } = require('stream');

// objectMode
const w6 = new Writable({ objectMode: true, write(c, e, cb) { log('w6', c, e); cb(); } });
w6.write({ x: 1 }); w6.write(5); w6.end();`,
			`w6 {"x":1} 
w6 5 `},
		{"final error", `const { Writable } = require('stream');

// final error
const w7 = new Writable({ write(c, e, cb) { cb(); }, final(cb) { cb(new Error('final bad')); } });
w7.on('error', (e) => log('w7 error', e.message)); w7.on('finish', () => log('w7 finish')); w7.end('x');`,
			`w7 error final bad`},
		{"destroy with pending writes", `const { Writable } = require('stream');

// destroy with pending
const w8 = new Writable({ write(c, e, cb) { setTimeout(cb, 5); } });
w8.write('a', (e) => log('w8 a', e)); w8.write('b', (e) => log('w8 b', e)); w8.destroy(); w8.on('close', () => log('w8 close'));`,
			`w8 close
w8 a null
w8 b Error(ERR_STREAM_DESTROYED: Cannot call write after a stream was destroyed)`},
		{"setDefaultEncoding", `const { Writable } = require('stream');

// setDefaultEncoding
const w9 = new Writable({ decodeStrings: false, write(c, e, cb) { log('w9', e); cb(); } });
w9.setDefaultEncoding('HEX'); w9.write('ff');
try { w9.setDefaultEncoding('nope'); } catch (e) { log('w9 err', e); }
try { w9.write('x', 'nope'); } catch (e) { log('w9 err2', e); }`,
			`w9 hex
w9 err Error(ERR_UNKNOWN_ENCODING: Unknown encoding: nope)
w9 err2 Error(ERR_UNKNOWN_ENCODING: Unknown encoding: nope)`},
		{"pipe backpressure", `const { Readable, Writable, Transform, PassThrough, Duplex } = require('stream');

// pipe with backpressure
let i = 0;
const src = new Readable({ highWaterMark: 2, read() { i++; if (i > 6) this.push(null); else this.push('c' + i); } });
const got = [];
const dst = new Writable({ highWaterMark: 2, write(c, e, cb) { got.push(c.toString()); setTimeout(cb, 1); } });
dst.on('pipe', (s) => log('pipe event', s === src));
dst.on('unpipe', (s) => log('unpipe event', s === src));
let drains = 0; dst.on('drain', () => drains++);
dst.on('finish', () => log('piped', got.join(','), drains > 0));
src.pipe(dst);`,
			`pipe event true
piped c1,c2,c3,c4,c5,c6 true
unpipe event true`},
		{"transform", `const { Readable, Writable, Transform, PassThrough, Duplex } = require('stream');

// Transform
const up = new Transform({ transform(c, e, cb) { cb(null, c.toString().toUpperCase()); }, flush(cb) { this.push('!'); cb(); } });
const out = [];
up.on('data', (d) => out.push(d.toString())); up.on('end', () => log('upper', out.join('')));
up.write('abc'); up.end('def');`,
			`upper ABCDEF!`},
		{"passthrough chain", `const { Readable, Writable, Transform, PassThrough, Duplex } = require('stream');

// PassThrough chain
const p1 = new PassThrough(); const p2 = new PassThrough();
p1.pipe(p2); const s = []; p2.on('data', (d) => s.push(d.toString())); p2.on('end', () => log('pt', s.join('|')));
p1.write('x'); p1.write('y'); p1.end();`,
			`pt x|y`},
		{"duplex", `const { Readable, Writable, Transform, PassThrough, Duplex } = require('stream');

// Duplex
const d = new Duplex({ read() {}, write(c, e, cb) { this.push(c.toString() + '!'); cb(); }, final(cb) { this.push(null); cb(); } });
d.on('data', (c) => log('duplex data', c.toString())); d.on('end', () => log('duplex end')); d.on('finish', () => log('duplex finish')); d.on('close', () => log('duplex close'));
d.write('hi'); d.end();
log('instanceof', d instanceof Writable, d instanceof Readable, new Transform() instanceof Writable, new PassThrough() instanceof Transform, new Readable() instanceof Writable);`,
			`instanceof true true true true false
duplex data hi!
duplex finish
duplex end
duplex close`},
		{"allowHalfOpen false", `const { Readable, Writable, Transform, PassThrough, Duplex } = require('stream');

// allowHalfOpen false
const d2 = new Duplex({ allowHalfOpen: false, read() {}, write(c, e, cb) { cb(); } });
d2.on('finish', () => log('d2 finish')); d2.on('end', () => log('d2 end')); d2.on('close', () => log('d2 close'));
d2.resume(); d2.push(null);`,
			`d2 end
d2 finish
d2 close`},
		{"unpipe", `const { Readable, Writable, Transform, PassThrough, Duplex } = require('stream');

// unpipe
const src2 = new Readable({ read() {} }); const dst2 = new PassThrough();
src2.pipe(dst2); src2.unpipe(dst2); log('unpiped', src2._readableState.pipes.length, src2.readableFlowing);`,
			`unpiped 0 false`},
		{"transform objectMode", `const { Readable, Writable, Transform, PassThrough, Duplex } = require('stream');

// transform object mode
const t = new Transform({ objectMode: true, transform(o, e, cb) { this.push(o.n * 2); this.push(o.n * 3); cb(); } });
const arr = []; t.on('data', (x) => arr.push(x)); t.on('end', () => log('t obj', arr.join(',')));
t.write({ n: 1 }); t.write({ n: 2 }); t.end();`,
			`t obj 2,3,4,6`},
		{"destroy variants", `const { Readable, Writable, PassThrough } = require('stream');

const r = new Readable({ read() {} });
r.on('error', (e) => log('error', e.message, r.destroyed, r.errored && r.errored.message));
r.on('close', () => log('close', r.destroyed, r.readableAborted, r.closed));
r.destroy(new Error('boom')); log('after destroy', r.destroyed);
r.destroy(new Error('second'));
const r2 = new Readable({ read() {}, destroy(err, cb) { log('_destroy', err); setTimeout(() => cb(err), 2); } });
r2.on('close', () => log('r2 close')); r2.destroy(null, (err) => log('destroy cb', err));
const w = new Writable({ write(c, e, cb) { cb(); }, emitClose: false });
w.on('close', () => log('never')); w.destroy(); log('w destroyed', w.destroyed);
const r3 = new Readable({ read() {}, autoDestroy: false });
r3.on('end', () => log('r3 end')); r3.on('close', () => log('r3 close?')); r3.resume(); r3.push(null);
setTimeout(() => log('r3 destroyed', r3.destroyed), 10);`,
			`after destroy true
_destroy null
w destroyed true
error boom true boom
close true true true
r3 end
destroy cb null
r2 close
r3 destroyed false`},
		{"destroy in _read", `const { Readable, Writable, PassThrough } = require('stream');

// error without listener in autoDestroy false
const r4 = new Readable({ read() { this.destroy(new Error('in read')); } });
r4.on('error', (e) => log('r4', e.message)); r4.resume();`,
			`r4 in read`},
		{"push after destroy", `const { Readable, Writable, PassThrough } = require('stream');

// push after destroy
const r5 = new Readable({ read() {} }); r5.destroy(); log('push after destroy', r5.push('x'));`,
			`push after destroy false`},
		{"errored helpers", `const { Readable, Writable, PassThrough } = require('stream');

// errored props
const p = new PassThrough(); p.on('error', () => {}); p.destroy(new Error('e'));
setTimeout(() => log('p', p.destroyed, p.writableAborted, p.readableAborted, p.errored.message, require('stream').isErrored(p), require('stream').isReadable(p)), 5);`,
			`p true  true e true false`},
		{"construct", `const { Readable, Writable, PassThrough } = require('stream');

// construct
const w2 = new Writable({ construct(cb) { log('construct'); setTimeout(cb, 5); }, write(c, e, cb) { log('w2 write', c.toString()); cb(); } });
w2.write('a'); w2.end(); w2.on('finish', () => log('w2 finish'));
const r6 = new Readable({ construct(cb) { log('r6 construct'); cb(); }, read() { this.push('z'); this.push(null); } });
r6.on('data', (d) => log('r6', d.toString()));`,
			`construct
r6 construct
r6 z
w2 write a
w2 finish`},
		{"pipeline ok", `const stream = require('stream');
const { Readable, Writable, Transform, PassThrough, pipeline, finished } = stream;

// success
const out = [];
pipeline(Readable.from(['a', 'b', 'c']), new Transform({ objectMode: true, transform(c, e, cb) { cb(null, c + c); } }),
  new Writable({ objectMode: true, write(c, e, cb) { out.push(c); cb(); } }), (err) => log('pipeline ok', err, out.join(',')));`,
			`pipeline ok  aa,bb,cc`},
		{"pipeline error destroys all", `const stream = require('stream');
const { Readable, Writable, Transform, PassThrough, pipeline, finished } = stream;

// error in middle destroys all
const src = new Readable({ read() {} });
const mid = new Transform({ transform(c, e, cb) { cb(new Error('mid fail')); } });
const dst = new PassThrough();
src.on('close', () => log('src closed', src.destroyed)); dst.on('close', () => log('dst closed', dst.destroyed));
pipeline(src, mid, dst, (err) => log('pipeline err', err.message, src.destroyed, mid.destroyed, dst.destroyed));
src.push('x');`,
			`src closed true
dst closed true
pipeline err mid fail true true true`},
		{"pipeline premature close", `const stream = require('stream');
const { Readable, Writable, Transform, PassThrough, pipeline, finished } = stream;

// premature close
const s2 = new Readable({ read() {} }); const d2 = new PassThrough();
pipeline(s2, d2, (err) => log('premature', err && err.code, err && err.message));
setTimeout(() => s2.destroy(), 5);`,
			`premature ERR_STREAM_PREMATURE_CLOSE Premature close`},
		{"finished", `const stream = require('stream');
const { Readable, Writable, Transform, PassThrough, pipeline, finished } = stream;

// finished
const r = new Readable({ read() {} });
finished(r, (err) => log('finished r', err)); r.resume(); r.push(null);
const w = new Writable({ write(c, e, cb) { cb(); } });
const cleanup = finished(w, (err) => log('finished w', err)); log('cleanup type', typeof cleanup);
w.end('x');
const r2 = new Readable({ read() {} }); finished(r2, (err) => log('finished r2', err && err.code)); r2.destroy();
const r3 = new Readable({ read() {} }); finished(r3, (err) => log('finished r3', err && err.message)); r3.destroy(new Error('r3 bad'));`,
			`cleanup type function
finished r2 ERR_STREAM_PREMATURE_CLOSE
finished r3 r3 bad
finished w 
finished r `},
		{"finished late", `const stream = require('stream');
const { Readable, Writable, Transform, PassThrough, pipeline, finished } = stream;

// finished on already finished
const r4 = new Readable({ read() {} }); r4.resume(); r4.push(null);
setTimeout(() => finished(r4, (err) => log('finished late', err)), 20);`,
			`finished late `},
		{"promises", `const stream = require('stream');
const { Readable, Writable, Transform, PassThrough, pipeline, finished } = stream;

// promises
const sp = require('stream/promises');
log('same promises', sp === stream.promises, sp.pipeline === stream.promises.pipeline, typeof sp.finished);
sp.pipeline(Readable.from(['x', 'y']), new PassThrough({ objectMode: true }), new Writable({ objectMode: true, write(c, e, cb) { cb(); } }))
  .then((v) => log('promise pipeline ok', v));
sp.pipeline(Readable.from(['x']), new Transform({ transform(c, e, cb) { cb(new Error('pp')); } }), new PassThrough())
  .catch((e) => log('promise pipeline err', e.message));
const pr = new Readable({ read() {} }); sp.finished(pr).then(() => log('sp finished')); pr.resume(); pr.push(null);`,
			`same promises true true function
sp finished
promise pipeline err pp
promise pipeline ok `},
		{"pipeline function stage", `const stream = require('stream');
const { Readable, Writable, Transform, PassThrough, pipeline, finished } = stream;

// async generator-less function stages
pipeline(Readable.from(['1', '2']), async (source) => { let s = ''; const it = source[Symbol.asyncIterator](); for (;;) { const { value, done } = await it.next(); if (done) break; s += value; } return s; }, (err, val) => log('fn stage', err, val));`,
			`fn stage  12`},
		{"promisify pipeline", `const stream = require('stream');
const { Readable, Writable, Transform, PassThrough, pipeline, finished } = stream;

// util.promisify
require('util').promisify(pipeline)(Readable.from(['q']), new PassThrough({ objectMode: true }), new Writable({ objectMode: true, write(c, e, cb) { cb(); } })).then(() => log('promisified'));`,
			`promisified`},
		{"from array", `const stream = require('stream');
const { Readable, Writable, PassThrough } = stream;
const util = require('util');
function collect(r) { const out = []; const it = r[Symbol.asyncIterator](); return (async () => { for (;;) { const { value, done } = await it.next(); if (done) break; out.push(typeof value === 'string' ? value : value.toString()); } return out; })(); }

collect(Readable.from(['a', 'b'])).then((v) => log('from array', v));`,
			`from array ["a","b"]`},
		{"from string and buffer", `const stream = require('stream');
const { Readable, Writable, PassThrough } = stream;
const util = require('util');
function collect(r) { const out = []; const it = r[Symbol.asyncIterator](); return (async () => { for (;;) { const { value, done } = await it.next(); if (done) break; out.push(typeof value === 'string' ? value : value.toString()); } return out; })(); }

collect(Readable.from('whole string')).then((v) => log('from string', v));
setTimeout(() => collect(Readable.from(Buffer.from('buf'))).then((v) => log('from buffer', v)), 10);`,
			`from string ["whole string"]
from buffer ["buf"]`},
		{"from generator", `const stream = require('stream');
const { Readable, Writable, PassThrough } = stream;
const util = require('util');
function collect(r) { const out = []; const it = r[Symbol.asyncIterator](); return (async () => { for (;;) { const { value, done } = await it.next(); if (done) break; out.push(typeof value === 'string' ? value : value.toString()); } return out; })(); }

function* gen() { yield 'g1'; yield 'g2'; }
collect(Readable.from(gen())).then((v) => log('from gen', v));`,
			`from gen ["g1","g2"]`},
		{"from async iterable", `const stream = require('stream');
const { Readable, Writable, PassThrough } = stream;
const util = require('util');
function collect(r) { const out = []; const it = r[Symbol.asyncIterator](); return (async () => { for (;;) { const { value, done } = await it.next(); if (done) break; out.push(typeof value === 'string' ? value : value.toString()); } return out; })(); }

const ai = { i: 0, [Symbol.asyncIterator]() { return this; }, next() { this.i++; return Promise.resolve(this.i > 3 ? { done: true } : { value: 'ai' + this.i, done: false }); } };
collect(Readable.from(ai)).then((v) => log('from asyncIterable', v));`,
			`from asyncIterable ["ai1","ai2","ai3"]`},
		{"from promises", `const stream = require('stream');
const { Readable, Writable, PassThrough } = stream;
const util = require('util');
function collect(r) { const out = []; const it = r[Symbol.asyncIterator](); return (async () => { for (;;) { const { value, done } = await it.next(); if (done) break; out.push(typeof value === 'string' ? value : value.toString()); } return out; })(); }

collect(Readable.from([Promise.resolve('p1'), 'p2'])).then((v) => log('promises', v));`,
			`promises ["p1","p2"]`},
		{"from errors", `const stream = require('stream');
const { Readable, Writable, PassThrough } = stream;
const util = require('util');
function collect(r) { const out = []; const it = r[Symbol.asyncIterator](); return (async () => { for (;;) { const { value, done } = await it.next(); if (done) break; out.push(typeof value === 'string' ? value : value.toString()); } return out; })(); }

try { Readable.from(5); } catch (e) { log('from bad', e); }
Readable.from([1, null, 2]).on('error', (e) => log('null value', e)).resume();`,
			`from bad Error(ERR_INVALID_ARG_TYPE: The "iterable" argument must be an instance of Iterable. Received type number (5))
null value Error(ERR_STREAM_NULL_VALUES: May not write null values to stream)`},
		{"iterator error", `const stream = require('stream');
const { Readable, Writable, PassThrough } = stream;
const util = require('util');
function collect(r) { const out = []; const it = r[Symbol.asyncIterator](); return (async () => { for (;;) { const { value, done } = await it.next(); if (done) break; out.push(typeof value === 'string' ? value : value.toString()); } return out; })(); }

const r = new Readable({ read() {} });
collect(r).catch((e) => log('iter err', e.message, r.destroyed));
r.push('x'); setTimeout(() => r.destroy(new Error('iter boom')), 5);`,
			`iter err iter boom true`},
		{"iterator return destroys", `const stream = require('stream');
const { Readable, Writable, PassThrough } = stream;
const util = require('util');
function collect(r) { const out = []; const it = r[Symbol.asyncIterator](); return (async () => { for (;;) { const { value, done } = await it.next(); if (done) break; out.push(typeof value === 'string' ? value : value.toString()); } return out; })(); }

const r2 = new Readable({ read() {} }); r2.push('a'); r2.push('b');
(async () => { const it = r2[Symbol.asyncIterator](); const first = await it.next(); await it.return(); log('early return', first.value.toString(), r2.destroyed); })();`,
			`early return ab true`},
		{"iterator destroyOnReturn false", `const stream = require('stream');
const { Readable, Writable, PassThrough } = stream;
const util = require('util');
function collect(r) { const out = []; const it = r[Symbol.asyncIterator](); return (async () => { for (;;) { const { value, done } = await it.next(); if (done) break; out.push(typeof value === 'string' ? value : value.toString()); } return out; })(); }

const r3 = new Readable({ read() {} }); r3.push('a');
(async () => { const it = r3.iterator({ destroyOnReturn: false }); await it.next(); await it.return(); log('no destroy', r3.destroyed); })();`,
			`no destroy false`},
		{"operators", `const stream = require('stream');
const { Readable, Writable, PassThrough } = stream;
const util = require('util');
function collect(r) { const out = []; const it = r[Symbol.asyncIterator](); return (async () => { for (;;) { const { value, done } = await it.next(); if (done) break; out.push(typeof value === 'string' ? value : value.toString()); } return out; })(); }

Readable.from([1, 2, 3, 4]).map((x) => x * 10).toArray().then((v) => {
  log('map', v);
  return Readable.from([1, 2, 3, 4]).filter((x) => x % 2 === 0).toArray();
}).then((v) => {
  log('filter', v);
  return Readable.from([1, 2, 3]).reduce((a, b) => a + b, 0);
}).then((v) => log('reduce', v));`,
			`map [10,20,30,40]
filter [2,4]
reduce 6`},
		{"util.inherits readable", `const stream = require('stream');
const { Readable, Writable, PassThrough } = stream;
const util = require('util');
function collect(r) { const out = []; const it = r[Symbol.asyncIterator](); return (async () => { for (;;) { const { value, done } = await it.next(); if (done) break; out.push(typeof value === 'string' ? value : value.toString()); } return out; })(); }

function Old(opts) { if (!(this instanceof Old)) return new Old(opts); Readable.call(this, opts); this.n = 0; }
util.inherits(Old, Readable);
Old.prototype._read = function () { this.n++; this.push(this.n > 2 ? null : 'old' + this.n); };
collect(new Old()).then((v) => log('inherits', v));`,
			`inherits ["old1","old2"]`},
		{"util.inherits writable", `const stream = require('stream');
const { Readable, Writable, PassThrough } = stream;
const util = require('util');
function collect(r) { const out = []; const it = r[Symbol.asyncIterator](); return (async () => { for (;;) { const { value, done } = await it.next(); if (done) break; out.push(typeof value === 'string' ? value : value.toString()); } return out; })(); }

function OldW(opts) { Writable.call(this, opts); this.buf = []; }
util.inherits(OldW, Writable);
OldW.prototype._write = function (c, e, cb) { this.buf.push(c.toString()); cb(); };
const ow = new OldW(); ow.on('finish', () => log('oldw', ow.buf, ow instanceof Writable)); ow.write('1'); ow.end('2');`,
			`oldw ["1","2"] true`},
		{"class readable", `const stream = require('stream');
const { Readable, Writable, PassThrough } = stream;
const util = require('util');
function collect(r) { const out = []; const it = r[Symbol.asyncIterator](); return (async () => { for (;;) { const { value, done } = await it.next(); if (done) break; out.push(typeof value === 'string' ? value : value.toString()); } return out; })(); }

class Counter extends Readable { constructor() { super({ objectMode: true }); this.c = 0; } _read() { this.c++; this.push(this.c > 3 ? null : this.c); } }
new Counter().toArray().then((v) => log('class', v));`,
			`class [1,2,3]`},
		{"class transform", `const stream = require('stream');
const { Readable, Writable, PassThrough } = stream;
const util = require('util');
function collect(r) { const out = []; const it = r[Symbol.asyncIterator](); return (async () => { for (;;) { const { value, done } = await it.next(); if (done) break; out.push(typeof value === 'string' ? value : value.toString()); } return out; })(); }

class Upper extends stream.Transform { _transform(c, e, cb) { cb(null, c.toString().toUpperCase()); } }
const u = new Upper(); u.on('data', (d) => log('class transform', d.toString())); u.end('shout');`,
			`class transform SHOUT`},
		{"module shape", `const stream = require('stream');
const { Readable, Writable, PassThrough } = stream;
const util = require('util');
function collect(r) { const out = []; const it = r[Symbol.asyncIterator](); return (async () => { for (;;) { const { value, done } = await it.next(); if (done) break; out.push(typeof value === 'string' ? value : value.toString()); } return out; })(); }

log('no new', Readable() instanceof Readable, stream.Writable() instanceof Writable, stream.PassThrough() instanceof stream.Transform);
log('module', typeof stream, stream === stream.Stream, new stream() instanceof require('events'), Object.keys(stream).sort().join(','));
log('node: prefix', require('node:stream') === stream, require('node:stream/promises') === stream.promises);`,
			`no new true true true
module function true true Duplex,PassThrough,Readable,Stream,Transform,Writable,_isArrayBufferView,_isUint8Array,_uint8ArrayToBuffer,addAbortSignal,compose,destroy,duplexPair,finished,getDefaultHighWaterMark,isDestroyed,isDisturbed,isErrored,isReadable,isWritable,pipeline,promises,setDefaultHighWaterMark
node: prefix true true`},
		{"isDisturbed", `const stream = require('stream');
const { Readable, Writable, PassThrough } = stream;
const util = require('util');
function collect(r) { const out = []; const it = r[Symbol.asyncIterator](); return (async () => { for (;;) { const { value, done } = await it.next(); if (done) break; out.push(typeof value === 'string' ? value : value.toString()); } return out; })(); }

const r4 = new Readable({ read() {} }); log('disturbed before', stream.isDisturbed(r4)); r4.push('x'); r4.read(); log('disturbed after', stream.isDisturbed(r4));`,
			`disturbed before false
disturbed after true`},
		{"compose", `const stream = require('stream');
const { Readable, Writable, PassThrough } = stream;
const util = require('util');
function collect(r) { const out = []; const it = r[Symbol.asyncIterator](); return (async () => { for (;;) { const { value, done } = await it.next(); if (done) break; out.push(typeof value === 'string' ? value : value.toString()); } return out; })(); }

const c = stream.compose(new stream.Transform({ transform(ch, e, cb) { cb(null, ch.toString().toUpperCase()); } }), new stream.Transform({ transform(ch, e, cb) { cb(null, '[' + ch + ']'); } }));
const out = []; c.on('data', (d) => out.push(d.toString())); c.on('end', () => log('compose', out.join(''))); c.on('finish', () => log('compose finish'));
c.write('ab'); c.end('cd');`,
			`compose [AB][CD]
compose finish`},
		{"duplexPair", `const stream = require('stream');
const { Readable, Writable, PassThrough } = stream;
const util = require('util');
function collect(r) { const out = []; const it = r[Symbol.asyncIterator](); return (async () => { for (;;) { const { value, done } = await it.next(); if (done) break; out.push(typeof value === 'string' ? value : value.toString()); } return out; })(); }

const [a, b] = stream.duplexPair();
b.on('data', (d) => log('b got', d.toString())); b.on('end', () => log('b end'));
a.write('hello'); a.end();
a.on('data', (d) => log('a got', d.toString())); b.write('back'); b.end();`,
			`b got hello
a got back
b end`},
		{"legacy Stream pipe", `const stream = require('stream');
const { Readable, Writable, PassThrough } = stream;
const util = require('util');
function collect(r) { const out = []; const it = r[Symbol.asyncIterator](); return (async () => { for (;;) { const { value, done } = await it.next(); if (done) break; out.push(typeof value === 'string' ? value : value.toString()); } return out; })(); }

const legacy = new stream.Stream(); legacy.readable = true;
const sink = new PassThrough(); const got = []; sink.on('data', (d) => got.push(d.toString())); sink.on('end', () => log('legacy', got.join('')));
legacy.pipe(sink); legacy.emit('data', 'old'); legacy.emit('data', 'school'); legacy.emit('end');`,
			`legacy oldschool`},
		{"wrap", `const stream = require('stream');
const { Readable, Writable, PassThrough } = stream;
const util = require('util');
function collect(r) { const out = []; const it = r[Symbol.asyncIterator](); return (async () => { for (;;) { const { value, done } = await it.next(); if (done) break; out.push(typeof value === 'string' ? value : value.toString()); } return out; })(); }

const EE = require('events'); const oldStream = new EE(); oldStream.pause = () => {}; oldStream.resume = () => {};
const wrapped = new Readable().wrap(oldStream); const wr = []; wrapped.on('data', (d) => wr.push(d.toString())); wrapped.on('end', () => log('wrapped', wr));
oldStream.emit('data', Buffer.from('w1')); oldStream.emit('data', Buffer.from('w2')); oldStream.emit('end');`,
			`wrapped ["w1","w2"]`},
		{"highWaterMark options", `const stream = require('stream');
const { Readable, Writable, PassThrough } = stream;
const util = require('util');
function collect(r) { const out = []; const it = r[Symbol.asyncIterator](); return (async () => { for (;;) { const { value, done } = await it.next(); if (done) break; out.push(typeof value === 'string' ? value : value.toString()); } return out; })(); }

log('hwm', new Readable().readableHighWaterMark, new Readable({ objectMode: true }).readableHighWaterMark, new Writable().writableHighWaterMark, new stream.Duplex({ readableHighWaterMark: 5, writableHighWaterMark: 7 }).readableHighWaterMark, new stream.Duplex({ readableHighWaterMark: 5, writableHighWaterMark: 7 }).writableHighWaterMark, stream.getDefaultHighWaterMark(false));
try { new Readable({ highWaterMark: -1 }); } catch (e) { log(e.name, e); }
try { new Writable().write(null); } catch (e) { log(e.name, e); }
try { new Writable().write(5); } catch (e) { log(e.name, e); }
const rr = new Readable({ read() {} }); rr.on('error', (e) => log('push bad', e.name, e)); rr.push(5);
const r5 = new Readable(); r5.on('error', (e) => log('no _read', e)); r5.read();
const r6 = new Readable({ read() {} }); r6.push(null); r6.on('error', (e) => log(e)); r6.push('x');
const r7 = new Readable({ read() {} }); r7.push(null); r7.on('error', (e) => log(e)); r7.on('end', () => { r7.unshift('x'); }); r7.resume();`,
			`hwm 16384 16 16384 5 7 16384
TypeError Error(ERR_INVALID_ARG_VALUE: The property 'options.highWaterMark' is invalid. Received -1)
TypeError Error(ERR_STREAM_NULL_VALUES: May not write null values to stream)
TypeError Error(ERR_INVALID_ARG_TYPE: The "chunk" argument must be of type string or an instance of Buffer, TypedArray, or DataView. Received type number (5))
push bad TypeError Error(ERR_INVALID_ARG_TYPE: The "chunk" argument must be of type string or an instance of Buffer, TypedArray, or DataView. Received type number (5))
no _read Error(ERR_METHOD_NOT_IMPLEMENTED: The _read() method is not implemented)
Error(ERR_STREAM_PUSH_AFTER_EOF: stream.push() after EOF)
Error(ERR_STREAM_UNSHIFT_AFTER_END_EVENT: stream.unshift() after end event)`},
	})
}
