package gojaapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"
)

// Tests of the embedding API: building from an fs.FS, Go modules, the shared
// store, per-request values, mounting, Reload and Shutdown. Each starts a real
// server on a loopback port (httptest) in front of the Server.

// newEmbedded builds a Server from opts and serves h(srv) (srv itself when h is
// nil) on a loopback port. It returns the base URL, the server and its log.
func newEmbedded(t *testing.T, opts Options, h func(*Server) http.Handler) (string, *Server, *logBuffer) {
	t.Helper()
	logs := &logBuffer{}
	opts.Logger = slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	srv, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	var handler http.Handler = srv
	if h != nil {
		handler = h(srv)
	}
	hs := httptest.NewServer(handler)
	t.Cleanup(func() {
		hs.Close()
		srv.Close()
	})
	return hs.URL, srv, logs
}

// files makes a MapFS from name/content pairs.
func files(pairs ...string) fstest.MapFS {
	m := fstest.MapFS{}
	for i := 0; i+1 < len(pairs); i += 2 {
		m[pairs[i]] = &fstest.MapFile{Data: []byte(pairs[i+1])}
	}
	return m
}

// writeFiles writes a MapFS to dir.
func writeFiles(t *testing.T, dir string, m fstest.MapFS) {
	t.Helper()
	for name, f := range m {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// packageProject exercises the FS resolver: export conditions, subpath
// patterns, scoped packages, main fields, TypeScript's ".js" imports, JSON.
var packageProject = files(
	"pages/api/pkgs.ts", `import { kind } from 'cond';
import feature from 'cond/feature/a';
import scoped from '@scope/pkg';
import nested from 'nested-cond';
import legacy from 'legacy';
import { twice } from '../../lib/util.js';
import data from '../../data.json';
import path from 'node:path';
import { EventEmitter } from 'events';
const required = require('cond');
export default function handler(req: any, res: any) {
  res.json({ kind, required: required.kind, feature, scoped, nested, legacy, twice: twice(21), data,
    join: path.join('a', 'b'), ee: typeof EventEmitter });
}
`,
	"pages/api/throw.js", "export default function handler() {\n  throw new Error('thrown from the FS');\n}\n",
	"pages/api/cwd.js", "export default function handler(req, res) { res.json({ cwd: process.cwd(), file: require('fs').readFileSync('data.json', 'utf8').trim() }) }\n",
	"lib/util.ts", "export const twice = (n: number): number => n * 2;\n",
	"data.json", `{"answer": 42}`+"\n",
	"node_modules/cond/package.json", `{"name":"cond","exports":{".":{"import":"./esm.mjs","require":"./cjs.js"},"./feature/*":"./lib/*.js","./package.json":"./package.json"}}`,
	"node_modules/cond/esm.mjs", "export const kind = 'import';\n",
	"node_modules/cond/cjs.js", "exports.kind = 'require';\n",
	"node_modules/cond/lib/a.js", "module.exports = 'feature a';\n",
	"node_modules/@scope/pkg/package.json", `{"name":"@scope/pkg","main":"./dist/index.js"}`,
	"node_modules/@scope/pkg/dist/index.js", "module.exports = { scoped: true, helper: require('./helper') };\n",
	"node_modules/@scope/pkg/dist/helper.js", "module.exports = 'helped';\n",
	"node_modules/nested-cond/package.json", `{"name":"nested-cond","exports":{"browser":"./browser.js","node":{"import":"./node.mjs","default":"./node.cjs"},"default":"./browser.js"}}`,
	"node_modules/nested-cond/node.mjs", "export default 'node import';\n",
	"node_modules/nested-cond/node.cjs", "module.exports = 'node require';\n",
	"node_modules/nested-cond/browser.js", "module.exports = 'browser';\n",
	"node_modules/legacy/package.json", `{"name":"legacy","main":"lib"}`,
	"node_modules/legacy/lib/index.js", "module.exports = 'legacy index';\n",
)

// TestEmbedFS serves the same project from an fs.FS and from the same files
// on disk (esbuild's own resolver): the answers must be the same.
func TestEmbedFS(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, packageProject)
	fromFS, _, fsLogs := newEmbedded(t, Options{FS: packageProject, Dir: "/srv/project", Workers: 1}, nil)
	fromDir, _, dirLogs := newEmbedded(t, Options{Dir: dir, Workers: 1}, nil)
	want := `{"kind":"import","required":"require","feature":"feature a","scoped":{"scoped":true,"helper":"helped"},` +
		`"nested":"node import","legacy":"legacy index","twice":42,"data":{"answer":42},"join":"a/b","ee":"function"}`
	for name, base := range map[string]string{"fs": fromFS, "dir": fromDir} {
		if got := do(t, "GET", base+"/api/pkgs", ""); got.status != 200 || got.body != want {
			t.Errorf("%s: %d %s\nwant %s", name, got.status, got.body, want)
		}
		if got := do(t, "GET", base+"/api/throw", ""); got.status != 500 {
			t.Errorf("%s: throw: %d", name, got.status)
		}
	}
	if got := do(t, "GET", fromFS+"/api/cwd", ""); got.body != `{"cwd":"/srv/project","file":"{\"answer\": 42}"}` {
		t.Errorf("cwd: %s", got.body)
	}
	// Stack traces name the project's file and line in both modes.
	for name, logs := range map[string]*logBuffer{"fs": fsLogs, "dir": dirLogs} {
		if l := logs.String(); !strings.Contains(l, "thrown from the FS") || !strings.Contains(l, "pages/api/throw.js:2:") {
			t.Errorf("%s: log lacks the error and its location:\n%s", name, l)
		}
	}
}

// TestEmbedFSErrors: build errors from an fs.FS name the file and line;
// imports that cannot be resolved say so.
func TestEmbedFSErrors(t *testing.T) {
	_, err := New(Options{FS: files("pages/api/bad.js", "export default function (req, res) {\n  res.json({ a: });\n}\n")})
	if err == nil || !strings.Contains(err.Error(), "pages/api/bad.js:2:") {
		t.Errorf("syntax error: %v", err)
	}
	_, err = New(Options{FS: files("pages/api/x.js", "import y from 'not-installed';\nexport default y;\n")})
	if err == nil || !strings.Contains(err.Error(), `Could not resolve "not-installed"`) || !strings.Contains(err.Error(), "pages/api/x.js:1:") {
		t.Errorf("missing package: %v", err)
	}
	_, err = New(Options{FS: packageProject, Modules: []*Module{NewModule("fs")}})
	if err == nil || !strings.Contains(err.Error(), "Node built-in") {
		t.Errorf("module named fs: %v", err)
	}
	_, err = New(Options{FS: files("lib/x.js", "")})
	if err == nil || !strings.Contains(err.Error(), "no pages/api") {
		t.Errorf("no routes: %v", err)
	}
}

// TestEmbedMount mounts Servers on a user's mux under several prefixes, with
// and without http.StripPrefix.
func TestEmbedMount(t *testing.T) {
	project := files(
		"pages/api/index.js", "export default (req, res) => res.json({ route: 'index', url: req.url });\n",
		"pages/api/hello/[name].js", "export default (req, res) => res.json({ hello: req.query.name, url: req.url });\n",
	)
	mux := http.NewServeMux()
	api, err := New(Options{FS: project, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer api.Close()
	mux.Handle("/api/", api)
	mux.Handle("/api", api)
	scripts, err := New(Options{FS: project, Workers: 1, Prefix: "/v1/scripts"})
	if err != nil {
		t.Fatal(err)
	}
	defer scripts.Close()
	mux.Handle("/v1/scripts/", scripts)
	stripped, err := New(Options{FS: project, Workers: 1, Prefix: "/scripts"})
	if err != nil {
		t.Fatal(err)
	}
	defer stripped.Close()
	mux.Handle("/v2/", http.StripPrefix("/v2", stripped))
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "the app's own page") })
	hs := httptest.NewServer(mux)
	defer hs.Close()
	cases := []struct{ path, want string }{
		{"/api", `{"route":"index","url":"/api"}`},
		{"/api/hello/ann?x=1", `{"hello":"ann","url":"/api/hello/ann?x=1"}`},
		{"/v1/scripts/hello/bob", `{"hello":"bob","url":"/v1/scripts/hello/bob"}`},
		// req.url is the target as the client sent it, even under StripPrefix.
		{"/v2/scripts/hello/cy", `{"hello":"cy","url":"/v2/scripts/hello/cy"}`},
		{"/elsewhere", "the app's own page"},
	}
	for _, c := range cases {
		if got := do(t, "GET", hs.URL+c.path, ""); got.status != 200 || got.body != c.want {
			t.Errorf("%s: %d %s, want %s", c.path, got.status, got.body, c.want)
		}
	}
	if got := do(t, "GET", hs.URL+"/v1/scripts/nope/a/b", ""); got.status != 404 {
		t.Errorf("unknown route under the prefix: %d", got.status)
	}
}

