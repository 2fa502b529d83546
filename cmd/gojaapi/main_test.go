package main

import (
	"bytes"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
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
	for _, flag := range []string{"-addr", "-port", "-hostname", "-workers", "-timeout", "-script-timeout", "-grace", "-env", "-dev"} {
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
	var out, errb syncBuffer
	done := make(chan int, 1)
	go func() { done <- run([]string{"start", "--addr", "127.0.0.1:0", dir}, &out, &errb) }()
	var base string
	for i := 0; i < 200 && base == ""; i++ {
		time.Sleep(10 * time.Millisecond)
		if m := regexp.MustCompile(`http://[0-9.:]+`).FindString(out.String()); m != "" {
			base = m
		}
	}
	if base == "" {
		t.Fatalf("server did not start: %s %s", out.String(), errb.String())
	}
	if !strings.Contains(out.String(), "serving 1 routes") {
		t.Errorf("start line: %q", out.String())
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
	if err := syscall.Kill(os.Getpid(), syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if got := <-result; got != `{"ok":true}` {
		t.Fatalf("in-flight request got %q", got)
	}
	select {
	case code := <-done:
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errb.String())
		}
	case <-time.After(5 * time.Second):
		t.Fatal("server did not exit after SIGTERM")
	}
	if _, err := http.Get(base + "/api/slow"); err == nil {
		t.Fatal("server still accepts after shutdown")
	}
}
