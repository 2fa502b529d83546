package difftest

import (
	"context"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gojaapi/gojaapi"
)

const appDir = "../testdata/nextapp"

// logSink collects a server's log.
type logSink struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *logSink) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logSink) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// buildNext runs `next build` unless the last build is newer than every
// fixture file.
func buildNext(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(filepath.Join(appDir, "node_modules", "next")); err != nil {
		t.Fatalf("next is not installed in testdata/nextapp: run `make test` (it runs npm ci there)")
	}
	if st, err := os.Stat(filepath.Join(appDir, ".next", "BUILD_ID")); err == nil {
		stale := false
		_ = filepath.WalkDir(filepath.Join(appDir, "pages"), func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				if info, err := d.Info(); err == nil && info.ModTime().After(st.ModTime()) {
					stale = true
				}
			}
			return nil
		})
		if !stale {
			return
		}
	}
	cmd := exec.Command("node", "node_modules/next/dist/bin/next", "build")
	cmd.Dir = appDir
	cmd.Env = append(os.Environ(), "NEXT_TELEMETRY_DISABLED=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("next build: %v\n%s", err, out)
	}
}

func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// startNext runs `next start` on a free loopback port.
func startNext(t *testing.T) (string, *logSink) {
	t.Helper()
	buildNext(t)
	port := freePort(t)
	logs := &logSink{}
	cmd := exec.Command("node", "node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", fmt.Sprint(port))
	cmd.Dir = appDir
	cmd.Env = append(os.Environ(), "NEXT_TELEMETRY_DISABLED=1")
	cmd.Stdout, cmd.Stderr = logs, logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	base := fmt.Sprintf("http://127.0.0.1:%d", port)
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		resp, err := http.Get(base + "/api/hello")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return base, logs
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("next start did not come up:\n%s", logs.String())
	return "", nil
}

// startGojaapi serves the same folder with gojaapi, as the binary does.
func startGojaapi(t *testing.T) (string, *logSink) {
	t.Helper()
	logs := &logSink{}
	srv, err := gojaapi.New(gojaapi.Options{
		Dir:     appDir,
		Workers: 2,
		Logger:  slog.New(slog.NewTextHandler(logs, nil)),
	})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := gojaapi.Listen("127.0.0.1:0")
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
	return "http://" + ln.Addr().String(), logs
}