// user is a struct crossing the boundary both ways.
type user struct {
	Name   string    `json:"name"`
	Age    int       `json:"age"`
	Tags   []string  `json:"tags,omitempty"`
	Joined time.Time `json:"joined"`
	Secret string    `json:"-"`
	//lint:ignore U1000 an unexported field the conversion must skip
	private int
}

// typesModule exercises the conversions and the calling conventions.
func typesModule(calls chan<- string) *Module {
	return NewModule("app:types").
		Value("version", "1.2.3").
		Func("describe", func(u user) user {
			u.Name = strings.ToUpper(u.Name)
			u.Age++
			u.Secret = "never shown"
			return u
		}).
		Func("upper", func(b []byte) []byte { return []byte(strings.ToUpper(string(b))) }).
		Func("addDay", func(t time.Time) time.Time { return t.Add(24 * time.Hour) }).
		Func("count", func(words []string) map[string]int {
			m := map[string]int{}
			for _, w := range words {
				m[w]++
			}
			return m
		}).
		Func("nothing", func() *user { return nil }).
		Func("void", func() {}).
		Func("kinds", func(vals ...any) []string {
			out := make([]string, len(vals))
			for i, v := range vals {
				out[i] = fmt.Sprintf("%T:%v", v, v)
			}
			return out
		}).
		Func("sum", func(first int, rest ...int) int {
			for _, r := range rest {
				first += r
			}
			return first
		}).
		Func("fail", func() error { return &Error{Code: "E_NOPE", Message: "nope"} }).
		Func("failPlain", func() (int, error) { return 0, fmt.Errorf("wrapped: %w", os.ErrNotExist) }).
		Func("panics", func() int { panic("oh no") }).
		Async("later", func(n int) (int, error) {
			time.Sleep(5 * time.Millisecond)
			return n * 2, nil
		}).
		Async("laterFail", func() (int, error) { return 0, &Error{Code: "E_LATER", Message: "later failure"} }).
		Async("whoami", func(ctx context.Context) (any, error) {
			calls <- "whoami"
			return Value(ctx, "user"), nil
		}).
		Func("whoamiSync", func(ctx context.Context) any { return Value(ctx, "user") })
}

