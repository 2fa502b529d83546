package loader

import "testing"

func TestStripJSONC(t *testing.T) {
	cases := []struct{ in, want string }{
		{"\ufeff{\"a\": 1}", `{"a": 1}`},
		{"{\n  // line\n  \"a\": 1\n}", "{\n  \n  \"a\": 1\n}"},
		{"{ /* block\n */ \"a\": 1 }", "{ \n  \"a\": 1 }"},
		{`{"a": "// not a comment, /* nor this */"}`, `{"a": "// not a comment, /* nor this */"}`},
		{`{"b": [1, 2, ], }`, `{"b": [1, 2 ] }`},
		{"{\"b\": [1,\n\t]}", "{\"b\": [1\n\t]}"},
		{`{"c": "\"quoted,\" ]", "d": "x,}"}`, `{"c": "\"quoted,\" ]", "d": "x,}"}`},
		{`{"e": "unterminated`, `{"e": "unterminated`},
		{`{"f": 1 /* unterminated`, `{"f": 1  `},
	}
	for _, c := range cases {
		if got := string(stripJSONC([]byte(c.in))); got != c.want {
			t.Errorf("%q: got %q, want %q", c.in, got, c.want)
		}
	}
}
