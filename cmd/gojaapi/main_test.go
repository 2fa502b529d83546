package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

func TestHelp(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"--help"}, &out, &errb); code != 0 || !strings.Contains(out.String(), "start") {
		t.Fatalf("--help: %d %q", code, out.String())
	}
	out.Reset()
	errb.Reset()
	if code := run([]string{"start", "--help"}, &out, &errb); code != 0 {
		t.Fatalf("start --help: %d", code)
	}
	for _, flag := range []string{"-addr", "-port", "-hostname", "-workers", "-timeout", "-script-timeout", "-grace", "-env", "-dev",
		"-log-format", "-log-level", "-access-log", "-metrics-addr", "-pprof", "-drain-delay"} {
		if !strings.Contains(errb.String(), flag) {
			t.Errorf("start --help does not explain %s:\n%s", flag, errb.String())
		}
	}
	if code := run([]string{"bogus"}, &out, &errb); code != 2 {
		t.Fatalf("unknown command exit %d", code)
	}
}

func TestStartWithoutPagesAPI(t *testing.T) {
	var out, errb bytes.Buffer
	code := run([]string{"start", t.TempDir()}, &out, &errb)
	if code == 0 || !strings.Contains(errb.String(), "no pages/api or src/pages/api folder") {
		t.Fatalf("exit %d, stderr %q", code, errb.String())
	}
}

func TestStartPortTaken(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "pages", "api"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "pages", "api", "a.js"), []byte("export default (req, res) => res.end('a')"), 0o644); err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	var out, errb bytes.Buffer
	code := run([]string{"start", "--addr", ln.Addr().String(), dir}, &out, &errb)
	if code == 0 || !strings.Contains(errb.String(), "cannot listen on") {
		t.Fatalf("exit %d, stderr %q", code, errb.String())
	}
}

func TestStartBuildError(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "pages", "api"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "pages", "api", "bad.js"), []byte("export default (req, res) => {\n  res.json({)\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	code := run([]string{"start", dir}, &out, &errb)
	if code == 0 || !strings.Contains(errb.String(), "pages/api/bad.js:2:") {
		t.Fatalf("exit %d, stderr %q", code, errb.String())
	}
}

func TestListenAddr(t *testing.T) {
	t.Setenv("PORT", "4567")
	cases := []struct {
		f    serveFlags
		want string
	}{
		{serveFlags{}, "127.0.0.1:4567"},
		{serveFlags{port: 8080}, "127.0.0.1:8080"},
		{serveFlags{port: 8080, hostname: "0.0.0.0"}, "0.0.0.0:8080"},
		{serveFlags{addr: "localhost:1", port: 8080}, "localhost:1"},
	}
	for _, c := range cases {
		if got := c.f.listenAddr(); got != c.want {
			t.Errorf("%+v -> %s, want %s", c.f, got, c.want)
		}
	}
}

// syncBuffer is a bytes.Buffer safe for the server goroutine and the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestGracefulShutdown: on SIGTERM the server stops accepting, lets the
// request in flight finish, and exits 0.
func TestGracefulShutdown(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "pages", "api"), 0o755); err != nil {
		t.Fatal(err)
	}
	slow := "export default async (req, res) => { await new Promise((r) => setTimeout(r, 300)); res.json({ ok: true }) }"
	if err := os.WriteFile(filepath.Join(dir, "pages", "api", "slow.js"), []byte(slow), 0o644); err != nil {
		t.Fatal(err)
	}
	s := startRun(t, "--addr", "127.0.0.1:0", dir)
	base := s.base
	if !strings.Contains(s.out.String(), "serving 1 routes") {
		t.Errorf("start line: %q", s.out.String())
	}
	result := make(chan string, 1)
	go func() {
		resp, err := http.Get(base + "/api/slow")
		if err != nil {
			result <- err.Error()
			return
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		result <- string(b)
	}()
	time.Sleep(100 * time.Millisecond)
	code := s.stop(t)
	if got := <-result; got != `{"ok":true}` {
		t.Fatalf("in-flight request got %q", got)
	}
	if code != 0 {
		t.Fatalf("exit %d: %s", code, s.errb.String())
	}
	if _, err := http.Get(base + "/api/slow"); err == nil {
		t.Fatal("server still accepts after shutdown")
	}
}

