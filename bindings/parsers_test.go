package bindings

import (
	"reflect"
	"testing"
)

func TestETagVectors(t *testing.T) {
	// Values from Next.js's generateETag, recorded in the spec.
	for s, want := range map[string]string{
		"hello":             `"2caikvdqo85"`,
		"true":              `"ywwejgvrps4"`,
		"Index should work": `"13zwbfttj8yh"`,
		"{}":                `"bwc9mymkdm2"`,
		"€":                 `"bg2quj82tb1"`,
	} {
		if got := ETag(s); got != want {
			t.Errorf("ETag(%q) = %s, want %s", s, got, want)
		}
	}
	// Astral characters hash as two UTF-16 code units and count 2 in length.
	if _, n := fnv1a52("a😀"); n != 3 {
		t.Errorf("UTF-16 length of a😀 = %d, want 3", n)
	}
}

func TestParseQuery(t *testing.T) {
	cases := []struct {
		in   string
		want []Pair
	}{
		{"a=1&b=2&a=3", []Pair{{"a", "1"}, {"b", "2"}, {"a", "3"}}},
		{"c&d=", []Pair{{"c", ""}, {"d", ""}}},
		{"x=a+b%20c", []Pair{{"x", "a b c"}}},
		{"a[]=1&a[]=2&b.c=3", []Pair{{"a[]", "1"}, {"a[]", "2"}, {"b.c", "3"}}},
		{"bad=%zz%4", []Pair{{"bad", "%zz%4"}}},
		{"u=%E2%82%AC&v=%FF", []Pair{{"u", "€"}, {"v", "\uFFFD"}}},
		{"&&a=1&", []Pair{{"a", "1"}}},
		{"k=v=w", []Pair{{"k", "v=w"}}},
		{"raw=\u0080", []Pair{{"raw", "\u0080"}}},
		{"mixed=\u00e9%zz%C3%A9", []Pair{{"mixed", "\uFFFD%zz\u00e9"}}},
		{"", nil},
	}
	for _, c := range cases {
		if got := ParseQuery(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("ParseQuery(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestParseSearchParams(t *testing.T) {
	cases := []struct {
		in   string
		want []Pair
	}{
		{"a=1&b=2&a=3", []Pair{{"a", "1"}, {"b", "2"}, {"a", "3"}}},
		{"c&d=", []Pair{{"c", ""}, {"d", ""}}},
		{"x=a+b%20c", []Pair{{"x", "a b c"}}},
		{"bad=%zz%4", []Pair{{"bad", "%zz%4"}}},
		{"u=%E2%82%AC&v=%FF", []Pair{{"u", "€"}, {"v", "\uFFFD"}}},
		{"mixed=\u00e9%zz%C3%A9", []Pair{{"mixed", "\u00e9%zz\u00e9"}}},
		{"&&a=1&", []Pair{{"a", "1"}}},
	}
	for _, c := range cases {
		if got := ParseSearchParams(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("ParseSearchParams(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestParseCookies(t *testing.T) {
	cases := []struct {
		in   string
		want []Pair
	}{
		{`a=1; b="quoted"; c=x%20y; a=2; bad`, []Pair{{"a", "1"}, {"b", "quoted"}, {"c", "x y"}}},
		{"nextjs=cool;", []Pair{{"nextjs", "cool"}}},
		{"bad=%E0%A4%A; ok=%41", []Pair{{"bad", "%E0%A4%A"}, {"ok", "A"}}},
		{"toString=1; constructor=2; x=3", []Pair{{"x", "3"}}},
		{` sp = v ;x=" `, []Pair{{"sp", "v"}, {"x", ""}}},
		{"", nil},
	}
	for _, c := range cases {
		if got := ParseCookies(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("ParseCookies(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestParseContentType(t *testing.T) {
	cases := []struct {
		in      string
		typ     string
		charset string
		ok      bool
	}{
		{"application/json", "application/json", "", true},
		{"application/x-www-Form-urlencoded", "application/x-www-form-urlencoded", "", true},
		{"text/plain; charset=UTF-8", "text/plain", "UTF-8", true},
		{`text/plain; Charset="utf-8"`, "text/plain", "utf-8", true},
		{"text/plain ; charset = latin1 ", "text/plain", "latin1", true},
		{"application/json;", "", "", false},
		{";;;garbage", "", "", false},
		{"text", "", "", false},
		{"text/plain; charset", "", "", false},
		{`text/plain; a="unterminated`, "", "", false},
	}
	for _, c := range cases {
		ct, err := ParseContentType(c.in)
		if (err == nil) != c.ok {
			t.Errorf("ParseContentType(%q) error = %v, want ok=%v", c.in, err, c.ok)
			continue
		}
		if c.ok && (ct.Type != c.typ || ct.Params["charset"] != c.charset) {
			t.Errorf("ParseContentType(%q) = %+v", c.in, ct)
		}
	}
}

func TestParseBytes(t *testing.T) {
	cases := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"1mb", 1 << 20, true}, {"500kb", 500 << 10, true}, {"1.5MB", 1572864, true},
		{"10b", 10, true}, {"1 GB", 1 << 30, true}, {"42", 42, true}, {"mb", 0, false}, {"", 0, false},
	}
	for _, c := range cases {
		got, ok := ParseBytes(c.in)
		if ok != c.ok || got != c.want {
			t.Errorf("ParseBytes(%q) = %d, %v; want %d, %v", c.in, got, ok, c.want, c.ok)
		}
	}
	for n, want := range map[float64]string{4 << 20: "4MB", 5 << 20: "5MB", 1536: "1.5KB", 100: "100B"} {
		if got := FormatBytes(n); got != want {
			t.Errorf("FormatBytes(%v) = %s, want %s", n, got, want)
		}
	}
}

func TestFresh(t *testing.T) {
	etag := `"abc"`
	cases := []struct {
		inm, ims, cc string
		want         bool
	}{
		{"", "", "", false},
		{`"abc"`, "", "", true},
		{`W/"abc"`, "", "", true},
		{`"x", "abc"`, "", "", true},
		{`"x"`, "", "", false},
		{"*", "", "", true},
		{`"abc"`, "", "no-cache", false},
		{`"abc"`, "", "max-age=0, no-cache", false},
		{"", "Wed, 21 Oct 2015 07:28:00 GMT", "", false},
	}
	for _, c := range cases {
		if got := Fresh(c.inm, c.ims, c.cc, etag); got != c.want {
			t.Errorf("Fresh(%q, %q, %q) = %v, want %v", c.inm, c.ims, c.cc, got, c.want)
		}
	}
}

func TestDecodeBody(t *testing.T) {
	cases := []struct {
		in      []byte
		charset string
		want    string
		err     bool
	}{
		{[]byte("\xEF\xBB\xBFhi"), "utf-8", "hi", false},
		{[]byte("a\xFFb"), "utf8", "a\uFFFDb", false},
		{[]byte{0xE9}, "latin1", "é", false},
		{[]byte{'h', 0, 'i', 0}, "utf-16le", "hi", false},
		{[]byte("x"), "bogus", "", true},
	}
	for _, c := range cases {
		got, err := DecodeBody(c.in, c.charset)
		if (err != nil) != c.err || got != c.want {
			t.Errorf("DecodeBody(%q, %q) = %q, %v", c.in, c.charset, got, err)
		}
	}
}
