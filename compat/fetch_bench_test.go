package compat

import (
	"net"
	"net/http"
	"testing"
	"time"

	"github.com/dop251/goja"
)

// The fetch path on its own: a runtime whose loop this goroutine drives runs
// `const r = await fetch(url); sink(await r.json())` against an upstream on
// loopback that answers at once, the handler of bench/app/pages/api/fetch.js
// without the engine around it. BenchmarkFetchJSON is one fetch at a time
// (the cost of one, hand-offs included); BenchmarkFetchJSONConcurrent keeps
// 64 in flight, as a busy worker does.
//
//	go test -run '^$' -bench BenchmarkFetch -benchmem -cpuprofile cpu.out ./compat/

// fetchBench is a runtime with a fetch upstream and a completion counter.
type fetchBench struct {
	vm   *goja.Runtime
	loop *testLoop
	done int
	one  goja.Callable
}

func newFetchBench(b *testing.B) *fetchBench {
	b.Helper()
	body := []byte(`{"ok":true,"delay":0}`)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	upstream := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		_, _ = w.Write(body)
	})}
	go func() { _ = upstream.Serve(ln) }()
	b.Cleanup(func() { _ = upstream.Close() })

	fb := &fetchBench{vm: goja.New(), loop: &testLoop{jobs: make(chan func(), 4096)}}
	fb.loop.timers = NewTimerQueue(fb.loop.RunOnLoop)
	h := Enable(fb.vm, fb.loop, Options{})
	_ = fb.vm.Set("require", h.RequireFunc())
	_ = fb.vm.Set("URL_", "http://"+ln.Addr().String()+"/")
	_ = fb.vm.Set("sink", func(ok bool) {
		if !ok {
			b.Error("unexpected upstream answer")
		}
		fb.done++
	})
	_ = fb.vm.Set("fail", func(msg string) { b.Error(msg); fb.done++ })
	v, err := fb.vm.RunString(`(function one() {
		(async () => {
			const r = await fetch(URL_);
			const data = await r.json();
			sink(data.ok === true);
		})().catch((e) => fail(String(e && e.stack || e)));
	})`)
	if err != nil {
		b.Fatal(err)
	}
	fb.one, _ = goja.AssertFunction(v)
	return fb
}

// start begins one fetch.
func (fb *fetchBench) start(b *testing.B) {
	if _, err := fb.one(goja.Undefined()); err != nil {
		b.Fatal(err)
	}
}

// waitFor runs loop jobs until n fetches have completed.
func (fb *fetchBench) waitFor(b *testing.B, n int) {
	for fb.done < n {
		select {
		case fn := <-fb.loop.jobs:
			fn()
		case <-time.After(10 * time.Second):
			b.Fatalf("stuck: %d of %d fetches done", fb.done, n)
		}
	}
}

func BenchmarkFetchJSON(b *testing.B) {
	fb := newFetchBench(b)
	for i := 0; i < 50; i++ { // warm up: modules load, the connection opens
		fb.start(b)
		fb.waitFor(b, fb.done+1)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		fb.start(b)
		fb.waitFor(b, fb.done+1)
	}
}

func BenchmarkFetchJSONConcurrent(b *testing.B) {
	const inFlight = 64
	fb := newFetchBench(b)
	for i := 0; i < inFlight; i++ {
		fb.start(b)
	}
	fb.waitFor(b, inFlight)
	b.ReportAllocs()
	b.ResetTimer()
	base := fb.done
	started := 0
	for started < b.N && started < inFlight {
		fb.start(b)
		started++
	}
	for fb.done-base < b.N {
		before := fb.done
		fb.waitFor(b, before+1)
		for i := before; i < fb.done && started < b.N; i++ {
			fb.start(b)
			started++
		}
	}
}
