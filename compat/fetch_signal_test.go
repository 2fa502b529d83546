package compat

import (
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"
	"time"
)

// signalServer answers /ok at once and holds /hang and /partial (the latter
// after a head and a first chunk) until the client cancels; every held
// request reports its query n on started and again on cancelled.
func signalServer(t *testing.T) (srv *httptest.Server, started, cancelled chan string) {
	started, cancelled = make(chan string, 16), make(chan string, 16)
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := r.URL.Query().Get("n")
		switch r.URL.Path {
		case "/ok":
			w.Write([]byte("ok"))
			return
		case "/partial":
			w.Write([]byte("part"))
			w.(http.Flusher).Flush()
		}
		started <- n
		select {
		case <-r.Context().Done():
			cancelled <- n
		case <-time.After(time.Minute):
		}
	}))
	t.Cleanup(srv.Close)
	return srv, started, cancelled
}

// expectNames receives every name in want, in any order, from ch.
func expectNames(t *testing.T, ch chan string, what string, want ...string) {
	t.Helper()
	left := map[string]bool{}
	for _, w := range want {
		left[w] = true
	}
	deadline := time.After(10 * time.Second)
	for len(left) > 0 {
		select {
		case n := <-ch:
			if !left[n] {
				t.Fatalf("%s: got %q, want one of %v", what, n, left)
			}
			delete(left, n)
		case <-deadline:
			t.Fatalf("%s: still waiting for %v", what, left)
		}
	}
}

// TestRequestSignal drives a request's signal the way the engine does: the
// fetches its code made are aborted with req.signal's reason, whether their
// head, their body or nothing had arrived; the caller's own signal still
// works; code of no request, and fetches started after the abort, are left
// alone; nothing of the aborted calls stays behind.
func TestRequestSignal(t *testing.T) {
	srv, started, cancelled := signalServer(t)
	live := map[uint64]*RequestSignal{}
	h, run := newTestHost(t, Options{SignalOf: func(tag uint64) *RequestSignal { return live[tag] }})
	run(jsCasePrelude)
	f := &fetchTester{t: t, h: h, run: run}
	goBase := runtime.NumGoroutine()

	rs := h.NewRequestSignal(7)
	live[7] = rs
	h.SetTag(7)
	f.run(`globalThis.BASE = '` + srv.URL + `'; globalThis.out = [];
		const log = (s) => out.push(s);
		const sig = require('internal/fetch/signal').forRequest(7, false);
		globalThis.sig = sig;
		sig.addEventListener('abort', () => log('abort event ' + sig.reason.name));
		const own = new AbortController();
		fetch(BASE + '/hang?n=own', { signal: own.signal })
			.then(() => log('own resolved'), (e) => log('own ' + e.name + ' ' + (e === sig.reason)));
		const mine = new AbortController();
		fetch(BASE + '/hang?n=mine', { signal: mine.signal })
			.then(() => log('mine resolved'), (e) => log('mine ' + e));
		globalThis.abortMine = () => mine.abort('by caller');
		Promise.resolve().then(() => fetch(BASE + '/hang?n=later'))
			.then(() => log('later resolved'), (e) => log('later ' + e.name));
		fetch(BASE + '/ok').then((r) => r.text()).then((t) => log('done ' + t));
		globalThis.unread = fetch(BASE + '/partial?n=unread');
		globalThis.streamed = fetch(BASE + '/partial?n=streamed').then(async (r) => {
			const reader = r.body.getReader();
			const first = await reader.read();
			log('first chunk ' + first.value.length);
			return reader;
		});`)
	h.SetTag(0)
	f.run(`const free = new AbortController(); globalThis.free = free;
		fetch(BASE + '/hang?n=free', { signal: free.signal }).then(() => log('free resolved'), (e) => log('free ' + e.name));`)
	expectNames(t, started, "held requests", "own", "mine", "later", "unread", "streamed", "free")
	if got := f.eval(`await streamed; await unread; const seen = out.slice().sort(); out.length = 0; return seen;`); got != `["done ok","first chunk 4"]` {
		t.Fatalf("before the abort: %s", got)
	}
	f.run(`abortMine()`)
	expectNames(t, cancelled, "cancelled by the caller", "mine")

	rs.Abort()
	expectNames(t, cancelled, "cancelled by the request", "own", "later", "unread", "streamed")
	f.expect("after the abort", `
		const reader = await streamed;
		const chunk = await reader.read().catch((e) => e.name + ' ' + (e === sig.reason));
		const text = await (await unread).text().catch((e) => e.name + ' ' + (e === sig.reason));
		return [out, sig.aborted, chunk, text];`,
		`[["mine by caller","abort event AbortError","own AbortError true","later AbortError"],true,"AbortError true","AbortError true"]`)

	h.SetTag(7) // still the request's code, after the abort
	f.expect("a fetch started after the abort", `
		const left = await (await fetch(BASE + '/ok')).text();
		const tied = await fetch(BASE + '/ok', { signal: sig }).catch((e) => e.name + ' ' + (e === sig.reason));
		return [left, tied];`,
		`["ok","AbortError true"]`)
	h.SetTag(0)

	if n := len(rs.f.calls); n != 1 {
		t.Errorf("%d calls in flight, want 1 (the one of no request)", n)
	}
	f.run(`free.abort()`)
	expectNames(t, cancelled, "cancelled by its own signal", "free")
	f.expect("the free fetch", `return out.filter((s) => s.startsWith('free'));`, `["free AbortError"]`)
	f.expect("isRequestAbort", `const { isRequestAbort } = require('internal/fetch/signal');
		return [isRequestAbort(sig.reason), isRequestAbort(free.signal.reason), isRequestAbort(new DOMException('x', 'AbortError')), isRequestAbort(null)];`,
		`[true,false,false,false]`)
	if n := len(rs.f.calls); n != 0 {
		t.Errorf("%d calls left after every fetch ended", n)
	}
	srv.CloseClientConnections()
	deadline := time.Now().Add(10 * time.Second)
	for runtime.NumGoroutine() > goBase {
		if time.Now().After(deadline) {
			t.Fatalf("goroutines: %d, want at most %d", runtime.NumGoroutine(), goBase)
		}
		f.run(``)
	}
}

