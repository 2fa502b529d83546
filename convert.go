package gojaapi

import (
	"context"
	"encoding"
	"errors"
	"fmt"
	"math"
	"math/big"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/dop251/goja"
)

// The conversion rules are documented in the package documentation
// ("Values between Go and JavaScript").

// maxDepth bounds how deep a converted value may nest.
const maxDepth = 100

var (
	typeAny     = reflect.TypeFor[any]()
	typeBytes   = reflect.TypeFor[[]byte]()
	typeTime    = reflect.TypeFor[time.Time]()
	typeError   = reflect.TypeFor[error]()
	typeContext = reflect.TypeFor[context.Context]()
	typeBigInt  = reflect.TypeFor[*big.Int]()
	typeTextM   = reflect.TypeFor[encoding.TextMarshaler]()
	typeTextU   = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// conversionError is a value that cannot cross the boundary; it becomes a JS
// TypeError.
type conversionError struct{ msg string }

func (e *conversionError) Error() string { return e.msg }

func convErrorf(format string, args ...any) error {
	return &conversionError{fmt.Sprintf(format, args...)}
}

// toJS converts a Go value to a fresh JS value. Loop goroutine.
func (b *bridge) toJS(v any) (goja.Value, error) {
	if v == nil {
		return goja.Null(), nil
	}
	return b.valueToJS(reflect.ValueOf(v), 0)
}

func (b *bridge) valueToJS(v reflect.Value, depth int) (goja.Value, error) {
	vm := b.vm
	if depth > maxDepth {
		return nil, convErrorf("value nested more than %d levels deep (is it cyclic?)", maxDepth)
	}
	if !v.IsValid() {
		return goja.Null(), nil
	}
	t := v.Type()
	switch t {
	case typeBytes:
		if v.IsNil() {
			return goja.Null(), nil
		}
		return b.newBuffer(v.Bytes()), nil
	case typeTime:
		return b.newDate(v.Interface().(time.Time))
	case typeBigInt:
		if v.IsNil() {
			return goja.Null(), nil
		}
		return vm.ToValue(new(big.Int).Set(v.Interface().(*big.Int))), nil
	}
	if t.Implements(typeError) && (t.Kind() != reflect.Pointer && t.Kind() != reflect.Interface || !v.IsNil()) {
		return b.newError(v.Interface().(error)), nil
	}
	switch t.Kind() {
	case reflect.Bool:
		return vm.ToValue(v.Bool()), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return vm.ToValue(v.Int()), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		u := v.Uint()
		if u <= math.MaxInt64 {
			return vm.ToValue(int64(u)), nil
		}
		return vm.ToValue(float64(u)), nil
	case reflect.Float32, reflect.Float64:
		return vm.ToValue(v.Float()), nil
	case reflect.String:
		return vm.ToValue(v.String()), nil
	case reflect.Interface, reflect.Pointer:
		if v.IsNil() {
			return goja.Null(), nil
		}
		return b.valueToJS(v.Elem(), depth+1)
	case reflect.Slice:
		if v.IsNil() {
			return goja.Null(), nil
		}
		fallthrough
	case reflect.Array:
		items := make([]any, v.Len())
		for i := range items {
			x, err := b.valueToJS(v.Index(i), depth+1)
			if err != nil {
				return nil, err
			}
			items[i] = x
		}
		return vm.NewArray(items...), nil
	case reflect.Map:
		if v.IsNil() {
			return goja.Null(), nil
		}
		o := vm.NewObject()
		iter := v.MapRange()
		for iter.Next() {
			key, err := mapKeyString(iter.Key())
			if err != nil {
				return nil, err
			}
			x, err := b.valueToJS(iter.Value(), depth+1)
			if err != nil {
				return nil, err
			}
			_ = o.Set(key, x)
		}
		return o, nil
	case reflect.Struct:
		o := vm.NewObject()
		for _, f := range fieldsOf(t) {
			fv, ok := fieldByIndex(v, f.index)
			if !ok || (f.omitEmpty && fv.IsZero()) {
				continue
			}
			x, err := b.valueToJS(fv, depth+1)
			if err != nil {
				return nil, err
			}
			_ = o.Set(f.name, x)
		}
		return o, nil
	case reflect.Func:
		if v.IsNil() {
			return goja.Null(), nil
		}
		fn, err := newGoFunc("function", v, false)
		if err != nil {
			return nil, err
		}
		return b.wrap("function", fn), nil
	}
	return nil, convErrorf("a Go %s cannot be converted to JavaScript", t)
}

// mapKeyString renders a map key as an object property name.
func mapKeyString(k reflect.Value) (string, error) {
	switch k.Kind() {
	case reflect.String:
		return k.String(), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(k.Int(), 10), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return strconv.FormatUint(k.Uint(), 10), nil
	}
	if k.Type().Implements(typeTextM) {
		b, err := k.Interface().(encoding.TextMarshaler).MarshalText()
		return string(b), err
	}
	return "", convErrorf("a map with %s keys cannot be converted to JavaScript", k.Type())
}

// fieldByIndex is v.FieldByIndex that reports false when it would go through
// a nil embedded pointer.
func fieldByIndex(v reflect.Value, index []int) (reflect.Value, bool) {
	for i, x := range index {
		if i > 0 && v.Kind() == reflect.Pointer {
			if v.IsNil() {
				return reflect.Value{}, false
			}
			v = v.Elem()
		}
		v = v.Field(x)
	}
	return v, true
}

// field is a struct field as it appears in JS.
type field struct {
	name      string
	index     []int
	omitEmpty bool
}

var fieldCache sync.Map // reflect.Type -> []field

// fieldsOf lists the fields of struct type t the way encoding/json sees them:
// exported fields under their json tag name, embedded structs flattened, a
// shallower field hiding a deeper one of the same name.
func fieldsOf(t reflect.Type) []field {
	if fs, ok := fieldCache.Load(t); ok {
		return fs.([]field)
	}
	var out []field
	seen := map[string]int{} // name -> depth of the field that claimed it
	var walk func(t reflect.Type, index []int, depth int)
	walk = func(t reflect.Type, index []int, depth int) {
		for i := 0; i < t.NumField(); i++ {
			sf := t.Field(i)
			tag := sf.Tag.Get("json")
			if tag == "-" {
				continue
			}
			name, opts, _ := strings.Cut(tag, ",")
			idx := append(append([]int{}, index...), i)
			ft := sf.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if sf.Anonymous && name == "" && ft.Kind() == reflect.Struct {
				if depth < 10 {
					walk(ft, idx, depth+1)
				}
				continue
			}
			if !sf.IsExported() {
				continue
			}
			if name == "" {
				name = sf.Name
			}
			if d, ok := seen[name]; ok && d <= depth {
				continue
			}
			seen[name] = depth
			f := field{name: name, index: idx, omitEmpty: strings.Contains(","+opts+",", ",omitempty,")}
			replaced := false
			for j := range out {
				if out[j].name == name {
					out[j], replaced = f, true
				}
			}
			if !replaced {
				out = append(out, f)
			}
		}
	}
	walk(t, nil, 0)
	fieldCache.Store(t, out)
	return out
}

// fromJS converts a JS value to a Go value of type t. Loop goroutine.
func (b *bridge) fromJS(v goja.Value, t reflect.Type) (reflect.Value, error) {
	return b.valueFromJS(v, t, 0)
}

func (b *bridge) valueFromJS(v goja.Value, t reflect.Type, depth int) (reflect.Value, error) {
	if depth > maxDepth {
		return reflect.Value{}, convErrorf("value nested more than %d levels deep (is it cyclic?)", maxDepth)
	}
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return reflect.Zero(t), nil
	}
	if t == typeAny {
		x, err := b.anyFromJS(v, depth)
		if err != nil {
			return reflect.Value{}, err
		}
		if x == nil {
			return reflect.Zero(t), nil
		}
		return reflect.ValueOf(&x).Elem(), nil
	}
	switch t {
	case typeBytes:
		if bs, ok := bytesOf(v); ok {
			return reflect.ValueOf(bs), nil
		}
		return reflect.Value{}, mismatch(v, "a Uint8Array, Buffer or ArrayBuffer")
	case typeTime:
		if o, ok := v.(*goja.Object); ok && o.ClassName() == "Date" {
			if tm, ok := o.Export().(time.Time); ok {
				return reflect.ValueOf(tm), nil
			}
		}
		if s, ok := v.Export().(string); ok {
			tm, err := time.Parse(time.RFC3339Nano, s)
			if err != nil {
				return reflect.Value{}, convErrorf("%q is not an RFC 3339 time", s)
			}
			return reflect.ValueOf(tm), nil
		}
		return reflect.Value{}, mismatch(v, "a Date")
	case typeBigInt:
		if bi, ok := v.Export().(*big.Int); ok {
			return reflect.ValueOf(new(big.Int).Set(bi)), nil
		}
		return reflect.Value{}, mismatch(v, "a BigInt")
	}
	if reflect.PointerTo(t).Implements(typeTextU) && t.Kind() != reflect.String {
		if s, ok := v.Export().(string); ok {
			p := reflect.New(t)
			if err := p.Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(s)); err != nil {
				return reflect.Value{}, err
			}
			return p.Elem(), nil
		}
	}
	switch t.Kind() {
	case reflect.Bool:
		if x, ok := v.Export().(bool); ok {
			return reflect.ValueOf(x).Convert(t), nil
		}
		return reflect.Value{}, mismatch(v, "a boolean")
	case reflect.String:
		if x, ok := v.Export().(string); ok {
			return reflect.ValueOf(x).Convert(t), nil
		}
		return reflect.Value{}, mismatch(v, "a string")
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		f, ok := numberOf(v)
		if !ok {
			return reflect.Value{}, mismatch(v, "a number")
		}
		out := reflect.New(t).Elem()
		if f != math.Trunc(f) || math.IsInf(f, 0) {
			return reflect.Value{}, convErrorf("%v is not an integer", f)
		}
		if t.Kind() >= reflect.Uint && t.Kind() <= reflect.Uintptr {
			if f < 0 || f >= math.Ldexp(1, t.Bits()) {
				return reflect.Value{}, convErrorf("%v is out of range for %s", f, t)
			}
			out.SetUint(uint64(f))
		} else {
			if f < -math.Ldexp(1, t.Bits()-1) || f >= math.Ldexp(1, t.Bits()-1) {
				return reflect.Value{}, convErrorf("%v is out of range for %s", f, t)
			}
			out.SetInt(int64(f))
		}
		return out, nil
	case reflect.Float32, reflect.Float64:
		f, ok := numberOf(v)
		if !ok {
			return reflect.Value{}, mismatch(v, "a number")
		}
		return reflect.ValueOf(f).Convert(t), nil
	case reflect.Pointer:
		x, err := b.valueFromJS(v, t.Elem(), depth+1)
		if err != nil {
			return reflect.Value{}, err
		}
		p := reflect.New(t.Elem())
		p.Elem().Set(x)
		return p, nil
	case reflect.Slice, reflect.Array:
		o, ok := v.(*goja.Object)
		if !ok || o.ClassName() != "Array" {
			return reflect.Value{}, mismatch(v, "an array")
		}
		n := int(o.Get("length").ToInteger())
		var out reflect.Value
		if t.Kind() == reflect.Array {
			if n != t.Len() {
				return reflect.Value{}, convErrorf("an array of %d items cannot become a %s", n, t)
			}
			out = reflect.New(t).Elem()
		} else {
			out = reflect.MakeSlice(t, n, n)
		}
		for i := 0; i < n; i++ {
			x, err := b.valueFromJS(o.Get(strconv.Itoa(i)), t.Elem(), depth+1)
			if err != nil {
				return reflect.Value{}, fmt.Errorf("[%d]: %w", i, err)
			}
			out.Index(i).Set(x)
		}
		return out, nil
	case reflect.Map:
		o, ok := plainObject(v)
		if !ok {
			return reflect.Value{}, mismatch(v, "an object")
		}
		out := reflect.MakeMap(t)
		for _, k := range o.Keys() {
			key, err := mapKeyFrom(k, t.Key())
			if err != nil {
				return reflect.Value{}, err
			}
			x, err := b.valueFromJS(o.Get(k), t.Elem(), depth+1)
			if err != nil {
				return reflect.Value{}, fmt.Errorf(".%s: %w", k, err)
			}
			out.SetMapIndex(key, x)
		}
		return out, nil
	case reflect.Struct:
		o, ok := plainObject(v)
		if !ok {
			return reflect.Value{}, mismatch(v, "an object")
		}
		out := reflect.New(t).Elem()
		fields := fieldsOf(t)
		for _, k := range o.Keys() {
			f := matchField(fields, k)
			if f == nil {
				continue
			}
			x, err := b.valueFromJS(o.Get(k), fieldType(t, f.index), depth+1)
			if err != nil {
				return reflect.Value{}, fmt.Errorf(".%s: %w", k, err)
			}
			settableField(out, f.index).Set(x)
		}
		return out, nil
	}
	return reflect.Value{}, convErrorf("JavaScript values cannot become a Go %s", t)
}

