package compat

import (
	"testing"
	"time"

	"github.com/dop251/goja"
)

func TestAsyncLocalStorageInterleaved(t *testing.T) {
	_, run := newTestHost(t, Options{})
	run(`
		const { AsyncLocalStorage } = require('node:async_hooks');
		const als = new AsyncLocalStorage();
		const log = [];
		const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
		async function handler(name, delays) {
			for (const d of delays) {
				await sleep(d);
				log.push(name + ':' + als.getStore().id);
				await Promise.resolve();
				await new Promise((r) => setImmediate(r));
				log.push(name + ':' + als.getStore().id);
				queueMicrotask(() => log.push('mt ' + name + ':' + als.getStore().id));
				process.nextTick(() => log.push('tick ' + name + ':' + als.getStore().id));
			}
			return als.getStore().id;
		}
		globalThis.result = {};
		als.run({ id: 'A' }, () => handler('a', [5, 1, 8]).then((v) => { result.a = v; }));
		als.run({ id: 'B' }, () => handler('b', [1, 6, 2]).then((v) => { result.b = v; }));
		result.outside = String(als.getStore());
		globalThis.log = log;
	`)
	got := run(`JSON.stringify([[result.outside, result.a, result.b], log.every((e) => e.endsWith(':' + e.split(':')[0].slice(-1).toUpperCase())), log.length])`).String()
	if want := `[["undefined","A","B"],true,24]`; got != want {
		t.Fatalf("got %s want %s\nlog: %s", got, want, run(`JSON.stringify(log)`).String())
	}
}

func TestAsyncHooksAPI(t *testing.T) {
	_, run := newTestHost(t, Options{})
	run(`
		const ah = require('async_hooks');
		const { AsyncLocalStorage, AsyncResource } = ah;
		const als = new AsyncLocalStorage();
		const out = [];
		out.push(String(als.getStore()));
		als.enterWith('entered');
		out.push(als.getStore());
		als.run('inner', () => {
			out.push(als.getStore());
			als.exit(() => out.push(String(als.getStore())));
			out.push(als.getStore());
		});
		out.push(als.getStore());
		const snap = als.run('snap', () => AsyncLocalStorage.snapshot());
		const bound = als.run('bound', () => AsyncLocalStorage.bind(() => als.getStore()));
		out.push(snap(() => als.getStore()), bound());
		const res = als.run('res', () => new AsyncResource('X'));
		out.push(res.runInAsyncScope(function (a) { return als.getStore() + a + this.k; }, { k: '!' }, 1));
		out.push(res.bind(() => als.getStore())());
		als.disable();
		out.push(String(als.getStore()));
		als.run('again', () => out.push(als.getStore()));
		out.push(ah.executionAsyncId(), ah.triggerAsyncId(), typeof ah.createHook({}).enable);
		// a store seen through a timer and a Go-settled callback (nextTick)
		als.run('t', () => setTimeout(() => { out.push('timer ' + als.getStore()); }, 1));
		als.run('n', () => process.nextTick(() => { out.push('tick ' + als.getStore()); }));
		globalThis.out = out;
	`)
	got := run(`JSON.stringify(out)`).String()
	want := `["undefined","entered","inner","undefined","inner","entered","snap","bound","res1!","res","undefined","again",1,0,"function","tick n","timer t"]`
	if got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
}

func TestNextTickOrder(t *testing.T) {
	_, run := newTestHost(t, Options{})
	run(`
		globalThis.order = [];
		setTimeout(() => {
			Promise.resolve().then(() => order.push('promise'));
			process.nextTick((a, b) => { order.push('tick ' + a + b); process.nextTick(() => order.push('tick2')); }, 1, 2);
			queueMicrotask(() => order.push('micro'));
			order.push('sync');
		}, 1);
	`)
	// Node 20 prints the same order for this callback.
	if got, want := run(`order.join()`).String(), "sync,tick 12,tick2,promise,micro"; got != want {
		t.Fatalf("got %q want %q", got, want)
	}
}

// An interrupt inside a timer callback must unwind to the loop's owner (so
// it can retire the runtime), not be swallowed by the nextTick drain.
func TestMacrotaskInterrupt(t *testing.T) {
	h, run := newTestHost(t, Options{})
	defer func() {
		r := recover()
		if _, ok := r.(*goja.InterruptedError); !ok {
			t.Fatalf("recovered %v, want *goja.InterruptedError", r)
		}
	}()
	time.AfterFunc(100*time.Millisecond, func() { h.VM.Interrupt("stop") })
	run(`setTimeout(() => { process.nextTick(() => {}); for (;;) {} }, 1);`)
	t.Fatal("loop returned normally")
}
