package compat

import (
	"testing"
	"time"
)

func TestTimersPromises(t *testing.T) {
	_, run := newTestHost(t, Options{})
	// A timer counts from the start of the job that sets it (as Node counts
	// from its loop's cached time), not from the Date.now() a line before
	// it: requiring the module can take a while under -race. So the delay is
	// checked against a clock read in Go before that job starts.
	before := time.Now()
	run(`
		const tp = require('node:timers/promises');
		const out = globalThis.out = [];
		(async () => {
			out.push('timeout ' + await tp.setTimeout(20, 'v'));
			globalThis.firedAt = Date.now();
			out.push('immediate ' + await tp.setImmediate('i'));
			await tp.scheduler.wait(5);
			await tp.scheduler.yield();
			out.push('scheduler');
			const it = tp.setInterval(5, 'tick');
			let n = 0;
			for (;;) {
				const r = await it.next();
				out.push(r.value + ' ' + (++n));
				if (n === 3) break;
			}
			out.push(JSON.stringify(await it.return()) + ' ' + JSON.stringify(await it.next()));
			const ac = new AbortController();
			const p = tp.setTimeout(1000, 'never', { signal: ac.signal });
			ac.abort();
			try { await p; } catch (e) { out.push([e.name, e.code, e.message].join('|')); }
			try { await tp.setImmediate('x', { signal: AbortSignal.abort() }); } catch (e) { out.push('pre-aborted ' + e.name); }
			const ac2 = new AbortController();
			const it2 = tp.setInterval(5, 1, { signal: ac2.signal });
			await it2.next();
			setTimeout(() => ac2.abort(), 1);
			try { await it2.next(); await it2.next(); } catch (e) { out.push('interval ' + e.name); }
			try { await tp.setTimeout(1, 1, 'bad'); } catch (e) { out.push(e.code); }
			out.push('done');
		})();
	`)
	got := run(`out.join('\n')`).String()
	if fired := time.UnixMilli(run(`firedAt`).ToInteger()); fired.Sub(before) < 19*time.Millisecond {
		t.Errorf("setTimeout(20) fired %v after the job that set it began", fired.Sub(before))
	}
	want := "timeout v\nimmediate i\nscheduler\ntick 1\ntick 2\ntick 3\n" +
		`{"done":true} {"done":true}` + "\nAbortError|ABORT_ERR|The operation was aborted\npre-aborted AbortError\ninterval AbortError\nERR_INVALID_ARG_TYPE\ndone"
	if got != want {
		t.Fatalf("got:\n%s\nwant:\n%s", got, want)
	}
}
