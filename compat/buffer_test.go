package compat

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/dop251/goja"
)

// bufCase is one JS expression and the result Node 20 gives for it:
// JSON of the value ("s:" + JSON for a string, bigints as "<n>n"), or
// "throws: " + String(error) + " code=" + error.code.
type bufCase struct{ name, expr, want string }

const bufShowJS = `const __show = (f) => { try { const v = f(); return typeof v === 'string' ? 's:' + JSON.stringify(v) : JSON.stringify(v, (k, x) => typeof x === 'bigint' ? x + 'n' : x) } catch (e) { return 'throws: ' + String(e) + (e && e.code !== undefined ? ' code=' + e.code : '') } };`

// runBufCases evaluates every case in one runtime (after prelude) and
// compares each result with Node's.
func runBufCases(t *testing.T, prelude string, cases []bufCase) {
	t.Helper()
	_, run := newTestHost(t, Options{})
	var sb strings.Builder
	sb.WriteString(bufShowJS + "\n" + prelude + "\nconst __r = [];\n")
	for _, c := range cases {
		sb.WriteString("__r.push(__show(() => (" + c.expr + ")));\n")
	}
	sb.WriteString("JSON.stringify(__r)")
	var got []string
	if err := json.Unmarshal([]byte(run(sb.String()).String()), &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(cases) {
		t.Fatalf("got %d results for %d cases", len(got), len(cases))
	}
	for i, c := range cases {
		if got[i] != c.want {
			t.Errorf("%s: %s\n got: %s\nwant: %s", c.name, c.expr, got[i], c.want)
		}
	}
}

func TestBufferAgainstNode(t *testing.T) { runBufCases(t, bufferCasesPrelude, bufferCases) }

// TestReadJSString covers the three forms goja keeps strings in: ASCII,
// UTF-16 (with lone surrogates) and Go strings imported through ToValue.
func TestReadJSString(t *testing.T) {
	h, _ := newTestHost(t, Options{})
	vm := h.VM
	long := strings.Repeat("x", 40) + "é€😀" // imported: longer than 16 bytes
	cases := []struct {
		name  string
		v     func() any
		units []uint16
		utf8  string
	}{
		{"ascii", func() any { v, _ := vm.RunString(`"hello"`); return v }, []uint16{'h', 'e', 'l', 'l', 'o'}, "hello"},
		{"utf16", func() any { v, _ := vm.RunString(`"a\u00e9\ud800b\ud83d\ude00"`); return v },
			[]uint16{'a', 0xE9, 0xD800, 'b', 0xD83D, 0xDE00}, "aé\uFFFDb😀"},
		{"imported", func() any { return vm.ToValue(long) }, nil, long},
		{"short imported", func() any { return vm.ToValue("é") }, []uint16{0xE9}, "é"},
	}
	for _, c := range cases {
		s := readJSString(c.v().(goja.Value))
		b := make([]byte, s.utf8Length())
		if n := s.writeUTF8(b); n != len(b) || string(b) != c.utf8 {
			t.Errorf("%s: utf8 %q (%d), want %q", c.name, b, n, c.utf8)
		}
		if c.units != nil && !slices.Equal(s.utf16(), c.units) {
			t.Errorf("%s: units %x, want %x", c.name, s.utf16(), c.units)
		}
		if c.units != nil && s.length() != len(c.units) {
			t.Errorf("%s: length %d, want %d", c.name, s.length(), len(c.units))
		}
	}
}

func TestUTF8Replacement(t *testing.T) {
	cases := []struct{ in, want string }{
		{"abc", "abc"},
		{"\xe2\x82", "\uFFFD"},
		{"\xe2\x82A", "\uFFFDA"},
		{"\xf0\x90\x80\xf0A\xc0\x80\xed\xa0\x80", "\uFFFD\uFFFDA\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD"},
		{"\xf4\x90\x80\x80", "\uFFFD\uFFFD\uFFFD\uFFFD"},
		{"\xe0\xa0\x80\xe0\x80", "\u0800\uFFFD\uFFFD"},
		{"\xef\xbb\xbfA", "\uFEFFA"},
	}
	for _, c := range cases {
		if got := string(appendUTF8Replacing(nil, []byte(c.in))); got != c.want {
			t.Errorf("%q: got %+q want %+q", c.in, got, c.want)
		}
	}
	tails := []struct {
		in   string
		want int
	}{{"", 0}, {"a", 0}, {"\xe2", 1}, {"\xe2\x82", 2}, {"\xe2\x82\xac", 0}, {"a\xf0\x9f\x98", 3}, {"\xed\xa0", 0}, {"\xf0\x8f", 0}, {"\x80", 0}, {"\xc2", 1}}
	for _, c := range tails {
		if got := utf8IncompleteTail([]byte(c.in)); got != c.want {
			t.Errorf("tail %q: got %d want %d", c.in, got, c.want)
		}
	}
}

func TestBase64AndHexCodecs(t *testing.T) {
	b64 := map[string]string{
		"": "", "Zg==": "f", "Zm8=": "fo", "Zm9v": "foo", "Zm9vYg==": "foob", "Zm9vYmE=": "fooba", "Zm9vYmFy": "foobar",
		"Zg": "f", "Z": "", "YQ==YQ==": "a", "Y Q = =": "a", "Zm9\nvYg": "foob", "-_-_": "\xfb\xff\xbf", "Zm9v====": "foo",
	}
	for in, want := range b64 {
		if got := string(base64DecodeLenient(in)); got != want {
			t.Errorf("base64 %q: got %q want %q", in, got, want)
		}
	}
	hexes := map[string]string{"": "", "abc": "\xab", "zz12": "", "12zz34": "\x12", "ABCD": "\xab\xcd"}
	for in, want := range hexes {
		if got := string(hexDecodePrefix(in)); got != want {
			t.Errorf("hex %q: got %q want %q", in, got, want)
		}
	}
}

// Buffer.from(string) and toString() are on the request path.
func BenchmarkBufferFromToString(b *testing.B) {
	for _, tc := range []struct{ name, str string }{
		{"ascii16", `"hello, world 123"`},
		{"ascii1k", `"x".repeat(1024)`},
		{"unicode1k", `"h\u00e9\u20ac".repeat(341)`},
		{"ascii64k", `"x".repeat(65536)`},
		{"unicode64k", `"h\u00e9\u20ac".repeat(21845)`},
	} {
		b.Run(tc.name, func(b *testing.B) {
			h, _ := newTestHost(&testing.T{}, Options{})
			if _, err := h.VM.RunString(`globalThis.__s = ` + tc.str + `; globalThis.__b = Buffer.from(__s);`); err != nil {
				b.Fatal(err)
			}
			fn, err := h.VM.RunString(`(function () { return Buffer.from(__s).toString(); })`)
			if err != nil {
				b.Fatal(err)
			}
			call, _ := goja.AssertFunction(fn)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := call(goja.Undefined()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