func TestBadLogFlags(t *testing.T) {
	for _, args := range [][]string{
		{"start", "--log-format", "xml", t.TempDir()},
		{"start", "--log-level", "loud", t.TempDir()},
		{"start", "--pprof", t.TempDir()},
		{"start", "--gc-floor", "lots", t.TempDir()},
	} {
		var out, errb bytes.Buffer
		if code := run(args, &out, &errb); code != 2 || !strings.Contains(errb.String(), "gojaapi: --") {
			t.Errorf("%v: exit %d, stderr %q", args, code, errb.String())
		}
	}
}

// writeProject writes files (path: source) into a new project folder.
func writeProject(t *testing.T, files map[string]string) string {
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
	return dir
}

// started is a gojaapi start running in the test process.
type started struct {
	base, metrics string // URLs of the API and of --metrics-addr ("" if off)
	out, errb     *syncBuffer
	done          chan int
}

// startRun runs "gojaapi start" with args and waits until it serves. With
// --metrics-addr 127.0.0.1:0 among args, it finds the metrics address in the
// log.
func startRun(t *testing.T, args ...string) *started {
	t.Helper()
	return startCommand(t, "start", args...)
}

// startCommand is startRun for any serving command ("start", "dev").
func startCommand(t *testing.T, command string, args ...string) *started {
	t.Helper()
	s := &started{out: &syncBuffer{}, errb: &syncBuffer{}, done: make(chan int, 1)}
	go func() { s.done <- run(append([]string{command}, args...), s.out, s.errb) }()
	wantMetrics := strings.Contains(strings.Join(args, " "), "-metrics-addr")
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if s.base == "" {
			s.base = regexp.MustCompile(`http://[0-9.:]+`).FindString(s.out.String())
		}
		if wantMetrics && s.metrics == "" {
			if m := regexp.MustCompile(`metrics and health checks.*?(http://[0-9.:]+)`).FindStringSubmatch(s.errb.String()); m != nil {
				s.metrics = m[1]
			}
		}
		if s.base != "" && (s.metrics != "" || !wantMetrics) {
			return s
		}
		select {
		case code := <-s.done:
			t.Fatalf("exited %d: %s %s", code, s.out.String(), s.errb.String())
		case <-time.After(10 * time.Millisecond):
		}
	}
	t.Fatalf("server did not start: %s %s", s.out.String(), s.errb.String())
	return nil
}

// stop sends SIGTERM and waits for the exit code.
func (s *started) stop(t *testing.T) int {
	t.Helper()
	if err := syscall.Kill(os.Getpid(), syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case code := <-s.done:
		return code
	case <-time.After(10 * time.Second):
		t.Fatal("server did not exit after SIGTERM")
		return -1
	}
}

// get returns the status and body of a GET.
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

// scrape returns the value of every sample on /metrics, keyed by the
// series as exposed: `name{label="value",...}`.
func scrape(t *testing.T, metricsURL string) map[string]float64 {
	t.Helper()
	code, body := get(t, metricsURL+"/metrics")
	if code != 200 {
		t.Fatalf("/metrics: %d %s", code, body)
	}
	out := map[string]float64{}
	for _, line := range strings.Split(body, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		i := strings.LastIndexByte(line, ' ')
		v, err := strconv.ParseFloat(line[i+1:], 64)
		if err != nil {
			t.Fatalf("bad sample line %q", line)
		}
		out[line[:i]] = v
	}
	return out
}

var metricsProject = map[string]string{
	"pages/api/ok.js":    "export default (req, res) => res.status(201).json({ ok: true })",
	"pages/api/throw.js": "export default () => { throw new Error('boom') }",
	"pages/api/slow.js": `export default async (req, res) => {
  await new Promise((r) => setTimeout(r, Number(req.query.ms || 400)))
  res.end('slow')
}`,
	"pages/api/hang.js": "export default async (req, res) => { res.setHeader('X-Started', '1') }",
	"pages/api/spin.js": "export default () => { while (true) {} }",
	"pages/api/user/[id].js": `export default (req, res) => {
  console.log('user', req.query.id)
  res.json({ id: req.query.id })
}`,
}

