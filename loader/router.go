package loader

import (
	"net/url"
	"sort"
	"strings"
)

// Router matches request paths to routes with Next.js's precedence.
//
// Why not net/http.ServeMux: ServeMux handles most of Next's rules (static
// beats [id] beats [...rest]) but rejects route sets that Next accepts, for
// example pages/api/catch/[...slug].js beside pages/api/[post]/[comment].js:
// "/api/catch/x" matches both and neither pattern is more specific in
// ServeMux's sense, so registration panics. Next orders routes by a trie,
// segment by segment: a static segment, then a [param], then a [...catchAll],
// then a [[...optional]], and the first route that matches the whole path
// wins. Router is that trie, walked depth-first with backtracking.
//
// A Router is immutable after NewRouter and safe for concurrent use.
type Router struct {
	root *node
}

type node struct {
	static   map[string]*node
	dynamic  *node
	param    string
	route    *Route // the route ending at this node (an index file)
	catchAll *Route // [...x] at this level
	optional *Route // [[...x]] at this level
}

// NewRouter builds the trie for routes (as returned by Discover, which has
// already rejected routes that would claim the same paths).
func NewRouter(routes []*Route) *Router {
	root := &node{}
	for _, r := range routes {
		n := root
		for _, s := range r.Segments {
			switch s.Kind {
			case Static:
				if n.static == nil {
					n.static = map[string]*node{}
				}
				child := n.static[s.Text]
				if child == nil {
					child = &node{}
					n.static[s.Text] = child
				}
				n = child
			case Dynamic:
				if n.dynamic == nil {
					n.dynamic = &node{param: s.Text}
				}
				n = n.dynamic
			case CatchAll:
				n.catchAll = r
			case OptionalCatchAll:
				n.optional = r
			}
		}
		if k := len(r.Segments); k == 0 || (r.Segments[k-1].Kind != CatchAll && r.Segments[k-1].Kind != OptionalCatchAll) {
			n.route = r
		}
	}
	return &Router{root: root}
}

// Param is one route parameter of a match.
type Param struct {
	Name string
	// Values holds one value for [id], one or more for catch-alls.
	Values []string
	// List is true for catch-all parameters, whose value is an array.
	List bool
}

// Match finds the route for segs, the escaped path segments after the mount
// prefix (so "a%2Fb" is one segment). Parameter values are percent-decoded
// segment by segment. An empty optional catch-all yields no parameter, since
// Next leaves the key out of req.query.
func (rt *Router) Match(segs []string) (*Route, []Param, bool) {
	decoded := make([]string, len(segs))
	for i, s := range segs {
		d, err := url.PathUnescape(s)
		if err != nil {
			return nil, nil, false
		}
		decoded[i] = d
	}
	var params []Param
	r := rt.root.match(decoded, &params)
	return r, params, r != nil
}

func (n *node) match(segs []string, params *[]Param) *Route {
	if len(segs) == 0 {
		if n.route != nil {
			return n.route
		}
		if n.optional != nil {
			return n.optional
		}
		return nil
	}
	mark := len(*params)
	if child := n.static[segs[0]]; child != nil {
		if r := child.match(segs[1:], params); r != nil {
			return r
		}
		*params = (*params)[:mark]
	}
	if n.dynamic != nil && segs[0] != "" {
		*params = append(*params, Param{Name: n.dynamic.param, Values: segs[:1]})
		if r := n.dynamic.match(segs[1:], params); r != nil {
			return r
		}
		*params = (*params)[:mark]
	}
	for _, r := range []*Route{n.catchAll, n.optional} {
		if r != nil {
			seg := r.Segments[len(r.Segments)-1]
			*params = append(*params, Param{Name: seg.Text, Values: segs, List: true})
			return r
		}
	}
	return nil
}

// Order lists the routes in the order Next.js tries them: depth first,
// static segments (alphabetically) before [param], [...catchAll] and
// [[...optional]].
func (rt *Router) Order() []*Route {
	var out []*Route
	var walk func(n *node)
	walk = func(n *node) {
		if n.route != nil {
			out = append(out, n.route)
		}
		keys := make([]string, 0, len(n.static))
		for k := range n.static {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			walk(n.static[k])
		}
		if n.dynamic != nil {
			walk(n.dynamic)
		}
		if n.catchAll != nil {
			out = append(out, n.catchAll)
		}
		if n.optional != nil {
			out = append(out, n.optional)
		}
	}
	walk(rt.root)
	return out
}

// SplitPath returns the escaped segments of path below prefix ("/api"), and
// false if path is not under prefix.
func SplitPath(path, prefix string) ([]string, bool) {
	prefix = strings.TrimSuffix(prefix, "/")
	if !strings.HasPrefix(path, prefix) {
		return nil, false
	}
	rest := path[len(prefix):]
	if rest == "" {
		return nil, true
	}
	if rest[0] != '/' {
		return nil, false
	}
	rest = rest[1:]
	if rest == "" {
		return nil, true
	}
	return strings.Split(rest, "/"), true
}
