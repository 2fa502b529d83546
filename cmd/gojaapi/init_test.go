package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/gojaapi/gojaapi/types"
	"github.com/gojaapi/gojaapi/types/typestest"
)

// scaffolded is every file gojaapi init writes into an empty folder.
var scaffolded = []string{"pages/api/hello.ts", "tsconfig.json", types.FileName, ".gitignore", "README.md"}

// initDir runs gojaapi init on a new folder (created by init) and returns it.
func initDir(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "app")
	var out, errb bytes.Buffer
	if code := run([]string{"init", dir}, &out, &errb); code != 0 {
		t.Fatalf("init: exit %d: %s", code, errb.String())
	}
	for _, f := range scaffolded {
		if !regexp.MustCompile(`(?m)^  created  ` + regexp.QuoteMeta(f) + `$`).MatchString(out.String()) {
			t.Errorf("init does not say it created %s:\n%s", f, out.String())
		}
	}
	if !strings.Contains(out.String(), "gojaapi dev "+dir) {
		t.Errorf("init does not print the next command:\n%s", out.String())
	}
	return dir
}

// TestInitServes: the project init writes is served at once by gojaapi dev,
// including an import through tsconfig.json's "@/*" path.
func TestInitServes(t *testing.T) {
	dir := initDir(t)
	for name, src := range map[string]string{
		"lib/answer.ts":      "export const answer: number = 42\n",
		"pages/api/paths.ts": "import { answer } from '@/lib/answer'\nexport default (req: unknown, res: { json(v: unknown): void }) => res.json({ answer })\n",
	} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s := startCommand(t, "dev", "--addr", "127.0.0.1:0", dir)
	for path, want := range map[string]string{
		"/api/hello":          `{"message":"Hello, world!"}`,
		"/api/hello?name=you": `{"message":"Hello, you!"}`,
		"/api/paths":          `{"answer":42}`,
	} {
		if code, body := get(t, s.base+path); code != 200 || body != want {
			t.Errorf("GET %s: %d %s, want 200 %s", path, code, body, want)
		}
	}
	if code := s.stop(t); code != 0 {
		t.Fatalf("exit %d: %s", code, s.errb.String())
	}
}

// TestInitTypechecks: the project init writes typechecks with the real
// TypeScript compiler and its tsconfig.json (strict), and a route that
// misuses the types does not.
func TestInitTypechecks(t *testing.T) {
	dir := initDir(t)
	typestest.Link(t, dir, false)
	if out, ok := typestest.Check(t, dir); !ok {
		t.Fatalf("the scaffolded project does not typecheck:\n%s", out)
	}
	wrong := "import type { NextApiRequest, NextApiResponse } from 'next'\n" +
		"export default (req: NextApiRequest, res: NextApiResponse<{ message: string }>) => res.json({ message: req.query.name })\n"
	if err := os.WriteFile(filepath.Join(dir, "pages", "api", "wrong.ts"), []byte(wrong), 0o644); err != nil {
		t.Fatal(err)
	}
	out, ok := typestest.Check(t, dir)
	if ok || !regexp.MustCompile(`(?m)^pages/api/wrong\.ts\(2,\d+\): error TS2322:`).MatchString(out) {
		t.Fatalf("a route misusing the types: ok=%v\n%s", ok, out)
	}
}

// TestInitKeepsFiles: init never overwrites a file, says which it kept, and
// adds no sample route to a project that has routes.
func TestInitKeepsFiles(t *testing.T) {
	dir := initDir(t)
	mine := []byte("// mine\n")
	for _, f := range scaffolded {
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(f)), mine, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var out, errb bytes.Buffer
	if code := run([]string{"init", dir}, &out, &errb); code != 0 {
		t.Fatalf("second init: exit %d: %s", code, errb.String())
	}
	if strings.Contains(out.String(), "created") {
		t.Errorf("second init created files:\n%s", out.String())
	}
	for _, f := range []string{"pages/api", "tsconfig.json", types.FileName, ".gitignore", "README.md"} {
		if !strings.Contains(out.String(), "  kept     "+f+" (") {
			t.Errorf("second init does not say it kept %s:\n%s", f, out.String())
		}
	}
	for _, f := range scaffolded {
		if b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f))); err != nil || !bytes.Equal(b, mine) {
			t.Errorf("%s was overwritten: %q %v", f, b, err)
		}
	}
	if !strings.Contains(out.String(), "make sure its include covers "+types.FileName) ||
		!strings.Contains(out.String(), "consider adding node_modules/ and .gojaapi/") {
		t.Errorf("no advice on the kept tsconfig.json and .gitignore:\n%s", out.String())
	}

	// An existing project with its routes in src/pages/api gets the missing
	// files and no pages/api (which would take precedence over its routes).
	dir = writeProject(t, map[string]string{"src/pages/api/users.js": "export default (req, res) => res.json([])"})
	out.Reset()
	if code := run([]string{"init", dir}, &out, &errb); code != 0 {
		t.Fatalf("init in a project: exit %d: %s", code, errb.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "pages")); err == nil {
		t.Error("init added pages/ to a project with src/pages/api")
	}
	for _, f := range scaffolded[1:] {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("init did not add %s to a project: %v", f, err)
		}
	}
	if !strings.Contains(out.String(), "kept     src/pages/api (it has routes") || strings.Contains(out.String(), "api/hello") {
		t.Errorf("init in a project:\n%s", out.String())
	}
}

// TestTypesCommand: gojaapi types writes the declaration file, replacing an
// old one, and says when it is up to date.
func TestTypesCommand(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, types.FileName)
	if err := os.WriteFile(p, []byte("// from an older gojaapi\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"wrote " + p, p + " is up to date"} {
		var out, errb bytes.Buffer
		if code := run([]string{"types", dir}, &out, &errb); code != 0 || strings.TrimSpace(out.String()) != want {
			t.Fatalf("types: exit %d, %q (want %q) %s", code, out.String(), want, errb.String())
		}
		if b, err := os.ReadFile(p); err != nil || !bytes.Equal(b, types.Source()) {
			t.Fatalf("%s not rewritten: %v", p, err)
		}
	}
	var out, errb bytes.Buffer
	if code := run([]string{"types", filepath.Join(dir, "missing")}, &out, &errb); code != 1 || !strings.Contains(errb.String(), "is not a folder") {
		t.Errorf("types on a missing folder: exit %d, %q", code, errb.String())
	}
}

func TestInitTypesUsage(t *testing.T) {
	for _, cmd := range []string{"init", "types"} {
		var out, errb bytes.Buffer
		if code := run([]string{cmd, "--help"}, &out, &errb); code != 0 || !strings.Contains(errb.String(), "Usage: gojaapi "+cmd+" [DIR]") {
			t.Errorf("%s --help: exit %d, %q", cmd, code, errb.String())
		}
		errb.Reset()
		if code := run([]string{cmd, "a", "b"}, &out, &errb); code != 2 || !strings.Contains(errb.String(), "one folder at most") {
			t.Errorf("%s a b: exit %d, %q", cmd, code, errb.String())
		}
	}
}