// TestEmbedModule calls Go functions from JS: every conversion, sync and
// async calls, errors, panics, and the request's context.
func TestEmbedModule(t *testing.T) {
	project := files("pages/api/types.js", `import m, { describe } from 'app:types';
const viaRequire = require('app:types');
export default async function handler(req, res) {
  const out = {};
  out.same = viaRequire.describe === describe && m.describe === describe;
  out.version = m.version;
  out.user = describe({ name: 'ann', age: 7, tags: ['a'], joined: new Date('2024-01-02T03:04:05.678Z'), secret: 'x', extra: 1 });
  const up = m.upper(Buffer.from('abc'));
  out.bytes = { isBuffer: Buffer.isBuffer(up), text: up.toString(), fromU8: m.upper(new Uint8Array([104, 105])).toString() };
  const d = m.addDay(new Date('2024-01-02T03:04:05.678Z'));
  out.date = { isDate: d instanceof Date, iso: d.toISOString(), fromString: m.addDay('2024-02-28T00:00:00Z').toISOString() };
  out.count = m.count(['a', 'b', 'a']);
  out.nothing = m.nothing();
  out.void = m.void() === undefined;
  out.kinds = m.kinds(1, 1.5, -0, 2 ** 60, 'x', true, null, undefined, [1, 'y'], { a: { b: 2 } }, new Uint8Array([1, 2]), new Date(0), 10n);
  out.sum = [m.sum(1), m.sum(1, 2, 3)];
  try { m.fail(); } catch (e) { out.fail = { isError: e instanceof Error, message: e.message, code: e.code }; }
  try { m.failPlain(); } catch (e) { out.failPlain = { message: e.message, code: e.code === undefined ? 'none' : e.code }; }
  try { describe('nope'); } catch (e) { out.typeError = { name: e.name, message: e.message, code: e.code }; }
  try { m.count(['a', 1]); } catch (e) { out.typeError2 = e.message; }
  try { m.kinds(() => 1); } catch (e) { out.typeError3 = e.message; }
  try { m.panics(); } catch (e) { out.panic = { message: e.message, code: e.code }; }
  const p = m.later(21);
  out.isPromise = p instanceof Promise;
  out.later = await p;
  try { await m.laterFail(); } catch (e) { out.laterFail = { message: e.message, code: e.code }; }
  try { await m.later('x'); } catch (e) { out.laterTypeError = e.name; }
  out.whoami = await m.whoami();
  out.whoamiSync = m.whoamiSync();
  out.afterTimer = await new Promise((resolve) => setTimeout(() => resolve(m.whoami()), 5));
  out.names = [describe.name, m.later.name];
  res.json(out);
}
`)
	calls := make(chan string, 10)
	base, _, _ := newEmbedded(t, Options{FS: project, Workers: 1, Modules: []*Module{typesModule(calls)}}, func(s *Server) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			s.ServeHTTP(w, WithValue(r, "user", r.Header.Get("X-User")))
		})
	})
	got := do(t, "GET", base+"/api/types", "", "X-User", "zoe")
	want := map[string]any{
		"same":    true,
		"version": "1.2.3",
		"user":    map[string]any{"name": "ANN", "age": 8.0, "tags": []any{"a"}, "joined": "2024-01-02T03:04:05.678Z"},
		"bytes":   map[string]any{"isBuffer": true, "text": "ABC", "fromU8": "HI"},
		"date":    map[string]any{"isDate": true, "iso": "2024-01-03T03:04:05.678Z", "fromString": "2024-02-29T00:00:00.000Z"},
		"count":   map[string]any{"a": 2.0, "b": 1.0},
		"nothing": nil,
		"void":    true,
		"kinds": []any{"int64:1", "float64:1.5", "int64:0", "float64:1.152921504606847e+18", "string:x", "bool:true",
			"<nil>:<nil>", "<nil>:<nil>", "[]interface {}:[1 y]", "map[string]interface {}:map[a:map[b:2]]",
			"[]uint8:[1 2]", "time.Time:1970-01-01 00:00:00 +0000 UTC", "*big.Int:10"},
		"sum":            []any{1.0, 6.0},
		"fail":           map[string]any{"isError": true, "message": "nope", "code": "E_NOPE"},
		"failPlain":      map[string]any{"message": "wrapped: file does not exist", "code": "none"},
		"typeError":      map[string]any{"name": "TypeError", "message": "app:types.describe: argument 1: expected an object, got a string", "code": "ERR_INVALID_ARG_TYPE"},
		"typeError2":     "app:types.count: argument 1: [1]: expected a string, got a number",
		"typeError3":     "app:types.kinds: argument 1: a function cannot be passed to Go",
		"panic":          map[string]any{"message": "app:types.panics: panic: oh no", "code": "ERR_GO_PANIC"},
		"isPromise":      true,
		"later":          42.0,
		"laterFail":      map[string]any{"message": "later failure", "code": "E_LATER"},
		"laterTypeError": "TypeError",
		"whoami":         "zoe",
		"whoamiSync":     "zoe",
		"afterTimer":     "zoe",
		"names":          []any{"describe", "later"},
	}
	var gotJSON map[string]any
	if err := json.Unmarshal([]byte(got.body), &gotJSON); err != nil {
		t.Fatalf("%d %s", got.status, got.body)
	}
	for k, w := range want {
		if g := gotJSON[k]; fmt.Sprint(g) != fmt.Sprint(w) {
			t.Errorf("%s: got %v, want %v", k, g, w)
		}
	}
	if len(gotJSON) != len(want) {
		t.Errorf("got %d keys, want %d: %s", len(gotJSON), len(want), got.body)
	}
}

