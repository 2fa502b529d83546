package compat

import (
	"encoding/base64"
	"encoding/hex"
	"reflect"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/dop251/goja"
)

// Encodings understood by the buffer natives. The numbers are shared with
// compat/js/buffer.js, which maps Node's encoding names onto them.
const (
	encUTF8 = iota
	encUCS2
	encLatin1
	encASCII
	encHex
	encBase64
	encBase64URL
)

// jsString is a JS string seen from Go without losing anything: either a
// Go string (ascii reports whether every byte is below 0x80, so that byte i
// is code unit i; otherwise it is valid UTF-8 with no lone surrogates) or
// the UTF-16 code units themselves, which may hold lone surrogates.
type jsString struct {
	s     string
	ascii bool
	units []uint16 // non-nil when the string is held as UTF-16
}

var uint16SliceType = reflect.TypeOf([]uint16(nil))

// readJSString looks at a JS string value without copying when it can.
// goja keeps ASCII strings as Go strings and other strings as UTF-16 (with a
// marker unit in front); strings imported from Go stay UTF-8 until scanned.
// The UTF-16 form is reached through reflection so that lone surrogates
// survive; if goja's layout ever changes we fall back to CharAt.
func readJSString(v goja.Value) jsString {
	s, ok := v.(goja.String)
	if !ok {
		str := v.String()
		return jsString{s: str, ascii: isASCIIString(str)}
	}
	rv := reflect.ValueOf(s)
	switch rv.Kind() {
	case reflect.String:
		// goja only keeps pure-ASCII strings in this form.
		return jsString{s: s.String(), ascii: true}
	case reflect.Slice:
		n := s.Length()
		if rv.Type().ConvertibleTo(uint16SliceType) {
			u := rv.Convert(uint16SliceType).Interface().([]uint16)
			if len(u) == n+1 {
				return jsString{units: u[1:]}
			}
		}
	case reflect.Pointer:
		// A string imported from Go: its Go form is what JS sees, provided
		// it is valid UTF-8.
		str := s.String()
		if utf8.ValidString(str) {
			return jsString{s: str, ascii: isASCIIString(str)}
		}
	}
	n := s.Length()
	u := make([]uint16, n)
	for i := range u {
		u[i] = s.CharAt(i)
	}
	return jsString{units: u}
}

