package bindings

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// The parsers read untrusted input: they must never panic, and their output
// must be valid UTF-8 text that JS can hold.

func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{"a=1&b=2&a=3", "x=%zz", "%E2%82%AC=%FF+", "&&=&"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		pairs := ParseQuery(Latin1(s))
		if len(pairs) > MaxQueryKeys {
			t.Fatalf("%d pairs", len(pairs))
		}
		for _, p := range pairs {
			if !utf8.ValidString(p.Key) || !utf8.ValidString(p.Value) {
				t.Fatalf("invalid UTF-8 in %q", p)
			}
		}
	})
}

func FuzzParseSearchParams(f *testing.F) {
	for _, s := range []string{"a=1&b=2&a=3", "x=%zz", "%E2%82%AC=%FF+", "&&=&"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, p := range ParseSearchParams(Latin1(s)) {
			if !utf8.ValidString(p.Key) || !utf8.ValidString(p.Value) {
				t.Fatalf("invalid UTF-8 in %q", p)
			}
		}
	})
}

func FuzzParseCookies(f *testing.F) {
	for _, s := range []string{`a=1; b="q"; c=x%20y`, "=;;=", `"`, "a=%"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		seen := map[string]bool{}
		for _, p := range ParseCookies(s) {
			if seen[p.Key] {
				t.Fatalf("duplicate key %q", p.Key)
			}
			seen[p.Key] = true
		}
	})
}

func FuzzParseContentType(f *testing.F) {
	for _, s := range []string{"text/plain; charset=utf-8", `a/b; c="d\"e"`, ";;", "a/b;"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ct, err := ParseContentType(s)
		if err == nil && (ct.Type != strings.ToLower(ct.Type) || !strings.Contains(ct.Type, "/")) {
			t.Fatalf("bad type %q", ct.Type)
		}
	})
}

func FuzzParseBytes(f *testing.F) {
	for _, s := range []string{"1mb", "1.5 GB", "-3kb", "12abc"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { ParseBytes(s) })
}

func FuzzETag(f *testing.F) {
	f.Add("hello")
	f.Add("€😀")
	f.Fuzz(func(t *testing.T, s string) {
		e := ETag(s)
		if len(e) < 3 || e[0] != '"' || e[len(e)-1] != '"' {
			t.Fatalf("bad etag %q", e)
		}
	})
}

func FuzzDecodeBody(f *testing.F) {
	f.Add([]byte("\xEF\xBB\xBFhi\xFF"), "utf-8")
	f.Add([]byte{0xFF, 0xFE, 'a', 0}, "utf-16le")
	f.Fuzz(func(t *testing.T, b []byte, cs string) {
		if s, err := DecodeBody(b, cs); err == nil && !utf8.ValidString(s) {
			t.Fatalf("invalid UTF-8 from %q/%q", b, cs)
		}
	})
}
