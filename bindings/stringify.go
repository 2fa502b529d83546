package bindings

import (
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dop251/goja"
)

// maxStringifyDepth bounds the nesting Stringify follows before it hands the
// value back (a cycle, or a structure deeper than data usually is).
const maxStringifyDepth = 256

// Stringify serialises plain data the way JSON.stringify does, several times
// faster than goja's implementation: objects (own enumerable string keys in
// their order, through getters), arrays, strings, numbers, booleans and null,
// with undefined, functions and symbols left out of objects and written as
// null in arrays. It reports false, and the caller must use JSON.stringify,
// for anything it does not reproduce exactly: a toJSON method anywhere (Date,
// Buffer), a BigInt, a boxed String, a cycle or very deep nesting, and
// strings holding lone surrogates.
func Stringify(vm *goja.Runtime, v goja.Value) (string, bool) {
	var b strings.Builder
	if !stringifyValue(vm, &b, v, 0) {
		return "", false
	}
	return b.String(), true
}

func stringifyValue(vm *goja.Runtime, b *strings.Builder, v goja.Value, depth int) bool {
	switch {
	case v == nil || goja.IsUndefined(v):
		return false // only reached at the top level; JSON.stringify gives undefined
	case goja.IsNull(v):
		b.WriteString("null")
		return true
	}
	// Never Export an object here: goja would copy its whole subtree.
	o, isObject := v.(*goja.Object)
	if !isObject {
		return stringifyPrimitive(b, v)
	}
	if depth >= maxStringifyDepth {
		return false
	}
	if _, isFunc := goja.AssertFunction(o); isFunc {
		return false // only at the top level: JSON.stringify gives undefined
	}
	if tj := o.Get("toJSON"); tj != nil && !goja.IsUndefined(tj) {
		return false
	}
	switch o.ClassName() {
	case "Number", "Boolean":
		return stringifyPrimitive(b, vm.ToValue(o.Export())) // unwrapped, as JSON.stringify does
	case "String", "BigInt", "Symbol":
		return false // boxed String (JSON.stringify unwraps it), BigInt (it throws), Symbol
	case "Array":
		n := int(o.Get("length").ToInteger())
		b.WriteByte('[')
		for i := 0; i < n; i++ {
			if i > 0 {
				b.WriteByte(',')
			}
			e := o.Get(indexKey(i))
			if omitted(e) {
				b.WriteString("null")
				continue
			}
			if !stringifyValue(vm, b, e, depth+1) {
				return false
			}
		}
		b.WriteByte(']')
		return true
	}
	b.WriteByte('{')
	first := true
	for _, k := range o.Keys() {
		e := o.Get(k)
		if omitted(e) {
			continue
		}
		if !first {
			b.WriteByte(',')
		}
		first = false
		if !quoteJSON(b, k) {
			return false
		}
		b.WriteByte(':')
		if !stringifyValue(vm, b, e, depth+1) {
			return false
		}
	}
	b.WriteByte('}')
	return true
}

// omitted reports the values JSON.stringify leaves out of objects (and writes
// as null in arrays): undefined, functions and symbols.
func omitted(v goja.Value) bool {
	if v == nil || goja.IsUndefined(v) {
		return true
	}
	if _, ok := v.(*goja.Symbol); ok {
		return true
	}
	if o, ok := v.(*goja.Object); ok {
		_, isFunc := goja.AssertFunction(o)
		return isFunc
	}
	return false
}

// quoteJSON writes s as a JSON string the way JSON.stringify quotes:
// \" \\ \b \f \n \r \t, other control characters as \u00xx, the rest as is.
// It reports false if s holds U+FFFD, which may stand for a lone surrogate
// that JSON.stringify would write as \udxxx (the Go string cannot tell).
func quoteJSON(b *strings.Builder, s string) bool {
	b.WriteByte('"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError {
				return false
			}
			i += size
			continue
		}
		if c >= 0x20 && c != '"' && c != '\\' {
			i++
			continue
		}
		b.WriteString(s[start:i])
		switch c {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			b.WriteString(`\u00`)
			b.WriteByte("0123456789abcdef"[c>>4])
			b.WriteByte("0123456789abcdef"[c&0xf])
		}
		i++
		start = i
	}
	b.WriteString(s[start:])
	b.WriteByte('"')
	return true
}

// stringifyPrimitive writes a string, boolean or number; symbols and BigInts
// report false. It reads the value through its type rather than Export,
// which would box each number.
func stringifyPrimitive(b *strings.Builder, v goja.Value) bool {
	switch v.ExportType() {
	case typeString:
		return quoteJSON(b, v.String())
	case typeBool:
		if v.ToBoolean() {
			b.WriteString("true")
		} else {
			b.WriteString("false")
		}
		return true
	case typeInt:
		var buf [24]byte
		b.Write(strconv.AppendInt(buf[:0], v.ToInteger(), 10))
		return true
	case typeFloat:
		x := v.ToFloat()
		if x != x || x > 1.7976931348623157e308 || x < -1.7976931348623157e308 {
			b.WriteString("null") // NaN and the infinities
			return true
		}
		b.WriteString(v.String()) // JavaScript's number formatting
		return true
	}
	return false
}

// The types goja reports for primitive values (Value.ExportType).
var (
	typeString = reflect.TypeOf("")
	typeBool   = reflect.TypeOf(true)
	typeInt    = reflect.TypeOf(int64(0))
	typeFloat  = reflect.TypeOf(float64(0))
)

// indexKeys are the property names of the first array indexes, made once:
// strconv.Itoa allocates past 99.
var indexKeys = func() []string {
	keys := make([]string, 4096)
	for i := range keys {
		keys[i] = strconv.Itoa(i)
	}
	return keys
}()

// indexKey returns the property name of array index i.
func indexKey(i int) string {
	if i < len(indexKeys) {
		return indexKeys[i]
	}
	return strconv.Itoa(i)
}
