package bindings_test

import (
	"testing"

	"github.com/dop251/goja"
	"github.com/gojaapi/gojaapi/bindings"
)

// bigRecords builds the big scenario's value (bench/app/pages/api/big.js):
// 557 records, 65,533 bytes of JSON.
const bigRecords = `const items = []
for (let i = 0; i < 557; i++) {
  items.push({ id: i, name: 'item-' + i, email: 'user' + i + '@example.com',
    active: i % 2 === 0, score: (i * 37) % 1000 / 10, tags: ['alpha', 'beta', 'gamma'] })
}
;({ count: items.length, items })`

func benchStringifyValue(b *testing.B, src string, native bool) {
	vm := goja.New()
	v, err := vm.RunString(src)
	if err != nil {
		b.Fatal(err)
	}
	jsonStringify, _ := goja.AssertFunction(vm.Get("JSON").(*goja.Object).Get("stringify"))
	want, _ := jsonStringify(nil, v)
	if got, ok := bindings.Stringify(vm, v); !ok || got != want.String() {
		b.Fatalf("Stringify differs from JSON.stringify (ok=%v)", ok)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(want.String())))
	for i := 0; i < b.N; i++ {
		if native {
			sinkString, _ = bindings.Stringify(vm, v)
		} else {
			r, _ := jsonStringify(nil, v)
			sinkString = r.String()
		}
	}
}

// BenchmarkStringifyBig is bindings.Stringify on the big scenario's value.
func BenchmarkStringifyBig(b *testing.B) { benchStringifyValue(b, bigRecords, true) }

// BenchmarkJSONStringifyBig is goja's JSON.stringify on the same value, for
// comparison.
func BenchmarkJSONStringifyBig(b *testing.B) { benchStringifyValue(b, bigRecords, false) }

// BenchmarkStringifyHello is bindings.Stringify on the hello scenario's value.
func BenchmarkStringifyHello(b *testing.B) { benchStringifyValue(b, `({hello: 'world'})`, true) }

// BenchmarkJSONStringifyHello is goja's JSON.stringify on the same value.
func BenchmarkJSONStringifyHello(b *testing.B) { benchStringifyValue(b, `({hello: 'world'})`, false) }
