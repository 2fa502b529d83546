package gojaapi

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// logBuffer collects log lines for assertions; safe for concurrent use.
type logBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// testServer serves dir on a loopback port with a real listener and returns
// its base URL and log.
func testServer(t testing.TB, opts Options) (string, *logBuffer, *Server) {
	t.Helper()
	if _, err := os.Stat("testdata/node_modules"); err != nil && opts.Dir == "testdata" {
		t.Fatalf("testdata/node_modules is missing: run the README's test command (it runs npm ci in testdata)")
	}
	logs := &logBuffer{}
	if opts.Logger == nil { // a caller's own logger wins (the soak test keeps no logs)
		opts.Logger = slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	srv, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, ln, 5*time.Second) }()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	return "http://" + ln.Addr().String(), logs, srv
}

type result struct {
	status int
	reason string
	header http.Header
	body   string
}

func do(t testing.TB, method, url string, body string, headers ...string) result {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, url, rd)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return result{resp.StatusCode, strings.TrimPrefix(resp.Status, fmt.Sprint(resp.StatusCode, " ")), resp.Header, string(b)}
}

func TestFixtures(t *testing.T) {
	base, logs, _ := testServer(t, Options{Dir: "testdata", Workers: 2})
	cases := []struct {
		name, method, path, body string
		headers                  []string
		status                   int
		want                     string // exact body
		header                   map[string]string
	}{
		{name: "user", method: "GET", path: "/api/user", status: 200, want: `{"name":"John Doe"}`,
			header: map[string]string{"Content-Type": "application/json; charset=utf-8", "Content-Length": "19"}},
		{name: "index", method: "GET", path: "/api", status: 200, want: `{"route":"index"}`},
		{name: "method GET", method: "GET", path: "/api/method?a=1&b=2&a=3", status: 200, want: `{"method":"GET","query":{"a":["1","3"],"b":"2"}}`},
		{name: "method POST json", method: "POST", path: "/api/method", body: `{"x":[1,2]}`, headers: []string{"Content-Type", "application/json"}, status: 201, want: `{"created":{"x":[1,2]}}`},
		{name: "method DELETE", method: "DELETE", path: "/api/method", status: 200, want: `{"method":"DELETE"}`},
		{name: "users", method: "GET", path: "/api/users", status: 200, want: `[{"id":1},{"id":2},{"id":3}]`},
		{name: "user id GET", method: "GET", path: "/api/user/42", status: 200, want: `{"id":42,"name":"User 42"}`},
		{name: "user id PUT", method: "PUT", path: "/api/user/7?name=Ann", status: 200, want: `{"id":7,"name":"Ann"}`},
		{name: "user id 405", method: "POST", path: "/api/user/7", status: 405, want: `Method POST Not Allowed`},
		{name: "cors", method: "GET", path: "/api/cors", headers: []string{"Origin", "http://example.com"}, status: 200, want: `{"message":"Hello Everyone!"}`,
			header: map[string]string{"Access-Control-Allow-Origin": "*"}},
		{name: "cors preflight", method: "OPTIONS", path: "/api/cors", headers: []string{"Origin", "http://example.com", "Access-Control-Request-Method", "POST"}, status: 204, want: ``,
			header: map[string]string{"Access-Control-Allow-Methods": "POST,GET,HEAD"}},
		{name: "typescript", method: "GET", path: "/api/hello?name=Go", status: 200, want: `{"message":"Hello, Go!","length":10}`},
		{name: "catch-all", method: "GET", path: "/api/catch/a/b%20c/d%2Fe", status: 200, want: `{"slug":["a","b c","d/e"]}`},
		{name: "catch-all needs a segment", method: "GET", path: "/api/catch", status: 404},
		{name: "optional catch-all empty", method: "GET", path: "/api/opt", status: 200, want: `{"query":{},"has":false}`},
		{name: "optional catch-all", method: "GET", path: "/api/opt/a/b", status: 200, want: `{"query":{"slug":["a","b"]},"has":true}`},
		{name: "static beats dynamic", method: "GET", path: "/api/prec/static", status: 200, want: `{"route":"static"}`},
		{name: "dynamic", method: "GET", path: "/api/prec/other", status: 200, want: `{"route":"[id]","query":{"id":"other"}}`},
		{name: "dynamic beats catch-all", method: "GET", path: "/api/prec/a/b", status: 200, want: `{"route":"[...rest]","query":{"rest":["a","b"]}}`},
		{name: "params win over query", method: "GET", path: "/api/prec/x?val=1&id=override", status: 200, want: `{"route":"[id]","query":{"val":"1","id":"x"}}`},
		{name: "commonjs", method: "GET", path: "/api/cjs", status: 200, want: `{"style":"commonjs"}`},
		{name: "json import", method: "GET", path: "/api/data", status: 200, want: `[{"id":"1","name":"Luke Skywalker"},{"id":"2","name":"C-3PO"}]`},
		{name: "throw", method: "GET", path: "/api/throw", status: 500, want: `Internal Server Error`},
		{name: "reject", method: "GET", path: "/api/reject", status: 500, want: `Internal Server Error`},
		{name: "trailing slash", method: "GET", path: "/api/user/", status: 308, want: `/api/user`, header: map[string]string{"Location": "/api/user", "Refresh": "0;url=/api/user"}},
		{name: "double slash", method: "GET", path: "/api//user", status: 308, want: `/api/user`},
		{name: "unknown", method: "GET", path: "/api/nope/nope/nope", status: 404},
		{name: "case sensitive", method: "GET", path: "/API/user", status: 404},
		{name: "urlencoded", method: "POST", path: "/api/echo", body: "a=1&b=x+y&a=2", headers: []string{"Content-Type", "application/x-www-form-urlencoded"}, status: 200,
			want: `{"type":"object","body":{"a":["1","2"],"b":"x y"},"query":{},"cookies":{}}`},
		{name: "text", method: "POST", path: "/api/echo", body: "hello", headers: []string{"Content-Type", "text/plain"}, status: 200,
			want: `{"type":"string","body":"hello","query":{},"cookies":{}}`},
		{name: "no body", method: "GET", path: "/api/echo", status: 200, want: `{"type":"string","body":"","query":{},"cookies":{}}`},
		{name: "cookies", method: "GET", path: "/api/echo", headers: []string{"Cookie", `a=1; b="quoted"; c=x%20y; a=2; bad`}, status: 200,
			want: `{"type":"string","body":"","query":{},"cookies":{"a":"1","b":"quoted","c":"x y"}}`},
		{name: "invalid json", method: "POST", path: "/api/echo", body: "{bad", headers: []string{"Content-Type", "application/json"}, status: 400, want: "Invalid JSON"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := do(t, c.method, base+c.path, c.body, c.headers...)
			if r.status != c.status {
				t.Fatalf("status %d, want %d (body %q)", r.status, c.status, r.body)
			}
			if c.want != "" || c.status == 204 {
				if r.body != c.want {
					t.Fatalf("body %q, want %q", r.body, c.want)
				}
			}
			for k, v := range c.header {
				if v == "" {
					continue
				}
				if got := r.header.Get(k); got != v {
					t.Errorf("header %s = %q, want %q", k, got, v)
				}
			}
		})
	}
	if !strings.Contains(logs.String(), "User error") {
		t.Errorf("the thrown error is not logged:\n%s", logs.String())
	}
}

