package loader

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
)

// PageExtensions are the file extensions that make a route, in Next.js's
// default order. .mjs and .cjs files are not routes.
var PageExtensions = []string{".tsx", ".ts", ".jsx", ".js"}

// ErrNoAPIFolder is returned by Discover when the project has neither
// pages/api nor src/pages/api.
var ErrNoAPIFolder = errors.New("no pages/api or src/pages/api folder")

// APIDir returns the folder holding the API routes in fsys: "pages/api", or
// "src/pages/api" when only that exists (Next.js's rule: pages/ at the root
// wins over src/pages/).
func APIDir(fsys fs.FS) (string, error) {
	for _, dir := range []string{"pages/api", "src/pages/api"} {
		if st, err := fs.Stat(fsys, dir); err == nil && st.IsDir() {
			return dir, nil
		}
	}
	if st, err := fs.Stat(fsys, "pages"); err == nil && st.IsDir() {
		return "", fmt.Errorf("%w (pages/ exists but has no api/ folder)", ErrNoAPIFolder)
	}
	return "", ErrNoAPIFolder
}

// Discover walks the API folder of fsys and returns its routes, sorted by
// page. Two files that claim the same route are an error naming both.
func Discover(fsys fs.FS) ([]*Route, error) {
	dir, err := APIDir(fsys)
	if err != nil {
		return nil, err
	}
	byPage := map[string]*Route{}
	var errs []error
	err = fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != dir && (strings.HasPrefix(d.Name(), ".") || d.Name() == "node_modules") {
				return fs.SkipDir
			}
			return nil
		}
		ext := routeExt(d.Name())
		if ext == "" || strings.HasSuffix(d.Name(), ".d.ts") {
			return nil
		}
		rel := strings.TrimSuffix(strings.TrimPrefix(p, dir), ext)
		rel = strings.TrimPrefix(rel, "/")
		if rel == "index" {
			rel = ""
		} else {
			rel = strings.TrimSuffix(rel, "/index")
		}
		segs, perr := parseSegments(rel)
		if perr != nil {
			errs = append(errs, fmt.Errorf("%s: %v", p, perr))
			return nil
		}
		r := &Route{File: p, Page: pageOf(segs), Segments: segs}
		if prev, dup := byPage[r.Page]; dup {
			errs = append(errs, fmt.Errorf("%s and %s both define the route %s; keep only one", prev.File, r.File, r.Page))
			return nil
		}
		byPage[r.Page] = r
		return nil
	})
	if err != nil {
		return nil, err
	}
	routes := make([]*Route, 0, len(byPage))
	for _, r := range byPage {
		routes = append(routes, r)
	}
	sort.Slice(routes, func(i, j int) bool { return routes[i].Page < routes[j].Page })
	errs = append(errs, checkConflicts(routes)...)
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	for i, r := range routes {
		r.Index = i
	}
	return routes, nil
}

// routeExt returns the page extension of name, or "" if it is not a route.
func routeExt(name string) string {
	ext := path.Ext(name)
	for _, e := range PageExtensions {
		if ext == e {
			return ext
		}
	}
	return ""
}

func pageOf(segs []Segment) string {
	var b strings.Builder
	b.WriteString("/api")
	for _, s := range segs {
		switch s.Kind {
		case Static:
			b.WriteString("/" + s.Text)
		case Dynamic:
			b.WriteString("/[" + s.Text + "]")
		case CatchAll:
			b.WriteString("/[..." + s.Text + "]")
		case OptionalCatchAll:
			b.WriteString("/[[..." + s.Text + "]]")
		}
	}
	return b.String()
}

// shape is a route with parameter names erased: two routes of the same shape
// match the same paths, which Next.js rejects ("You cannot use different slug
// names for the same dynamic path").
func shape(segs []Segment) string {
	var b strings.Builder
	for _, s := range segs {
		switch s.Kind {
		case Static:
			b.WriteString("/" + s.Text)
		case Dynamic:
			b.WriteString("/[]")
		case CatchAll:
			b.WriteString("/[...]")
		case OptionalCatchAll:
			b.WriteString("/[[...]]")
		}
	}
	return b.String()
}

// checkConflicts finds routes that would match the same paths: same shape
// with different names, or an optional catch-all beside an index route of the
// same folder.
func checkConflicts(routes []*Route) []error {
	var errs []error
	byShape := map[string]*Route{}
	for _, r := range routes {
		k := shape(r.Segments)
		if prev, dup := byShape[k]; dup {
			errs = append(errs, fmt.Errorf("%s and %s match the same paths (%s vs %s); Next.js rejects different slug names for the same dynamic path", prev.File, r.File, prev.Page, r.Page))
			continue
		}
		byShape[k] = r
	}
	for _, r := range routes {
		n := len(r.Segments)
		if n == 0 || r.Segments[n-1].Kind != OptionalCatchAll {
			continue
		}
		if idx, ok := byShape[shape(r.Segments[:n-1])]; ok {
			errs = append(errs, fmt.Errorf("%s and %s both match %s; an optional catch-all cannot sit beside an index route of the same folder", idx.File, r.File, idx.Page))
		}
	}
	return errs
}
