package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// End-to-end tests of the gojaapi binary: built once with go build, run as
// a child process, driven over HTTP and through the files of its project.

var (
	binOnce sync.Once
	binDir  string // the temporary folder holding the binary; removed by TestMain
	binPath string
	binErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// binary builds the gojaapi binary once per test run.
func binary(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		binDir, binErr = os.MkdirTemp("", "gojaapi-e2e-")
		if binErr != nil {
			return
		}
		binPath = filepath.Join(binDir, "gojaapi")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

// proc is a gojaapi binary serving a project.
type proc struct {
	base      string // the URL it printed
	out, errb *syncBuffer
}

// startBinary runs the binary with args (extra environment variables in
// env, the colour variables of the test's own environment removed) and
// waits for its "serving ... on http://ADDR" line. It is stopped with
// SIGTERM when the test ends.
func startBinary(t *testing.T, env []string, args ...string) *proc {
	t.Helper()
	cmd := exec.Command(binary(t), args...)
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "FORCE_COLOR=") && !strings.HasPrefix(kv, "NO_COLOR=") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(cmd.Env, env...)
	p := &proc{out: &syncBuffer{}, errb: &syncBuffer{}}
	cmd.Stdout, cmd.Stderr = p.out, p.errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-exited:
		case <-time.After(10 * time.Second):
			_ = cmd.Process.Kill()
			<-exited
			t.Errorf("gojaapi did not stop on SIGTERM:\n%s", p.errb)
		}
	})
	serving := regexp.MustCompile(`serving \d+ routes .* on (http://[0-9.:]+)`)
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if m := serving.FindStringSubmatch(p.out.String()); m != nil {
			p.base = m[1]
			return p
		}
		select {
		case err := <-exited:
			t.Fatalf("gojaapi exited (%v):\n%s\n%s", err, p.out, p.errb)
		case <-time.After(20 * time.Millisecond):
		}
	}
	t.Fatalf("gojaapi did not start:\n%s\n%s", p.out, p.errb)
	return nil
}

// reply is what a request got.
type reply struct {
	status int
	ctype  string
	body   string
}

// fetch GETs path with an optional Accept header.
func (p *proc) fetch(path, accept string) (reply, error) {
	req, err := http.NewRequest("GET", p.base+path, nil)
	if err != nil {
		return reply{}, err
	}
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return reply{}, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return reply{resp.StatusCode, resp.Header.Get("Content-Type"), string(b)}, err
}