// TestTimerDoesNotPinWorker: 100 concurrent requests that each await a 200 ms
// timer, on 2 workers, all finish in about one timer period.
func TestTimerDoesNotPinWorker(t *testing.T) {
	base, _, _ := testServer(t, Options{Dir: "testdata", Workers: 2})
	do(t, "GET", base+"/api/timer?ms=1", "") // warm up the module
	const n = 100
	start := time.Now()
	var wg sync.WaitGroup
	errs := make(chan error, n)
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: n, MaxConnsPerHost: n}}
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp, err := client.Get(base + "/api/timer?ms=200")
			if err != nil {
				errs <- err
				return
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 || string(b) != `{"waited":200}` {
				errs <- fmt.Errorf("got %d %s", resp.StatusCode, b)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	elapsed := time.Since(start)
	t.Logf("%d concurrent 200 ms timer requests on 2 workers took %s", n, elapsed)
	if elapsed > 2*time.Second {
		t.Fatalf("took %s: workers are pinned while handlers wait", elapsed)
	}
}

// TestInfiniteLoopIsInterrupted: a while(true) handler gets 500, the other
// routes keep answering meanwhile, and the pool recovers.
func TestInfiniteLoopIsInterrupted(t *testing.T) {
	base, logs, srv := testServer(t, Options{Dir: "testdata", Workers: 2, ScriptTimeout: 300 * time.Millisecond})
	done := make(chan result, 1)
	go func() { done <- do(t, "GET", base+"/api/loop", "") }()
	time.Sleep(50 * time.Millisecond)
	for i := 0; i < 5; i++ {
		if r := do(t, "GET", base+"/api/user", ""); r.status != 200 {
			t.Fatalf("other route failed while a worker loops: %d", r.status)
		}
	}
	r := <-done
	if r.status != 500 {
		t.Fatalf("looping handler got %d, want 500", r.status)
	}
	deadline := time.Now().Add(5 * time.Second)
	for srv.pool.Replaced() < 1 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if srv.pool.Replaced() < 1 {
		t.Fatal("the stuck worker was not replaced")
	}
	for i := 0; i < 10; i++ {
		if r := do(t, "GET", base+"/api/user", ""); r.status != 200 {
			t.Fatalf("after recovery: %d", r.status)
		}
	}
	if !strings.Contains(logs.String(), "/api/loop") {
		t.Errorf("the log does not name the route:\n%s", logs.String())
	}
}

func TestModuleEvaluatedOncePerWorker(t *testing.T) {
	base, _, _ := testServer(t, Options{Dir: "testdata", Workers: 1})
	var got struct{ Evaluations, Hits int }
	for i, path := range []string{"/api/counter-a", "/api/counter-b", "/api/counter-a"} {
		r := do(t, "GET", base+path, "")
		if err := json.Unmarshal([]byte(r.body), &got); err != nil {
			t.Fatal(r.body)
		}
		if got.Evaluations != 1 || got.Hits != i+1 {
			t.Fatalf("after %s: %+v, want evaluations 1, hits %d", path, got, i+1)
		}
	}
}

func TestReasonPhrase(t *testing.T) {
	base, _, _ := testServer(t, Options{Dir: "testdata", Workers: 1})
	conn, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "POST /api/echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 4\r\n\r\n{bad")
	buf := make([]byte, 512)
	n, _ := conn.Read(buf)
	if !strings.HasPrefix(string(buf[:n]), "HTTP/1.1 400 Invalid JSON\r\n") {
		t.Fatalf("status line: %q", buf[:n])
	}
}

