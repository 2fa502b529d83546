package loader

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"sync"

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
//   - tsconfig.json (or jsconfig.json), as esbuild reads it from a folder:
//     for files outside node_modules, the nearest one above the importing
//     file maps bare specifiers through "paths" ("@/*": ["./*"], relative to
//     "baseUrl", else to the file that sets "paths"), then tries them under
//     "baseUrl", before node_modules; "extends" (a relative path or a
//     package's file, one or several) is followed; comments and trailing
//     commas are allowed. The compiler options of the project's top-level
//     tsconfig.json (JSX, decorators, useDefineForClassFields...) apply to
//     every file (esbuild's TsconfigRaw).
//
// Not supported: package.json "imports" (#name) and "browser" fields,
// compiler options of tsconfig.json files below the top level, and symbolic
// links (an fs.FS has none). A package's "type": "module" is not consulted:
// esbuild tells ES modules by their syntax.

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

// fsResolver resolves and loads a build's files from an fs.FS. esbuild
// calls its callbacks from several goroutines at once: everything but the
// tsconfig cache is read-only after fsPlugin.
type fsResolver struct {
	fsys       fs.FS
	root       string // absolute path the FS appears under
	external   map[string]bool
	conditions []string

	mu        sync.Mutex
	tsconfigs map[string]tsconfigResult // by folder: the tsconfig that applies there
}