func isASCIIString(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func isASCIIBytes(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// length is the number of UTF-16 code units.
func (j jsString) length() int {
	if j.units != nil {
		return len(j.units)
	}
	if j.ascii {
		return len(j.s)
	}
	n := 0
	for _, r := range j.s {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// utf16 returns the code units, converting a Go string when needed.
func (j jsString) utf16() []uint16 {
	if j.units != nil {
		return j.units
	}
	u := make([]uint16, 0, len(j.s))
	for _, r := range j.s {
		u = utf16.AppendRune(u, r)
	}
	return u
}

// lowBytes returns the string with every code unit cut to its low byte, the
// way Node reads hex and base64 input.
func (j jsString) lowBytes() []byte {
	if j.units == nil && j.ascii {
		return []byte(j.s)
	}
	u := j.utf16()
	b := make([]byte, len(u))
	for i, c := range u {
		b[i] = byte(c)
	}
	return b
}

// utf8Length is the number of bytes of the UTF-8 encoding, lone surrogates
// counting as U+FFFD.
func (j jsString) utf8Length() int {
	if j.units == nil {
		return len(j.s)
	}
	n := 0
	u := j.units
	for i := 0; i < len(u); i++ {
		c := u[i]
		switch {
		case c < 0x80:
			n++
		case c < 0x800:
			n += 2
		case c >= 0xD800 && c <= 0xDBFF && i+1 < len(u) && u[i+1] >= 0xDC00 && u[i+1] <= 0xDFFF:
			n += 4
			i++
		default:
			n += 3
		}
	}
	return n
}

// writeUTF8 encodes as many whole characters as fit into dst and returns
// the number of bytes written.
func (j jsString) writeUTF8(dst []byte) int {
	if j.units == nil {
		if len(j.s) <= len(dst) {
			return copy(dst, j.s)
		}
		if j.ascii {
			return copy(dst, j.s[:len(dst)])
		}
		n := len(dst)
		// Back up to the start of the character that does not fit.
		for n > 0 && !utf8.RuneStart(j.s[n]) {
			n--
		}
		return copy(dst, j.s[:n])
	}
	u := j.units
	w, n := 0, len(dst)
loop:
	for i := 0; i < len(u); i++ {
		c := u[i]
		switch {
		case c < 0x80:
			if w >= n {
				break loop
			}
			dst[w] = byte(c)
			w++
		case c < 0x800:
			if w+2 > n {
				break loop
			}
			dst[w] = 0xC0 | byte(c>>6)
			dst[w+1] = 0x80 | byte(c)&0x3F
			w += 2
		case c >= 0xD800 && c <= 0xDBFF && i+1 < len(u) && u[i+1] >= 0xDC00 && u[i+1] <= 0xDFFF:
			if w+4 > n {
				break loop
			}
			r := 0x10000 + (rune(c)-0xD800)<<10 + rune(u[i+1]) - 0xDC00
			dst[w] = 0xF0 | byte(r>>18)
			dst[w+1] = 0x80 | byte(r>>12)&0x3F
			dst[w+2] = 0x80 | byte(r>>6)&0x3F
			dst[w+3] = 0x80 | byte(r)&0x3F
			w += 4
			i++
		default:
			if w+3 > n {
				break loop
			}
			if c >= 0xD800 && c <= 0xDFFF {
				c = 0xFFFD // lone surrogate
			}
			dst[w] = 0xE0 | byte(c>>12)
			dst[w+1] = 0x80 | byte(c>>6)&0x3F
			dst[w+2] = 0x80 | byte(c)&0x3F
			w += 3
		}
	}
	return w
}

// encodeJSString returns the bytes of s in the given encoding.
func encodeJSString(s jsString, enc int) []byte {
	switch enc {
	case encUTF8:
		if s.units == nil {
			return []byte(s.s)
		}
		b := make([]byte, s.utf8Length())
		s.writeUTF8(b)
		return b
	case encUCS2:
		u := s.utf16()
		b := make([]byte, 2*len(u))
		for i, c := range u {
			b[2*i] = byte(c)
			b[2*i+1] = byte(c >> 8)
		}
		return b
	case encLatin1, encASCII:
		return s.lowBytes()
	case encHex:
		if s.units == nil && s.ascii {
			return hexDecodePrefix(s.s)
		}
		return hexDecodePrefix(s.lowBytes())
	case encBase64, encBase64URL:
		if s.units == nil && s.ascii {
			return base64DecodeLenient(s.s)
		}
		return base64DecodeLenient(s.lowBytes())
	}
	return nil
}

// writeJSString writes s into dst in the given encoding, Node's way: only
// whole characters for utf8 and ucs2, as much as fits otherwise.
func writeJSString(dst []byte, s jsString, enc int) int {
	switch enc {
	case encUTF8:
		return s.writeUTF8(dst)
	case encUCS2:
		u := s.utf16()
		n := min(len(u), len(dst)/2)
		for i, c := range u[:n] {
			dst[2*i] = byte(c)
			dst[2*i+1] = byte(c >> 8)
		}
		return 2 * n
	case encLatin1, encASCII:
		if s.units == nil && s.ascii {
			return copy(dst, s.s)
		}
		u := s.utf16()
		n := min(len(u), len(dst))
		for i, c := range u[:n] {
			dst[i] = byte(c)
		}
		return n
	}
	return copy(dst, encodeJSString(s, enc))
}

// hexDecodePrefix decodes pairs of hex digits up to the first invalid pair;
// a lone final digit is ignored.
func hexDecodePrefix[T string | []byte](s T) []byte {
	out := make([]byte, len(s)/2)
	for i := range out {
		hi, ok1 := unhex(s[2*i])
		lo, ok2 := unhex(s[2*i+1])
		if !ok1 || !ok2 {
			return out[:i]
		}
		out[i] = hi<<4 | lo
	}
	return out
}

func unhex(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// base64Values maps a byte to its 6-bit value in either base64 alphabet
// (standard or URL-safe), 0xFF for anything else.
var base64Values = func() (t [256]byte) {
	for i := range t {
		t[i] = 0xFF
	}
	const std = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	for i := 0; i < len(std); i++ {
		t[std[i]] = byte(i)
	}
	t['-'] = 62
	t['_'] = 63
	return t
}()

// base64DecodeLenient decodes base64 or base64url the way Node does: it
// skips characters outside both alphabets (whitespace included), stops at
// the first '=', and drops a final lone 6-bit group.
func base64DecodeLenient[T string | []byte](s T) []byte {
	// Fast path: well-formed standard base64 without whitespace.
	if len(s)%4 == 0 {
		if b, err := base64.StdEncoding.DecodeString(string(s)); err == nil {
			return b
		}
	}
	out := make([]byte, 0, len(s)*3/4+3)
	var acc uint32
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '=' {
			break
		}
		v := base64Values[c]
		if v == 0xFF {
			continue
		}
		acc = acc<<6 | uint32(v)
		n++
		if n == 4 {
			out = append(out, byte(acc>>16), byte(acc>>8), byte(acc))
			acc, n = 0, 0
		}
	}
	switch n {
	case 2:
		out = append(out, byte(acc>>4))
	case 3:
		out = append(out, byte(acc>>10), byte(acc>>2))
	}
	return out
}

// decodeToJS turns bytes into a JS string in the given encoding.
func decodeToJS(vm *goja.Runtime, b []byte, enc int) goja.Value {
	switch enc {
	case encUTF8:
		return utf8ToJS(vm, b)
	case encUCS2:
		u := make([]uint16, len(b)/2)
		for i := range u {
			u[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
		}
		return goja.StringFromUTF16(u)
	case encLatin1:
		return latin1ToJS(vm, b)
	case encASCII:
		if isASCIIBytes(b) {
			return vm.ToValue(string(b))
		}
		out := make([]byte, len(b))
		for i, c := range b {
			out[i] = c & 0x7F
		}
		return vm.ToValue(string(out))
	case encHex:
		return vm.ToValue(hex.EncodeToString(b))
	case encBase64:
		return vm.ToValue(base64.StdEncoding.EncodeToString(b))
	case encBase64URL:
		return vm.ToValue(base64.RawURLEncoding.EncodeToString(b))
	}
	return goja.Undefined()
}

func latin1ToJS(vm *goja.Runtime, b []byte) goja.Value {
	if isASCIIBytes(b) {
		return vm.ToValue(string(b))
	}
	u := make([]uint16, len(b))
	for i, c := range b {
		u[i] = uint16(c)
	}
	return goja.StringFromUTF16(u)
}

// utf8ToJS decodes UTF-8, replacing each maximal invalid subpart with
// U+FFFD as the WHATWG Encoding standard (and V8) do.
func utf8ToJS(vm *goja.Runtime, b []byte) goja.Value {
	if utf8.Valid(b) {
		return vm.ToValue(string(b))
	}
	return vm.ToValue(string(appendUTF8Replacing(make([]byte, 0, len(b)+8), b)))
}

// appendUTF8Replacing appends the valid UTF-8 form of b to dst.
func appendUTF8Replacing(dst, b []byte) []byte {
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			dst = append(dst, c)
			i++
			continue
		}
		n := utf8SeqValid(b[i:])
		if n > 0 {
			dst = append(dst, b[i:i+n]...)
			i += n
			continue
		}
		dst = append(dst, "\uFFFD"...)
		i += -n
	}
	return dst
}

// utf8SeqValid examines the sequence starting with the non-ASCII byte b[0].
// It returns its length when it is a whole valid character, or minus the
// length of the maximal invalid subpart to replace by one U+FFFD (at least
// 1). A truncated but so far valid sequence at the end of b counts as an
// invalid subpart of its length.
func utf8SeqValid(b []byte) int {
	need, lo, hi := utf8Lead(b[0])
	if need == 0 {
		return -1
	}
	i := 1
	for ; i <= need; i++ {
		if i >= len(b) || b[i] < lo || b[i] > hi {
			return -i
		}
		lo, hi = 0x80, 0xBF
	}
	return need + 1
}

// utf8Lead gives, for a lead byte, the number of continuation bytes and the
// range allowed for the first of them (WHATWG UTF-8 decoder bounds).
func utf8Lead(c byte) (need int, lo, hi byte) {
	switch {
	case c >= 0xC2 && c <= 0xDF:
		return 1, 0x80, 0xBF
	case c == 0xE0:
		return 2, 0xA0, 0xBF
	case c == 0xED:
		return 2, 0x80, 0x9F
	case c >= 0xE1 && c <= 0xEF:
		return 2, 0x80, 0xBF
	case c == 0xF0:
		return 3, 0x90, 0xBF
	case c >= 0xF1 && c <= 0xF3:
		return 3, 0x80, 0xBF
	case c == 0xF4:
		return 3, 0x80, 0x8F
	}
	return 0, 0, 0
}

// utf8IncompleteTail returns how many bytes at the end of b form the valid
// beginning of a character that more input could complete.
func utf8IncompleteTail(b []byte) int {
	for k := 1; k <= 3 && k <= len(b); k++ {
		start := len(b) - k
		c := b[start]
		if c < 0x80 {
			return 0
		}
		if c < 0xC0 {
			continue // continuation byte: keep looking for the lead
		}
		need, lo, hi := utf8Lead(c)
		if need < k {
			return 0 // complete or invalid; nothing to hold back
		}
		for i := start + 1; i < len(b); i++ {
			if b[i] < lo || b[i] > hi {
				return 0
			}
			lo, hi = 0x80, 0xBF
		}
		return k
	}
	return 0
}