// TestMetrics runs the binary with --metrics-addr, sends requests of every
// kind, and checks the series /metrics exposes: names, labels and counts.
func TestMetrics(t *testing.T) {
	dir := writeProject(t, metricsProject)
	s := startRun(t, "--addr", "127.0.0.1:0", "--metrics-addr", "127.0.0.1:0", "--workers", "2",
		"--timeout", "500ms", "--script-timeout", "200ms", "--log-format", "json", dir)

	if code, body := get(t, s.metrics+"/healthz"); code != 200 || body != "ok\n" {
		t.Errorf("/healthz: %d %q", code, body)
	}
	if code, body := get(t, s.metrics+"/readyz"); code != 200 || body != "ready\n" {
		t.Errorf("/readyz: %d %q", code, body)
	}
	if code, _ := get(t, s.metrics+"/debug/pprof/"); code != 404 {
		t.Errorf("pprof served without --pprof: %d", code)
	}
	if code, _ := get(t, s.base+"/metrics"); code != 404 {
		t.Errorf("/metrics on the API address: %d", code)
	}

	for i := 0; i < 3; i++ {
		if code, body := get(t, s.base+"/api/ok"); code != 201 || body != `{"ok":true}` {
			t.Fatalf("/api/ok: %d %q", code, body)
		}
	}
	for _, id := range []string{"1", "2"} {
		if code, _ := get(t, s.base+"/api/user/"+id); code != 200 {
			t.Fatalf("/api/user/%s: %d", id, code)
		}
	}
	req, _ := http.NewRequest("PROPFIND", s.base+"/api/ok", nil)
	if resp, err := http.DefaultClient.Do(req); err != nil {
		t.Fatal(err)
	} else {
		resp.Body.Close()
	}
	if code, _ := get(t, s.base+"/api/throw"); code != 500 {
		t.Errorf("/api/throw: %d", code)
	}
	if code, _ := get(t, s.base+"/api/nope"); code != 404 {
		t.Errorf("/api/nope: %d", code)
	}
	if code, _ := get(t, s.base+"/api/hang"); code != 504 {
		t.Errorf("/api/hang: %d", code)
	}
	if code, _ := get(t, s.base+"/api/spin"); code != 500 {
		t.Errorf("/api/spin: %d", code)
	}

	// A request in flight while we scrape.
	slowDone := make(chan struct{})
	go func() {
		defer close(slowDone)
		if resp, err := http.Get(s.base + "/api/slow?ms=350"); err == nil {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
		}
	}()
	var during map[string]float64
	for i := 0; i < 100; i++ {
		time.Sleep(10 * time.Millisecond)
		if during = scrape(t, s.metrics); during[`gojaapi_requests_in_flight{route="/api/slow"}`] == 1 {
			break
		}
	}
	if v := during[`gojaapi_requests_in_flight{route="/api/slow"}`]; v != 1 {
		t.Errorf("in flight during the slow request: %v", v)
	}
	if v, ok := during["gojaapi_workers_busy"]; ok && v < 1 {
		t.Errorf("gojaapi_workers_busy during a request: %v", v)
	}
	<-slowDone
	// The spinning worker's replacement starts in the background.
	var m map[string]float64
	for i := 0; i < 200; i++ {
		m = scrape(t, s.metrics)
		if m[`gojaapi_worker_events_total{event="started"}`] == 3 && m[`gojaapi_requests_in_flight{route="/api/slow"}`] == 0 {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}

	want := map[string]float64{
		`gojaapi_requests_total{method="GET",route="/api/ok",status="201"}`:                 3,
		`gojaapi_requests_total{method="OTHER",route="/api/ok",status="201"}`:               1,
		`gojaapi_requests_total{method="GET",route="/api/user/[id]",status="200"}`:          2,
		`gojaapi_requests_total{method="GET",route="/api/throw",status="500"}`:              1,
		`gojaapi_requests_total{method="GET",route="unmatched",status="404"}`:               2, // /api/nope and /metrics on the API address
		`gojaapi_requests_total{method="GET",route="/api/hang",status="504"}`:               1,
		`gojaapi_requests_total{method="GET",route="/api/spin",status="500"}`:               1,
		`gojaapi_requests_total{method="GET",route="/api/slow",status="200"}`:               1,
		`gojaapi_request_duration_seconds_count{method="GET",route="/api/ok"}`:              3,
		`gojaapi_request_duration_seconds_bucket{method="GET",route="/api/ok",le="+Inf"}`:   3,
		`gojaapi_request_duration_seconds_count{method="GET",route="/api/user/[id]"}`:       2,
		`gojaapi_request_duration_seconds_bucket{method="GET",route="/api/slow",le="0.25"}`: 0,
		`gojaapi_request_duration_seconds_bucket{method="GET",route="/api/slow",le="0.5"}`:  1,
		`gojaapi_requests_in_flight{route="/api/slow"}`:                                     0,
		`gojaapi_requests_in_flight{route="/api/ok"}`:                                       0,
		`gojaapi_response_bytes_total{route="/api/ok"}`:                                     4 * 11,
		`gojaapi_response_bytes_total{route="/api/slow"}`:                                   4,
		`gojaapi_exceptions_total{route="/api/throw"}`:                                      1,
		`gojaapi_request_timeouts_total{route="/api/hang"}`:                                 1,
		`gojaapi_requests_failed_total{route="/api/spin"}`:                                  1,
		`gojaapi_worker_events_total{event="started"}`:                                      3,
		`gojaapi_worker_events_total{event="retired"}`:                                      1,
		`gojaapi_worker_events_total{event="interrupted"}`:                                  1,
		`gojaapi_workers`:                      2,
		`gojaapi_builds_total{result="ok"}`:    1,
		`gojaapi_builds_total{result="error"}`: 0,
		`gojaapi_build_duration_seconds_count`: 1,
	}
	for series, v := range want {
		got, ok := m[series]
		if !ok {
			t.Errorf("missing %s", series)
		} else if got != v {
			t.Errorf("%s = %v, want %v", series, got, v)
		}
	}
	// The client's collectors: Go runtime, process, build information.
	for _, prefix := range []string{"go_goroutines", "go_memstats_heap_alloc_bytes", "process_resident_memory_bytes", "go_build_info{"} {
		found := false
		for k := range m {
			found = found || strings.HasPrefix(k, prefix)
		}
		if !found {
			t.Errorf("no %s series", prefix)
		}
	}
	if code := s.stop(t); code != 0 {
		t.Fatalf("exit %d: %s", code, s.errb.String())
	}

	// One JSON access line per request, with the fields operators query.
	var accessLines int
	for _, line := range strings.Split(s.errb.String(), "\n") {
		if !strings.Contains(line, `"msg":"request"`) {
			continue
		}
		accessLines++
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("access line is not JSON: %q", line)
		}
		for _, k := range []string{"method", "path", "route", "status", "bytes", "duration_ms", "worker", "request_id", "outcome"} {
			if _, ok := rec[k]; !ok {
				t.Errorf("access line without %s: %q", k, line)
			}
		}
		if rec["path"] == "/api/user/1" && (rec["route"] != "/api/user/[id]" || rec["status"] != float64(200)) {
			t.Errorf("access line for /api/user/1: %q", line)
		}
	}
	if accessLines != 12 {
		t.Errorf("%d access lines for 12 requests:\n%s", accessLines, s.errb.String())
	}
	if !regexp.MustCompile(`"level":"INFO","msg":"user 1","source":"console"`).MatchString(s.errb.String()) {
		t.Errorf("console.log line missing:\n%s", s.errb.String())
	}
}

