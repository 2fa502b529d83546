package gojaapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"html"
	"io/fs"
	"net/http"

	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/evanw/esbuild/pkg/api"
	"github.com/gojaapi/gojaapi/loader"
)

// buildFailure is the last failed build in dev mode: the routes its errors
// are in answer with the error; the others keep running the last good build.
type buildFailure struct {
	err *loader.BuildError
	// router matches the routes as they are on disk now; pages are the
	// routes whose files have errors, or nil when an error is outside route
	// files (a library file can be imported by any route: all fail).
	router *loader.Router
	pages  map[string]bool
	text   string
}

// Watch reloads the server whenever a project file changes (route files,
// anything they import, .env files, tsconfig.json, package.json and the
// top level of node_modules), until ctx ends. It polls every interval
// (300 ms when 0), which needs no platform file-watching API. Rebuilds are
// incremental: esbuild keeps its work between them and parses again only
// the files that changed (see loader.Builder). A build that fails is logged
// with esbuild's file, line, column and code frame; until the next good
// build, the routes whose files are broken answer 500 with the same text
// (HTML for browsers, JSON for clients that ask for it) while the others
// keep serving the last good build.
func (s *Server) Watch(ctx context.Context, interval time.Duration) {
	if interval <= 0 {
		interval = 300 * time.Millisecond
	}
	s.incremental.Store(true)
	last, newest := s.fingerprint()
	// A save between the first build and now must not become the baseline:
	// reload at the first tick if a file is newer than that build (less a
	// margin for the file system's coarse clock).
	if newest.After(s.builtAt.Add(-100 * time.Millisecond)) {
		last = 0
	}
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		fp, _ := s.fingerprint()
		if fp == last {
			continue
		}
		last = fp
		start := time.Now()
		err := s.Reload()
		var be *loader.BuildError
		switch {
		case err == nil:
			s.failure.Store(nil)
			s.opts.Logger.Info("reloaded", "routes", len(s.Routes()), "took", time.Since(start).Round(time.Millisecond))
		case errors.As(err, &be):
			s.failure.Store(s.newFailure(be))
			s.opts.Logger.Error("build failed; the affected routes answer with the error until the next good save\n" + be.Error())
		case errors.Is(err, ErrServerClosed):
			return
		default:
			s.opts.Logger.Error("reload failed", "error", err)
		}
	}
}

func (s *Server) newFailure(be *loader.BuildError) *buildFailure {
	f := &buildFailure{err: be, text: be.Error()}
	routes, err := loader.Discover(s.fsys)
	if err != nil {
		return f
	}
	f.router = loader.NewRouter(routes)
	byFile := map[string]string{}
	for _, r := range routes {
		byFile[r.File] = r.Page
	}
	f.pages = map[string]bool{}
	for _, m := range be.Messages {
		page, ok := "", false
		if m.Location != nil {
			page, ok = byFile[filepath.ToSlash(m.Location.File)]
		}
		if !ok {
			f.pages = nil // an error outside the route files: every route
			return f
		}
		f.pages[page] = true
	}
	return f
}

// serveFailure answers r with the build error if r's route is affected.
func (s *Server) serveFailure(w http.ResponseWriter, r *http.Request) bool {
	f := s.failure.Load()
	if f == nil {
		return false
	}
	if f.router != nil && f.pages != nil {
		segs, ok := loader.SplitPath(r.URL.EscapedPath(), s.prefix())
		if !ok {
			return false
		}
		route, _, ok := f.router.Match(segs)
		if !ok || !f.pages[route.Page] {
			return false
		}
	}
	accept := r.Header.Get("Accept")
	switch {
	case strings.Contains(accept, "text/html"):
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusInternalServerError)
		fmt.Fprintf(w, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Build error</title></head><body><h1>Build error</h1><pre>%s</pre></body></html>", html.EscapeString(f.text))
	case strings.Contains(accept, "application/json"):
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(http.StatusInternalServerError)
		_ = json.NewEncoder(w).Encode(map[string]any{"error": map[string]any{"message": "Build error", "errors": messages(f.err.Messages)}})
	default:
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusInternalServerError)
		fmt.Fprintf(w, "Build error\n%s\n", f.text)
	}
	return true
}

func messages(ms []api.Message) []map[string]any {
	out := make([]map[string]any, 0, len(ms))
	for _, m := range ms {
		e := map[string]any{"text": m.Text, "frame": loader.FormatMessage(m)}
		if m.Location != nil {
			e["file"], e["line"], e["column"] = m.Location.File, m.Location.Line, m.Location.Column+1
		}
		out = append(out, e)
	}
	return out
}

// prefix is the mount prefix with its default.
func (s *Server) prefix() string {
	if s.opts.Prefix == "" {
		return "/api"
	}
	return "/" + strings.Trim(s.opts.Prefix, "/")
}

// fingerprint summarises the watched files: their names, sizes and
// modification times. node_modules counts by its top-level entries only.
func (s *Server) fingerprint() (sum uint64, newest time.Time) {
	h := fnv.New64a()
	var names []string
	_ = fs.WalkDir(s.fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() && p != "." {
			switch d.Name() {
			case ".git", ".next":
				return fs.SkipDir
			case "node_modules":
				names = append(names, p+"/")
				return fs.SkipDir
			}
			if strings.HasPrefix(d.Name(), loader.OutputDir) { // the build output, and one being written
				return fs.SkipDir
			}
		}
		names = append(names, p)
		return nil
	})
	if entries, err := fs.ReadDir(s.fsys, "node_modules"); err == nil {
		for _, e := range entries {
			names = append(names, "node_modules/"+e.Name())
		}
	}
	sort.Strings(names)
	for _, n := range names {
		if info, err := fs.Stat(s.fsys, n); err == nil {
			fmt.Fprintf(h, "%s\x00%d\x00%d\x00", n, info.Size(), info.ModTime().UnixNano())
			if info.ModTime().After(newest) {
				newest = info.ModTime()
			}
		}
	}
	return h.Sum64(), newest
}
