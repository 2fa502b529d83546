package bindings

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dop251/goja"
	"github.com/gojaapi/gojaapi/compat"
)

// The parsers read untrusted input: they must never panic, and their output
// must be valid UTF-8 text that JS can hold.

func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{"a=1&b=2&a=3", "x=%zz", "%E2%82%AC=%FF+", "&&=&"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		pairs := ParseQuery(compat.ByteString(s))
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
		for _, p := range ParseSearchParams(compat.ByteString(s)) {
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

// etagJS is Next.js's generateETag (next/dist/server/lib/etag), the
// reference FuzzETag compares ETag with: fnv1a52 in four 16-bit lanes over
// the string's UTF-16 code units.
const etagJS = `(str) => {
  let v0 = 0x2325, v1 = 0x8422, v2 = 0x9ce4, v3 = 0xcbf2, t0, t1, t2, t3
  for (let i = 0; i < str.length; i++) {
    v0 ^= str.charCodeAt(i)
    t0 = v0 * 435; t1 = v1 * 435; t2 = v2 * 435; t3 = v3 * 435
    t2 += v0 << 8; t3 += v1 << 8
    t1 += t0 >>> 16; v0 = t0 & 65535
    t2 += t1 >>> 16; v1 = t1 & 65535
    v3 = (t3 + (t2 >>> 16)) & 65535; v2 = t2 & 65535
  }
  const h = (v3 & 15) * 281474976710656 + v2 * 4294967296 + v1 * 65536 + (v0 ^ (v3 >> 4))
  return '"' + h.toString(36) + str.length.toString(36) + '"'
}`

func FuzzETag(f *testing.F) {
	f.Add("hello")
	f.Add("€😀")
	f.Add(`{"hello":"world"}`)
	vm := goja.New()
	ref, err := vm.RunString(etagJS)
	if err != nil {
		f.Fatal(err)
	}
	etag, _ := goja.AssertFunction(ref)
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // bodies reach ETag as JavaScript strings, always valid
		}
		want, err := etag(goja.Undefined(), vm.ToValue(s))
		if err != nil {
			t.Fatal(err)
		}
		if got := ETag(s); got != want.String() {
			t.Fatalf("ETag(%q) = %s, want %s", s, got, want)
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
