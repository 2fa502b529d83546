package loader

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/dop251/goja"
)

// writeOutputProject builds a project from files and writes its output.
func writeOutputProject(t *testing.T, files map[string]string) (dir string, b *Bundle) {
	t.Helper()
	dir = writeProject(t, files)
	routes, err := Discover(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	b, err = Build(BuildOptions{Dir: dir, Routes: routes, External: []string{"app:kv"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := WriteOutput(dir, b); err != nil {
		t.Fatal(err)
	}
	return dir, b
}

func readOutputDir(dir string) (*Bundle, *Manifest, error) {
	return ReadOutput(os.DirFS(filepath.Join(dir, OutputDir)))
}

func TestOutputRoundTrip(t *testing.T) {
	dir, built := writeOutputProject(t, map[string]string{
		"pages/api/index.js":              "export default () => 'index'",
		"pages/api/boom.ts":               "type T = { a: number }\n\nexport default function handler() {\n  const t: T = { a: 1 }\n  throw new Error('boom ' + t.a)\n}\n",
		"pages/api/user/[id].js":          "export default () => 'user'",
		"pages/api/user/new.js":           "export default () => 'new'",
		"pages/api/docs/[...slug].js":     "export default () => 'docs'",
		"pages/api/opt/[[...rest]].js":    "export default () => 'opt'",
		"pages/api/a[b].js":               "export default () => 'odd name'",
		"node_modules/dep/index.js":       "module.exports = 1",
		"pages/api/dep.js":                "import kv from 'app:kv'\nimport dep from 'dep'\nexport default () => dep + kv",
		"pages/api/nested/index/index.js": "export default () => 'nested'",
	})
	b, m, err := readOutputDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	want, err := Discover(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(b.Routes, want) {
		t.Fatalf("routes read back differ from Discover's:\n got %+v\nwant %+v", b.Routes, want)
	}
	if !reflect.DeepEqual(NewRouter(b.Routes).Order(), NewRouter(want).Order()) {
		t.Fatal("router order differs")
	}
	if m.Format != OutputFormat || m.NodeEnv != "production" || !m.Built.Equal(built.Built) || m.Gojaapi == "" {
		t.Errorf("manifest: %+v", m)
	}
	if !reflect.DeepEqual(b.External, []string{"app:kv"}) || !reflect.DeepEqual(b.Inputs, built.Inputs) || b.Code != built.Code {
		t.Errorf("bundle read back: external %v inputs %v", b.External, b.Inputs)
	}
	if !strings.Contains(strings.Join(m.Inputs, " "), "node_modules/dep/index.js") {
		t.Errorf("inputs lack the package: %v", m.Inputs)
	}

	// The stack of an error thrown by the bundle read back names the source.
	var boom int
	for i, r := range b.Routes {
		if r.File == "pages/api/boom.ts" {
			boom = i
		}
	}
	vm, mod := loadRoute(t, b, boom)
	h, _ := goja.AssertFunction(mod.Get("default"))
	_, err = h(nil)
	var ex *goja.Exception
	if !errors.As(err, &ex) {
		t.Fatalf("want an exception, got %v", err)
	}
	if stack := ex.Value().ToObject(vm).Get("stack").String(); !strings.Contains(stack, "pages/api/boom.ts:5:") {
		t.Fatalf("stack does not name the source file and line:\n%s", stack)
	}
}

// TestWriteOutputReplaces: a second build replaces the first whole and
// leaves no temporary folder behind.
func TestWriteOutputReplaces(t *testing.T) {
	dir, _ := writeOutputProject(t, map[string]string{"pages/api/v.js": "export default () => 'one'"})
	if err := os.WriteFile(filepath.Join(dir, "pages/api/v.js"), []byte("export default () => 'two'"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "pages/api/w.js"), []byte("export default () => 'w'"), 0o644); err != nil {
		t.Fatal(err)
	}
	routes, _ := Discover(os.DirFS(dir))
	b, err := Build(BuildOptions{Dir: dir, Routes: routes})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := WriteOutput(dir, b); err != nil {
		t.Fatal(err)
	}
	got, m, err := readOutputDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Routes) != 2 || !strings.Contains(got.Code, "two") || strings.Contains(got.Code, "one") {
		t.Fatalf("second build not in place: %d routes", len(m.Routes))
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), OutputDir) && e.Name() != OutputDir {
			t.Errorf("left behind: %s", e.Name())
		}
	}
	files, _ := os.ReadDir(filepath.Join(dir, OutputDir))
	var names []string
	for _, f := range files {
		names = append(names, f.Name())
	}
	if strings.Join(names, " ") != "manifest.json server.js" {
		t.Errorf("output files: %v", names)
	}
}

func TestReadOutputErrors(t *testing.T) {
	cases := []struct {
		name  string
		spoil func(t *testing.T, out string)
		want  string
	}{
		{"corrupt manifest", func(t *testing.T, out string) { overwrite(t, out, "manifest.json", "{\"format\": 1, \"rou") }, "unexpected end of JSON input"},
		{"other format", func(t *testing.T, out string) { edit(t, out, "manifest.json", `"format": 1`, `"format": 99`) }, "format 99"},
		{"changed bundle", func(t *testing.T, out string) { edit(t, out, "server.js", `"one"`, `"eno"`) }, "does not match the manifest's checksum"},
		{"missing bundle", func(t *testing.T, out string) { os.Remove(filepath.Join(out, "server.js")) }, "server.js"},
		{"bad route", func(t *testing.T, out string) { edit(t, out, "manifest.json", `"page": "/api/v"`, `"page": "/v"`) }, "is not an API route"},
		{"bad index", func(t *testing.T, out string) { edit(t, out, "manifest.json", `"index": 0`, `"index": 3`) }, "index 3 at position 0"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir, _ := writeOutputProject(t, map[string]string{"pages/api/v.js": "export default () => 'one'"})
			c.spoil(t, filepath.Join(dir, OutputDir))
			_, _, err := readOutputDir(dir)
			if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "run gojaapi build again") {
				t.Fatalf("got %v, want an error with %q that says to build again", err, c.want)
			}
			if errors.Is(err, fs.ErrNotExist) {
				t.Fatalf("an unusable output reads as a missing one: %v", err)
			}
		})
	}
	_, _, err := ReadOutput(os.DirFS(t.TempDir()))
	if !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("no output: %v", err)
	}
}