// TestAccessLogOff: --access-log=false leaves the other lines.
func TestAccessLogOff(t *testing.T) {
	dir := writeProject(t, metricsProject)
	s := startRun(t, "--addr", "127.0.0.1:0", "--access-log=false", dir)
	get(t, s.base+"/api/user/7")
	if code := s.stop(t); code != 0 {
		t.Fatalf("exit %d", code)
	}
	logs := s.errb.String()
	if strings.Contains(logs, "msg=request") || !strings.Contains(logs, `msg="user 7" source=console`) {
		t.Errorf("logs:\n%s", logs)
	}
}

// TestPprof: --pprof serves the profiler on the metrics address only.
func TestPprof(t *testing.T) {
	dir := writeProject(t, metricsProject)
	s := startRun(t, "--addr", "127.0.0.1:0", "--metrics-addr", "127.0.0.1:0", "--pprof", dir)
	if code, body := get(t, s.metrics+"/debug/pprof/"); code != 200 || !strings.Contains(body, "goroutine") {
		t.Errorf("pprof index: %d %.200q", code, body)
	}
	if code, body := get(t, s.metrics+"/debug/pprof/goroutine?debug=1"); code != 200 || !strings.Contains(body, "goroutine profile:") {
		t.Errorf("goroutine profile: %d %.200q", code, body)
	}
	if code, _ := get(t, s.base+"/debug/pprof/"); code != 404 {
		t.Errorf("pprof on the API address: %d", code)
	}
	if code := s.stop(t); code != 0 {
		t.Fatalf("exit %d", code)
	}
}

