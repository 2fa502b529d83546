package loader

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/dop251/goja"
	"github.com/evanw/esbuild/pkg/api"
)

// BundleName is the name the bundle is compiled under. esbuild writes the
// source map's paths relative to the output file, and goja resolves them
// relative to this name, so stack traces name the user's files as
// "pages/api/user.ts:3:9".
const BundleName = ".gojaapi/server.js"

// BuildOptions configure Build.
type BuildOptions struct {
	// Dir is the absolute path of the project folder.
	Dir string
	// Routes are the routes to bundle, from Discover.
	Routes []*Route
	// NodeEnv is the value of process.env.NODE_ENV compiled into the code:
	// "production" or "development".
	NodeEnv string
	// External are extra module names left to the runtime's require (modules
	// an embedding program registers, e.g. "gojaapi:kv"). Node's built-in
	// modules are always external.
	External []string
	// Conditions are the package.json export conditions to resolve with, in
	// addition to esbuild's defaults for the Node platform (gojaapi.Options.Conditions).
	Conditions []string
	// FS, if set, holds the project: every file, node_modules included, is
	// read from it instead of the disk, and Dir is only the absolute path
	// the files appear under. See fsbuild.go for what resolution supports.
	FS fs.FS
}

// Bundle is the result of a build: one program holding every route, shared by
// all workers.
type Bundle struct {
	// Program is the compiled bundle. Running it yields a function
	// (exports, require, module, __filename, __dirname); after calling it,
	// module.exports is an array with one loader function per route, in
	// route Index order, each returning that route's module exports.
	Program *goja.Program
	// Code is the JavaScript source of the bundle, with an inline source map.
	Code string
	// Routes are the routes in the bundle, by Index.
	Routes []*Route
	// Inputs are the project files the bundle was built from (relative to
	// Dir), for watching.
	Inputs []string
	// Warnings are esbuild's warnings, formatted.
	Warnings []string
	// NodeEnv is the value of process.env.NODE_ENV compiled into the code.
	NodeEnv string
	// External are the module names, besides Node's built-ins, that the
	// code requires at run time (BuildOptions.External).
	External []string
	// Built is when the build began reading the project: a source file
	// modified later may not be in the bundle.
	Built time.Time
}

// BuildError is returned when esbuild reports errors: each message carries the
// file, line and column, and the text of the offending line.
type BuildError struct {
	Messages []api.Message
}

func (e *BuildError) Error() string {
	var b strings.Builder
	for i, m := range e.Messages {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(FormatMessage(m))
	}
	return b.String()
}

// FormatMessage renders an esbuild message as "file:line:col: text" followed
// by the source line and a caret, like esbuild's own terminal output.
func FormatMessage(m api.Message) string {
	var b strings.Builder
	if m.Location != nil {
		l := m.Location
		fmt.Fprintf(&b, "%s:%d:%d: %s", l.File, l.Line, l.Column+1, m.Text)
		if l.LineText != "" {
			fmt.Fprintf(&b, "\n    %d | %s\n    %s | %s^", l.Line, l.LineText,
				strings.Repeat(" ", len(strconv.Itoa(l.Line))), strings.Repeat(" ", l.Column))
		}
	} else {
		b.WriteString(m.Text)
	}
	for _, n := range m.Notes {
		b.WriteString("\n  note: " + n.Text)
	}
	return b.String()
}

// unsupported are the syntax features goja cannot parse; esbuild lowers them.
var unsupported = map[string]bool{
	"async-generator":                 false,
	"for-await":                       false,
	"class-field":                     false, // goja fails on fields named get, set or async
	"class-static-field":              false,
	"using":                           false,
	"decorators":                      false,
	"dynamic-import":                  false,
	"import-meta":                     false,
	"top-level-await":                 false,
	"regexp-unicode-property-escapes": false,
	"regexp-set-notation":             false,
}

// Build bundles the routes of a project into one program. For repeated
// builds of the same project, a Builder reuses esbuild's work.
func Build(opts BuildOptions) (*Bundle, error) {
	opts = opts.withDefaults()
	built := time.Now()
	return newBundle(opts, api.Build(esbuildOptions(opts)), built)
}

