package loader

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"time"
)

// The build output is a Bundle written to disk, so that a production server
// starts without esbuild and without node_modules: WriteOutput writes it
// into OutputDir inside the project, ReadOutput reads it back.
//
//	.gojaapi/server.js      the bundle, its source map inline
//	.gojaapi/manifest.json  a Manifest
//
// server.js is the file BundleName names, so the source map's paths (relative
// to it) keep resolving to the project's files in stack traces.

// OutputDir is the folder inside the project that holds the build output.
const OutputDir = ".gojaapi"

// OutputFormat is the version of the build output's layout and of the
// bundle's contract with the engine. ReadOutput refuses any other.
const OutputFormat = 1

const (
	manifestFile = "manifest.json"
	bundleFile   = "server.js" // the last element of BundleName
)

// Manifest describes a build output: it is manifest.json.
type Manifest struct {
	// Format is OutputFormat of the gojaapi that wrote it.
	Format int `json:"format"`
	// Gojaapi identifies the gojaapi build that wrote it: module version,
	// VCS revision, esbuild and Go versions.
	Gojaapi string `json:"gojaapi"`
	// Built is when the build began reading the sources (Bundle.Built).
	Built time.Time `json:"built"`
	// NodeEnv is the process.env.NODE_ENV compiled into the bundle.
	NodeEnv string `json:"nodeEnv"`
	// External are the modules, besides Node's built-ins, that the bundle
	// requires at run time (Modules of an embedding program).
	External []string `json:"external"`
	// Routes are the bundle's routes, in Index order.
	Routes []OutputRoute `json:"routes"`
	// Inputs are the project files the bundle was built from, relative to
	// the project folder.
	Inputs []string `json:"inputs"`
	// Warnings are the build's warnings.
	Warnings []string `json:"warnings"`
	// Bundle is the bundle's file name in the output folder, and
	// BundleSHA256 the hex SHA-256 of its contents.
	Bundle       string `json:"bundle"`
	BundleSHA256 string `json:"bundleSHA256"`
}

// OutputRoute is a route as the manifest records it. Its segments follow
// from Page.
type OutputRoute struct {
	Page  string `json:"page"`
	File  string `json:"file"`
	Index int    `json:"index"`
}

// WriteOutput writes b as the build output of the project in dir (an
// absolute or relative path on disk) and returns its manifest. The output
// is written into a new folder beside OutputDir, then swapped in by a rename
// (an atomic exchange on Linux), so that a reader sees the old output or the
// new one, never a mix; ReadOutput reads through one open folder for the
// same reason.
func WriteOutput(dir string, b *Bundle) (*Manifest, error) {
	sum := sha256.Sum256([]byte(b.Code))
	m := &Manifest{
		Format:       OutputFormat,
		Gojaapi:      gojaapiVersion(),
		Built:        b.Built.UTC(),
		NodeEnv:      b.NodeEnv,
		External:     nonNil(b.External),
		Routes:       make([]OutputRoute, len(b.Routes)),
		Inputs:       nonNil(b.Inputs),
		Warnings:     nonNil(b.Warnings),
		Bundle:       bundleFile,
		BundleSHA256: hex.EncodeToString(sum[:]),
	}
	for i, r := range b.Routes {
		m.Routes[i] = OutputRoute{Page: r.Page, File: r.File, Index: r.Index}
	}
	manifest, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(dir, OutputDir+"-new-")
	if err != nil {
		return nil, fmt.Errorf("writing the build output: %w", err)
	}
	defer os.RemoveAll(tmp) // after the swap, it holds the old output
	if err := os.Chmod(tmp, 0o755); err != nil {
		return nil, err
	}
	if err := writeSynced(filepath.Join(tmp, bundleFile), []byte(b.Code)); err != nil {
		return nil, err
	}
	if err := writeSynced(filepath.Join(tmp, manifestFile), append(manifest, '\n')); err != nil {
		return nil, err
	}
	if err := swapDir(tmp, filepath.Join(dir, OutputDir)); err != nil {
		return nil, fmt.Errorf("writing the build output: %w", err)
	}
	return m, nil
}