func overwrite(t *testing.T, dir, name, content string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func edit(t *testing.T, dir, name, old, new string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), old) {
		t.Fatalf("%s lacks %q:\n%s", name, old, b)
	}
	overwrite(t, dir, name, strings.Replace(string(b), old, new, 1))
}

func TestStaleSource(t *testing.T) {
	dir, _ := writeOutputProject(t, map[string]string{
		"pages/api/a.js":            "import { x } from '../../lib/x'\nimport dep from 'dep'\nexport default () => x + dep",
		"lib/x.js":                  "export const x = 1",
		"node_modules/dep/index.js": "module.exports = 2",
	})
	_, m, err := readOutputDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	fsys := os.DirFS(dir)
	if got := m.StaleSource(fsys); got != "" {
		t.Fatalf("fresh build reported stale: %s", got)
	}
	later := time.Now().Add(time.Minute)
	if err := os.Chtimes(filepath.Join(dir, "node_modules/dep/index.js"), later, later); err != nil {
		t.Fatal(err)
	}
	if got := m.StaleSource(fsys); got != "" {
		t.Fatalf("a newer node_modules file counts: %s", got)
	}
	if err := os.Chtimes(filepath.Join(dir, "lib/x.js"), later, later); err != nil {
		t.Fatal(err)
	}
	if got := m.StaleSource(fsys); got != "lib/x.js" {
		t.Fatalf("newer library file: %q", got)
	}
	if got := m.StaleSource(os.DirFS(filepath.Join(dir, OutputDir))); got != "" {
		t.Fatalf("without the sources: %q", got)
	}

	m.Built = later.Add(time.Minute)
	overwrite(t, dir, "pages/api/b.js", "export default () => 'b'")
	if got := m.StaleSource(fsys); got != "pages/api/b.js (a route not in the build)" {
		t.Fatalf("added route: %q", got)
	}
	os.Remove(filepath.Join(dir, "pages/api/b.js"))
	os.Remove(filepath.Join(dir, "pages/api/a.js"))
	overwrite(t, dir, "pages/api/c.js", "export default () => 'c'")
	os.Chtimes(filepath.Join(dir, "pages/api/c.js"), time.Now().Add(-time.Hour), time.Now().Add(-time.Hour))
	m.Routes = append(m.Routes, OutputRoute{Page: "/api/c", File: "pages/api/c.js", Index: 1})
	if got := m.StaleSource(fsys); got != "pages/api/a.js (a route removed since the build)" {
		t.Fatalf("removed route: %q", got)
	}
}

