package compat

import (
	"strings"
	"testing"

	"github.com/dop251/goja"
)

// jsonParseCases are checked two ways: against what node 20 prints for
// JSON.stringify(JSON.parse(text)) (or the error class), and against goja's
// own JSON.parse, which the fast path must agree with.
var jsonParseCases = []struct{ text, want string }{
	{`{"hello":"world"}`, `{"hello":"world"}`},
	{` [1, -0, 0.5, 1e3, -12.5e-1, 123456789012345678901234567890] `, `[1,0,0.5,1000,-1.25,1.2345678901234568e+29]`},
	{`{"a":1,"a":2,"b":[true,false,null]}`, `{"a":2,"b":[true,false,null]}`},
	{`{"__proto__":{"x":1},"y":2}`, `{"__proto__":{"x":1},"y":2}`},
	{`"\u00e9\ud83d\ude00 \n\t\"\\\/ é"`, `"é😀 \n\t\"\\/ é"`},
	{`{"nested":{"deeper":{"list":[[],{},[{}]]}}}`, `{"nested":{"deeper":{"list":[[],{},[{}]]}}}`},
	{`1e400`, `null`}, // Infinity, which JSON.stringify writes as null
	{`-1e400`, `null`},
	{`1e-400`, `0`},
	{`""`, `""`},
	{`0`, `0`},
	{`{"a":"x"} `, `{"a":"x"}`},
	// Errors: SyntaxError, from goja's own parser.
	{`{"a":1,}`, `SyntaxError`},
	{`[1,]`, `SyntaxError`},
	{`01`, `SyntaxError`},
	{`1.`, `SyntaxError`},
	{`.5`, `SyntaxError`},
	{`+1`, `SyntaxError`},
	{`"a\x"`, `SyntaxError`},
	{"\"a\tb\"", `SyntaxError`},
	{`{a:1}`, `SyntaxError`},
	{`[1] 2`, `SyntaxError`},
	{``, `SyntaxError`},
	{`nul`, `SyntaxError`},
	{`truex`, `SyntaxError`},
	{`{"a":1`, `SyntaxError`},
}

func TestJSONParse(t *testing.T) {
	vm := goja.New()
	installJSONParse(vm)
	check, err := vm.RunString(`(text) => { try { return JSON.stringify(JSON.parse(text)) } catch (e) { return e.name } }`)
	if err != nil {
		t.Fatal(err)
	}
	fn, _ := goja.AssertFunction(check)
	for _, c := range jsonParseCases {
		got, err := fn(goja.Undefined(), vm.ToValue(c.text))
		if err != nil {
			t.Fatalf("%q: %v", c.text, err)
		}
		if got.String() != c.want {
			t.Errorf("JSON.parse(%q) gives %s, want %s", c.text, got, c.want)
		}
	}
	for _, src := range []string{
		`JSON.parse.name === 'parse' && JSON.parse.length === 2`,
		`JSON.parse('{"a":[1,{"b":2}]}', (k, v) => typeof v === 'number' ? v * 10 : v).a[1].b === 20`,
		`JSON.parse(12) === 12 && JSON.parse(null) === null && JSON.parse(true) === true`,
		`Object.getPrototypeOf(JSON.parse('{"__proto__":[]}')) === Object.prototype`,
		`(() => { Object.defineProperty(Object.prototype, 'trap', { set() { throw new Error('setter ran') }, configurable: true });
		  try { return JSON.parse('{"trap":1}').trap === 1 } finally { delete Object.prototype.trap } })()`,
		`Object.keys(JSON.parse('{"b":1,"a":2,"b":3}')).join() === 'b,a'`,
		`JSON.parse('"\\ud800"').length === 1`, // a lone surrogate (through the original)
	} {
		v, err := vm.RunString(src)
		if err != nil || !v.ToBoolean() {
			t.Errorf("%s: %v %v", src, v, err)
		}
	}
}

// FuzzJSONParse checks the fast JSON.parse against goja's original on
// arbitrary text: both fail, or both give the same JSON.stringify output.
func FuzzJSONParse(f *testing.F) {
	for _, c := range jsonParseCases {
		f.Add(c.text)
	}
	f.Add(`{"k":[1,2,{"x":"\u0041"}],"z":-0.0e+1}`)
	vm := goja.New()
	original, _ := goja.AssertFunction(vm.Get("JSON").(*goja.Object).Get("parse"))
	stringify, _ := goja.AssertFunction(vm.Get("JSON").(*goja.Object).Get("stringify"))
	fast := goja.New()
	installJSONParse(fast)
	fastParse, _ := goja.AssertFunction(fast.Get("JSON").(*goja.Object).Get("parse"))
	fastStringify, _ := goja.AssertFunction(fast.Get("JSON").(*goja.Object).Get("stringify"))
	f.Fuzz(func(t *testing.T, text string) {
		want, errWant := original(goja.Undefined(), vm.ToValue(text))
		got, errGot := fastParse(goja.Undefined(), fast.ToValue(text))
		if errWant != nil {
			// The fast path accepts numbers past float64's range (V8 does).
			if errGot == nil && strings.Contains(errWant.Error(), "cannot unmarshal number") {
				return
			}
			if errGot == nil {
				t.Fatalf("JSON.parse(%q): goja fails (%v), the fast path gives %v", text, errWant, got)
			}
			return
		}
		if errGot != nil {
			t.Fatalf("JSON.parse(%q): goja gives %v, the fast path fails: %v", text, want, errGot)
		}
		ws, _ := stringify(goja.Undefined(), want)
		gs, _ := fastStringify(goja.Undefined(), got)
		if ws.String() != gs.String() {
			t.Fatalf("JSON.parse(%q): goja %s, fast path %s", text, ws, gs)
		}
	})
}
