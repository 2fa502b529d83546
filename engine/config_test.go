package engine

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gojaapi/gojaapi/loader"
)

// TestReadRouteConfigs reads configs the way the resolver does, including
// from modules that throw, loop forever or hide their config behind a
// throwing getter: each is reported on its route, and the others are read.
func TestReadRouteConfigs(t *testing.T) {
	dir := t.TempDir()
	for name, src := range map[string]string{
		"pages/api/a.js":      "export const config = { api: { bodyParser: { sizeLimit: '2mb' }, responseLimit: 0 } }\nexport default () => {}",
		"pages/api/b.js":      "export default () => {}",
		"pages/api/getter.js": "module.exports = () => {}\nObject.defineProperty(module.exports, 'config', { get() { throw new TypeError('no config') } })",
		"pages/api/loop.js":   "while (true) {}\nexport default () => {}",
		"pages/api/z.js":      "export const config = { api: { bodyParser: false, externalResolver: 1 }, maxDuration: '12' }\nexport default () => {}",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	routes, err := loader.Discover(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	bundle, err := loader.Build(loader.BuildOptions{Dir: dir, Routes: routes})
	if err != nil {
		t.Fatal(err)
	}
	configs, err := ReadRouteConfigs(PoolConfig{Bundle: bundle, BusyLimit: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	byFile := map[string]RouteConfig{}
	for _, r := range routes {
		byFile[r.File] = configs[r.Index]
	}
	want := map[string]RouteConfig{
		"pages/api/a.js": {Exported: true, BodyParser: true, SizeLimit: "2mb", ResponseLimit: "false"},
		"pages/api/b.js": {BodyParser: true},
		"pages/api/z.js": {Exported: true, ExternalResolver: true, MaxDuration: 12},
	}
	for file, w := range want {
		if got := byFile[file]; got != w {
			t.Errorf("%s: %+v, want %+v", file, got, w)
		}
	}
	if err := byFile["pages/api/getter.js"].Err; err == nil || !strings.Contains(err.Error(), "TypeError: no config") {
		t.Errorf("getter: %v", err)
	}
	if err := byFile["pages/api/loop.js"].Err; err == nil || !strings.Contains(err.Error(), "without yielding") {
		t.Errorf("loop: %v", err)
	}
}