// writeSynced writes a file and flushes it to the disk.
func writeSynced(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// HasOutput reports whether the project in fsys has a build output: a
// manifest in OutputDir, usable or not.
func HasOutput(fsys fs.FS) bool {
	_, err := fs.Stat(fsys, OutputDir+"/"+manifestFile)
	return err == nil
}

// ReadOutput reads a build output from out, the output folder itself
// (os.Root.FS of OutputDir, or fs.Sub of a project FS), and compiles its
// bundle. A missing manifest gives an error wrapping fs.ErrNotExist; an
// output that cannot be used (unreadable, corrupt, another format) gives an
// error that says to build again.
func ReadOutput(out fs.FS) (*Bundle, *Manifest, error) {
	data, err := fs.ReadFile(out, manifestFile)
	if err != nil {
		return nil, nil, fmt.Errorf("%s/%s: %w", OutputDir, manifestFile, err)
	}
	invalid := func(format string, args ...any) error {
		return fmt.Errorf("%s/%s: unusable build output: %s; run gojaapi build again",
			OutputDir, manifestFile, fmt.Sprintf(format, args...))
	}
	var m Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, nil, invalid("%v", err)
	}
	if m.Format != OutputFormat {
		return nil, nil, invalid("format %d, written by %q; this gojaapi reads format %d", m.Format, m.Gojaapi, OutputFormat)
	}
	if m.Bundle != bundleFile {
		return nil, nil, invalid("bundle %q, want %q", m.Bundle, bundleFile)
	}
	routes, err := outputRoutes(m.Routes)
	if err != nil {
		return nil, nil, invalid("%v", err)
	}
	code, err := fs.ReadFile(out, m.Bundle)
	if err != nil {
		return nil, nil, invalid("%v", err)
	}
	if sum := sha256.Sum256(code); hex.EncodeToString(sum[:]) != m.BundleSHA256 {
		return nil, nil, invalid("%s does not match the manifest's checksum", m.Bundle)
	}
	prog, err := compileBundle(string(code))
	if err != nil {
		return nil, nil, invalid("%v", err)
	}
	b := &Bundle{
		Program:  prog,
		Code:     string(code),
		Routes:   routes,
		Inputs:   m.Inputs,
		Warnings: m.Warnings,
		NodeEnv:  m.NodeEnv,
		External: m.External,
		Built:    m.Built,
	}
	return b, &m, nil
}

// outputRoutes turns the manifest's routes back into the Routes Discover
// gave: segments parsed from the page, index checked against the position.
func outputRoutes(rs []OutputRoute) ([]*Route, error) {
	routes := make([]*Route, len(rs))
	for i, r := range rs {
		if r.Index != i {
			return nil, fmt.Errorf("route %s has index %d at position %d", r.Page, r.Index, i)
		}
		rel, ok := strings.CutPrefix(r.Page, "/api")
		if !ok || (rel != "" && rel[0] != '/') || r.File == "" {
			return nil, fmt.Errorf("route %q (%q) is not an API route", r.Page, r.File)
		}
		segs, err := parseSegments(strings.TrimPrefix(rel, "/"))
		if err != nil || pageOf(segs) != r.Page {
			return nil, fmt.Errorf("route %q does not parse back", r.Page)
		}
		routes[i] = &Route{File: r.File, Page: r.Page, Segments: segs, Index: i}
	}
	if errs := checkConflicts(routes); len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return routes, nil
}

// StaleSource names a project file that is newer than the build output or
// missing from it: an input (outside node_modules) modified after m.Built,
// or a route file added or removed since. It returns "" when there is none,
// or when the sources are not there to compare (a deployment that ships only
// the output). It only stats the inputs and lists the API folder.
func (m *Manifest) StaleSource(fsys fs.FS) string {
	for _, in := range m.Inputs {
		if strings.HasPrefix(in, "node_modules/") || strings.Contains(in, "/node_modules/") {
			continue
		}
		if st, err := fs.Stat(fsys, in); err == nil && st.ModTime().After(m.Built) {
			return in
		}
	}
	routes, err := Discover(fsys)
	if err != nil {
		return ""
	}
	built := map[string]bool{}
	for _, r := range m.Routes {
		built[r.File] = true
	}
	for _, r := range routes {
		if !built[r.File] {
			return r.File + " (a route not in the build)"
		}
		delete(built, r.File)
	}
	for _, r := range m.Routes {
		if built[r.File] {
			return r.File + " (a route removed since the build)"
		}
	}
	return ""
}

// gojaapiVersion identifies the running gojaapi build: the version of the
// gojaapi module (the main module, or a dependency of an embedding program),
// the VCS revision when gojaapi is the main module, and the versions of
// esbuild and Go.
func gojaapiVersion() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return runtime.Version()
	}
	const self = "github.com/gojaapi/gojaapi"
	name := "gojaapi"
	var rest []string
	if info.Main.Path == self {
		name += " " + info.Main.Version
		for _, s := range info.Settings {
			switch {
			case s.Key == "vcs.revision":
				name += " " + s.Value
			case s.Key == "vcs.modified" && s.Value == "true":
				name += "+modified"
			}
		}
	}
	for _, d := range info.Deps {
		switch d.Path {
		case self:
			name += " " + d.Version
		case "github.com/evanw/esbuild":
			rest = append(rest, "esbuild "+d.Version)
		}
	}
	return strings.Join(append(append([]string{name}, rest...), info.GoVersion), ", ")
}

// nonNil returns s, or an empty slice for nil, so that JSON says [].
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