// TestEmbedModuleAsync: an async Go function runs on its own goroutine (the
// worker serves other requests meanwhile) with the request's context, which
// is cancelled when the client goes away.
func TestEmbedModuleAsync(t *testing.T) {
	entered := make(chan struct{}, 1)
	cancelled := make(chan error, 1)
	release := make(chan struct{})
	never := make(chan struct{})
	mod := NewModule("app:wait").
		Async("block", func(ctx context.Context, forever bool) (string, error) {
			entered <- struct{}{}
			wait := release
			if forever {
				wait = never
			}
			select {
			case <-wait:
				return "released", nil
			case <-ctx.Done():
				cancelled <- ctx.Err()
				return "", ctx.Err()
			}
		})
	project := files(
		"pages/api/block.js", "import w from 'app:wait';\nexport default async (req, res) => res.json({ got: await w.block(!!req.query.forever) });\n",
		"pages/api/quick.js", "export default (req, res) => res.json({ quick: true });\n",
	)
	base, _, _ := newEmbedded(t, Options{FS: project, Workers: 1, Modules: []*Module{mod}}, nil)

	// While one request waits in Go, the only worker answers another.
	done := make(chan result, 1)
	go func() { done <- do(t, "GET", base+"/api/block", "") }()
	<-entered
	if got := do(t, "GET", base+"/api/quick", ""); got.body != `{"quick":true}` {
		t.Fatalf("quick: %d %s", got.status, got.body)
	}
	close(release)
	if got := <-done; got.body != `{"got":"released"}` {
		t.Fatalf("block: %d %s", got.status, got.body)
	}

	// A client that gives up cancels the Go call's context.
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, "GET", base+"/api/block?forever=1", nil)
	errc := make(chan error, 1)
	go func() {
		resp, err := http.DefaultClient.Do(req)
		if err == nil {
			resp.Body.Close()
		}
		errc <- err
	}()
	<-entered
	cancel()
	select {
	case err := <-cancelled:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("ctx.Err() = %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the Go function's context was not cancelled when the client went away")
	}
	<-errc
}

