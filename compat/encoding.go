package compat

import (
	"unicode/utf8"

	"github.com/dop251/goja"
)

func init() {
	registerGo("internal/text_natives", loadTextNatives)
	// registerGo does not hide internal modules itself.
	registerJS("internal/encoding", "encoding.js")
	registerGlobal("TextEncoder", "internal/encoding", "TextEncoder")
	registerGlobal("TextDecoder", "internal/encoding", "TextDecoder")
}

// TextDecoder encodings, shared with compat/js/encoding.js.
const (
	tdUTF8 = iota
	tdUTF16LE
	tdUTF16BE
	tdLatin1 // the windows-1252 labels; Node 20 decodes them as ISO-8859-1
)

// textDecoder is the state of one WHATWG TextDecoder stream.
type textDecoder struct {
	kind      int
	fatal     bool
	ignoreBOM bool
	pending   []byte // bytes of an incomplete character held for the next chunk
	bomDone   bool   // the start of the stream has been seen
}

// decode decodes one chunk. With stream set, an incomplete character at the
// end is held back for the next call; without it the stream ends here and
// the decoder is reset. ok is false when fatal is set and the input is not
// valid in the encoding.
func (d *textDecoder) decode(vm *goja.Runtime, in []byte, stream bool) (v goja.Value, ok bool) {
	data := in
	if len(d.pending) > 0 {
		data = append(append(make([]byte, 0, len(d.pending)+len(in)), d.pending...), in...)
		d.pending = nil
	}
	if !stream {
		defer func() { d.pending, d.bomDone = nil, false }()
	}
	switch d.kind {
	case tdLatin1:
		return latin1ToJS(vm, data), true
	case tdUTF8:
		if stream {
			if t := utf8IncompleteTail(data); t > 0 {
				d.pending = append([]byte(nil), data[len(data)-t:]...)
				data = data[:len(data)-t]
			}
		}
		if len(data) > 0 && !d.bomDone {
			d.bomDone = true
			if !d.ignoreBOM && len(data) >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF {
				data = data[3:]
			}
		}
		if d.fatal && !utf8.Valid(data) {
			return nil, false
		}
		return utf8ToJS(vm, data), true
	default:
		return d.decodeUTF16(data, stream)
	}
}

func (d *textDecoder) decodeUTF16(data []byte, stream bool) (goja.Value, bool) {
	be := d.kind == tdUTF16BE
	units := make([]uint16, len(data)/2)
	for i := range units {
		lo, hi := data[2*i], data[2*i+1]
		if be {
			lo, hi = hi, lo
		}
		units[i] = uint16(lo) | uint16(hi)<<8
	}
	rest := data[2*len(units):] // an odd final byte
	if stream {
		held := len(rest)
		if n := len(units); n > 0 && units[n-1] >= 0xD800 && units[n-1] <= 0xDBFF {
			units = units[:n-1]
			held += 2
		}
		if held > 0 {
			d.pending = append([]byte(nil), data[len(data)-held:]...)
		}
		rest = nil
	}
	if len(units) > 0 && !d.bomDone {
		d.bomDone = true
		if !d.ignoreBOM && units[0] == 0xFEFF {
			units = units[1:]
		}
	}
	// Replace lone surrogates.
	for i := 0; i < len(units); i++ {
		c := units[i]
		if c < 0xD800 || c > 0xDFFF {
			continue
		}
		if c <= 0xDBFF && i+1 < len(units) && units[i+1] >= 0xDC00 && units[i+1] <= 0xDFFF {
			i++
			continue
		}
		if d.fatal {
			return nil, false
		}
		units[i] = 0xFFFD
	}
	if len(rest) > 0 {
		if d.fatal {
			return nil, false
		}
		units = append(units, 0xFFFD)
	}
	return goja.StringFromUTF16(units), true
}

// loadTextNatives exposes the Go side of TextEncoder and TextDecoder to
// compat/js/encoding.js.
func loadTextNatives(h *Host, module *goja.Object) {
	vm := h.VM
	n := vm.NewObject()
	// encode(string) -> ArrayBuffer of its UTF-8 bytes
	_ = n.Set("encode", func(c goja.FunctionCall) goja.Value {
		return vm.ToValue(vm.NewArrayBuffer(encodeJSString(readJSString(c.Argument(0)), encUTF8)))
	})
	// encodeInto(string, uint8array) -> {read, written}
	_ = n.Set("encodeInto", func(c goja.FunctionCall) goja.Value {
		read, written := encodeInto(readJSString(c.Argument(0)), viewBytes(c.Argument(1)))
		o := vm.NewObject()
		_ = o.Set("read", read)
		_ = o.Set("written", written)
		return o
	})
	// decode(kind, uint8array, fatal, ignoreBOM) -> string, or null when
	// fatal and the input is invalid. One whole stream.
	_ = n.Set("decode", func(c goja.FunctionCall) goja.Value {
		d := textDecoder{kind: int(c.Argument(0).ToInteger()), fatal: c.Argument(2).ToBoolean(), ignoreBOM: c.Argument(3).ToBoolean()}
		v, ok := d.decode(vm, viewBytes(c.Argument(1)), false)
		if !ok {
			return goja.Null()
		}
		return v
	})
	// newDecoder(kind, fatal, ignoreBOM) -> function(uint8array, stream)
	// decoding successive chunks of one stream (null on a fatal error).
	_ = n.Set("newDecoder", func(c goja.FunctionCall) goja.Value {
		d := &textDecoder{kind: int(c.Argument(0).ToInteger()), fatal: c.Argument(1).ToBoolean(), ignoreBOM: c.Argument(2).ToBoolean()}
		return vm.ToValue(func(c goja.FunctionCall) goja.Value {
			v, ok := d.decode(vm, viewBytes(c.Argument(0)), c.Argument(1).ToBoolean())
			if !ok {
				d.pending, d.bomDone = nil, false
				return goja.Null()
			}
			return v
		})
	})
	_ = module.Set("exports", n)
}

// encodeInto writes the UTF-8 form of as many whole characters of s as fit
// into dst. read counts UTF-16 code units consumed, written bytes produced.
func encodeInto(s jsString, dst []byte) (read, written int) {
	if s.units == nil && s.ascii {
		n := copy(dst, s.s)
		return n, n
	}
	u := s.utf16()
	for i := 0; i < len(u); i++ {
		c := u[i]
		r, width := rune(c), 1
		if c >= 0xD800 && c <= 0xDFFF {
			r = utf8.RuneError
			if c <= 0xDBFF && i+1 < len(u) && u[i+1] >= 0xDC00 && u[i+1] <= 0xDFFF {
				r = 0x10000 + (rune(c)-0xD800)<<10 + rune(u[i+1]) - 0xDC00
				width = 2
			}
		}
		size := utf8.RuneLen(r)
		if written+size > len(dst) {
			break
		}
		utf8.EncodeRune(dst[written:], r)
		written += size
		read += width
		i += width - 1
	}
	return read, written
}