// eventually polls path until ok accepts the reply (the watcher polls
// the files, so a change shows after some time), failing after a deadline.
func (p *proc) eventually(t *testing.T, what, path, accept string, ok func(reply) bool) reply {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	var last reply
	var err error
	for time.Now().Before(deadline) {
		last, err = p.fetch(path, accept)
		if err == nil && ok(last) {
			return last
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("%s: GET %s: last %d %q (err %v)\nstderr:\n%s", what, path, last.status, last.body, err, p.errb)
	return last
}

// logged polls the process's stderr until re matches it.
func (p *proc) logged(t *testing.T, what string, re *regexp.Regexp) string {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if m := re.FindString(p.errb.String()); m != "" {
			return m
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("%s: stderr does not match %s:\n%s", what, re, p.errb)
	return ""
}

// saveFile writes a project file, creating its folder.
func saveFile(t *testing.T, dir, name, src string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
}

// The .ts route whose error must be reported at its own line: types and
// blank lines make the TypeScript line differ from the compiled one.
const boomLine9TS = `interface Thing {
  name: string
}

type Maybe = Thing | undefined

export default function handler(req: any, res: any): void {
  const t: Maybe = undefined
  throw new Error('boom from ts ' + String(t))
}
`

// TestDevBinary drives a real gojaapi dev process through a session: edit a
// route, add one, delete it, break a file and fix it, change .env, and throw
// from a .ts route; each change shows in the next responses, and the log
// reads like next dev's.
func TestDevBinary(t *testing.T) {
	dir := t.TempDir()
	saveFile(t, dir, "pages/api/hello.js", "export default (req, res) => res.send('hello v1')")
	saveFile(t, dir, "pages/api/env.js", "export default (req, res) => res.send('greeting: ' + process.env.GREETING)")
	saveFile(t, dir, "pages/api/boom.ts", boomLine9TS)
	saveFile(t, dir, ".env", "GREETING=hi\n")
	p := startBinary(t, nil, "dev", "--addr", "127.0.0.1:0", "--workers", "2", dir)
	body := func(want string) func(reply) bool {
		return func(r reply) bool { return r.status == 200 && r.body == want }
	}

	p.eventually(t, "first answer", "/api/hello", "", body("hello v1"))
	p.eventually(t, "env", "/api/env", "", body("greeting: hi"))

	saveFile(t, dir, "pages/api/hello.js", "export default (req, res) => res.send('hello, edited')")
	p.eventually(t, "edited route", "/api/hello", "", body("hello, edited"))

	saveFile(t, dir, "pages/api/added.js", "export default (req, res) => res.json({ added: true })")
	p.eventually(t, "added route", "/api/added", "", body(`{"added":true}`))
	if err := os.Remove(filepath.Join(dir, "pages/api/added.js")); err != nil {
		t.Fatal(err)
	}
	p.eventually(t, "deleted route", "/api/added", "", func(r reply) bool { return r.status == 404 })

	// A syntax error: the broken route answers 500 with esbuild's
	// file:line, as HTML for a browser and JSON for a client asking for it.
	saveFile(t, dir, "pages/api/hello.js", "export default (req, res) => {\n  res.send('broken'\n}\n")
	html := p.eventually(t, "broken route (HTML)", "/api/hello", "text/html,application/xhtml+xml", func(r reply) bool { return r.status == 500 })
	if !strings.HasPrefix(html.ctype, "text/html") || !strings.Contains(html.body, "pages/api/hello.js:3:") {
		t.Errorf("HTML build error: %s %q", html.ctype, html.body)
	}
	js, err := p.fetch("/api/hello", "application/json")
	if err != nil {
		t.Fatal(err)
	}
	var build struct {
		Error struct {
			Message string
			Errors  []struct {
				File string
				Line int
			}
		}
	}
	if err := json.Unmarshal([]byte(js.body), &build); err != nil || js.status != 500 || !strings.HasPrefix(js.ctype, "application/json") ||
		len(build.Error.Errors) == 0 || build.Error.Errors[0].File != "pages/api/hello.js" || build.Error.Errors[0].Line != 3 {
		t.Errorf("JSON build error: %d %s %q (%v)", js.status, js.ctype, js.body, err)
	}
	p.logged(t, "build error log", regexp.MustCompile(`(?m)^ ⨯ build failed.*\n(.*\n)*pages/api/hello\.js:3:\d+: `))
	// The other routes keep serving meanwhile.
	p.eventually(t, "unbroken route", "/api/env", "", body("greeting: hi"))
	saveFile(t, dir, "pages/api/hello.js", "export default (req, res) => res.send('hello, fixed')")
	p.eventually(t, "fixed route", "/api/hello", "", body("hello, fixed"))

	saveFile(t, dir, ".env", "GREETING=good morning\n")
	p.eventually(t, "changed .env", "/api/env", "", body("greeting: good morning"))

	p.eventually(t, "thrown error", "/api/boom", "", func(r reply) bool { return r.status == 500 })
	p.logged(t, "stack of the .ts error", regexp.MustCompile(`(?m)^ ⨯ Error: boom from ts undefined.*\n\s+at handler \(pages/api/boom\.ts:9:\d+`))

	// The request lines, plain: stderr is a pipe.
	p.logged(t, "request line", regexp.MustCompile(`(?m)^ GET /api/boom 500 in [0-9.]+m?s$`))
	p.logged(t, "request line", regexp.MustCompile(`(?m)^ GET /api/hello 200 in [0-9.]+m?s$`))
	if strings.Contains(p.errb.String(), "\x1b") {
		t.Errorf("escape codes on a pipe:\n%q", p.errb)
	}
}

// TestDevLogFormats: the dev log with colours forced, and --log-format json
// (valid JSON on every line), from the binary.
func TestDevLogFormats(t *testing.T) {
	dir := t.TempDir()
	saveFile(t, dir, "pages/api/hi.js", "export default (req, res) => { console.log('said hi'); res.status(201).send('hi') }")
	saveFile(t, dir, "pages/api/gone.js", "export default (req, res) => res.status(404).end()")

	t.Run("FORCE_COLOR", func(t *testing.T) {
		p := startBinary(t, []string{"FORCE_COLOR=1"}, "dev", "--addr", "127.0.0.1:0", dir)
		p.eventually(t, "hi", "/api/hi", "", func(r reply) bool { return r.status == 201 })
		p.eventually(t, "gone", "/api/gone", "", func(r reply) bool { return r.status == 404 })
		p.logged(t, "green 201", regexp.MustCompile(`GET\x1b\[0m /api/hi \x1b\[32m201\x1b\[0m`))
		p.logged(t, "yellow 404", regexp.MustCompile(`GET\x1b\[0m /api/gone \x1b\[33m404\x1b\[0m`))
		p.logged(t, "console line as written", regexp.MustCompile(`(?m)^said hi$`))
	})

	t.Run("NO_COLOR", func(t *testing.T) {
		p := startBinary(t, []string{"NO_COLOR=1"}, "dev", "--addr", "127.0.0.1:0", dir)
		p.eventually(t, "hi", "/api/hi", "", func(r reply) bool { return r.status == 201 })
		p.logged(t, "plain line", regexp.MustCompile(`(?m)^ GET /api/hi 201 in `))
		if strings.Contains(p.errb.String(), "\x1b") {
			t.Errorf("escape codes with NO_COLOR:\n%q", p.errb)
		}
	})

	for _, cmd := range []string{"dev", "start"} {
		t.Run("json "+cmd, func(t *testing.T) {
			p := startBinary(t, []string{"FORCE_COLOR=1"}, cmd, "--addr", "127.0.0.1:0", "--log-format", "json", dir)
			p.eventually(t, "hi", "/api/hi", "", func(r reply) bool { return r.status == 201 })
			p.logged(t, "access record", regexp.MustCompile(`"msg":"request".*"path":"/api/hi"`))
			p.logged(t, "console record", regexp.MustCompile(`"msg":"said hi","source":"console"`))
			for _, line := range strings.Split(strings.TrimSpace(p.errb.String()), "\n") {
				var rec map[string]any
				if err := json.Unmarshal([]byte(line), &rec); err != nil {
					t.Errorf("not JSON: %q", line)
				}
			}
		})
	}
}