// withDefaults fills in the options' defaults.
func (opts BuildOptions) withDefaults() BuildOptions {
	if opts.NodeEnv == "" {
		opts.NodeEnv = "production"
	}
	return opts
}

// entrySource is the bundle's entry module: an array with one loader
// function per route, in route order.
func entrySource(routes []*Route) string {
	var entry strings.Builder
	entry.WriteString("module.exports = [\n")
	for _, r := range routes {
		fmt.Fprintf(&entry, "  () => require(%s),\n", strconv.Quote("./"+r.File))
	}
	entry.WriteString("];\n")
	return entry.String()
}

// esbuildOptions are the esbuild options for opts (defaults filled in).
func esbuildOptions(opts BuildOptions) api.BuildOptions {
	var plugins []api.Plugin
	if opts.FS != nil {
		plugins = append(plugins, fsPlugin(opts))
	}
	return api.BuildOptions{
		Stdin: &api.StdinOptions{
			Contents:   entrySource(opts.Routes),
			ResolveDir: opts.Dir,
			Sourcefile: "gojaapi:routes",
			Loader:     api.LoaderJS,
		},
		AbsWorkingDir:  opts.Dir,
		Bundle:         true,
		Write:          false,
		Format:         api.FormatCommonJS,
		Platform:       api.PlatformNode,
		Target:         api.ES2022,
		Supported:      unsupported,
		Outfile:        filepath.Join(opts.Dir, filepath.FromSlash(BundleName)),
		Sourcemap:      api.SourceMapInline,
		SourcesContent: api.SourcesContentExclude,
		Charset:        api.CharsetUTF8,
		LegalComments:  api.LegalCommentsNone,
		Conditions:     opts.Conditions,
		External:       append([]string{}, opts.External...),
		Define: map[string]string{
			"process.env.NODE_ENV": strconv.Quote(opts.NodeEnv),
			// As Next's server build defines it: packages drop their edge code.
			"process.env.NEXT_RUNTIME": `"nodejs"`,
		},
		Banner:   map[string]string{"js": "(function (exports, require, module, __filename, __dirname) {"},
		Footer:   map[string]string{"js": "})"},
		Metafile: true,
		LogLevel: api.LogLevelSilent,
		Plugins:  plugins,
	}
}

// newBundle turns esbuild's result for opts into a compiled Bundle; built
// is when the build began.
func newBundle(opts BuildOptions, result api.BuildResult, built time.Time) (*Bundle, error) {
	if len(result.Errors) > 0 {
		return nil, &BuildError{Messages: result.Errors}
	}
	b := &Bundle{Routes: opts.Routes, NodeEnv: opts.NodeEnv, External: append([]string{}, opts.External...), Built: built}
	for _, w := range result.Warnings {
		b.Warnings = append(b.Warnings, FormatMessage(w))
	}
	for _, f := range result.OutputFiles {
		if strings.HasSuffix(f.Path, ".js") {
			b.Code = string(f.Contents)
		}
	}
	b.Inputs = metafileInputs(result.Metafile)
	b.Warnings = append(b.Warnings, regexpWarnings(opts.Dir, opts.FS, b.Inputs)...)
	prog, err := compileBundle(b.Code)
	if err != nil {
		return nil, err
	}
	b.Program = prog
	return b, nil
}

// compileBundle compiles bundle code under BundleName, so that its inline
// source map resolves to the project's files.
func compileBundle(code string) (*goja.Program, error) {
	prog, err := goja.Compile(BundleName, code, false)
	if err != nil {
		return nil, fmt.Errorf("compiling the bundle: %w", err)
	}
	return prog, nil
}

// metafileInputs lists the input files named in esbuild's metafile JSON.
func metafileInputs(metafile string) []string {
	var meta struct {
		Inputs map[string]json.RawMessage `json:"inputs"`
	}
	if err := json.Unmarshal([]byte(metafile), &meta); err != nil {
		return nil
	}
	inputs := make([]string, 0, len(meta.Inputs))
	for name := range meta.Inputs {
		if !strings.Contains(name, ":") {
			inputs = append(inputs, name)
		}
	}
	sort.Strings(inputs)
	return inputs
}