// anyFromJS converts v for a destination of type any.
func (b *bridge) anyFromJS(v goja.Value, depth int) (any, error) {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return nil, nil
	}
	o, isObj := v.(*goja.Object)
	if !isObj {
		switch x := v.Export().(type) {
		case bool, string:
			return x, nil
		case *big.Int:
			return new(big.Int).Set(x), nil
		case int64:
			return x, nil
		case float64:
			if x == math.Trunc(x) && math.Abs(x) <= 1<<53 {
				return int64(x), nil
			}
			return x, nil
		}
		return nil, convErrorf("a JavaScript %s cannot be passed to Go", typeOf(v))
	}
	if bs, ok := bytesOf(v); ok {
		return bs, nil
	}
	switch o.ClassName() {
	case "Date":
		if tm, ok := o.Export().(time.Time); ok {
			return tm, nil
		}
		return nil, convErrorf("invalid Date")
	case "Array":
		n := int(o.Get("length").ToInteger())
		out := make([]any, n)
		for i := range out {
			x, err := b.anyFromJS(o.Get(strconv.Itoa(i)), depth+1)
			if err != nil {
				return nil, fmt.Errorf("[%d]: %w", i, err)
			}
			out[i] = x
		}
		return out, nil
	case "Function":
		return nil, convErrorf("a function cannot be passed to Go")
	}
	if depth > maxDepth {
		return nil, convErrorf("value nested more than %d levels deep (is it cyclic?)", maxDepth)
	}
	out := map[string]any{}
	for _, k := range o.Keys() {
		x, err := b.anyFromJS(o.Get(k), depth+1)
		if err != nil {
			return nil, fmt.Errorf(".%s: %w", k, err)
		}
		out[k] = x
	}
	return out, nil
}

