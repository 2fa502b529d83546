package loader

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// Building from an fs.FS (BuildOptions.FS). esbuild reads real files, so a
// plugin takes over resolution and loading: every import is resolved inside
// the FS by the rules below, and every file is read from it. Dir is the
// absolute path the FS appears under; it only names files (source maps,
// stack traces, __dirname), nothing is read from the disk there.
//
// What the resolver supports, following Node and esbuild:
//   - relative ("./x", "../x") and root-absolute ("/x", under Dir) paths;
//     a file as named, else with .tsx, .ts, .jsx, .js, .css, .json added;
//     ".js" also finds ".ts" and ".tsx" (and ".jsx" finds ".tsx"), as
//     TypeScript projects write; a folder through its package.json "main"
//     or its index file;
//   - packages in node_modules folders, searched from the importing file's
//     folder up to the root, scoped ones (@scope/name) included: the
//     package.json "exports" map (subpaths, "*" patterns, nested condition
//     objects, arrays of fallbacks) with the conditions "node", "import" or
//     "require" by the kind of import, "default", and BuildOptions.
//     Conditions (or "module" when there are none, as esbuild does);
//     without "exports", "main" then "module", then index files;
//   - Node's built-in modules ("fs", "node:fs") and BuildOptions.External,
//     which stay external.
//
// Not supported: tsconfig.json (paths, baseUrl, JSX settings), package.json
// "imports" (#name) and "browser" fields, and symbolic links (an fs.FS has
// none). A package's "type": "module" is not consulted: esbuild tells ES
// modules by their syntax.

// nodeBuiltins are Node 20's built-in modules, which are always external.
var nodeBuiltins = map[string]bool{}

func init() {
	for _, m := range strings.Fields(`assert assert/strict async_hooks buffer child_process cluster console
		constants crypto dgram diagnostics_channel dns dns/promises domain events fs fs/promises http http2
		https inspector inspector/promises module net os path path/posix path/win32 perf_hooks process
		punycode querystring readline readline/promises repl stream stream/consumers stream/promises
		stream/web string_decoder sys timers timers/promises tls trace_events tty url util util/types v8 vm
		wasi worker_threads zlib test`) {
		nodeBuiltins[m] = true
	}
}

// resolveExtensions are tried, in order, after a path that names no file.
var resolveExtensions = []string{".tsx", ".ts", ".jsx", ".js", ".css", ".json"}

// fsResolver resolves and loads a build's files from an fs.FS.
type fsResolver struct {
	fsys       fs.FS
	root       string // absolute path the FS appears under
	external   map[string]bool
	conditions []string
}

// fsPlugin returns the esbuild plugin that builds from opts.FS.
func fsPlugin(opts BuildOptions) api.Plugin {
	r := &fsResolver{fsys: opts.FS, root: path.Clean(opts.Dir), external: map[string]bool{}}
	for _, e := range opts.External {
		r.external[e] = true
	}
	r.conditions = append([]string{"node", "default"}, opts.Conditions...)
	if len(opts.Conditions) == 0 {
		r.conditions = append(r.conditions, "module")
	}
	return api.Plugin{
		Name: "gojaapi-fs",
		Setup: func(b api.PluginBuild) {
			b.OnResolve(api.OnResolveOptions{Filter: ".*"}, r.onResolve)
			b.OnLoad(api.OnLoadOptions{Filter: ".*", Namespace: "file"}, r.onLoad)
		},
	}
}

func (r *fsResolver) onResolve(args api.OnResolveArgs) (api.OnResolveResult, error) {
	spec := args.Path
	if r.external[spec] || nodeBuiltins[strings.TrimPrefix(spec, "node:")] || strings.HasPrefix(spec, "node:") {
		return api.OnResolveResult{Path: spec, External: true}, nil
	}
	dir := args.ResolveDir
	if dir == "" {
		dir = r.root
	}
	var found string
	switch {
	case spec == "." || spec == ".." || strings.HasPrefix(spec, "./") || strings.HasPrefix(spec, "../"):
		found = r.resolvePath(path.Join(dir, spec))
	case strings.HasPrefix(spec, "/"):
		found = r.resolvePath(path.Join(r.root, spec))
	default:
		var err error
		found, err = r.resolvePackage(spec, dir, args.Kind)
		if err != nil {
			return api.OnResolveResult{}, err
		}
	}
	if found == "" {
		//lint:ignore ST1005 the same words as esbuild's own "Could not resolve" errors
		return api.OnResolveResult{}, fmt.Errorf("Could not resolve %q in the embedded project", spec)
	}
	return api.OnResolveResult{Path: found, Namespace: "file"}, nil
}

