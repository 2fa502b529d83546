package compat

import (
	"bytes"
	"encoding/base64"
	"unicode/utf8"

	"github.com/dop251/goja"
)

func init() {
	registerGo("internal/buffer", loadBufferNatives)
	registerJS("buffer", "buffer.js")
	registerGlobal("Buffer", "buffer", "Buffer")
	registerGlobal("atob", "buffer", "atob")
	registerGlobal("btoa", "buffer", "btoa")
}

// viewBytes returns the bytes a Uint8Array (or Buffer) or ArrayBuffer
// shows, sharing its memory. buffer.js only ever passes those.
func viewBytes(v goja.Value) []byte {
	if o, ok := v.(*goja.Object); ok {
		switch x := o.Export().(type) {
		case []byte:
			return x
		case goja.ArrayBuffer:
			return x.Bytes()
		}
	}
	return nil
}

// loadBufferNatives exposes the byte and string work of node:buffer to
// compat/js/buffer.js. Arguments are validated on the JS side: ranges are
// already clamped integers and encodings are the enc* numbers.
func loadBufferNatives(h *Host, module *goja.Object) {
	vm := h.VM
	n := vm.NewObject()
	intArg := func(c goja.FunctionCall, i int) int { return int(c.Argument(i).ToInteger()) }
	set := func(name string, fn func(goja.FunctionCall) goja.Value) { _ = n.Set(name, fn) }
	_ = n.Set("maxAllocation", h.MaxAllocation())

	// byteLengthUtf8(string) -> number
	set("byteLengthUtf8", func(c goja.FunctionCall) goja.Value {
		return vm.ToValue(readJSString(c.Argument(0)).utf8Length())
	})
	// encode(string, enc) -> ArrayBuffer holding the encoded bytes
	set("encode", func(c goja.FunctionCall) goja.Value {
		b := encodeJSString(readJSString(c.Argument(0)), intArg(c, 1))
		return vm.ToValue(vm.NewArrayBuffer(b))
	})
	// write(buf, string, enc, offset, length) -> bytes written
	set("write", func(c goja.FunctionCall) goja.Value {
		b := viewBytes(c.Argument(0))
		off, length := intArg(c, 3), intArg(c, 4)
		if off < 0 || off > len(b) {
			return vm.ToValue(0)
		}
		dst := b[off:]
		if length < len(dst) {
			dst = dst[:max(length, 0)]
		}
		return vm.ToValue(writeJSString(dst, readJSString(c.Argument(1)), intArg(c, 2)))
	})
	// decode(buf, enc, start, end) -> string
	set("decode", func(c goja.FunctionCall) goja.Value {
		b := viewBytes(c.Argument(0))
		start, end := clampRange(len(b), intArg(c, 2), intArg(c, 3))
		return decodeToJS(vm, b[start:end], intArg(c, 1))
	})
	// compare(a, aStart, aEnd, b, bStart, bEnd) -> -1, 0 or 1
	set("compare", func(c goja.FunctionCall) goja.Value {
		a := viewBytes(c.Argument(0))
		as, ae := clampRange(len(a), intArg(c, 1), intArg(c, 2))
		b := viewBytes(c.Argument(3))
		bs, be := clampRange(len(b), intArg(c, 4), intArg(c, 5))
		return vm.ToValue(bytes.Compare(a[as:ae], b[bs:be]))
	})
	// copy(src, srcStart, srcEnd, dst, dstStart) -> bytes copied
	set("copy", func(c goja.FunctionCall) goja.Value {
		src := viewBytes(c.Argument(0))
		ss, se := clampRange(len(src), intArg(c, 1), intArg(c, 2))
		dst := viewBytes(c.Argument(3))
		ds, _ := clampRange(len(dst), intArg(c, 4), len(dst))
		return vm.ToValue(copy(dst[ds:], src[ss:se]))
	})
	// fill(buf, start, end, value, enc): value is a string (encoded with
	// enc) or a Uint8Array; returns -1 when there is nothing to fill with.
	set("fill", func(c goja.FunctionCall) goja.Value {
		b := viewBytes(c.Argument(0))
		start, end := clampRange(len(b), intArg(c, 1), intArg(c, 2))
		var pat []byte
		if s, ok := c.Argument(3).(goja.String); ok {
			pat = encodeJSString(readJSString(s), intArg(c, 4))
		} else {
			pat = viewBytes(c.Argument(3))
		}
		if len(pat) == 0 {
			return vm.ToValue(-1)
		}
		fillPattern(b[start:end], pat)
		return vm.ToValue(end - start)
	})
	// indexOf(buf, value, byteOffset, enc, forward) -> index or -1. value
	// is a string (encoded with enc), a Uint8Array or a byte.
	set("indexOf", func(c goja.FunctionCall) goja.Value {
		hay := viewBytes(c.Argument(0))
		enc := intArg(c, 3)
		var needle []byte
		switch v := c.Argument(1).(type) {
		case goja.String:
			needle = encodeJSString(readJSString(v), enc)
		case *goja.Object:
			needle = viewBytes(v)
		default:
			needle = []byte{byte(v.ToInteger())}
		}
		off := c.Argument(2).ToInteger()
		forward := c.Argument(4).ToBoolean()
		return vm.ToValue(bufferIndexOf(hay, needle, off, forward, enc == encUCS2))
	})
	// swap(buf, size) reverses the byte order of each size-byte group.
	set("swap", func(c goja.FunctionCall) goja.Value {
		b := viewBytes(c.Argument(0))
		size := intArg(c, 1)
		for i := 0; i+size <= len(b); i += size {
			g := b[i : i+size]
			for l, r := 0, size-1; l < r; l, r = l+1, r-1 {
				g[l], g[r] = g[r], g[l]
			}
		}
		return goja.Undefined()
	})
	// concat(list, total) -> ArrayBuffer of total bytes: the views of list
	// one after another, zero filled.
	set("concat", func(c goja.FunctionCall) goja.Value {
		total := max(intArg(c, 1), 0)
		out := make([]byte, total)
		w := 0
		if list, ok := c.Argument(0).(*goja.Object); ok {
			for _, item := range list.Export().([]any) {
				if w >= total {
					break
				}
				if b, ok := item.([]byte); ok {
					w += copy(out[w:], b)
				}
			}
		}
		return vm.ToValue(vm.NewArrayBuffer(out))
	})
	set("isUtf8", func(c goja.FunctionCall) goja.Value {
		return vm.ToValue(utf8.Valid(viewBytes(c.Argument(0))))
	})
	set("isAscii", func(c goja.FunctionCall) goja.Value {
		return vm.ToValue(isASCIIBytes(viewBytes(c.Argument(0))))
	})
	// atob(string) -> string, or 1 for an invalid character, 2 for a bad
	// length (the two DOMException messages Node uses).
	set("atob", func(c goja.FunctionCall) goja.Value {
		b, code := forgivingBase64(readJSString(c.Argument(0)))
		if code != 0 {
			return vm.ToValue(code)
		}
		return latin1ToJS(vm, b)
	})
	// btoa(string) -> base64 of its Latin-1 bytes, or null when a code unit
	// is above U+00FF.
	set("btoa", func(c goja.FunctionCall) goja.Value {
		s := readJSString(c.Argument(0))
		if s.units == nil && s.ascii {
			return vm.ToValue(base64.StdEncoding.EncodeToString([]byte(s.s)))
		}
		u := s.utf16()
		b := make([]byte, len(u))
		for i, c := range u {
			if c > 0xFF {
				return goja.Null()
			}
			b[i] = byte(c)
		}
		return vm.ToValue(base64.StdEncoding.EncodeToString(b))
	})
	_ = module.Set("exports", n)
}

