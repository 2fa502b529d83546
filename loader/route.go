package loader

import (
	"fmt"
	"strings"
)

// SegmentKind says how one path segment of a route matches.
type SegmentKind int

const (
	// Static matches its text exactly.
	Static SegmentKind = iota
	// Dynamic ([id]) matches exactly one non-empty segment.
	Dynamic
	// CatchAll ([...slug]) matches one or more segments.
	CatchAll
	// OptionalCatchAll ([[...slug]]) matches zero or more segments.
	OptionalCatchAll
)

// Segment is one part of a route's path.
type Segment struct {
	Kind SegmentKind
	// Text is the literal text for Static, the parameter name otherwise.
	Text string
}

// Route is one API route: a handler file and the URL paths it answers.
type Route struct {
	// File is the handler's path relative to the project folder, with
	// forward slashes, e.g. "pages/api/user/[id].ts".
	File string
	// Page is the route as Next.js names it, e.g. "/api/user/[id]".
	Page string
	// Segments are the parts of Page after "/api".
	Segments []Segment
	// Index is the route's position in the table Discover returned; the
	// bundle and the workers use it as the route's key.
	Index int
}

// Params lists the route's parameter names in path order.
func (r *Route) Params() []string {
	var names []string
	for _, s := range r.Segments {
		if s.Kind != Static {
			names = append(names, s.Text)
		}
	}
	return names
}

// parseSegments reads a route path (relative to pages/api, without the
// extension, "index" already removed) into segments.
func parseSegments(rel string) ([]Segment, error) {
	if rel == "" {
		return nil, nil
	}
	parts := strings.Split(rel, "/")
	segs := make([]Segment, 0, len(parts))
	seen := map[string]bool{}
	for i, p := range parts {
		var s Segment
		switch {
		case strings.HasPrefix(p, "[[...") && strings.HasSuffix(p, "]]"):
			s = Segment{OptionalCatchAll, p[5 : len(p)-2]}
		case strings.HasPrefix(p, "[...") && strings.HasSuffix(p, "]"):
			s = Segment{CatchAll, p[4 : len(p)-1]}
		case strings.HasPrefix(p, "[") && strings.HasSuffix(p, "]"):
			s = Segment{Dynamic, p[1 : len(p)-1]}
		default:
			s = Segment{Static, p}
		}
		if s.Kind != Static {
			if s.Text == "" {
				return nil, fmt.Errorf("empty parameter name in segment %q", p)
			}
			if seen[s.Text] {
				return nil, fmt.Errorf("parameter %q is used twice", s.Text)
			}
			seen[s.Text] = true
		}
		if (s.Kind == CatchAll || s.Kind == OptionalCatchAll) && i != len(parts)-1 {
			return nil, fmt.Errorf("catch-all segment %q must be the last part of the path", p)
		}
		segs = append(segs, s)
	}
	return segs, nil
}
