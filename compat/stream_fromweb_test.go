package compat

import "testing"

// TestStreamWebBridgeAgainstNode checks Readable.fromWeb and Readable.toWeb
// against what Node 20 logs for the same source.
func TestStreamWebBridgeAgainstNode(t *testing.T) {
	runNodeCases(t, []nodeCase{
		{"argument checks", `const { Readable } = require('stream');
try { Readable.fromWeb({}) } catch (e) { log(e.code, e.message) }
try { Readable.toWeb({}) } catch (e) { log(e.code, e.message) }`,
			`ERR_INVALID_ARG_TYPE The "readableStream" argument must be an instance of ReadableStream. Received an instance of Object
ERR_INVALID_ARG_TYPE The "streamReadable" argument must be an stream.Readable. Received an instance of Object`},
		{"fromWeb bytes", `const { Readable } = require('stream');
const rs = new ReadableStream({ start(c) { c.enqueue(new Uint8Array([104, 105])); c.enqueue(new TextEncoder().encode('!')); c.close() } });
const r = Readable.fromWeb(rs); log(r.readableObjectMode, r.readableHighWaterMark);
r.on('data', (d) => log('data', Buffer.isBuffer(d), d.toString())); r.on('end', () => log('end'));`,
			`false 16384
data true hi
data true !
end`},
		{"fromWeb encoding", `const { Readable } = require('stream');
const r = Readable.fromWeb(new ReadableStream({ start(c) { c.enqueue('str'); c.close() } }), { encoding: 'utf8' });
r.on('data', (d) => log(typeof d, d));`,
			`string str`},
		{"fromWeb error", `const { Readable } = require('stream');
const r = Readable.fromWeb(new ReadableStream({ start(c) { c.error(new Error('bad')) } }));
r.on('error', (e) => log('error', e.message)); r.resume();`,
			`error bad`},
		{"fromWeb pipe", `const { Readable, Writable } = require('stream');
let n = 0; const sizes = [];
const rs = new ReadableStream({ pull(c) { c.enqueue(new TextEncoder().encode('x'.repeat(10000))); if (++n === 5) c.close() } });
Readable.fromWeb(rs).pipe(new Writable({ write(c, e, cb) { sizes.push(c.length); cb() }, final(cb) { log('piped', sizes.reduce((a, b) => a + b, 0)); cb() } }));`,
			`piped 50000`},
		{"toWeb", `const { Readable } = require('stream');
const w = Readable.toWeb(Readable.from([Buffer.from('ab')], { objectMode: false }));
(async () => { const rd = w.getReader(); for (;;) { const { done, value: c } = await rd.read(); if (done) break; log('web', c.constructor.name, Buffer.isBuffer(c), Array.from(c)) } log('done') })();`,
			`web Uint8Array false [97,98]
done`},
		{"toWeb destroy", `const { Readable } = require('stream');
const r1 = new Readable({ read() {} }); const w1 = Readable.toWeb(r1); r1.destroy(new Error('boom'));
w1.getReader().read().catch((e) => log('err', e.message));
const r2 = new Readable({ read() {} }); const w2 = Readable.toWeb(r2); r2.destroy();
w2.getReader().read().catch((e) => log('premature', e.name, e.code));`,
			`err boom
premature AbortError ABORT_ERR`},
		{"toWeb cancel", `const { Readable } = require('stream');
const r = new Readable({ read() {} }); const w = Readable.toWeb(r); w.cancel('x').then(() => log('destroyed', r.destroyed));`,
			`destroyed true`},
	})
}