// TestEmbedStore: a Store shared by 4 workers counts concurrent requests
// exactly, and its JS module has Redis-like semantics.
func TestEmbedStore(t *testing.T) {
	store := NewStore()
	project := files(
		"pages/api/hit.js", `import kv from 'gojaapi:kv';
const worker = Math.random();
export default (req, res) => res.json({ n: kv.incr('hits'), worker });
`,
		"pages/api/ops.js", `import kv from 'gojaapi:kv';
export default async (req, res) => {
  const out = {};
  out.missing = [kv.get('nope'), kv.has('nope'), kv.ttl('nope'), kv.delete('nope')];
  kv.set('obj', { a: [1, 'two'], b: Buffer.from('x'), when: new Date(5) });
  const obj = kv.get('obj');
  out.obj = [[...obj.a], Buffer.isBuffer(obj.b), obj.b.toString(), obj.when.getTime(), kv.ttl('obj')];
  obj.a.push('mutated');
  out.copied = kv.get('obj').a.length;
  kv.set('short', 'v', { ttl: 1000 });
  const ttl = kv.ttl('short');
  out.short = [kv.get('short'), ttl > 900 && ttl <= 1000];
  out.incr = [kv.incr('c'), kv.incr('c', 10), kv.incr('c', -3)];
  try { kv.incr('obj'); } catch (e) { out.incrErr = [e.message, e.code]; }
  out.expire = [kv.expire('c', 20), kv.expire('none', 20)];
  await new Promise((r) => setTimeout(r, 60));
  out.expired = [kv.get('c'), kv.ttl('c'), kv.has('c')];
  out.deleted = [kv.delete('short'), kv.get('short')];
  res.json(out);
};
`,
	)
	base, _, _ := newEmbedded(t, Options{FS: project, Workers: 4, Modules: []*Module{store.Module("gojaapi:kv")}}, nil)

	const clients, each = 16, 25
	var mu sync.Mutex
	seen := map[int]bool{}
	workers := map[float64]bool{}
	var wg sync.WaitGroup
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < each; i++ {
				got := do(t, "GET", base+"/api/hit", "")
				var r struct {
					N      int     `json:"n"`
					Worker float64 `json:"worker"`
				}
				if err := json.Unmarshal([]byte(got.body), &r); err != nil {
					t.Errorf("%d %s", got.status, got.body)
					return
				}
				mu.Lock()
				if seen[r.N] {
					t.Errorf("count %d returned twice", r.N)
				}
				seen[r.N] = true
				workers[r.Worker] = true
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if v, _ := store.Get("hits"); v != int64(clients*each) || len(seen) != clients*each {
		t.Errorf("hits = %v (%d distinct), want %d", v, len(seen), clients*each)
	}
	if len(workers) < 2 {
		t.Errorf("the requests reached %d worker(s); the test needs several", len(workers))
	}

	got := do(t, "GET", base+"/api/ops", "")
	want := `{"missing":[null,false,-2,false],"obj":[[1,"two"],true,"x",5,-1],"copied":2,"short":["v",true],` +
		`"incr":[1,11,8],"incrErr":["the value of \"obj\" is not an integer","ERR_NOT_INTEGER"],"expire":[true,false],` +
		`"expired":[null,-2,false],"deleted":[true,null]}`
	if got.body != want {
		t.Errorf("ops:\n got %s\nwant %s", got.body, want)
	}
	// Go sees what JS stored.
	if v, ok := store.Get("obj"); !ok || fmt.Sprint(v.(map[string]any)["a"]) != "[1 two]" {
		t.Errorf("Go Get(obj) = %v %v", v, ok)
	}
}

// TestEmbedRequestValues: values from a middleware (WithValue) and from
// Options.RequestValues reach the handler as req.context.
func TestEmbedRequestValues(t *testing.T) {
	type account struct {
		ID    int      `json:"id"`
		Roles []string `json:"roles"`
	}
	project := files("pages/api/me.js", "export default (req, res) => res.json(req.context);\n")
	base, _, _ := newEmbedded(t, Options{
		FS: project, Workers: 1,
		RequestValues: func(r *http.Request) map[string]any {
			return map[string]any{"path": r.URL.Path, "user": "from RequestValues"}
		},
	}, func(s *Server) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Header.Get("Authorization") == "Bearer ok" {
				r = WithValue(r, "user", account{ID: 7, Roles: []string{"admin"}})
				r = WithValue(r, "since", time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC))
			}
			s.ServeHTTP(w, r)
		})
	})
	if got := do(t, "GET", base+"/api/me", "", "Authorization", "Bearer ok"); got.body != `{"user":{"id":7,"roles":["admin"]},"since":"2024-05-06T07:08:09.000Z","path":"/api/me"}` &&
		got.body != `{"path":"/api/me","user":{"id":7,"roles":["admin"]},"since":"2024-05-06T07:08:09.000Z"}` {
		var m map[string]any
		if json.Unmarshal([]byte(got.body), &m) != nil || len(m) != 3 || m["path"] != "/api/me" || fmt.Sprint(m["user"]) != "map[id:7 roles:[admin]]" || m["since"] != "2024-05-06T07:08:09.000Z" {
			t.Errorf("with values: %s", got.body)
		}
	}
	if got := do(t, "GET", base+"/api/me", ""); got.body != `{"path":"/api/me","user":"from RequestValues"}` && got.body != `{"user":"from RequestValues","path":"/api/me"}` {
		t.Errorf("RequestValues only: %s", got.body)
	}
	plain, _, _ := newEmbedded(t, Options{FS: project, Workers: 1}, nil)
	if got := do(t, "GET", plain+"/api/me", ""); got.body != `{}` {
		t.Errorf("no values: %s", got.body)
	}
}

