package bindings

import (
	"testing"

	"github.com/dop251/goja"
)

// Each expression is serialised by Stringify and by goja's JSON.stringify:
// where Stringify answers, the text must be the same.
func TestStringifyMatchesJSONStringify(t *testing.T) {
	cases := []struct {
		expr     string
		fallback bool
	}{
		{`({ hello: 'world' })`, false},
		{`[1, 'two', true, null, undefined, () => 1, Symbol('s'), { a: undefined, b: () => 1 }]`, false},
		{`({ n: 0, neg: -0, f: 1.5, big: 1e21, small: 1e-7, nan: NaN, inf: -Infinity, max: Number.MAX_SAFE_INTEGER })`, false},
		{`({ s: 'quote " back \\ nl \n tab \t cr \r bs \b ff \f nul \u0000 esc \u001b del \u007f' })`, false},
		{`({ uni: '€ é 😀 \u2028 \u2029', 'key "q"': 1, 'ключ': 'значение' })`, false},
		{`({ nested: { deep: [[[{ x: [] }]]] }, empty: {}, arr: [] })`, false},
		{`(() => { const o = Object.create({ inherited: 1 }); o.own = 2; Object.defineProperty(o, 'hidden', { value: 3 }); return o })()`, false},
		{`({ get g() { return 'got' }, 2: 'two', 1: 'one', b: 'b', a: 'a' })`, false},
		{`new Map([[1, 2]])`, false},
		{`new Uint8Array([1, 2, 3])`, false},
		{`(() => { class P { constructor() { this.x = 1 } } return new P() })()`, false},
		{`[, 1, , 2]`, false},
		{`({ d: new Date(0) })`, true},
		{`({ t: { toJSON() { return 'custom' } } })`, true},
		{`({ b: 1n })`, true},
		{`({ n: new Number(3), b: new Boolean(false) })`, false},
		{`({ s: new String('x') })`, true},
		{`(() => { const o = {}; o.self = o; return o })()`, true},
		{`({ lone: '\ud800' })`, true},
	}
	vm := goja.New()
	stringify, _ := goja.AssertFunction(vm.Get("JSON").ToObject(vm).Get("stringify"))
	for _, c := range cases {
		v, err := vm.RunString(c.expr)
		if err != nil {
			t.Fatalf("%s: %v", c.expr, err)
		}
		got, ok := Stringify(vm, v)
		if ok == c.fallback {
			t.Errorf("%s: answered %v, want fallback %v", c.expr, ok, c.fallback)
			continue
		}
		if !ok {
			continue
		}
		want, err := stringify(goja.Undefined(), v)
		if err != nil {
			t.Fatalf("%s: JSON.stringify: %v", c.expr, err)
		}
		if got != want.String() {
			t.Errorf("%s:\n got %s\nwant %s", c.expr, got, want)
		}
	}
}

func FuzzStringify(f *testing.F) {
	f.Add(`{"a":[1,"x\n",true,null,{"b":-0.5e3}],"é":"😀"}`)
	f.Add(`["\u0000\u001f\"\\",1e300,-1e-300]`)
	f.Fuzz(func(t *testing.T, src string) {
		vm := goja.New()
		parse, _ := goja.AssertFunction(vm.Get("JSON").ToObject(vm).Get("parse"))
		stringify, _ := goja.AssertFunction(vm.Get("JSON").ToObject(vm).Get("stringify"))
		v, err := parse(goja.Undefined(), vm.ToValue(src))
		if err != nil {
			return
		}
		got, ok := Stringify(vm, v)
		if !ok {
			return
		}
		want, err := stringify(goja.Undefined(), v)
		if err != nil || got != want.String() {
			t.Fatalf("%q: got %s want %v (%v)", src, got, want, err)
		}
	})
}