// clampRange bounds start and end to [0, n] with start <= end.
func clampRange(n, start, end int) (int, int) {
	start = min(max(start, 0), n)
	end = min(max(end, start), n)
	return start, end
}

// fillPattern repeats pat over dst.
func fillPattern(dst, pat []byte) {
	if len(dst) == 0 {
		return
	}
	k := copy(dst, pat)
	for k < len(dst) {
		k += copy(dst[k:], dst[:k])
	}
}

// bufferIndexOf searches hay for needle the way Buffer#indexOf and
// #lastIndexOf do, including their treatment of out-of-range offsets.
// ucs2 restricts matches to even offsets, as Node searches UTF-16 units.
func bufferIndexOf(hay, needle []byte, off int64, forward, ucs2 bool) int {
	length, nl := int64(len(hay)), int64(len(needle))
	var start int64
	switch {
	case off < 0 && off+length >= 0:
		start = length + off
	case off < 0 && (forward || nl == 0):
		start = 0
	case off < 0:
		return -1
	case off+nl <= length:
		start = off
	case nl == 0:
		start = length
	case forward:
		return -1
	default:
		start = length - 1
	}
	if nl == 0 {
		return int(start)
	}
	if nl > length {
		return -1
	}
	if ucs2 {
		return indexOfAligned(hay, needle, int(start)/2*2, forward)
	}
	if forward {
		i := bytes.Index(hay[start:], needle)
		if i < 0 {
			return -1
		}
		return int(start) + i
	}
	return bytes.LastIndex(hay[:min(start+nl, length)], needle)
}

// indexOfAligned finds needle at even offsets only, forward from start or
// backward from it.
func indexOfAligned(hay, needle []byte, start int, forward bool) int {
	if len(needle) < 2 || len(hay) < 2 {
		return -1
	}
	if forward {
		for i := start; i+len(needle) <= len(hay); i += 2 {
			j := bytes.Index(hay[i:], needle)
			if j < 0 {
				return -1
			}
			if j%2 == 0 {
				return i + j
			}
			i += j - 1 // continue at the next even offset after the odd match
		}
		return -1
	}
	for i := min(start, (len(hay)-len(needle))/2*2); i >= 0; i -= 2 {
		if bytes.Equal(hay[i:i+len(needle)], needle) {
			return i
		}
	}
	return -1
}

// forgivingBase64 decodes per the WHATWG forgiving-base64 algorithm used by
// atob. code is 1 for an invalid character, 2 for an impossible length.
func forgivingBase64(s jsString) (out []byte, code int) {
	src := s.s
	if s.units != nil || !s.ascii {
		u := s.utf16()
		b := make([]byte, 0, len(u))
		for _, c := range u {
			if c > 0x7F {
				return nil, 1
			}
			b = append(b, byte(c))
		}
		src = string(b)
	}
	clean := make([]byte, 0, len(src))
	for i := 0; i < len(src); i++ {
		switch c := src[i]; c {
		case ' ', '\t', '\n', '\f', '\r':
		default:
			clean = append(clean, c)
		}
	}
	if len(clean)%4 == 0 {
		for k := 0; k < 2 && len(clean) > 0 && clean[len(clean)-1] == '='; k++ {
			clean = clean[:len(clean)-1]
		}
	}
	for _, c := range clean {
		if c == '-' || c == '_' || base64Values[c] == 0xFF {
			return nil, 1
		}
	}
	if len(clean)%4 == 1 {
		return nil, 2
	}
	return base64DecodeLenient(clean), 0
}