// bytesOf copies the bytes of a Uint8Array (Buffer) or ArrayBuffer.
func bytesOf(v goja.Value) ([]byte, bool) {
	switch x := v.Export().(type) {
	case []byte:
		if _, ok := v.(*goja.Object); ok {
			return append([]byte{}, x...), true
		}
	case goja.ArrayBuffer:
		return append([]byte{}, x.Bytes()...), true
	}
	return nil, false
}

// numberOf returns v as a float64 if it is a JS number.
func numberOf(v goja.Value) (float64, bool) {
	switch x := v.Export().(type) {
	case int64:
		return float64(x), true
	case float64:
		return x, true
	}
	return 0, false
}

// plainObject returns v if it is an object that converts to a map or struct
// (not an array, function, Date or binary data).
func plainObject(v goja.Value) (*goja.Object, bool) {
	o, ok := v.(*goja.Object)
	if !ok {
		return nil, false
	}
	switch o.ClassName() {
	case "Array", "Function", "Date":
		return nil, false
	}
	if _, ok := bytesOf(v); ok {
		return nil, false
	}
	return o, true
}

func mapKeyFrom(k string, t reflect.Type) (reflect.Value, error) {
	switch t.Kind() {
	case reflect.String:
		return reflect.ValueOf(k).Convert(t), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, err := strconv.ParseInt(k, 10, t.Bits())
		if err != nil {
			return reflect.Value{}, convErrorf("key %q is not a %s", k, t)
		}
		return reflect.ValueOf(n).Convert(t), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		n, err := strconv.ParseUint(k, 10, t.Bits())
		if err != nil {
			return reflect.Value{}, convErrorf("key %q is not a %s", k, t)
		}
		return reflect.ValueOf(n).Convert(t), nil
	}
	if reflect.PointerTo(t).Implements(typeTextU) {
		p := reflect.New(t)
		if err := p.Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(k)); err != nil {
			return reflect.Value{}, err
		}
		return p.Elem(), nil
	}
	return reflect.Value{}, convErrorf("JavaScript objects cannot become a Go %s map", t)
}