// gate is a Go module whose wait() blocks until the test opens it, so a
// request can be held in flight.
type gate struct {
	entered chan struct{}
	open    chan struct{}
}

func newGate() *gate { return &gate{entered: make(chan struct{}, 10), open: make(chan struct{})} }

func (g *gate) module() *Module {
	return NewModule("app:gate").Async("wait", func() {
		g.entered <- struct{}{}
		<-g.open
	})
}

// TestEmbedReload: Reload swaps in a new build while a request in flight
// finishes on the old one, whose workers then stop; a failed build keeps the
// old one.
func TestEmbedReload(t *testing.T) {
	dir := t.TempDir()
	route := filepath.Join(dir, "pages", "api", "version.js")
	write := func(src string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(route), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(route, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("import g from 'app:gate';\nexport default async (req, res) => { if (req.query.wait) await g.wait(); res.json({ v: 1 }); };\n")
	g := newGate()
	store := NewStore()
	base, srv, _ := newEmbedded(t, Options{Dir: dir, Workers: 2, Modules: []*Module{g.module(), store.Module("gojaapi:kv")}}, nil)
	if got := do(t, "GET", base+"/api/version", ""); got.body != `{"v":1}` {
		t.Fatalf("before: %s", got.body)
	}
	inflight := make(chan result, 1)
	go func() { inflight <- do(t, "GET", base+"/api/version?wait=1", "") }()
	<-g.entered

	write("import kv from 'gojaapi:kv';\nexport default (req, res) => res.json({ v: 2, n: kv.incr('n') });\n")
	if err := os.WriteFile(filepath.Join(dir, "pages", "api", "added.js"), []byte("export default (req, res) => res.send('added');\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := srv.Reload(); err != nil {
		t.Fatal(err)
	}
	if got := do(t, "GET", base+"/api/version", ""); got.body != `{"v":2,"n":1}` {
		t.Errorf("after reload: %s", got.body)
	}
	if got := do(t, "GET", base+"/api/added", ""); got.body != "added" {
		t.Errorf("new route: %d %s", got.status, got.body)
	}
	if n := len(srv.Routes()); n != 2 {
		t.Errorf("Routes() has %d routes", n)
	}
	srv.mu.Lock()
	gens := len(srv.gens)
	srv.mu.Unlock()
	if gens != 2 {
		t.Errorf("%d live generations while a request runs on the old one, want 2", gens)
	}
	close(g.open)
	if got := <-inflight; got.status != 200 || got.body != `{"v":1}` {
		t.Errorf("in-flight request: %d %s", got.status, got.body)
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		srv.mu.Lock()
		gens = len(srv.gens)
		srv.mu.Unlock()
		if gens == 1 || time.Now().After(deadline) {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	if gens != 1 {
		t.Errorf("the old generation was not closed once drained (%d live)", gens)
	}

	write("export default (req, res) => { res.json({ v: 3 ) };\n")
	err := srv.Reload()
	if err == nil || !strings.Contains(err.Error(), "pages/api/version.js:1:") {
		t.Errorf("Reload of a broken file: %v", err)
	}
	if got := do(t, "GET", base+"/api/version", ""); got.body != `{"v":2,"n":2}` {
		t.Errorf("after a failed reload: %s", got.body)
	}
}

// TestEmbedShutdown: Shutdown lets requests in flight finish, answers new
// ones with 503, and gives up when its context ends.
func TestEmbedShutdown(t *testing.T) {
	project := files("pages/api/slow.js", "import g from 'app:gate';\nexport default async (req, res) => { await g.wait(); res.send('done'); };\n")
	g := newGate()
	base, srv, _ := newEmbedded(t, Options{FS: project, Workers: 1, Modules: []*Module{g.module()}}, nil)
	inflight := make(chan result, 1)
	go func() { inflight <- do(t, "GET", base+"/api/slow", "") }()
	<-g.entered
	shut := make(chan error, 1)
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		shut <- srv.Shutdown(ctx)
	}()
	deadline := time.Now().Add(5 * time.Second)
	for !srv.closed.Load() && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	if got := do(t, "GET", base+"/api/slow", ""); got.status != 503 {
		t.Errorf("request during shutdown: %d %s", got.status, got.body)
	}
	select {
	case err := <-shut:
		t.Fatalf("Shutdown returned %v before the request finished", err)
	case <-time.After(50 * time.Millisecond):
	}
	close(g.open)
	if got := <-inflight; got.status != 200 || got.body != "done" {
		t.Errorf("in-flight request: %d %s", got.status, got.body)
	}
	if err := <-shut; err != nil {
		t.Errorf("Shutdown: %v", err)
	}
	if err := srv.Reload(); !errors.Is(err, ErrServerClosed) {
		t.Errorf("Reload after Shutdown: %v", err)
	}

	// A request that never finishes: Shutdown gives up at its deadline.
	g2 := newGate()
	base2, srv2, _ := newEmbedded(t, Options{FS: project, Workers: 1, Modules: []*Module{g2.module()}}, nil)
	stuck := make(chan result, 1)
	go func() { stuck <- do(t, "GET", base2+"/api/slow", "") }()
	<-g2.entered
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if err := srv2.Shutdown(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Shutdown past its deadline: %v", err)
	}
	if got := <-stuck; got.status != 503 {
		t.Errorf("request cut by Shutdown: %d %s", got.status, got.body)
	}
	close(g2.open)
}

// TestEmbedBodyLimit: Options.BodyLimit caps every route, whatever its own
// sizeLimit says.
func TestEmbedBodyLimit(t *testing.T) {
	project := files(
		"pages/api/echo.js", "export default (req, res) => res.json({ len: JSON.stringify(req.body).length });\n",
		"pages/api/big.js", "export const config = { api: { bodyParser: { sizeLimit: '10mb' } } };\nexport default (req, res) => res.json({ len: req.body.length });\n",
		"pages/api/raw.js", `export const config = { api: { bodyParser: false } };
export default async (req, res) => {
  let n = 0;
  try { for await (const c of req) n += c.length; res.json({ n }); } catch (e) { res.status(413).send('cut at ' + n); }
};
`,
	)
	base, _, _ := newEmbedded(t, Options{FS: project, Workers: 1, BodyLimit: 100}, nil)
	small := `{"a":"` + strings.Repeat("x", 50) + `"}`
	big := strings.Repeat("y", 150)
	if got := do(t, "POST", base+"/api/echo", small, "Content-Type", "application/json"); got.body != `{"len":58}` {
		t.Errorf("small: %d %s", got.status, got.body)
	}
	if got := do(t, "POST", base+"/api/big", big, "Content-Type", "text/plain"); got.status != 413 || got.body != "Body exceeded 100B limit" {
		t.Errorf("over the server cap: %d %s", got.status, got.body)
	}
	// A chunked body (no Content-Length) is cut off at the cap.
	req, _ := http.NewRequest("POST", base+"/api/raw", io.MultiReader(strings.NewReader(big)))
	req.ContentLength = -1
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 413 || !strings.HasPrefix(string(b), "cut at ") {
		t.Errorf("chunked over the cap: %d %s", resp.StatusCode, b)
	}
}