func TestDevErrorBody(t *testing.T) {
	base, logs, _ := testServer(t, Options{Dir: "testdata", Workers: 1, Dev: true})
	r := do(t, "GET", base+"/api/throw", "", "Accept", "application/json")
	if r.status != 500 || !strings.Contains(r.body, "User error") || !strings.Contains(r.body, "pages/api/throw.js:2:") {
		t.Fatalf("dev JSON error: %d %s", r.status, r.body)
	}
	r = do(t, "GET", base+"/api/throw", "", "Accept", "text/html")
	if !strings.Contains(r.header.Get("Content-Type"), "text/html") || !strings.Contains(r.body, "User error") {
		t.Fatalf("dev HTML error: %s %s", r.header.Get("Content-Type"), r.body)
	}
	if strings.Contains(r.body, "gojaapi:") {
		t.Errorf("stack shows gojaapi's frames: %s", r.body)
	}
	if !strings.Contains(logs.String(), "pages/api/throw.js:2:") {
		t.Errorf("log stack does not point at the source:\n%s", logs.String())
	}
}

func TestTimeoutAndUnsentWarning(t *testing.T) {
	base, logs, _ := testServer(t, Options{Dir: "testdata", Workers: 1, Dev: true, Timeout: 300 * time.Millisecond})
	start := time.Now()
	r := do(t, "GET", base+"/api/no-end", "")
	if r.status != 504 {
		t.Fatalf("status %d, want 504", r.status)
	}
	if d := time.Since(start); d < 250*time.Millisecond {
		t.Fatalf("answered after %s, before the timeout", d)
	}
	for _, want := range []string{
		"API resolved without sending a response for /api/no-end, this may result in stalled requests.",
		"request timed out",
		"pages/api/no-end.js",
	} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("log lacks %q:\n%s", want, logs.String())
		}
	}
	// The worker is still fine.
	if r := do(t, "GET", base+"/api/user", ""); r.status != 200 {
		t.Fatalf("after a timeout: %d", r.status)
	}
}

