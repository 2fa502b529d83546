package compat

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"
)

func TestTimersAndConsole(t *testing.T) {
	var buf bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&buf, nil))
	_, run := newTestHost(t, Options{Logger: logger})
	run(`
		const order = [];
		setTimeout(() => order.push('timeout 20'), 20);
		setTimeout((a, b) => order.push('timeout 5 ' + a + b), 5, 'x', 'y');
		const cancelled = setTimeout(() => order.push('cancelled'), 1);
		clearTimeout(cancelled);
		setImmediate(() => order.push('immediate'));
		queueMicrotask(() => order.push('microtask'));
		let n = 0;
		const iv = setInterval(() => { order.push('interval ' + (++n)); if (n === 3) clearInterval(iv); }, 2);
		order.push('sync');
		globalThis.order = order;
		setTimeout(() => console.log('order %j', order), 40);
	`)
	got := buf.String()
	for _, want := range []string{`sync`, `microtask`, `immediate`, `timeout 5 xy`, `interval 3`, `timeout 20`} {
		if !strings.Contains(got, want) {
			t.Errorf("log %q lacks %q", got, want)
		}
	}
	if strings.Contains(got, "cancelled") || strings.Contains(got, "interval 4") {
		t.Errorf("cleared timer fired: %s", got)
	}
	// Whether the immediate runs before the short timers depends, in Node
	// too, on how long the script took: only what cannot vary is checked.
	if !strings.Contains(got, `[\"sync\",\"microtask\",`) || !strings.Contains(got, `\"timeout 20\"]`) {
		t.Errorf("order wrong: %s", got)
	}
}

func TestEventsBasics(t *testing.T) {
	_, run := newTestHost(t, Options{})
	v := run(`
		const EventEmitter = require('node:events');
		const e = new EventEmitter();
		const seen = [];
		e.on('x', (a) => seen.push('on ' + a));
		e.once('x', (a) => seen.push('once ' + a));
		e.prependListener('x', () => seen.push('first'));
		e.emit('x', 1); e.emit('x', 2);
		let threw = '';
		try { e.emit('error', new Error('boom')); } catch (err) { threw = err.message; }
		seen.join(',') + '|' + threw + '|' + e.listenerCount('x') + '|' + (require('events') === EventEmitter);
	`)
	if got, want := v.String(), "first,on 1,once 1,first,on 2|boom|2|true"; got != want {
		t.Fatalf("got %q want %q", got, want)
	}
}

// TestTimersRunInDeadlineOrderAfterAStall: when the loop was busy past several
// deadlines, the timers still run earliest first, then in creation order; and
// deadlines count from the start of the job that set them, as in Node (its
// loop's cached time), however long the job runs between the calls.
func TestTimersRunInDeadlineOrderAfterAStall(t *testing.T) {
	_, run := newTestHost(t, Options{})
	for i := 0; i < 20; i++ {
		run(`
			globalThis.seen = [];
			setTimeout(() => seen.push('c'), 12);
			// A slow stretch between two calls (a busy machine, a GC)
			// must not reorder them: deadlines count from the job's start.
			{ const until = Date.now() + 8; while (Date.now() < until) {} }
			setTimeout(() => seen.push('a'), 2);
			setTimeout(() => seen.push('b'), 6);
			setTimeout(() => seen.push('a2'), 2);
			{ const until = Date.now() + 30; while (Date.now() < until) {} }
		`)
		if got := run(`seen.join(',')`).String(); got != "a,a2,b,c" {
			t.Fatalf("run %d: %s", i, got)
		}
	}
}
