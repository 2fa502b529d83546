package compat

import (
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/dop251/goja"
)

// A faster JSON.parse. goja's own reads its input through encoding/json's
// token stream, an interface value and several allocations per token; on a
// JSON request body or a fetch response that is most of the request's time.
// installJSONParse puts a Go scanner in front of it that builds the same
// values in one pass. Whatever the scanner does not reproduce exactly goes to
// goja's original, unchanged:
//   - a reviver, or an argument that is not a string (ToString rules);
//   - invalid JSON (so the SyntaxError and its message are goja's);
//   - text holding U+FFFD or a \u escape of a lone surrogate (goja's string
//     conversion and ours may differ there);
//   - nesting deeper than maxJSONDepth.
// One deliberate difference: a number too large for a float64 ("1e400") is
// Infinity, as in V8, where goja's original throws.

// maxJSONDepth bounds the nesting the fast path follows.
const maxJSONDepth = 512

// installJSONParse replaces JSON.parse with the fast path.
func installJSONParse(vm *goja.Runtime) {
	jsonObj, ok := vm.Get("JSON").(*goja.Object)
	if !ok {
		return
	}
	original, ok := goja.AssertFunction(jsonObj.Get("parse"))
	if !ok {
		return
	}
	p := &jsonParser{vm: vm}
	fast := func(call goja.FunctionCall) goja.Value {
		text := call.Argument(0)
		if len(call.Arguments) < 2 || goja.IsUndefined(call.Arguments[1]) {
			if goja.IsString(text) {
				if v, ok := p.parse(text.String()); ok {
					return v
				}
			}
		}
		v, err := original(call.This, call.Arguments...)
		if err != nil {
			panic(err)
		}
		return v
	}
	fn := vm.ToValue(fast).(*goja.Object)
	_ = fn.DefineDataProperty("name", vm.ToValue("parse"), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	_ = fn.DefineDataProperty("length", vm.ToValue(2), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	_ = jsonObj.DefineDataProperty("parse", fn, goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_TRUE)
}

// jsonParser is the scanner. It belongs to one runtime and is used only on
// that runtime's goroutine (JSON.parse is not reentrant: it calls no JS).
type jsonParser struct {
	vm    *goja.Runtime
	s     string
	i     int
	depth int
	// keys holds one copy of each key text seen in this parse, so that the
	// keys of an array of records are shared and do not pin the input.
	keys map[string]string
	buf  []byte  // scratch for strings with escapes
	vals [][]any // scratch stacks for array elements, one per depth
}

// parse returns the value of s, or false if the original must decide.
func (p *jsonParser) parse(s string) (v goja.Value, ok bool) {
	if strings.Contains(s, "\uFFFD") {
		return nil, false
	}
	p.s, p.i, p.depth = s, 0, 0
	if p.keys == nil {
		p.keys = make(map[string]string)
	}
	defer func() {
		p.s = ""
		if len(p.keys) > 256 {
			p.keys = nil
		} else {
			clear(p.keys)
		}
		for i := range p.vals {
			clear(p.vals[i][:cap(p.vals[i])])
			p.vals[i] = p.vals[i][:0]
		}
	}()
	p.space()
	v, ok = p.value()
	if !ok {
		return nil, false
	}
	p.space()
	if p.i != len(p.s) {
		return nil, false
	}
	return v, true
}

func (p *jsonParser) space() {
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

func (p *jsonParser) value() (goja.Value, bool) {
	if p.i >= len(p.s) {
		return nil, false
	}
	switch c := p.s[p.i]; {
	case c == '{':
		return p.object()
	case c == '[':
		return p.array()
	case c == '"':
		s, ok := p.str(false)
		if !ok {
			return nil, false
		}
		return p.vm.ToValue(s), true
	case c == '-' || (c >= '0' && c <= '9'):
		return p.number()
	case strings.HasPrefix(p.s[p.i:], "true"):
		p.i += 4
		return p.vm.ToValue(true), true
	case strings.HasPrefix(p.s[p.i:], "false"):
		p.i += 5
		return p.vm.ToValue(false), true
	case strings.HasPrefix(p.s[p.i:], "null"):
		p.i += 4
		return goja.Null(), true
	}
	return nil, false
}

func (p *jsonParser) object() (goja.Value, bool) {
	if p.depth >= maxJSONDepth {
		return nil, false
	}
	p.depth++
	defer func() { p.depth-- }()
	p.i++ // {
	o := p.vm.NewObject()
	p.space()
	if p.i < len(p.s) && p.s[p.i] == '}' {
		p.i++
		return o, true
	}
	for {
		if p.i >= len(p.s) || p.s[p.i] != '"' {
			return nil, false
		}
		k, ok := p.str(true)
		if !ok {
			return nil, false
		}
		p.space()
		if p.i >= len(p.s) || p.s[p.i] != ':' {
			return nil, false
		}
		p.i++
		p.space()
		v, ok := p.value()
		if !ok {
			return nil, false
		}
		// CreateDataProperty: an own property even for "__proto__", whatever
		// setters the prototype chain has; a repeated key keeps its place.
		if o.DefineDataProperty(k, v, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE) != nil {
			return nil, false
		}
		if done, ok := p.separator('}'); !ok {
			return nil, false
		} else if done {
			return o, true
		}
	}
}

func (p *jsonParser) array() (goja.Value, bool) {
	if p.depth >= maxJSONDepth {
		return nil, false
	}
	d := p.depth
	p.depth++
	defer func() { p.depth-- }()
	for len(p.vals) <= d {
		p.vals = append(p.vals, nil)
	}
	p.i++ // [
	p.space()
	if p.i < len(p.s) && p.s[p.i] == ']' {
		p.i++
		return p.vm.NewArray(), true
	}
	start := len(p.vals[d])
	for {
		v, ok := p.value()
		if !ok {
			return nil, false
		}
		p.vals[d] = append(p.vals[d], v)
		if done, ok := p.separator(']'); !ok {
			return nil, false
		} else if done {
			items := p.vals[d][start:]
			a := p.vm.NewArray(items...)
			clear(items)
			p.vals[d] = p.vals[d][:start]
			return a, true
		}
	}
}

// separator reads what follows a member of an object or array: a comma
// (more to come), or close (the end: done).
func (p *jsonParser) separator(close byte) (done, ok bool) {
	p.space()
	if p.i >= len(p.s) {
		return false, false
	}
	switch p.s[p.i] {
	case ',':
		p.i++
		p.space()
		return false, true
	case close:
		p.i++
		return true, true
	}
	return false, false
}

// number scans a JSON number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func (p *jsonParser) number() (goja.Value, bool) {
	s := p.s
	start := p.i
	i := p.i
	if s[i] == '-' {
		i++
	}
	if i >= len(s) {
		return nil, false
	}
	switch {
	case s[i] == '0':
		i++
	case s[i] >= '1' && s[i] <= '9':
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
	default:
		return nil, false
	}
	integer := true
	if i < len(s) && s[i] == '.' {
		integer = false
		i++
		d := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == d {
			return nil, false
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		integer = false
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		d := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == d {
			return nil, false
		}
	}
	p.i = i
	text := s[start:i]
	if integer && len(text) <= 15 && text != "-0" {
		n, err := strconv.ParseInt(text, 10, 64)
		if err == nil {
			return p.vm.ToValue(n), true
		}
	}
	f, err := strconv.ParseFloat(text, 64)
	if err != nil {
		// Past the float64 range: ±Inf (or 0 below it), as V8 gives.
		if ne, ok := err.(*strconv.NumError); !ok || ne.Err != strconv.ErrRange {
			return nil, false
		}
	}
	return p.vm.ToValue(f), true
}

// str scans a JSON string starting at its opening quote. Keys are interned.
func (p *jsonParser) str(key bool) (string, bool) {
	s := p.s
	i := p.i + 1
	start := i
	for i < len(s) {
		c := s[i]
		switch {
		case c == '"':
			p.i = i + 1
			raw := s[start:i]
			if key {
				if k, ok := p.keys[raw]; ok {
					return k, true
				}
				k := strings.Clone(raw)
				p.keys[k] = k
				return k, true
			}
			return strings.Clone(raw), true
		case c == '\\':
			return p.escaped(start, i)
		case c < 0x20:
			return "", false
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				return "", false
			}
			i += size
		default:
			i++
		}
	}
	return "", false
}

// escaped finishes a string that has an escape at i.
func (p *jsonParser) escaped(start, i int) (string, bool) {
	s := p.s
	b := append(p.buf[:0], s[start:i]...)
	for i < len(s) {
		c := s[i]
		switch {
		case c == '"':
			p.i = i + 1
			p.buf = b
			return string(b), true
		case c < 0x20:
			return "", false
		case c != '\\':
			b = append(b, c)
			i++
			continue
		}
		if i+1 >= len(s) {
			return "", false
		}
		i += 2
		switch s[i-1] {
		case '"', '\\', '/':
			b = append(b, s[i-1])
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'u':
			r, ok := hex4(s, i)
			if !ok {
				return "", false
			}
			i += 4
			if utf16.IsSurrogate(r) {
				// Only a high surrogate followed by an escaped low one makes
				// a character; a lone half goes to the original.
				if r >= 0xdc00 || i+6 > len(s) || s[i] != '\\' || s[i+1] != 'u' {
					return "", false
				}
				r2, ok := hex4(s, i+2)
				if !ok || r2 < 0xdc00 || r2 > 0xdfff {
					return "", false
				}
				i += 6
				r = utf16.DecodeRune(r, r2)
			}
			b = utf8.AppendRune(b, r)
		default:
			return "", false
		}
	}
	return "", false
}

// hex4 reads four hex digits at s[i:].
func hex4(s string, i int) (rune, bool) {
	if i+4 > len(s) {
		return 0, false
	}
	var r rune
	for _, c := range []byte(s[i : i+4]) {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	return r, true
}