func TestEnvFiles(t *testing.T) {
	t.Setenv("GOJAAPI_TEST_EXPOSED", "yes")
	base, _, _ := testServer(t, Options{Dir: "testdata", Workers: 1, EnvFiles: true, ExposeEnv: []string{"GOJAAPI_TEST_*"}})
	r := do(t, "GET", base+"/api/env", "")
	want := `{"greeting":"hello from .env","loud":"hello from .env!","nodeEnv":"production","pathVisible":false,"exposed":"yes"}`
	if r.body != want {
		t.Fatalf("got %s\nwant %s", r.body, want)
	}
}

func TestAccessLogAndRequestID(t *testing.T) {
	base, logs, _ := testServer(t, Options{Dir: "testdata", Workers: 1, AccessLog: true})
	do(t, "GET", base+"/api/user/5?x=1", "", "X-Request-Id", "abc-123")
	do(t, "GET", base+"/api/missing/a/b/c", "")
	out := logs.String()
	for _, want := range []string{
		`msg=request method=GET path=/api/user/5 route=/api/user/[id] status=200 bytes=24`,
		`request_id=abc-123 outcome=ok`,
		`path=/api/missing/a/b/c route="" status=404`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("access log lacks %q:\n%s", want, out)
		}
	}
}

func TestRecycleAfterOption(t *testing.T) {
	base, _, srv := testServer(t, Options{Dir: "testdata", Workers: 1, RecycleAfter: 2})
	var got []int
	for i := 0; i < 5; i++ {
		var c struct{ Hits int }
		r := do(t, "GET", base+"/api/counter-a", "")
		if err := json.Unmarshal([]byte(r.body), &c); err != nil {
			t.Fatal(r.body)
		}
		got = append(got, c.Hits)
		time.Sleep(20 * time.Millisecond)
	}
	if fmt.Sprint(got) != "[1 2 1 2 1]" {
		t.Fatalf("hits %v: module state should restart with each recycled worker", got)
	}
	if srv.Workers() != 1 {
		t.Fatalf("workers %d", srv.Workers())
	}
}

// TestTypeScriptStackInLog: a thrown error's logged stack names the original
// .ts file and line, not the bundle.
func TestTypeScriptStackInLog(t *testing.T) {
	dir := t.TempDir()
	src := "import type { NextApiRequest, NextApiResponse } from 'next'\n\ntype Out = { ok: boolean }\n\nexport default function handler(req: NextApiRequest, res: NextApiResponse<Out>) {\n  const n: number = Number(req.query.n)\n  if (n > 1) throw new Error('too big: ' + n)\n  res.json({ ok: true })\n}\n"
	if err := os.MkdirAll(filepath.Join(dir, "pages", "api"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "pages", "api", "check.ts"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	base, logs, _ := testServer(t, Options{Dir: dir, Workers: 1})
	if r := do(t, "GET", base+"/api/check?n=5", ""); r.status != 500 {
		t.Fatalf("status %d", r.status)
	}
	if !strings.Contains(logs.String(), "too big: 5") || !strings.Contains(logs.String(), "pages/api/check.ts:7:") {
		t.Fatalf("logged stack does not point at pages/api/check.ts:7:\n%s", logs.String())
	}
}

func TestConsoleLinesNameTheRoute(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "pages", "api"), 0o755); err != nil {
		t.Fatal(err)
	}
	src := "export default async (req, res) => { console.log('before'); await new Promise((r) => setTimeout(r, 5)); console.warn('after', 42); res.end('ok') }"
	if err := os.WriteFile(filepath.Join(dir, "pages", "api", "talk.js"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	base, logs, _ := testServer(t, Options{Dir: dir, Workers: 1})
	do(t, "GET", base+"/api/talk", "", "X-Request-Id", "req-7")
	out := logs.String()
	for _, want := range []string{
		`level=INFO msg=before source=console route=/api/talk request_id=req-7`,
		`level=WARN msg="after 42" source=console route=/api/talk request_id=req-7`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("log lacks %q:\n%s", want, out)
		}
	}
}
