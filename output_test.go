package gojaapi

import (
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/gojaapi/gojaapi/loader"
)

// TestUseBuildOutput: a server started from the build output serves the
// built code, not the sources, with the routes Discover gives; Reload reads
// a new output; .env files are read at start; without an output it builds
// from source.
func TestUseBuildOutput(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, files(
		"pages/api/v.js", "export default (req, res) => res.send('built ' + process.env.WHO + ' ' + process.env.NODE_ENV)",
		"pages/api/user/[id].js", "export default (req, res) => res.json(req.query)",
		"pages/api/[...all].js", "export default (req, res) => res.json(req.query)",
		".env", "WHO=env1\n",
	))
	if _, err := WriteBuild(Options{Dir: dir}); err != nil {
		t.Fatal(err)
	}
	writeFiles(t, dir, files("pages/api/v.js", "export default (req, res) => res.send('source')", ".env", "WHO=env2\n"))
	base, logs, srv := testServer(t, Options{Dir: dir, UseBuildOutput: true, EnvFiles: true, Workers: 1})
	if r := do(t, "GET", base+"/api/v", ""); r.body != "built env2 production" {
		t.Fatalf("got %q\n%s", r.body, logs.String())
	}
	if r := do(t, "GET", base+"/api/user/7", ""); r.body != `{"id":"7"}` {
		t.Fatalf("dynamic route: %q", r.body)
	}
	for _, want := range []string{"using build output .gojaapi/", "the build output is stale", "newer=pages/api/v.js"} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("log lacks %q:\n%s", want, logs.String())
		}
	}
	routes, _ := loader.Discover(os.DirFS(dir))
	if got := srv.Routes(); len(got) != len(routes) || got[0].Page != routes[0].Page {
		t.Errorf("routes %v", got)
	}

	if _, err := WriteBuild(Options{Dir: dir}); err != nil {
		t.Fatal(err)
	}
	if err := srv.Reload(); err != nil {
		t.Fatal(err)
	}
	if r := do(t, "GET", base+"/api/v", ""); r.body != "source" {
		t.Fatalf("after a new build and Reload: %q", r.body)
	}
	// A broken output is an error for Reload, which keeps the last build.
	if err := os.WriteFile(filepath.Join(dir, loader.OutputDir, "manifest.json"), []byte("{"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := srv.Reload(); err == nil || !strings.Contains(err.Error(), "run gojaapi build again") {
		t.Fatalf("Reload of a corrupt output: %v", err)
	}
	if r := do(t, "GET", base+"/api/v", ""); r.body != "source" {
		t.Fatalf("after a failed Reload: %q", r.body)
	}
	// And for New.
	if _, err := New(Options{Dir: dir, UseBuildOutput: true}); err == nil || !strings.Contains(err.Error(), "run gojaapi build again") {
		t.Fatalf("New with a corrupt output: %v", err)
	}
	// Without the option, or in dev mode, the output is not read.
	srcBase, _, _ := testServer(t, Options{Dir: dir})
	if r := do(t, "GET", srcBase+"/api/v", ""); r.body != "source" {
		t.Fatalf("from source: %q", r.body)
	}
	if _, err := New(Options{Dir: dir, UseBuildOutput: true, Dev: true}); err == nil {
		t.Fatal("Dev with UseBuildOutput accepted")
	}
}

// TestUseBuildOutputWithoutOutput: with the option but no output, the
// server builds from source, and so does Reload.
func TestUseBuildOutputWithoutOutput(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, files("pages/api/v.js", "export default (req, res) => res.send('one')"))
	base, logs, srv := testServer(t, Options{Dir: dir, UseBuildOutput: true})
	if r := do(t, "GET", base+"/api/v", ""); r.body != "one" {
		t.Fatalf("got %q", r.body)
	}
	writeFiles(t, dir, files("pages/api/v.js", "export default (req, res) => res.send('two')"))
	if err := srv.Reload(); err != nil {
		t.Fatal(err)
	}
	if r := do(t, "GET", base+"/api/v", ""); r.body != "two" {
		t.Fatalf("after Reload: %q", r.body)
	}
	if strings.Contains(logs.String(), "using build output") {
		t.Errorf("claims to use an output:\n%s", logs.String())
	}
}