// fsPlugin returns the esbuild plugin that builds from opts.FS.
func fsPlugin(opts BuildOptions) api.Plugin {
	r := &fsResolver{fsys: opts.FS, root: path.Clean(opts.Dir), external: map[string]bool{}, tsconfigs: map[string]tsconfigResult{}}
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
			// The top-level tsconfig's compiler options, for esbuild's
			// transform; its errors fail the build when it starts.
			tc, err := r.tsconfigIn(r.root)
			if err != nil {
				b.OnStart(func() (api.OnStartResult, error) { return api.OnStartResult{}, err })
			} else if tc != nil && b.InitialOptions.TsconfigRaw == "" {
				b.InitialOptions.TsconfigRaw = tc.raw()
			}
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
		if !inNodeModules(dir) {
			tc, err := r.tsconfigIn(dir)
			if err != nil {
				return api.OnResolveResult{}, err
			}
			found = r.resolveTSConfig(tc, spec)
		}
		if found == "" {
			var err error
			found, err = r.resolvePackage(spec, dir, args.Kind)
			if err != nil {
				return api.OnResolveResult{}, err
			}
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

// tsconfig is what a build from an FS uses of a tsconfig.json (or
// jsconfig.json), its "extends" applied.
type tsconfig struct {
	// options are the compilerOptions, the file's own over those it
	// extends.
	options map[string]json.RawMessage
	// baseURL is the absolute "baseUrl", "" when none is set.
	baseURL string
	// paths is "paths", and pathsDir the folder of the file that set it:
	// substitutions are relative to baseURL, else to pathsDir.
	paths    map[string][]string
	pathsDir string
}

// tsconfigResult is a cached lookup: the config for a folder (nil if none)
// or the error reading it.
type tsconfigResult struct {
	tc  *tsconfig
	err error
}

// inNodeModules reports whether dir is inside a node_modules folder, where
// the project's tsconfig does not apply (as in esbuild).
func inNodeModules(dir string) bool {
	return strings.Contains(dir+"/", "/node_modules/")
}

// tsconfigIn returns the tsconfig that applies to files in dir: the nearest
// tsconfig.json or jsconfig.json from dir up to the root, or nil. Any
// goroutine.
func (r *fsResolver) tsconfigIn(dir string) (*tsconfig, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.tsconfigInLocked(path.Clean(dir))
}

func (r *fsResolver) tsconfigInLocked(dir string) (*tsconfig, error) {
	if c, ok := r.tsconfigs[dir]; ok {
		return c.tc, c.err
	}
	var c tsconfigResult
	if _, inside := r.rel(dir); inside {
		switch {
		case r.isFile(path.Join(dir, "tsconfig.json")):
			c.tc, c.err = r.loadTSConfig(path.Join(dir, "tsconfig.json"), map[string]bool{})
		case r.isFile(path.Join(dir, "jsconfig.json")):
			c.tc, c.err = r.loadTSConfig(path.Join(dir, "jsconfig.json"), map[string]bool{})
		case dir != r.root && dir != "/":
			c.tc, c.err = r.tsconfigInLocked(path.Dir(dir))
		}
	}
	r.tsconfigs[dir] = c
	return c.tc, c.err
}

// loadTSConfig reads the tsconfig file abs and the files it extends; seen
// holds the files of the chain being read (a cycle is an error).
func (r *fsResolver) loadTSConfig(abs string, seen map[string]bool) (*tsconfig, error) {
	rel, _ := r.rel(abs)
	if seen[abs] {
		return nil, fmt.Errorf("%s: \"extends\" loops back to this file", rel)
	}
	seen[abs] = true
	defer delete(seen, abs)
	b, err := fs.ReadFile(r.fsys, rel)
	if err != nil {
		return nil, err
	}
	var raw struct {
		Extends         json.RawMessage            `json:"extends"`
		CompilerOptions map[string]json.RawMessage `json:"compilerOptions"`
	}
	if err := json.Unmarshal(stripJSONC(b), &raw); err != nil {
		return nil, fmt.Errorf("%s: %v", rel, err)
	}
	var bases []string
	if len(raw.Extends) > 0 && string(raw.Extends) != "null" {
		var one string
		if json.Unmarshal(raw.Extends, &one) == nil {
			bases = []string{one}
		} else if err := json.Unmarshal(raw.Extends, &bases); err != nil {
			return nil, fmt.Errorf("%s: \"extends\" must be a string or an array of strings", rel)
		}
	}
	dir := path.Dir(abs)
	tc := &tsconfig{options: map[string]json.RawMessage{}}
	for _, spec := range bases {
		p := r.findExtends(spec, dir)
		if p == "" {
			return nil, fmt.Errorf("%s: cannot find %q (\"extends\")", rel, spec)
		}
		base, err := r.loadTSConfig(p, seen)
		if err != nil {
			return nil, err
		}
		for k, v := range base.options {
			tc.options[k] = v
		}
		if base.baseURL != "" {
			tc.baseURL = base.baseURL
		}
		if base.paths != nil {
			tc.paths, tc.pathsDir = base.paths, base.pathsDir
		}
	}
	for k, v := range raw.CompilerOptions {
		tc.options[k] = v
	}
	if v, ok := raw.CompilerOptions["baseUrl"]; ok {
		var s string
		if err := json.Unmarshal(v, &s); err != nil {
			return nil, fmt.Errorf("%s: \"baseUrl\" must be a string", rel)
		}
		tc.baseURL = path.Join(dir, s)
		if path.IsAbs(s) {
			tc.baseURL = path.Clean(s)
		}
	}
	if v, ok := raw.CompilerOptions["paths"]; ok {
		if err := json.Unmarshal(v, &tc.paths); err != nil {
			return nil, fmt.Errorf("%s: \"paths\" must map patterns to arrays of paths", rel)
		}
		tc.pathsDir = dir
	}
	return tc, nil
}

// findExtends finds the file an "extends" names: a path relative to the
// extending file's folder, or a file of a package in node_modules
// ("@tsconfig/node20/tsconfig.json"), ".json" optional; a package name alone
// means its tsconfig.json.
func (r *fsResolver) findExtends(spec, dir string) string {
	var candidates []string
	if strings.HasPrefix(spec, "./") || strings.HasPrefix(spec, "../") || path.IsAbs(spec) {
		p := spec
		if !path.IsAbs(p) {
			p = path.Join(dir, spec)
		}
		candidates = []string{p, p + ".json"}
	} else {
		for d := dir; ; d = path.Dir(d) {
			p := path.Join(d, "node_modules", spec)
			candidates = append(candidates, p, p+".json", path.Join(p, "tsconfig.json"))
			if d == r.root || d == "/" {
				break
			}
		}
	}
	for _, c := range candidates {
		if r.isFile(c) {
			return c
		}
	}
	return ""
}

// raw returns the compiler options for esbuild's TsconfigRaw: all but
// "baseUrl" and "paths", which the resolver applies itself.
func (tc *tsconfig) raw() string {
	opts := map[string]json.RawMessage{}
	for k, v := range tc.options {
		if k != "baseUrl" && k != "paths" {
			opts[k] = v
		}
	}
	b, _ := json.Marshal(map[string]any{"compilerOptions": opts})
	return string(b)
}

// resolveTSConfig resolves a bare specifier through tc's "paths", then under
// its "baseUrl"; "" when neither finds a file.
func (r *fsResolver) resolveTSConfig(tc *tsconfig, spec string) string {
	if tc == nil {
		return ""
	}
	if f := r.resolveTSPaths(tc, spec); f != "" {
		return f
	}
	if tc.baseURL != "" {
		return r.resolvePath(path.Join(tc.baseURL, spec))
	}
	return ""
}

// resolveTSPaths maps spec through "paths" as TypeScript does: an exact key
// first, else the pattern with the longest prefix before its "*" (then the
// longest suffix); its substitutions are tried in order, skipping ".d.ts".
func (r *fsResolver) resolveTSPaths(tc *tsconfig, spec string) string {
	if tc.paths == nil {
		return ""
	}
	base := tc.pathsDir
	if tc.baseURL != "" {
		base = tc.baseURL
	}
	try := func(subs []string, star string) string {
		for _, s := range subs {
			s = strings.Replace(s, "*", star, 1)
			if strings.HasSuffix(strings.ToLower(s), ".d.ts") {
				continue
			}
			if !path.IsAbs(s) {
				s = path.Join(base, s)
			}
			if f := r.resolvePath(s); f != "" {
				return f
			}
		}
		return ""
	}
	if subs, ok := tc.paths[spec]; ok && !strings.Contains(spec, "*") {
		return try(subs, "")
	}
	best, bestPre, bestSuf := "", -1, -1
	for key := range tc.paths {
		pre, suf, ok := strings.Cut(key, "*")
		if !ok || len(spec) < len(pre)+len(suf) || !strings.HasPrefix(spec, pre) || !strings.HasSuffix(spec, suf) {
			continue
		}
		if len(pre) > bestPre || (len(pre) == bestPre && len(suf) > bestSuf) {
			best, bestPre, bestSuf = key, len(pre), len(suf)
		}
	}
	if best == "" {
		return ""
	}
	return try(tc.paths[best], spec[bestPre:len(spec)-bestSuf])
}

// stripJSONC turns tsconfig's JSON with comments and trailing commas into
// JSON (and drops a byte order mark).
func stripJSONC(b []byte) []byte {
	b = []byte(strings.TrimPrefix(string(b), "\ufeff"))
	// Comments become spaces (line breaks kept), strings untouched.
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		switch c := b[i]; {
		case c == '"':
			j := stringEnd(b, i)
			out = append(out, b[i:j+1]...)
			i = j
		case c == '/' && i+1 < len(b) && b[i+1] == '/':
			for i < len(b) && b[i] != '\n' {
				i++
			}
			if i < len(b) {
				out = append(out, '\n')
			}
		case c == '/' && i+1 < len(b) && b[i+1] == '*':
			i += 2
			for i+1 < len(b) && !(b[i] == '*' && b[i+1] == '/') {
				if b[i] == '\n' {
					out = append(out, '\n')
				}
				i++
			}
			i++
			out = append(out, ' ')
		default:
			out = append(out, c)
		}
	}
	// Trailing commas: a comma followed only by blanks before } or ].
	res := make([]byte, 0, len(out))
	for i := 0; i < len(out); i++ {
		c := out[i]
		if c == '"' {
			j := stringEnd(out, i)
			res = append(res, out[i:j+1]...)
			i = j
			continue
		}
		if c == ',' {
			j := i + 1
			for j < len(out) && (out[j] == ' ' || out[j] == '\t' || out[j] == '\n' || out[j] == '\r') {
				j++
			}
			if j < len(out) && (out[j] == '}' || out[j] == ']') {
				continue
			}
		}
		res = append(res, c)
	}
	return res
}

// stringEnd returns the index of the quote that closes the JSON string
// opening at b[i] (the last index if it is not closed).
func stringEnd(b []byte, i int) int {
	j := i + 1
	for j < len(b) && b[j] != '"' {
		if b[j] == '\\' {
			j++
		}
		j++
	}
	return min(j, len(b)-1)
}