// TestDrainReadiness: on SIGTERM, /readyz fails at once while the API keeps
// serving for --drain-delay (closing each connection after its response),
// then the server stops accepting and exits.
func TestDrainReadiness(t *testing.T) {
	// Long enough that a loaded CI machine (-race, packages in parallel)
	// still checks the API inside the delay.
	const drainDelay = 3 * time.Second
	dir := writeProject(t, metricsProject)
	s := startRun(t, "--addr", "127.0.0.1:0", "--metrics-addr", "127.0.0.1:0", "--drain-delay", drainDelay.String(), dir)
	if code, body := get(t, s.metrics+"/readyz"); code != 200 || body != "ready\n" {
		t.Fatalf("/readyz before: %d %q", code, body)
	}
	sent := time.Now()
	if err := syscall.Kill(os.Getpid(), syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	var code int
	var body string
	for time.Since(sent) < drainDelay/2 {
		if code, body = get(t, s.metrics+"/readyz"); code == 503 {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	if code != 503 || body != "draining\n" {
		t.Fatalf("/readyz while draining: %d %q", code, body)
	}
	// Still serving, with keep-alive off.
	resp, err := http.Get(s.base + "/api/ok")
	if err != nil {
		t.Fatalf("API refused during the drain delay (%v after SIGTERM): %v", time.Since(sent), err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 201 || !resp.Close {
		t.Errorf("during the drain delay: %d, Connection: close %v", resp.StatusCode, resp.Close)
	}
	if time.Since(sent) > drainDelay*9/10 {
		t.Fatalf("test too slow to check the drain delay: %v", time.Since(sent))
	}
	select {
	case code := <-s.done:
		if code != 0 {
			t.Fatalf("exit %d: %s", code, s.errb.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("did not exit")
	}
	if waited := time.Since(sent); waited < drainDelay {
		t.Errorf("exited %v after SIGTERM, before the drain delay", waited)
	}
	if _, err := http.Get(s.base + "/api/ok"); err == nil {
		t.Error("API still accepts after exit")
	}
	if !strings.Contains(s.errb.String(), "msg=draining") {
		t.Errorf("no draining line:\n%s", s.errb.String())
	}
}

// TestReadyOnlyAfterBuild: while the routes build, the metrics address is
// up, /healthz answers and /readyz says "starting"; a build error counts in
// gojaapi_builds_total{result="error"} (seen here through the exit).
func TestReadyOnlyAfterBuild(t *testing.T) {
	dir := writeProject(t, map[string]string{"pages/api/bad.js": "export default (req, res) => {\n  res.json({)\n}\n"})
	var out, errb syncBuffer
	code := run([]string{"start", "--addr", "127.0.0.1:0", "--metrics-addr", "127.0.0.1:0", dir}, &out, &errb)
	if code != 1 || !strings.Contains(errb.String(), "metrics and health checks") || !strings.Contains(errb.String(), "pages/api/bad.js:2:") {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
}

// TestReloadOnSIGHUP: SIGHUP rebuilds the project and counts the build.
func TestReloadOnSIGHUP(t *testing.T) {
	dir := writeProject(t, map[string]string{"pages/api/v.js": "export default (req, res) => res.end('v1')"})
	s := startRun(t, "--addr", "127.0.0.1:0", "--metrics-addr", "127.0.0.1:0", dir)
	if _, body := get(t, s.base+"/api/v"); body != "v1" {
		t.Fatalf("before: %q", body)
	}
	if err := os.WriteFile(filepath.Join(dir, "pages", "api", "v.js"), []byte("export default (req, res) => res.end('v2')"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Kill(os.Getpid(), syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	var body string
	for i := 0; i < 300 && body != "v2"; i++ {
		time.Sleep(10 * time.Millisecond)
		_, body = get(t, s.base+"/api/v")
	}
	if body != "v2" {
		t.Fatalf("after SIGHUP: %q\n%s", body, s.errb.String())
	}
	if err := os.WriteFile(filepath.Join(dir, "pages", "api", "v.js"), []byte("export default (req, res) => {"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Kill(os.Getpid(), syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	// A scrape gathers the counter and the histogram concurrently, so one
	// can show the build before the other: wait for both.
	var m map[string]float64
	for i := 0; i < 300; i++ {
		if m = scrape(t, s.metrics); m[`gojaapi_builds_total{result="error"}`] == 1 && m["gojaapi_build_duration_seconds_count"] == 3 {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	if m[`gojaapi_builds_total{result="ok"}`] != 2 || m[`gojaapi_builds_total{result="error"}`] != 1 || m["gojaapi_build_duration_seconds_count"] != 3 {
		t.Errorf("builds: ok %v error %v count %v", m[`gojaapi_builds_total{result="ok"}`], m[`gojaapi_builds_total{result="error"}`], m["gojaapi_build_duration_seconds_count"])
	}
	if _, body := get(t, s.base+"/api/v"); body != "v2" {
		t.Errorf("after a failed reload: %q", body)
	}
	if !strings.Contains(s.errb.String(), "reload failed") {
		t.Errorf("no reload failure line:\n%s", s.errb.String())
	}
	if code := s.stop(t); code != 0 {
		t.Fatalf("exit %d", code)
	}
}

func TestRoutesCommand(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"routes", "../../testdata"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	got := out.String()
	// Next's order: the static prec/static before prec/[id] before prec/[...rest].
	s, d, c := strings.Index(got, "/api/prec/static "), strings.Index(got, "/api/prec/[id] "), strings.Index(got, "/api/prec/[...rest] ")
	if s < 0 || d < 0 || c < 0 || !(s < d && d < c) {
		t.Fatalf("routes out of order:\n%s", got)
	}
	if !strings.Contains(got, "pages/api/user/[id].js") {
		t.Fatalf("no file column:\n%s", got)
	}
}

// TestDevCommandReloads drives a real dev server: a saved edit shows in the
// next responses.
func TestDevCommandReloads(t *testing.T) {
	dir := t.TempDir()
	route := filepath.Join(dir, "pages", "api", "v.js")
	if err := os.MkdirAll(filepath.Dir(route), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(route, []byte("export default (req, res) => res.send('one')"), 0o644); err != nil {
		t.Fatal(err)
	}
	s := startCommand(t, "dev", "--addr", "127.0.0.1:0", dir)
	get := func() string {
		resp, err := http.Get(s.base + "/api/v")
		if err != nil {
			return err.Error()
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return string(b)
	}
	if got := get(); got != "one" {
		t.Fatalf("got %q", got)
	}
	if err := os.WriteFile(route, []byte("export default (req, res) => res.send('two')"), 0o644); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for get() != "two" {
		if time.Now().After(deadline) {
			t.Fatalf("edit not picked up: %s", s.errb.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	if code := s.stop(t); code != 0 {
		t.Fatalf("exit %d: %s", code, s.errb.String())
	}
}

// TestHeaderLimitFlag: oversized headers are refused by the server before any
// JavaScript runs.
func TestHeaderLimitFlag(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "pages", "api"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "pages", "api", "h.js"), []byte("export default (req, res) => res.send('ok')"), 0o644); err != nil {
		t.Fatal(err)
	}
	s := startRun(t, "--addr", "127.0.0.1:0", "--max-header-bytes", "1024", dir)
	status := func(header string) int {
		req, _ := http.NewRequest("GET", s.base+"/api/h", nil)
		req.Header.Set("X-Big", header)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if got := status("small"); got != 200 {
		t.Fatalf("small header: %d", got)
	}
	if got := status(strings.Repeat("x", 8<<10)); got != http.StatusRequestHeaderFieldsTooLarge {
		t.Fatalf("8 KiB header with a 1 KiB limit: %d", got)
	}
	s.stop(t)
}

// TestFlagsAfterFolder: flags may follow the folder, as with next start
// (they were silently ignored), and a second folder is an error.
func TestFlagsAfterFolder(t *testing.T) {
	for _, args := range [][]string{
		{"--port", "8080", "app", "-H", "0.0.0.0"},
		{"app", "--port=8080", "--hostname", "0.0.0.0"},
	} {
		fs := flag.NewFlagSet("start", flag.ContinueOnError)
		var f serveFlags
		f.register(fs)
		dir, code, ok := parseDir(fs, args)
		if !ok || code != 0 || dir != "app" {
			t.Fatalf("%q: dir %q code %d ok %v", args, dir, code, ok)
		}
		if got := f.listenAddr(); got != "0.0.0.0:8080" {
			t.Errorf("%q: listens on %s", args, got)
		}
	}
	var errb bytes.Buffer
	if code := run([]string{"build", "a", "b"}, &errb, &errb); code != 2 || !strings.Contains(errb.String(), "one folder at most") {
		t.Errorf("two folders: exit %d, %q", code, errb.String())
	}
}