// matchField finds the field for key k: exact name first, then ignoring case.
func matchField(fields []field, k string) *field {
	for i := range fields {
		if fields[i].name == k {
			return &fields[i]
		}
	}
	for i := range fields {
		if strings.EqualFold(fields[i].name, k) {
			return &fields[i]
		}
	}
	return nil
}

// fieldType is the type of the field at index, through embedded pointers.
func fieldType(t reflect.Type, index []int) reflect.Type {
	for _, x := range index {
		if t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		t = t.Field(x).Type
	}
	return t
}

// settableField returns the field at index, allocating embedded pointers.
func settableField(v reflect.Value, index []int) reflect.Value {
	for i, x := range index {
		if i > 0 && v.Kind() == reflect.Pointer {
			if v.IsNil() {
				v.Set(reflect.New(v.Type().Elem()))
			}
			v = v.Elem()
		}
		v = v.Field(x)
	}
	return v
}

// mismatch describes a JS value of the wrong type.
func mismatch(v goja.Value, want string) error {
	return convErrorf("expected %s, got %s", want, typeOf(v))
}

// typeOf names a JS value's type for error messages.
func typeOf(v goja.Value) string {
	if o, ok := v.(*goja.Object); ok {
		switch c := o.ClassName(); c {
		case "Object":
			return "an object"
		case "Array":
			return "an array"
		case "Function":
			return "a function"
		default:
			return "a " + c
		}
	}
	switch v.Export().(type) {
	case bool:
		return "a boolean"
	case string:
		return "a string"
	case int64, float64:
		return "a number"
	case *big.Int:
		return "a BigInt"
	}
	return "a " + v.ExportType().String()
}

// Error is a Go error with a code that JavaScript sees as err.code, like
// Node's system errors ("ENOENT") or an application's ("NOT_FOUND"). Any error
// with an ErrorCode() string or Code() string method anywhere in its chain
// (as errors.As finds it) works the same way.
type Error struct {
	// Code is the JS error's code property.
	Code string
	// Message is the JS error's message.
	Message string
}

// Error implements error.
func (e *Error) Error() string { return e.Message }

// ErrorCode returns e.Code.
func (e *Error) ErrorCode() string { return e.Code }

// errorCode finds a code in err's chain: an ErrorCode() or Code() method
// returning a string.
func errorCode(err error) string {
	var ec interface{ ErrorCode() string }
	if errors.As(err, &ec) {
		return ec.ErrorCode()
	}
	var c interface{ Code() string }
	if errors.As(err, &c) {
		return c.Code()
	}
	return ""
}
