package gojaapi

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestWatchSeesSaveBeforeItStarts: a file saved after the server's build but
// before Watch took its first look (a busy machine, a fast editor) is still
// reloaded.
func TestWatchSeesSaveBeforeItStarts(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "pages", "api", "v.js")
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte("export default (req, res) => res.send('one')"), 0o644); err != nil {
		t.Fatal(err)
	}
	// Old enough that only the save below is newer than the build.
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(p, old, old); err != nil {
		t.Fatal(err)
	}
	base, logs, srv := testServer(t, Options{Dir: dir, Workers: 1, Dev: true})
	if r := do(t, "GET", base+"/api/v", ""); r.body != "one" {
		t.Fatalf("before: %q", r.body)
	}
	// The same size, so that only the modification time tells.
	if err := os.WriteFile(p, []byte("export default (req, res) => res.send('two')"), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go srv.Watch(ctx, 20*time.Millisecond)
	deadline := time.Now().Add(5 * time.Second)
	for {
		r := do(t, "GET", base+"/api/v", "")
		if r.body == "two" {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the save before Watch started was never reloaded: %q\n%s", r.body, logs.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestWatch drives the dev loop: edit a route, add and delete one, break and
// fix a file, change .env; each change shows in the next responses.
func TestWatch(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("pages/api/a.js", "export default (req, res) => res.send('a1')")
	write("pages/api/b.js", "export default (req, res) => res.send('b ' + process.env.WHO)")
	write(".env", "WHO=first\n")
	base, logs, srv := testServer(t, Options{Dir: dir, Workers: 1, Dev: true, EnvFiles: true})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go srv.Watch(ctx, 20*time.Millisecond)
	// eventually polls until path answers want (status and body prefix).
	eventually := func(path string, status int, want string, headers ...string) result {
		t.Helper()
		deadline := time.Now().Add(5 * time.Second)
		var r result
		for time.Now().Before(deadline) {
			r = do(t, "GET", base+path, "", headers...)
			if r.status == status && strings.HasPrefix(r.body, want) {
				return r
			}
			time.Sleep(20 * time.Millisecond)
		}
		t.Fatalf("%s: got %d %q, want %d %q\n%s", path, r.status, r.body, status, want, logs.String())
		return r
	}
	eventually("/api/a", 200, "a1")
	eventually("/api/b", 200, "b first")

	write("pages/api/a.js", "export default (req, res) => res.send('a2')")
	eventually("/api/a", 200, "a2")

	write("pages/api/c.js", "export default (req, res) => res.send('c')")
	eventually("/api/c", 200, "c")
	if err := os.Remove(filepath.Join(dir, "pages/api/c.js")); err != nil {
		t.Fatal(err)
	}
	eventually("/api/c", 404, "")

	write("pages/api/a.js", "export default (req, res) => {\n  res.send('broken'\n}\n")
	r := eventually("/api/a", 500, "Build error")
	if !strings.Contains(r.body, "pages/api/a.js:3:") {
		t.Errorf("error body lacks the file and line: %s", r.body)
	}
	eventually("/api/b", 200, "b first") // other routes keep working
	r = eventually("/api/a", 500, "<!DOCTYPE html>", "Accept", "text/html")
	if !strings.Contains(r.body, "pages/api/a.js:3:") {
		t.Errorf("HTML error lacks the location: %s", r.body)
	}
	write("pages/api/a.js", "export default (req, res) => res.send('a3')")
	eventually("/api/a", 200, "a3")

	write(".env", "WHO=second\n")
	eventually("/api/b", 200, "b second")
	if !strings.Contains(logs.String(), "build failed") || !strings.Contains(logs.String(), "reloaded") {
		t.Errorf("log lacks the reload lines:\n%s", logs.String())
	}
}

// BenchmarkReload50 measures Reload (build, compile, new workers, swap) of a
// project of 50 routes sharing a library module after one route changed:
// what a dev save costs. "fresh" bundles from scratch, as a production
// server's reload does; "incremental" is dev mode, reusing esbuild's context.
func BenchmarkReload50(b *testing.B) {
	for _, mode := range []struct {
		name string
		dev  bool
	}{{"fresh", false}, {"incremental", true}} {
		b.Run(mode.name, func(b *testing.B) {
			dir := b.TempDir()
			writeProject50(b, dir)
			srv, err := New(Options{Dir: dir, Workers: 2, Dev: mode.dev, Logger: slog.New(slog.DiscardHandler)})
			if err != nil {
				b.Fatal(err)
			}
			defer srv.Close()
			route := filepath.Join(dir, "pages", "api", "r0.js")
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				src := "export default (req, res) => res.json({ save: " + strconv.Itoa(i) + " })"
				if err := os.WriteFile(route, []byte(src), 0o644); err != nil {
					b.Fatal(err)
				}
				if err := srv.Reload(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
