package loader

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

func project(files ...string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, f := range files {
		fsys[f] = &fstest.MapFile{Data: []byte("export default () => {}")}
	}
	return fsys
}

func TestDiscoverMapping(t *testing.T) {
	routes, err := Discover(project(
		"pages/api/index.js", "pages/api/user.ts", "pages/api/blog/index.tsx", "pages/api/blog/[post].jsx",
		"pages/api/catch/[...slug].js", "pages/api/opt/[[...slug]].js", "pages/api/ext/mjs.mjs",
		"pages/api/ext/cjs.cjs", "pages/api/types.d.ts", "pages/api/README.md", "pages/other.js",
	))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range routes {
		got = append(got, r.Page+"="+r.File)
	}
	want := []string{
		"/api=pages/api/index.js",
		"/api/blog=pages/api/blog/index.tsx",
		"/api/blog/[post]=pages/api/blog/[post].jsx",
		"/api/catch/[...slug]=pages/api/catch/[...slug].js",
		"/api/opt/[[...slug]]=pages/api/opt/[[...slug]].js",
		"/api/user=pages/api/user.ts",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("routes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestDiscoverSrcPages(t *testing.T) {
	routes, err := Discover(project("src/pages/api/hello.js"))
	if err != nil || len(routes) != 1 || routes[0].File != "src/pages/api/hello.js" {
		t.Fatalf("%v %v", routes, err)
	}
	if _, err := Discover(project("lib/x.js")); err == nil {
		t.Fatal("want an error without pages/api")
	}
}

func TestDiscoverConflicts(t *testing.T) {
	for _, files := range [][]string{
		{"pages/api/dup.js", "pages/api/dup/index.js"},
		{"pages/api/user.js", "pages/api/user.ts"},
		{"pages/api/[a].js", "pages/api/[b].js"},
		{"pages/api/opt/index.js", "pages/api/opt/[[...slug]].js"},
	} {
		_, err := Discover(project(files...))
		if err == nil {
			t.Errorf("%v: want a conflict error", files)
			continue
		}
		for _, f := range files {
			if !strings.Contains(err.Error(), f) {
				t.Errorf("%v: error does not name %s: %v", files, f, err)
			}
		}
	}
}

// TestRouterPrecedence checks that the router picks the route Next.js
// picks (spec §1, Precedence), including sets ServeMux cannot register.
func TestRouterPrecedence(t *testing.T) {
	routes, err := Discover(project(
		"pages/api/prec/static.js", "pages/api/prec/[id].js", "pages/api/prec/[...rest].js",
		"pages/api/[post].js", "pages/api/[post]/comments.js", "pages/api/[post]/[comment].js",
		"pages/api/catch/[...slug].js", "pages/api/opt/[[...slug]].js", "pages/api/index.js",
		"pages/api/blog/[post]/comment/[id].js",
	))
	if err != nil {
		t.Fatal(err)
	}
	rt := NewRouter(routes)
	cases := []struct{ path, page, params string }{
		{"/api", "/api", ""},
		{"/api/prec/static", "/api/prec/static", ""},
		{"/api/prec/other", "/api/prec/[id]", "id=other"},
		{"/api/prec/a/b", "/api/prec/[...rest]", "rest=[a b]"},
		{"/api/post-1", "/api/[post]", "post=post-1"},
		{"/api/post-1/comments", "/api/[post]/comments", "post=post-1"},
		{"/api/post-1/c1", "/api/[post]/[comment]", "post=post-1 comment=c1"},
		{"/api/catch/a/b%20c/d%2Fe", "/api/catch/[...slug]", "slug=[a b c d/e]"},
		{"/api/catch/x", "/api/catch/[...slug]", "slug=[x]"},
		{"/api/catch", "/api/[post]", "post=catch"},
		{"/api/opt", "/api/opt/[[...slug]]", ""},
		{"/api/opt/a/b", "/api/opt/[[...slug]]", "slug=[a b]"},
		{"/api/a%2Fb", "/api/[post]", "post=a/b"},
		{"/api/%E2%82%AC", "/api/[post]", "post=€"},
		{"/api/hello.json", "/api/[post]", "post=hello.json"},
		{"/api/blog/543/comment", "", ""},
		{"/api/x/y/z", "", ""},
	}
	for _, c := range cases {
		segs, ok := SplitPath(c.path, "/api")
		if !ok {
			t.Fatalf("%s not under /api", c.path)
		}
		r, params, ok := rt.Match(segs)
		page := ""
		if ok {
			page = r.Page
		}
		var ps []string
		for _, p := range params {
			if p.List {
				ps = append(ps, p.Name+"="+fmt.Sprint(p.Values))
			} else {
				ps = append(ps, p.Name+"="+p.Values[0])
			}
		}
		if page != c.page || strings.Join(ps, " ") != c.params {
			t.Errorf("%s -> %q %q, want %q %q", c.path, page, strings.Join(ps, " "), c.page, c.params)
		}
	}
}

func FuzzRouter(f *testing.F) {
	routes, err := Discover(project("pages/api/[a].js", "pages/api/x/[...b].js", "pages/api/y/[[...c]].js", "pages/api/z.js"))
	if err != nil {
		f.Fatal(err)
	}
	rt := NewRouter(routes)
	for _, s := range []string{"/api/x/a/b", "/api/%zz", "/api//", "/api/y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, path string) {
		segs, ok := SplitPath(path, "/api")
		if !ok {
			return
		}
		r, params, ok := rt.Match(segs)
		if ok && len(params) > len(r.Params()) {
			t.Fatalf("%s: %d params for %s", path, len(params), r.Page)
		}
	})
}
