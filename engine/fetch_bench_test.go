package engine_test

import (
	"net"
	"net/http"
	"runtime"
	"strings"
	"testing"
	"time"
)

// BenchmarkServeFetchParallel is GET /api/fetch (bench/app's handler: await
// fetch of an upstream, then res.json of its JSON) with many requests in
// flight over GOMAXPROCS workers, as in bench/run.sh's fetch scenario: the
// upstream answers after 20 ms, so the figure is throughput (the CPU a
// request costs) rather than latency.
//
//	go test -run '^$' -bench ServeFetchParallel -benchmem -cpuprofile cpu.out ./engine/
func BenchmarkServeFetchParallel(b *testing.B) {
	body := []byte(`{"ok":true,"delay":20}`)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	upstream := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(20 * time.Millisecond)
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		_, _ = w.Write(body)
	})}
	go func() { _ = upstream.Serve(ln) }()
	b.Cleanup(func() { _ = upstream.Close() })
	h := newBenchHandler(b, runtime.GOMAXPROCS(0), "UPSTREAM_URL=http://"+ln.Addr().String()+"/")
	base := benchRequest(b, http.MethodGet, "/api/fetch", nil)
	b.ReportAllocs()
	b.SetParallelism(100) // 100 × GOMAXPROCS requests in flight
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		w := &memWriter{header: http.Header{}}
		for pb.Next() {
			r := *base
			w.reset()
			h.ServeHTTP(w, &r)
			if w.status != http.StatusOK || !strings.Contains(string(w.body), `"upstream":{"ok":true`) {
				b.Errorf("status %d, body %q", w.status, w.body)
				return
			}
		}
	})
}