// TestBuildOutputModules: an output built with a Module needs a server that
// provides it; from an fs.FS the output is read through the FS.
func TestBuildOutputModules(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, files("pages/api/kv.js", "import kv from 'app:kv'\nexport default (req, res) => res.send(kv.get())"))
	kv := NewModule("app:kv").Func("get", func() string { return "from go" })
	if _, err := WriteBuild(Options{Dir: dir}); err == nil {
		t.Fatal("built without the module the route imports")
	}
	if _, err := WriteBuild(Options{Dir: dir, Modules: []*Module{kv}}); err != nil {
		t.Fatal(err)
	}
	if _, err := New(Options{Dir: dir, UseBuildOutput: true}); err == nil || !strings.Contains(err.Error(), `"app:kv"`) {
		t.Fatalf("started without the module: %v", err)
	}
	// The same output, served from an fs.FS without the sources.
	fsys := fstest.MapFS{}
	for _, name := range []string{"manifest.json", "server.js"} {
		data, err := os.ReadFile(filepath.Join(dir, loader.OutputDir, name))
		if err != nil {
			t.Fatal(err)
		}
		fsys[loader.OutputDir+"/"+name] = &fstest.MapFile{Data: data}
	}
	srv, err := New(Options{FS: fsys, UseBuildOutput: true, Modules: []*Module{kv}, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	w := httptest.NewRecorder()
	srv.ServeHTTP(w, httptest.NewRequest("GET", "/api/kv", nil))
	if w.Code != 200 || w.Body.String() != "from go" {
		t.Fatalf("got %d %q", w.Code, w.Body.String())
	}
}

// writeProject50 writes a project of 50 routes sharing a library module.
func writeProject50(b *testing.B, dir string) {
	files := map[string]string{"lib/g.js": "export const greet = (n) => 'hi ' + n"}
	for i := 0; i < 50; i++ {
		files["pages/api/r"+strconv.Itoa(i)+".js"] = "import { greet } from '../../lib/g'\nexport default (req, res) => res.json({ r: " + strconv.Itoa(i) + ", g: greet('x') })"
	}
	for name, src := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStartFromBuild50 measures a production start from the build
// output of a 50-route project, up to its first 200 response: read and
// compile the bundle, start the workers, serve one request, stop.
func BenchmarkStartFromBuild50(b *testing.B) {
	dir := b.TempDir()
	writeProject50(b, dir)
	if _, err := WriteBuild(Options{Dir: dir}); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		srv, err := New(Options{Dir: dir, UseBuildOutput: true, Workers: 2, Logger: slog.New(slog.DiscardHandler)})
		if err != nil {
			b.Fatal(err)
		}
		w := httptest.NewRecorder()
		srv.ServeHTTP(w, httptest.NewRequest("GET", "/api/r7", nil))
		if w.Code != http.StatusOK {
			b.Fatalf("status %d", w.Code)
		}
		srv.Close()
	}
}

// BenchmarkStartFromSource50 is BenchmarkStartFromBuild50 without the
// build output: what the build output saves.
func BenchmarkStartFromSource50(b *testing.B) {
	dir := b.TempDir()
	writeProject50(b, dir)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		srv, err := New(Options{Dir: dir, Workers: 2, Logger: slog.New(slog.DiscardHandler)})
		if err != nil {
			b.Fatal(err)
		}
		w := httptest.NewRecorder()
		srv.ServeHTTP(w, httptest.NewRequest("GET", "/api/r7", nil))
		if w.Code != http.StatusOK {
			b.Fatalf("status %d", w.Code)
		}
		srv.Close()
	}
}
