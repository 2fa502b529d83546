package compat

import "testing"

// TestDiagnosticsChannelMatchesNode compares diagnostics_channel pub/sub and tracing with Node's.
// Every expected value was printed by Node 20 for the same source.
func TestDiagnosticsChannelMatchesNode(t *testing.T) {
	runMiscCases(t, []miscCase{
		{
			"const dc = require('diagnostics_channel'); const ch = dc.channel('my-ch'); const seen = []; const fn = (m, n) => seen.push([m, n]); const before = ch.hasSubscribers; ch.subscribe(fn); ch.publish({ a: 1 }); const r1 = dc.hasSubscribers('my-ch'); const un = ch.unsubscribe(fn); const un2 = ch.unsubscribe(fn); ch.publish(2); dc.subscribe('my-ch', fn); dc.channel('my-ch').publish(3); dc.unsubscribe('my-ch', fn); JSON.stringify([before, r1, un, un2, seen, dc.channel('my-ch') === ch, ch.name, Object.keys(dc).sort(), ch instanceof dc.Channel])",
			"[false,true,true,false,[[{\"a\":1},\"my-ch\"],[3,\"my-ch\"]],true,\"my-ch\",[\"Channel\",\"channel\",\"hasSubscribers\",\"subscribe\",\"tracingChannel\",\"unsubscribe\"],true]",
		},
		{
			"const dc = require('diagnostics_channel'); const tc = dc.tracingChannel('t'); const ev = []; tc.subscribe({ start: (c) => ev.push('start ' + c.x), end: (c) => ev.push('end ' + c.result), error: (c) => ev.push('error ' + c.error.message) }); const r = tc.traceSync((a) => a * 2, { x: 1 }, null, 21); try { tc.traceSync(() => { throw new Error('bad'); }, { x: 2 }); } catch (e) { ev.push('caught'); } JSON.stringify([r, ev, Object.keys(tc), tc.start.name, tc.asyncEnd.name, tc.hasSubscribers, typeof tc.tracePromise, typeof tc.traceCallback])",
			"[42,[\"start 1\",\"end 42\",\"start 2\",\"error bad\",\"end undefined\",\"caught\"],[],\"tracing:t:start\",\"tracing:t:asyncEnd\",true,\"function\",\"function\"]",
		},
	})
}
