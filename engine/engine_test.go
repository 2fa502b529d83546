package engine

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime/metrics"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gojaapi/gojaapi/bindings"
	"github.com/gojaapi/gojaapi/compat"
	"github.com/gojaapi/gojaapi/loader"
)

// syncLog collects log output for assertions.
type syncLog struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *syncLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *syncLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// serve builds a project from files (path -> source) and serves it with cfg
// on an httptest server.
func serve(t *testing.T, files map[string]string, cfg PoolConfig) (*httptest.Server, *Pool, *syncLog) {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	routes, err := loader.Discover(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	bundle, err := loader.Build(loader.BuildOptions{Dir: dir, Routes: routes})
	if err != nil {
		t.Fatal(err)
	}
	logs := &syncLog{}
	cfg.Bundle = bundle
	cfg.Logger = slog.New(slog.NewTextHandler(logs, nil))
	cfg.Compat = compat.Options{RootPath: dir, Root: os.DirFS(dir)}
	cfg.Settings = bindings.Settings{Preview: bindings.NewPreviewKeys()}
	if cfg.Workers == 0 {
		cfg.Workers = 1
	}
	pool, err := NewPool(cfg)
	if err != nil {
		t.Fatal(err)
	}
	h, err := NewHandler(pool, HandlerConfig{Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(func() {
		srv.Close()
		pool.Close()
	})
	return srv, pool, logs
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// TestStackOverflow: deep recursion, sync or after an await, gives its request
// a 500 with the route and stack in the log, and never takes the server down.
// goja cannot resume a runtime's pending promise jobs after its own stack
// overflow, so the worker is replaced; requests on other workers carry on.
func TestStackOverflow(t *testing.T) {
	srv, pool, logs := serve(t, map[string]string{
		"pages/api/deep.js":  "function f(n) { return f(n + 1) + 1 }\nexport default (req, res) => res.json({ n: f(0) })",
		"pages/api/adeep.js": "function f(n) { return f(n + 1) + 1 }\nexport default async (req, res) => { await new Promise((r) => setTimeout(r, 5)); res.json({ n: f(0) }) }",
		"pages/api/ok.js":    "export default (req, res) => res.json({ ok: true })",
	}, PoolConfig{Workers: 2})
	for _, path := range []string{"/api/deep", "/api/adeep", "/api/deep"} {
		if code, _ := get(t, srv.URL+path); code != 500 {
			t.Fatalf("%s: %d, want 500", path, code)
		}
		for i := 0; i < 4; i++ {
			if code, b := get(t, srv.URL+"/api/ok"); code != 200 {
				t.Fatalf("after %s: %d %s", path, code, b)
			}
		}
	}
	deadline := time.Now().Add(5 * time.Second)
	for pool.Replaced() < 3 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if pool.Replaced() != 3 || pool.Size() != 2 {
		t.Fatalf("replaced %d, size %d", pool.Replaced(), pool.Size())
	}
	out := logs.String()
	for _, want := range []string{"RangeError: Maximum call stack size exceeded", "pages/api/deep.js:1:", "pages/api/adeep.js:1:"} {
		if !strings.Contains(out, want) {
			t.Errorf("log lacks %q:\n%s", want, out)
		}
	}
}

func TestRecycleAfter(t *testing.T) {
	srv, pool, _ := serve(t, map[string]string{
		// Pollutes Object.prototype; the pollution lives only as long as the worker.
		"pages/api/count.js": "let n = 0\nexport default (req, res) => { Object.prototype.polluted = (Object.prototype.polluted || 0) + 1; res.json({ n: ++n }) }",
	}, PoolConfig{RecycleAfter: 3})
	var got []string
	for i := 0; i < 7; i++ {
		_, b := get(t, srv.URL+"/api/count")
		got = append(got, b)
		time.Sleep(20 * time.Millisecond) // let the replacement start
	}
	want := `{"n":1} {"n":2} {"n":3} {"n":1} {"n":2} {"n":3} {"n":1}`
	if strings.Join(got, " ") != want {
		t.Fatalf("got %s, want %s", strings.Join(got, " "), want)
	}
	if pool.Replaced() < 2 {
		t.Fatalf("replaced %d workers, want 2", pool.Replaced())
	}
}

func TestMemoryLimitInterruptsTheAllocator(t *testing.T) {
	srv, pool, logs := serve(t, map[string]string{
		"pages/api/hog.js": "export default (req, res) => { const a = []; for (;;) a.push(new Float64Array(1 << 20)) }",
		"pages/api/ok.js":  "export default (req, res) => res.json({ ok: true })",
	}, PoolConfig{Workers: 2, MemoryLimit: heapNow() + 256<<20, BusyLimit: 30 * time.Second})
	if code, _ := get(t, srv.URL+"/api/hog"); code != 500 {
		t.Fatalf("hog: %d, want 500", code)
	}
	if !strings.Contains(logs.String(), "over the memory limit") {
		t.Fatalf("no memory-limit log:\n%s", logs.String())
	}
	deadline := time.Now().Add(5 * time.Second)
	for pool.Replaced() < 1 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if code, b := get(t, srv.URL+"/api/ok"); code != 200 {
		t.Fatalf("after: %d %s", code, b)
	}
}

// heapNow is the current size of heap objects.
func heapNow() int64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	return int64(s[0].Value.Uint64())
}

func TestHeaderInjectionRefused(t *testing.T) {
	srv, _, _ := serve(t, map[string]string{
		"pages/api/inject.js": "export default (req, res) => res.redirect(302, '/x\\r\\nSet-Cookie: evil=1')",
		"pages/api/status.js": "export default (req, res) => { res.statusCode = 1000; res.end('x') }",
	}, PoolConfig{})
	resp, err := http.Get(srv.URL + "/api/inject")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 500 || resp.Header.Get("Set-Cookie") != "" {
		t.Fatalf("inject: %d %v", resp.StatusCode, resp.Header)
	}
	if code, _ := get(t, srv.URL+"/api/status"); code != 500 {
		t.Fatalf("status 1000: %d", code)
	}
}
