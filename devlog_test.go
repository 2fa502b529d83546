package gojaapi

import (
	"bytes"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// waitFor polls until logs contain every string in want.
func waitFor(t *testing.T, logs *logBuffer, want ...string) string {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		s := logs.String()
		missing := ""
		for _, w := range want {
			if !strings.Contains(s, w) {
				missing = w
				break
			}
		}
		if missing == "" {
			return s
		}
		if time.Now().After(deadline) {
			t.Fatalf("log lacks %q:\n%s", missing, s)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

var devLogProject = map[string]string{
	"pages/api/hello.js": "export default (req, res) => { console.log('hello from', req.query.who); res.status(201).json({ ok: true }) }",
	"pages/api/boom.ts": `export default function handler(req: any, res: any) {
  const n: number = 1
  throw new Error('boom ' + n)
}
`,
	"pages/api/missing.js": "export default (req, res) => res.status(404).end()",
}

// TestDevLogPlain: a dev log to a pipe or a file is plain text, one line per
// request with method, path, status and duration; console output as written;
// a handler's error behind its mark, with its stack.
func TestDevLogPlain(t *testing.T) {
	t.Setenv("FORCE_COLOR", "")
	os.Unsetenv("FORCE_COLOR")
	logs := &logBuffer{}
	color := UseColor(logs)
	if color {
		t.Fatal("UseColor is true for a buffer")
	}
	dir := projectDir(t, devLogProject)
	base, _, _ := testServer(t, Options{Dir: dir, Workers: 1, Dev: true, AccessLog: true,
		Logger: slog.New(NewDevLogHandler(logs, &DevLogOptions{Color: color}))})
	do(t, "GET", base+"/api/hello?who=me", "")
	do(t, "GET", base+"/api/boom", "")
	do(t, "GET", base+"/api/missing", "")
	do(t, "GET", base+"/api/nowhere", "")
	out := waitFor(t, logs, " GET /api/hello 201 in ", " GET /api/boom 500 in ", " GET /api/missing 404 in ", " GET /api/nowhere 404 in ")
	if strings.Contains(out, "\x1b") {
		t.Errorf("escape codes in plain output:\n%q", out)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	requestLine := regexp.MustCompile(`^ (GET) (/api/\w+) (\d{3}) in [0-9.]+(ms|s)$`)
	n := 0
	for _, l := range lines {
		if requestLine.MatchString(l) {
			n++
		}
	}
	if n != 4 {
		t.Errorf("%d request lines, want 4:\n%s", n, out)
	}
	if !regexp.MustCompile(`(?m)^hello from me$`).MatchString(out) {
		t.Errorf("console.log line not printed as written:\n%s", out)
	}
	if !regexp.MustCompile(`(?m)^ ⨯ Error: boom 1 .*route=.*\n\s+at .*pages/api/boom\.ts:3:`).MatchString(out) {
		t.Errorf("handler error not shown with its mark and stack:\n%s", out)
	}
}

// TestDevLogColor: with FORCE_COLOR, even a buffer gets colours: the status
// by its class, the error mark.
func TestDevLogColor(t *testing.T) {
	t.Setenv("FORCE_COLOR", "1")
	logs := &logBuffer{}
	if !UseColor(logs) {
		t.Fatal("FORCE_COLOR=1 does not turn colours on")
	}
	dir := projectDir(t, devLogProject)
	base, _, _ := testServer(t, Options{Dir: dir, Workers: 1, Dev: true, AccessLog: true,
		Logger: slog.New(NewDevLogHandler(logs, &DevLogOptions{Color: UseColor(logs)}))})
	do(t, "GET", base+"/api/hello", "")
	do(t, "GET", base+"/api/missing", "")
	do(t, "GET", base+"/api/boom", "")
	out := waitFor(t, logs, "/api/hello", "/api/missing", "/api/boom ")
	for _, want := range []string{ansiGreen + "201" + ansiReset, ansiYellow + "404" + ansiReset, ansiRed + "500" + ansiReset, ansiRed + "⨯" + ansiReset} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in:\n%q", want, out)
		}
	}
}

func TestUseColor(t *testing.T) {
	devNull, err := os.Open(os.DevNull) // a character device, as a terminal is
	if err != nil {
		t.Fatal(err)
	}
	defer devNull.Close()
	file, err := os.Create(filepath.Join(t.TempDir(), "log"))
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	cases := []struct {
		name string
		w    any
		env  map[string]string
		want bool
	}{
		{"char device", devNull, nil, true},
		{"regular file", file, nil, false},
		{"pipe", w, nil, false},
		{"buffer", &bytes.Buffer{}, nil, false},
		{"NO_COLOR", devNull, map[string]string{"NO_COLOR": "1"}, false},
		{"empty NO_COLOR", devNull, map[string]string{"NO_COLOR": ""}, true},
		{"dumb terminal", devNull, map[string]string{"TERM": "dumb"}, false},
		{"FORCE_COLOR on a pipe", w, map[string]string{"FORCE_COLOR": "1"}, true},
		{"empty FORCE_COLOR", w, map[string]string{"FORCE_COLOR": ""}, true},
		{"FORCE_COLOR over NO_COLOR", w, map[string]string{"FORCE_COLOR": "true", "NO_COLOR": "1"}, true},
		{"FORCE_COLOR=0", devNull, map[string]string{"FORCE_COLOR": "0"}, false},
		{"FORCE_COLOR=false", devNull, map[string]string{"FORCE_COLOR": "false"}, false},
	}
	for _, c := range cases {
		lookup := func(k string) (string, bool) { v, ok := c.env[k]; return v, ok }
		out, _ := c.w.(interface{ Write([]byte) (int, error) })
		if got := useColor(out, lookup); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

// TestDevLogRecords: levels, attributes (WithAttrs, groups), multi-line
// messages and the level filter.
func TestDevLogRecords(t *testing.T) {
	var b bytes.Buffer
	l := slog.New(NewDevLogHandler(&b, &DevLogOptions{Level: slog.LevelInfo}))
	l.Debug("hidden")
	l.Info("reloaded", "routes", 3, "took", 12*time.Millisecond)
	l.With("worker", 1).WithGroup("g").Warn("careful", "why", "two words")
	l.Error("build failed\npages/api/a.js:1:2: oops\n    1 | x(\n", "n", 1)
	l.Info("said", "source", "console", "route", "/api/x") // console output: as written
	want := " ✓ reloaded routes=3 took=12ms\n" +
		" ⚠ careful worker=1 g.why=\"two words\"\n" +
		" ⨯ build failed n=1\npages/api/a.js:1:2: oops\n    1 | x(\n" +
		"said\n"
	if b.String() != want {
		t.Errorf("got\n%q\nwant\n%q", b.String(), want)
	}
}

func TestDevDuration(t *testing.T) {
	for d, want := range map[time.Duration]string{
		400 * time.Microsecond:  "0.4ms",
		3210 * time.Microsecond: "3.2ms",
		12 * time.Millisecond:   "12ms",
		999 * time.Millisecond:  "999ms",
		1500 * time.Millisecond: "1.5s",
	} {
		if got := devDuration(d); got != want {
			t.Errorf("%s: %q, want %q", d, got, want)
		}
	}
}

// projectDir writes files (path: source) into a new project folder.
func projectDir(t *testing.T, files map[string]string) string {
	t.Helper()
	m := fstest.MapFS{}
	for name, src := range files {
		m[name] = &fstest.MapFile{Data: []byte(src)}
	}
	dir := t.TempDir()
	writeFiles(t, dir, m)
	return dir
}
