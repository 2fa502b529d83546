package engine_test

import (
	"bytes"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/dop251/goja"
	"github.com/gojaapi/gojaapi/bindings"
	"github.com/gojaapi/gojaapi/compat"
	"github.com/gojaapi/gojaapi/engine"
	"github.com/gojaapi/gojaapi/loader"
)

// The per-request path without HTTP: a request built in memory goes through
// engine.Handler.ServeHTTP (routing, the hand-off to a worker's loop, the
// handler call with Next's req/res, and the response coming back) into a
// ResponseWriter that only keeps the bytes. The handlers are those of the
// benchmark suite (bench/app/pages/api), so these figures and bench/run.sh's
// wrk figures describe the same work.

// benchDir is the benchmark app.
const benchDir = "../bench/app"

// newBenchHandler builds bench/app the way gojaapi.New does, with the given
// number of workers.
func newBenchHandler(b *testing.B, workers int, env ...string) *engine.Handler {
	b.Helper()
	dir, err := filepath.Abs(benchDir)
	if err != nil {
		b.Fatal(err)
	}
	fsys := os.DirFS(dir)
	routes, err := loader.Discover(fsys)
	if err != nil {
		b.Fatal(err)
	}
	bundle, err := loader.Build(loader.BuildOptions{Dir: dir, Routes: routes, NodeEnv: "production"})
	if err != nil {
		b.Fatal(err)
	}
	logger := slog.New(slog.DiscardHandler)
	pool, err := engine.NewPool(engine.PoolConfig{
		Bundle:  bundle,
		Workers: workers,
		Compat: compat.Options{
			Env:      benchEnv(env),
			Root:     fsys,
			RootPath: dir,
			Logger:   logger,
		},
		Settings: bindings.Settings{Preview: bindings.NewPreviewKeys()},
		Logger:   logger,
	})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(pool.Close)
	h, err := engine.NewHandler(pool, engine.HandlerConfig{Logger: logger})
	if err != nil {
		b.Fatal(err)
	}
	return h
}

// benchEnv is process.env: NODE_ENV plus NAME=value pairs.
func benchEnv(pairs []string) map[string]string {
	m := map[string]string{"NODE_ENV": "production"}
	for _, kv := range pairs {
		k, v, _ := strings.Cut(kv, "=")
		m[k] = v
	}
	return m
}

// memWriter is a minimal in-memory http.ResponseWriter, reused across
// requests.
type memWriter struct {
	header http.Header
	status int
	body   []byte
}

func (w *memWriter) Header() http.Header { return w.header }

func (w *memWriter) WriteHeader(status int) {
	if w.status == 0 {
		w.status = status
	}
}

func (w *memWriter) Write(p []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	w.body = append(w.body, p...)
	return len(p), nil
}

// Flush makes memWriter an http.Flusher, as net/http's writer is.
func (w *memWriter) Flush() {}

func (w *memWriter) reset() {
	clear(w.header)
	w.status = 0
	w.body = w.body[:0]
}

// benchRequest is a request as net/http's server hands it over for a wrk
// request (wrk sends only Host, plus Content-Type and Content-Length with a
// body).
func benchRequest(b *testing.B, method, target string, body []byte) *http.Request {
	b.Helper()
	u, err := url.ParseRequestURI(target)
	if err != nil {
		b.Fatal(err)
	}
	r := &http.Request{
		Method:     method,
		URL:        u,
		Proto:      "HTTP/1.1",
		ProtoMajor: 1,
		ProtoMinor: 1,
		Header:     http.Header{},
		Host:       "127.0.0.1:3000",
		RemoteAddr: "127.0.0.1:54321",
		RequestURI: target,
		Body:       http.NoBody,
	}
	if body != nil {
		r.Header["Content-Type"] = []string{"application/json"}
		r.Header["Content-Length"] = []string{strconv.Itoa(len(body))}
		r.ContentLength = int64(len(body))
	}
	return r
}

