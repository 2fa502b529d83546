package main

import (
	"bufio"
	"bytes"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// boomTS throws on line 4 of a TypeScript route.
const boomTS = `type Query = { n?: string }

export default function handler(req: any, res: any) {
  throw new Error('boom ' + (req.query as Query).n)
}
`

// corsProject is a project whose route imports the cors package (with its
// dependencies, copied from testdata/node_modules).
func corsProject(t *testing.T) string {
	t.Helper()
	src, err := os.ReadFile("../../testdata/pages/api/cors.js")
	if err != nil {
		t.Fatal(err)
	}
	dir := writeProject(t, map[string]string{
		"pages/api/cors.js":  string(src),
		"pages/api/boom.ts":  boomTS,
		"pages/api/v/[v].js": "export default (req, res) => res.send('v ' + req.query.v + ' ' + process.env.NODE_ENV)",
	})
	for _, pkg := range []string{"cors", "object-assign", "vary"} {
		from := filepath.Join("..", "..", "testdata", "node_modules", pkg)
		if _, err := os.Stat(from); err != nil {
			t.Skipf("testdata/node_modules/%s is missing: run make setup", pkg)
		}
		if err := os.CopyFS(filepath.Join(dir, "node_modules", pkg), os.DirFS(from)); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// runBuild runs "gojaapi build dir" and fails the test if it fails.
func runBuild(t *testing.T, dir string) string {
	t.Helper()
	var out, errb bytes.Buffer
	if code := run([]string{"build", dir}, &out, &errb); code != 0 {
		t.Fatalf("build exit %d: %s %s", code, out.String(), errb.String())
	}
	return out.String()
}

// TestBuildThenStart: a project built with "gojaapi build" starts from its
// build output with node_modules gone; a thrown error's stack names the
// TypeScript source.
func TestBuildThenStart(t *testing.T) {
	dir := corsProject(t)
	if out := runBuild(t, dir); !strings.Contains(out, "built 3 routes into "+filepath.Join(dir, ".gojaapi")) {
		t.Errorf("build output line: %q", out)
	}
	for _, f := range []string{"server.js", "manifest.json"} {
		if _, err := os.Stat(filepath.Join(dir, ".gojaapi", f)); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.RemoveAll(filepath.Join(dir, "node_modules")); err != nil {
		t.Fatal(err)
	}
	s := startRun(t, "--addr", "127.0.0.1:0", dir)
	logs := s.errb.String()
	if !strings.Contains(logs, "using build output .gojaapi/") || !strings.Contains(logs, "built=") {
		t.Errorf("no line saying the build output is used:\n%s", logs)
	}
	if strings.Contains(logs, "stale") {
		t.Errorf("fresh build reported stale:\n%s", logs)
	}
	if code, body := get(t, s.base+"/api/cors"); code != 200 || body != `{"message":"Hello Everyone!"}` {
		t.Errorf("cors: %d %q", code, body)
	}
	if code, body := get(t, s.base+"/api/v/x"); code != 200 || body != "v x production" {
		t.Errorf("v: %d %q", code, body)
	}
	if code, _ := get(t, s.base+"/api/boom?n=1"); code != 500 {
		t.Errorf("boom: %d", code)
	}
	if code := s.stop(t); code != 0 {
		t.Fatalf("exit %d", code)
	}
	if logs := s.errb.String(); !strings.Contains(logs, "pages/api/boom.ts:4:") {
		t.Errorf("the error's stack does not name the TypeScript source:\n%s", logs)
	}
}

// TestStartWarnsStaleBuild: a source edited after the build makes start
// warn, naming the file; the build still serves.
func TestStartWarnsStaleBuild(t *testing.T) {
	dir := writeProject(t, map[string]string{"pages/api/v.js": "export default (req, res) => res.send('built')"})
	runBuild(t, dir)
	if err := os.WriteFile(filepath.Join(dir, "pages/api/v.js"), []byte("export default (req, res) => res.send('edited')"), 0o644); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Second)
	if err := os.Chtimes(filepath.Join(dir, "pages/api/v.js"), later, later); err != nil {
		t.Fatal(err)
	}
	s := startRun(t, "--addr", "127.0.0.1:0", dir)
	if _, body := get(t, s.base+"/api/v"); body != "built" {
		t.Errorf("got %q", body)
	}
	if logs := s.errb.String(); !strings.Contains(logs, "build output is stale") || !strings.Contains(logs, "pages/api/v.js") {
		t.Errorf("no stale warning:\n%s", logs)
	}
	s.stop(t)
}

// TestStartCorruptBuildOutput: start refuses a corrupt output with an error
// that says what to do, rather than building from source.
func TestStartCorruptBuildOutput(t *testing.T) {
	dir := writeProject(t, map[string]string{"pages/api/v.js": "export default (req, res) => res.send('v')"})
	runBuild(t, dir)
	if err := os.WriteFile(filepath.Join(dir, ".gojaapi", "manifest.json"), []byte(`{"format": 1, "routes": [`), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	code := run([]string{"start", "--addr", "127.0.0.1:0", dir}, &out, &errb)
	if code != 1 || !strings.Contains(errb.String(), ".gojaapi/manifest.json") || !strings.Contains(errb.String(), "run gojaapi build again") {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
}

// TestBuildCommandErrors: build errors name the file and line; a folder
// without routes is an error; no output is left behind.
func TestBuildCommandErrors(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"build", "--help"}, &out, &errb); code != 0 || !strings.Contains(errb.String(), "Usage: gojaapi build") {
		t.Fatalf("--help: %d %s", code, errb.String())
	}
	errb.Reset()
	dir := writeProject(t, map[string]string{"pages/api/bad.ts": "export default (req, res) => {\n  res.json({)\n}\n"})
	if code := run([]string{"build", dir}, &out, &errb); code != 1 || !strings.Contains(errb.String(), "pages/api/bad.ts:2:") {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	errb.Reset()
	if code := run([]string{"build", t.TempDir()}, &out, &errb); code != 1 || !strings.Contains(errb.String(), "no pages/api") {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".gojaapi") {
			t.Errorf("a failed build left %s", e.Name())
		}
	}
}

// TestDevIgnoresBuildOutput: dev builds from source even with an output.
func TestDevIgnoresBuildOutput(t *testing.T) {
	dir := writeProject(t, map[string]string{"pages/api/v.js": "export default (req, res) => res.send('built')"})
	runBuild(t, dir)
	if err := os.WriteFile(filepath.Join(dir, "pages/api/v.js"), []byte("export default (req, res) => res.send('source ' + process.env.NODE_ENV)"), 0o644); err != nil {
		t.Fatal(err)
	}
	s := startCommand(t, "dev", "--addr", "127.0.0.1:0", dir)
	if _, body := get(t, s.base+"/api/v"); body != "source development" {
		t.Errorf("got %q", body)
	}
	if strings.Contains(s.errb.String(), "using build output") {
		t.Errorf("dev used the build output:\n%s", s.errb.String())
	}
	s.stop(t)
}

// TestSIGHUPLoadsNewBuild: a start serving a build output reloads the
// output on SIGHUP, not the sources: "gojaapi build && kill -HUP" deploys.
func TestSIGHUPLoadsNewBuild(t *testing.T) {
	dir := writeProject(t, map[string]string{"pages/api/v.js": "export default (req, res) => res.send('v1')"})
	runBuild(t, dir)
	s := startRun(t, "--addr", "127.0.0.1:0", dir)
	hup := func(reloads int) {
		t.Helper()
		if err := syscall.Kill(os.Getpid(), syscall.SIGHUP); err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 500 && strings.Count(s.errb.String(), "msg=reloaded") < reloads; i++ {
			time.Sleep(10 * time.Millisecond)
		}
		if strings.Count(s.errb.String(), "msg=reloaded") < reloads {
			t.Fatalf("no reload:\n%s", s.errb.String())
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "pages/api/v.js"), []byte("export default (req, res) => res.send('v2')"), 0o644); err != nil {
		t.Fatal(err)
	}
	hup(1)
	if _, body := get(t, s.base+"/api/v"); body != "v1" {
		t.Fatalf("SIGHUP before a new build: %q (want the old build)", body)
	}
	runBuild(t, dir)
	hup(2)
	if _, body := get(t, s.base+"/api/v"); body != "v2" {
		t.Fatalf("SIGHUP after a new build: %q", body)
	}
	if n := strings.Count(s.errb.String(), "using build output"); n != 3 {
		t.Errorf("%d lines about the build output, want 3 (start and two reloads):\n%s", n, s.errb.String())
	}
	if code := s.stop(t); code != 0 {
		t.Fatalf("exit %d", code)
	}
}

// BenchmarkBinaryStartFromBuild50 times the real binary, from process start
// to the first 200 response, serving the build output of a 50-route project
// ("source" builds at start instead, without the output).
func BenchmarkBinaryStartFromBuild50(b *testing.B) {
	bin := filepath.Join(b.TempDir(), "gojaapi")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	dir := b.TempDir()
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
	if out, err := exec.Command(bin, "build", dir).CombinedOutput(); err != nil {
		b.Fatalf("gojaapi build: %v\n%s", err, out)
	}
	startOnce := func(b *testing.B) {
		cmd := exec.Command(bin, "start", "--addr", "127.0.0.1:0", "--access-log=false", dir)
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			b.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			b.Fatal(err)
		}
		defer func() {
			b.StopTimer() // shutting down is not part of the start
			_ = cmd.Process.Signal(syscall.SIGTERM)
			_ = cmd.Wait()
			b.StartTimer()
		}()
		line, err := bufio.NewReader(stdout).ReadString('\n')
		base := regexp.MustCompile(`http://[0-9.:]+`).FindString(line)
		if err != nil || base == "" {
			b.Fatalf("no serving line: %q %v", line, err)
		}
		resp, err := http.Get(base + "/api/r7")
		if err != nil {
			b.Fatal(err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			b.Fatalf("status %d", resp.StatusCode)
		}
	}
	b.Run("build", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			startOnce(b)
		}
	})
	b.Run("source", func(b *testing.B) {
		b.StopTimer()
		if err := os.Rename(filepath.Join(dir, ".gojaapi"), filepath.Join(dir, "output-aside")); err != nil {
			b.Fatal(err)
		}
		defer os.Rename(filepath.Join(dir, "output-aside"), filepath.Join(dir, ".gojaapi"))
		b.StartTimer()
		for i := 0; i < b.N; i++ {
			startOnce(b)
		}
	})
}
