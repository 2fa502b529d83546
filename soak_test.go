//go:build soak

package gojaapi

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestSoak sends a long, bounded, loopback-only mix of every kind of
// request — fixtures, bad input, bodies over the limit, handler errors, and
// clients that go away mid-request — then checks that nothing unexpected
// happened: every status is the expected one, and goroutines and heap return
// near their baseline. Run it with `make soak` (SOAK_REQUESTS sets the count,
// 1,000,000 by default).
func TestSoak(t *testing.T) {
	total := 1_000_000
	if s := os.Getenv("SOAK_REQUESTS"); s != "" {
		total, _ = strconv.Atoi(s)
	}
	// No log kept: 2 probes in 19 log an error, and a buffer of them would
	// look like a leak.
	base, _, srv := testServer(t, Options{Dir: "testdata", Workers: runtime.GOMAXPROCS(0), Timeout: 5 * time.Second,
		Logger: slog.New(slog.DiscardHandler)})
	type probe struct {
		method, path, body, ctype string
		status                    int
		abort                     bool // the client gives up after 5 ms
	}
	mix := []probe{
		{"GET", "/api/user", "", "", 200, false},
		{"GET", "/api/users", "", "", 200, false},
		{"GET", "/api/user/42?name=x", "", "", 200, false},
		{"PUT", "/api/user/7?name=Ann", "", "", 200, false},
		{"DELETE", "/api/user/7", "", "", 405, false},
		{"POST", "/api/method", `{"a":[1,2,3]}`, "application/json", 201, false},
		{"POST", "/api/echo", "a=1&b=2&a=3", "application/x-www-form-urlencoded", 200, false},
		{"POST", "/api/echo", `{bad json`, "application/json", 400, false},
		{"POST", "/api/echo", strings.Repeat("x", 1<<20+1), "text/plain", 413, false},
		{"POST", "/api/echo", "x", "text/plain; charset=bogus", 400, false},
		{"GET", "/api/catch/a/b%20c", "", "", 200, false},
		{"GET", "/api/opt", "", "", 200, false},
		{"GET", "/api/hello?name=soak", "", "", 200, false},
		{"GET", "/api/cors", "", "", 200, false},
		{"GET", "/api/user/", "", "", 308, false},
		{"GET", "/api/nope/a/b/c", "", "", 404, false},
		{"GET", "/api/throw", "", "", 500, false},
		{"GET", "/api/reject", "", "", 500, false},
		{"GET", "/api/timer?ms=50", "", "", 0, true},
	}
	client := &http.Client{
		Transport:     &http.Transport{MaxIdleConnsPerHost: 64, DisableCompression: true},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	send := func(p probe) (int, error) {
		ctx := context.Background()
		var cancel context.CancelFunc
		if p.abort {
			ctx, cancel = context.WithTimeout(ctx, 5*time.Millisecond)
			defer cancel()
		}
		var body io.Reader
		if p.body != "" {
			body = strings.NewReader(p.body)
		}
		req, _ := http.NewRequestWithContext(ctx, p.method, base+p.path, body)
		if p.ctype != "" {
			req.Header.Set("Content-Type", p.ctype)
		}
		resp, err := client.Do(req)
		if err != nil {
			return 0, err
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return resp.StatusCode, nil
	}
	// Warm up, then take the baseline.
	for i := 0; i < 2000; i++ {
		p := mix[i%len(mix)]
		_, _ = send(p)
	}
	time.Sleep(200 * time.Millisecond)
	goBase, heapBase := settle()
	start := time.Now()
	var next, unexpected, aborted atomic.Int64
	var firstBad atomic.Value
	var wg sync.WaitGroup
	for w := 0; w < 32; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := next.Add(1)
				if i > int64(total) {
					return
				}
				p := mix[int(i)%len(mix)]
				status, err := send(p)
				switch {
				case p.abort:
					aborted.Add(1)
				case err != nil || status != p.status:
					unexpected.Add(1)
					firstBad.CompareAndSwap(nil, fmt.Sprintf("%s %s: %d %v (want %d)", p.method, p.path, status, err, p.status))
				}
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	client.CloseIdleConnections()
	time.Sleep(500 * time.Millisecond)
	goAfter, heapAfter := settle()
	t.Logf("%d requests in %s (%.0f req/s), %d client disconnects, %d unexpected; workers replaced: %d",
		total, elapsed.Round(time.Millisecond), float64(total)/elapsed.Seconds(), aborted.Load(), unexpected.Load(), srv.pool.Replaced())
	// Fresh workers: what the heap holds beyond this lives in the runtimes.
	if err := srv.Reload(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	_, heapFresh := settle()
	t.Logf("goroutines %d -> %d; heap %.1f MB -> %.1f MB, %.1f MB with fresh workers", goBase, goAfter,
		float64(heapBase)/(1<<20), float64(heapAfter)/(1<<20), float64(heapFresh)/(1<<20))
	if n := unexpected.Load(); n > 0 {
		t.Errorf("%d unexpected answers, first: %v", n, firstBad.Load())
	}
	if goAfter > goBase+16 {
		t.Errorf("goroutines grew from %d to %d", goBase, goAfter)
	}
	if heapAfter > 2*heapBase+32<<20 {
		t.Errorf("heap grew from %d to %d bytes", heapBase, heapAfter)
	}
}

// settle collects garbage and returns the goroutine count and live heap.
func settle() (int, uint64) {
	for i := 0; i < 3; i++ {
		runtime.GC()
		time.Sleep(50 * time.Millisecond)
	}
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	return runtime.NumGoroutine(), s[0].Value.Uint64()
}