// serve sends one request through h and checks the answer.
func serve(b *testing.B, h http.Handler, w *memWriter, base *http.Request, body []byte, want string) {
	r := *base
	if body != nil {
		r.Body = io.NopCloser(bytes.NewReader(body))
	}
	w.reset()
	h.ServeHTTP(w, &r)
	if w.status != http.StatusOK || !bytes.Contains(w.body, []byte(want)) {
		b.Fatalf("%s %s: status %d, body %.200q; want 200 and %q", base.Method, base.RequestURI, w.status, w.body, want)
	}
}

// benchServe measures sequential requests through one worker: the cost of
// one request, hand-offs between goroutines included.
func benchServe(b *testing.B, method, target string, body []byte, want string, env ...string) {
	h := newBenchHandler(b, 1, env...)
	base := benchRequest(b, method, target, body)
	w := &memWriter{header: http.Header{}}
	// Warm up: the module is evaluated on first use.
	for i := 0; i < 100; i++ {
		serve(b, h, w, base, body, want)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(body)))
	stop := startJSProfile(b)
	defer stop()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		serve(b, h, w, base, body, want)
	}
}

// startJSProfile starts goja's sampling profiler of JavaScript functions
// when BENCH_JSPROFILE names a file (a pprof profile whose frames are JS
// functions: go tool pprof -top FILE). It returns the function that stops it.
func startJSProfile(b *testing.B) func() {
	path := os.Getenv("BENCH_JSPROFILE")
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	if err := goja.StartProfile(f); err != nil {
		f.Close()
		b.Fatal(err)
	}
	return func() {
		goja.StopProfile()
		if err := f.Close(); err != nil {
			b.Error(err)
		}
	}
}

// BenchmarkServeHello is GET /api/hello: res.status(200).json({hello: 'world'}).
func BenchmarkServeHello(b *testing.B) {
	benchServe(b, http.MethodGet, "/api/hello", nil, `{"hello":"world"}`)
}

// BenchmarkServeDynamic is GET /api/users/[id] with a query string.
func BenchmarkServeDynamic(b *testing.B) {
	benchServe(b, http.MethodGet, "/api/users/42?fields=name,email&page=2", nil, `"id":"42","fields":["name","email"],"page":2`)
}

// BenchmarkServeEchoPOST1KB is POST /api/echo with bench/wrk/body1k.json:
// Next's JSON body parser, then res.json of the parsed body.
func BenchmarkServeEchoPOST1KB(b *testing.B) {
	body, err := os.ReadFile("../bench/wrk/body1k.json")
	if err != nil {
		b.Fatal(err)
	}
	benchServe(b, http.MethodPost, "/api/echo", body, `"id":"ord_8f3a2c"`)
}

// BenchmarkServeBig64KB is GET /api/big: a 64 KB JSON response.
func BenchmarkServeBig64KB(b *testing.B) {
	benchServe(b, http.MethodGet, "/api/big", nil, `"count":557`)
}

// BenchmarkServeFetch is GET /api/fetch: the handler awaits fetch() of an
// upstream on loopback that answers at once, and sends its JSON on. The
// figures are the cost of a fetch round trip through the runtime (the
// upstream's own work included).
func BenchmarkServeFetch(b *testing.B) {
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
	benchServe(b, http.MethodGet, "/api/fetch", nil, `{"upstream":{"ok":true,"delay":0}}`, "UPSTREAM_URL=http://"+ln.Addr().String()+"/")
}

// BenchmarkServeHelloParallel is GET /api/hello from GOMAXPROCS goroutines
// at once over GOMAXPROCS workers: throughput rather than the cost of one
// request.
func BenchmarkServeHelloParallel(b *testing.B) {
	h := newBenchHandler(b, runtime.GOMAXPROCS(0))
	base := benchRequest(b, http.MethodGet, "/api/hello", nil)
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		w := &memWriter{header: http.Header{}}
		for pb.Next() {
			r := *base
			w.reset()
			h.ServeHTTP(w, &r)
			if w.status != http.StatusOK || !strings.Contains(string(w.body), `"hello"`) {
				b.Errorf("status %d, body %q", w.status, w.body)
				return
			}
		}
	})
}
