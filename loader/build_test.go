package loader

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dop251/goja"
)

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

func buildProject(t *testing.T, files map[string]string) (*Bundle, error) {
	t.Helper()
	dir := writeProject(t, files)
	routes, err := Discover(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	return Build(BuildOptions{Dir: dir, Routes: routes})
}

// loadRoute runs the bundle in a fresh runtime and returns route i's exports.
func loadRoute(t *testing.T, b *Bundle, i int) (*goja.Runtime, *goja.Object) {
	t.Helper()
	vm := goja.New()
	fn, err := vm.RunProgram(b.Program)
	if err != nil {
		t.Fatal(err)
	}
	module := vm.NewObject()
	exports := vm.NewObject()
	_ = module.Set("exports", exports)
	call, _ := goja.AssertFunction(fn)
	if _, err := call(nil, exports, vm.ToValue(func(name string) goja.Value { panic(vm.NewGoError(os.ErrNotExist)) }), module); err != nil {
		t.Fatal(err)
	}
	loaders := module.Get("exports").ToObject(vm)
	load, _ := goja.AssertFunction(loaders.Get(itoa(i)))
	v, err := load(nil)
	if err != nil {
		t.Fatal(err)
	}
	return vm, v.ToObject(vm)
}

func itoa(i int) string { return string(rune('0' + i)) }

func TestBuildStackTracePointsAtSource(t *testing.T) {
	b, err := buildProject(t, map[string]string{
		"pages/api/boom.ts": "import type { NextApiRequest } from 'next'\n\ntype T = { a: number }\nexport default function handler(req: NextApiRequest) {\n  const t: T = { a: 1 }\n  throw new Error('boom ' + t.a)\n}\n",
	})
	if err != nil {
		t.Fatal(err)
	}
	vm, mod := loadRoute(t, b, 0)
	h, ok := goja.AssertFunction(mod.Get("default"))
	if !ok {
		t.Fatal("no default export")
	}
	_, err = h(nil, vm.NewObject())
	ex, ok := err.(*goja.Exception)
	if !ok {
		t.Fatalf("want exception, got %v", err)
	}
	stack := ex.Value().ToObject(vm).Get("stack").String()
	if !strings.Contains(stack, "pages/api/boom.ts:6:") {
		t.Fatalf("stack does not name the source file and line:\n%s", stack)
	}
}

func TestBuildSharedModuleEvaluatedOnce(t *testing.T) {
	b, err := buildProject(t, map[string]string{
		"lib/count.js":    "globalThis.evals = (globalThis.evals || 0) + 1\nexport const n = 1\n",
		"pages/api/a.js":  "import { n } from '../../lib/count'\nexport default () => n",
		"pages/api/b.js":  "const { n } = require('../../lib/count')\nmodule.exports = () => n",
		"pages/api/c.mjs": "export default 1",
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Routes) != 2 {
		t.Fatalf("want 2 routes (.mjs is not a route), got %d", len(b.Routes))
	}
	vm, _ := loadRoute(t, b, 0)
	_ = vm
	// Both routes in the same runtime:
	vm2 := goja.New()
	fn, _ := vm2.RunProgram(b.Program)
	module := vm2.NewObject()
	_ = module.Set("exports", vm2.NewObject())
	call, _ := goja.AssertFunction(fn)
	if _, err := call(nil, module.Get("exports"), goja.Undefined(), module); err != nil {
		t.Fatal(err)
	}
	loaders := module.Get("exports").ToObject(vm2)
	for _, k := range []string{"0", "1"} {
		load, _ := goja.AssertFunction(loaders.Get(k))
		if _, err := load(nil); err != nil {
			t.Fatal(err)
		}
	}
	if got := vm2.Get("evals").ToInteger(); got != 1 {
		t.Fatalf("shared module evaluated %d times, want 1", got)
	}
}

func TestBuildErrorNamesFileAndLine(t *testing.T) {
	_, err := buildProject(t, map[string]string{
		"pages/api/bad.js":  "export default function (req, res) {\n  res.json({ a: 1 }\n}\n",
		"pages/api/miss.js": "import x from './nope'\nexport default x\n",
	})
	if err == nil {
		t.Fatal("want a build error")
	}
	msg := err.Error()
	for _, want := range []string{"pages/api/bad.js:3:1", "pages/api/miss.js:1:15", `Could not resolve "./nope"`} {
		if !strings.Contains(msg, want) {
			t.Errorf("error lacks %q:\n%s", want, msg)
		}
	}
}

func TestBuildWarnsOnUnicodePropertyEscapes(t *testing.T) {
	b, err := buildProject(t, map[string]string{
		"pages/api/re.js": "const letters = /\\p{L}+/u\nexport default (req, res) => res.json({ ok: letters.test(req.query.s) })\n",
		"pages/api/ok.js": "export default (req, res) => res.json({ ok: /[a-z]+/.test('x') })\n",
	})
	if err != nil {
		t.Fatal(err)
	}
	w := strings.Join(b.Warnings, "\n")
	if !strings.Contains(w, "pages/api/re.js:1:") || !strings.Contains(w, `\p{L}`) || strings.Contains(w, "ok.js") {
		t.Fatalf("warnings: %q", w)
	}
}