// TestRequestSignalOfEndedRequest: req.signal of a request that is over is
// a plain signal, aborted as the request ended.
func TestRequestSignalOfEndedRequest(t *testing.T) {
	_, run := newTestHost(t, Options{SignalOf: func(uint64) *RequestSignal { return nil }})
	got := run(`const m = require('internal/fetch/signal');
		const a = m.forRequest(3, true), b = m.forRequest(3, false);
		JSON.stringify([a.aborted, a.reason.name, a.reason instanceof DOMException, b.aborted, b instanceof AbortSignal])`).String()
	if got != `[true,"AbortError",true,false,true]` {
		t.Fatalf("got %s", got)
	}
}

// TestFetchUpstreamReset: an upstream that resets the connection, before
// the head or in the middle of the body, fails the fetch as undici does.
func TestFetchUpstreamReset(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/body" {
			w.Header().Set("Content-Length", "100")
			w.Write([]byte("partial"))
			w.(http.Flusher).Flush()
		}
		conn, _, err := w.(http.Hijacker).Hijack()
		if err != nil {
			return
		}
		conn.(*net.TCPConn).SetLinger(0) // close with RST
		conn.Close()
	}))
	defer srv.Close()
	f := newFetchTester(t, FetchOptions{})
	f.run(`globalThis.BASE = '` + srv.URL + `';`)
	got := f.eval(`try { await fetch(BASE + '/head'); return 'resolved'; } catch (e) { return [__err(e), e.cause.code]; }`)
	if got != `["ERR TypeError: fetch failed","ECONNRESET"]` && got != `["ERR TypeError: fetch failed","UND_ERR_SOCKET"]` {
		t.Errorf("reset before the head: %s", got)
	}
	got = f.eval(`const r = await fetch(BASE + '/body');
		try { await r.text(); return 'read'; } catch (e) { return [__err(e), e.cause.code]; }`)
	if !strings.HasPrefix(got, `["ERR TypeError: terminated","`) {
		t.Errorf("reset in the body: %s", got)
	}
}