func (r *fsResolver) onLoad(args api.OnLoadArgs) (api.OnLoadResult, error) {
	rel, ok := r.rel(args.Path)
	if !ok {
		return api.OnLoadResult{}, fmt.Errorf("%s is outside the embedded project", args.Path)
	}
	b, err := fs.ReadFile(r.fsys, rel)
	if err != nil {
		return api.OnLoadResult{}, err
	}
	text := string(b)
	return api.OnLoadResult{Contents: &text, ResolveDir: path.Dir(args.Path), Loader: api.LoaderDefault}, nil
}

// rel turns an absolute virtual path into a path in the FS.
func (r *fsResolver) rel(abs string) (string, bool) {
	abs = path.Clean(abs)
	if abs == r.root {
		return ".", true
	}
	prefix := strings.TrimSuffix(r.root, "/") + "/"
	if !strings.HasPrefix(abs, prefix) {
		return "", false
	}
	return abs[len(prefix):], true
}

func (r *fsResolver) isFile(abs string) bool {
	rel, ok := r.rel(abs)
	if !ok {
		return false
	}
	st, err := fs.Stat(r.fsys, rel)
	return err == nil && !st.IsDir()
}

func (r *fsResolver) isDir(abs string) bool {
	rel, ok := r.rel(abs)
	if !ok {
		return false
	}
	st, err := fs.Stat(r.fsys, rel)
	return err == nil && st.IsDir()
}

// resolvePath resolves an absolute virtual path as a file, then as a folder.
func (r *fsResolver) resolvePath(abs string) string {
	if f := r.resolveFile(abs); f != "" {
		return f
	}
	return r.resolveDir(abs)
}

// resolveFile finds the file abs names, with the extensions esbuild tries.
func (r *fsResolver) resolveFile(abs string) string {
	if r.isFile(abs) {
		return abs
	}
	for _, ext := range resolveExtensions {
		if r.isFile(abs + ext) {
			return abs + ext
		}
	}
	// TypeScript sources import "./x.js" meaning "./x.ts".
	base, ext := strings.TrimSuffix(abs, path.Ext(abs)), path.Ext(abs)
	var alts []string
	switch ext {
	case ".js":
		alts = []string{".ts", ".tsx"}
	case ".jsx":
		alts = []string{".tsx"}
	case ".mjs":
		alts = []string{".mts"}
	case ".cjs":
		alts = []string{".cts"}
	}
	for _, a := range alts {
		if r.isFile(base + a) {
			return base + a
		}
	}
	return ""
}

// resolveDir resolves a folder by its package.json main fields or index.
func (r *fsResolver) resolveDir(abs string) string {
	if !r.isDir(abs) {
		return ""
	}
	if pkg, ok := r.readPackage(abs); ok {
		for _, main := range []string{pkg.Main, pkg.Module} {
			if main == "" {
				continue
			}
			if f := r.resolvePath(path.Join(abs, main)); f != "" {
				return f
			}
		}
	}
	return r.resolveFile(path.Join(abs, "index"))
}

// packageJSON is what the resolver reads of a package.json.
type packageJSON struct {
	Main    string          `json:"main"`
	Module  string          `json:"module"`
	Exports json.RawMessage `json:"exports"`
}

func (r *fsResolver) readPackage(dir string) (*packageJSON, bool) {
	rel, ok := r.rel(path.Join(dir, "package.json"))
	if !ok {
		return nil, false
	}
	b, err := fs.ReadFile(r.fsys, rel)
	if err != nil {
		return nil, false
	}
	var p packageJSON
	if json.Unmarshal(b, &p) != nil {
		return nil, false
	}
	return &p, true
}

// resolvePackage resolves a bare specifier ("pkg", "pkg/sub", "@s/pkg/sub")
// through the node_modules folders from dir up to the root.
func (r *fsResolver) resolvePackage(spec, dir string, kind api.ResolveKind) (string, error) {
	name, sub := spec, ""
	parts := strings.SplitN(spec, "/", 3)
	if strings.HasPrefix(spec, "@") && len(parts) >= 2 {
		name = parts[0] + "/" + parts[1]
		if len(parts) == 3 {
			sub = parts[2]
		}
	} else if i := strings.IndexByte(spec, '/'); i >= 0 {
		name, sub = spec[:i], spec[i+1:]
	}
	for d := dir; ; d = path.Dir(d) {
		if _, ok := r.rel(d); !ok {
			break
		}
		pkgDir := path.Join(d, "node_modules", name)
		if r.isDir(pkgDir) {
			return r.resolveInPackage(pkgDir, spec, sub, kind)
		}
		if d == r.root || d == "/" {
			break
		}
	}
	//lint:ignore ST1005 the same words as esbuild's own "Could not resolve" errors
	return "", fmt.Errorf("Could not resolve %q in the embedded project (no node_modules/%s from %s up)", spec, name, dir)
}