// TestBuilderRebuilds: the incremental builder sees edits, new imports and
// new routes, and gives the same code as a fresh build.
func TestBuilderRebuilds(t *testing.T) {
	dir := writeProject(t, map[string]string{
		"pages/api/a.js": "import { x } from '../../lib/x'\nexport default () => x",
		"lib/x.js":       "export const x = 'first'",
	})
	var bld Builder
	defer bld.Close()
	build := func() *Bundle {
		t.Helper()
		routes, err := Discover(os.DirFS(dir))
		if err != nil {
			t.Fatal(err)
		}
		b, err := bld.Build(BuildOptions{Dir: dir, Routes: routes})
		if err != nil {
			t.Fatal(err)
		}
		fresh, err := Build(BuildOptions{Dir: dir, Routes: routes})
		if err != nil {
			t.Fatal(err)
		}
		if b.Code != fresh.Code || !reflect.DeepEqual(b.Inputs, fresh.Inputs) {
			t.Fatalf("incremental and fresh builds differ:\n%s\n---\n%s", b.Code, fresh.Code)
		}
		return b
	}
	if b := build(); !strings.Contains(b.Code, "first") {
		t.Fatal("first build")
	}
	ctx := bld.ctx
	overwrite(t, dir, "lib/x.js", "export { y as x } from './y'")
	overwrite(t, dir, "lib/y.js", "export const y = 'second'")
	if b := build(); !strings.Contains(b.Code, "second") || len(b.Inputs) != 3 {
		t.Fatalf("edit not seen: %v", b.Inputs)
	}
	if bld.ctx != ctx {
		t.Error("context replaced though the routes did not change")
	}
	overwrite(t, dir, "pages/api/b.js", "export default () => 'b'")
	if b := build(); len(b.Routes) != 2 {
		t.Fatalf("new route: %d routes", len(b.Routes))
	}
	if bld.ctx == ctx {
		t.Error("context kept though a route was added")
	}
	overwrite(t, dir, "lib/y.js", "export const y = (")
	routes, _ := Discover(os.DirFS(dir))
	if _, err := bld.Build(BuildOptions{Dir: dir, Routes: routes}); err == nil || !strings.Contains(err.Error(), "lib/y.js:1:") {
		t.Fatalf("broken file: %v", err)
	}
	overwrite(t, dir, "lib/y.js", "export const y = 'third'")
	if b := build(); !strings.Contains(b.Code, "third") {
		t.Fatal("fixed file not seen")
	}
	bld.Close()
	if bld.ctx != nil {
		t.Fatal("context kept after Close")
	}
}

// TestWriteOutputWhileReading: a reader going through the open output folder
// sees a whole build, old or new, while builds are swapped in; at worst the
// folder it opened has been removed.
func TestWriteOutputWhileReading(t *testing.T) {
	dir, one := writeOutputProject(t, map[string]string{"pages/api/a.js": "export default () => 'a'"})
	if err := os.WriteFile(filepath.Join(dir, "pages/api/b.js"), []byte("export default () => 'b'"), 0o644); err != nil {
		t.Fatal(err)
	}
	routes, _ := Discover(os.DirFS(dir))
	two, err := Build(BuildOptions{Dir: dir, Routes: routes})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := 0; i < 40; i++ {
			b := one
			if i%2 == 0 {
				b = two
			}
			if _, err := WriteOutput(dir, b); err != nil {
				t.Error(err)
				return
			}
		}
	}()
	var reads int
	for {
		select {
		case <-done:
			if reads == 0 {
				t.Error("no read succeeded")
			}
			return
		default:
		}
		root, err := os.OpenRoot(filepath.Join(dir, OutputDir))
		if err != nil {
			continue // between two renames, on systems without an exchange
		}
		b, _, err := ReadOutput(root.FS())
		root.Close()
		switch {
		case err != nil && strings.Contains(err.Error(), "no such file"):
			// the folder was removed after we opened it
		case err != nil:
			t.Errorf("read a mixed or partial output: %v", err)
			<-done
			return
		case (len(b.Routes) == 2) != strings.Contains(b.Code, `"b"`):
			t.Errorf("%d routes with code of the other build", len(b.Routes))
			<-done
			return
		default:
			reads++
		}
	}
}