// resolveInPackage resolves subpath sub ("" for the main entry) of the
// package in pkgDir.
func (r *fsResolver) resolveInPackage(pkgDir, spec, sub string, kind api.ResolveKind) (string, error) {
	pkg, _ := r.readPackage(pkgDir)
	if pkg != nil && len(pkg.Exports) > 0 && string(pkg.Exports) != "null" {
		exports, err := decodeOrdered(json.NewDecoder(strings.NewReader(string(pkg.Exports))))
		if err != nil {
			return "", fmt.Errorf("%s/package.json: invalid \"exports\": %v", pkgDir, err)
		}
		conds := map[string]bool{}
		for _, c := range r.conditions {
			conds[c] = true
		}
		if kind == api.ResolveJSRequireCall || kind == api.ResolveJSRequireResolve {
			conds["require"] = true
		} else {
			conds["import"] = true
		}
		target, ok := exportsTarget(exports, "./"+sub, conds)
		if sub == "" {
			target, ok = exportsTarget(exports, ".", conds)
		}
		if !ok {
			//lint:ignore ST1005 the same words as esbuild's own "Could not resolve" errors
			return "", fmt.Errorf("Could not resolve %q: the package's \"exports\" do not export %q", spec, "./"+sub)
		}
		if f := r.resolveFile(path.Join(pkgDir, target)); f != "" && r.isFile(f) {
			return f, nil
		}
		//lint:ignore ST1005 the same words as esbuild's own "Could not resolve" errors
		return "", fmt.Errorf("Could not resolve %q: %s is not in the embedded project", spec, path.Join(pkgDir, target))
	}
	if sub == "" {
		if f := r.resolveDir(pkgDir); f != "" {
			return f, nil
		}
	} else if f := r.resolvePath(path.Join(pkgDir, sub)); f != "" {
		return f, nil
	}
	//lint:ignore ST1005 the same words as esbuild's own "Could not resolve" errors
	return "", fmt.Errorf("Could not resolve %q in the embedded project", spec)
}

// object is a JSON object that remembers its key order (conditions in
// "exports" are tried in the order the file lists them).
type object struct {
	keys []string
	vals map[string]any
}

// decodeOrdered decodes one JSON value, objects as *object.
func decodeOrdered(d *json.Decoder) (any, error) {
	tok, err := d.Token()
	if err != nil {
		return nil, err
	}
	switch tok {
	case json.Delim('{'):
		o := &object{vals: map[string]any{}}
		for d.More() {
			kt, err := d.Token()
			if err != nil {
				return nil, err
			}
			k, _ := kt.(string)
			v, err := decodeOrdered(d)
			if err != nil {
				return nil, err
			}
			if _, dup := o.vals[k]; !dup {
				o.keys = append(o.keys, k)
			}
			o.vals[k] = v
		}
		_, err := d.Token()
		return o, err
	case json.Delim('['):
		var a []any
		for d.More() {
			v, err := decodeOrdered(d)
			if err != nil {
				return nil, err
			}
			a = append(a, v)
		}
		_, err := d.Token()
		return a, err
	}
	return tok, nil
}

// exportsTarget maps subpath ("." or "./x") through a package's "exports"
// with the given conditions, returning the target path relative to the
// package.
func exportsTarget(exports any, subpath string, conds map[string]bool) (string, bool) {
	m, isMap := exports.(*object)
	if !isMap || len(m.keys) == 0 || !strings.HasPrefix(m.keys[0], ".") {
		// "exports": "./x.js", [...] or {conditions}: the main entry only.
		if subpath != "." {
			return "", false
		}
		return conditionalTarget(exports, "", conds)
	}
	if t, ok := m.vals[subpath]; ok {
		return conditionalTarget(t, "", conds)
	}
	// The pattern key with the longest prefix that matches ("./feature/*",
	// "./x/*.js").
	best, bestPre, bestStar := "", -1, ""
	for _, k := range m.keys {
		pre, post, ok := strings.Cut(k, "*")
		if !ok || len(subpath) < len(pre)+len(post) || !strings.HasPrefix(subpath, pre) || !strings.HasSuffix(subpath, post) {
			continue
		}
		if len(pre) > bestPre {
			best, bestPre, bestStar = k, len(pre), subpath[len(pre):len(subpath)-len(post)]
		}
	}
	if best == "" {
		return "", false
	}
	return conditionalTarget(m.vals[best], bestStar, conds)
}

// conditionalTarget resolves an exports target: a path (with "*" replaced by
// star), an array of fallbacks, or an object of conditions, tried in order.
func conditionalTarget(t any, star string, conds map[string]bool) (string, bool) {
	switch x := t.(type) {
	case string:
		if !strings.HasPrefix(x, "./") {
			return "", false
		}
		return strings.ReplaceAll(x, "*", star), true
	case []any:
		for _, alt := range x {
			if s, ok := conditionalTarget(alt, star, conds); ok {
				return s, true
			}
		}
	case *object:
		for _, k := range x.keys {
			if conds[k] {
				if s, ok := conditionalTarget(x.vals[k], star, conds); ok {
					return s, true
				}
			}
		}
	}
	return "", false
}
