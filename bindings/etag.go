package bindings

import (
	"strconv"
	"unicode/utf8"
)

// ETag returns the strong ETag Next.js computes for a response body:
// `"` + base36(fnv1a52(s)) + base36(len(s)) + `"`, where the hash runs over
// the UTF-16 code units of s and the length counts them, as in JavaScript.
func ETag(s string) string {
	h, n := fnv1a52(s)
	b := make([]byte, 0, 24)
	b = append(b, '"')
	b = strconv.AppendInt(b, h, 36)
	b = strconv.AppendInt(b, int64(n), 36)
	b = append(b, '"')
	return string(b)
}

// fnv1a52 is the 52-bit FNV-1a of fnv-plus as Next.js inlines it, computed in
// four 16-bit lanes exactly like the JavaScript. It returns the hash and the
// UTF-16 length of s.
func fnv1a52(s string) (int64, int) {
	var v0, v1, v2, v3 uint32 = 0x2325, 0x8422, 0x9ce4, 0xcbf2
	n := 0
	step := func(c uint32) {
		v0 ^= c
		t0 := v0 * 435
		t1 := v1 * 435
		t2 := v2 * 435
		t3 := v3 * 435
		t2 += v0 << 8
		t3 += v1 << 8
		t1 += t0 >> 16
		v0 = t0 & 65535
		t2 += t1 >> 16
		v1 = t1 & 65535
		v3 = (t3 + (t2 >> 16)) & 65535
		v2 = t2 & 65535
		n++
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			step(uint32(c))
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r >= 0x10000 {
			r -= 0x10000
			step(uint32(0xD800 + (r >> 10)))
			step(uint32(0xDC00 + (r & 0x3FF)))
			continue
		}
		step(uint32(r))
	}
	h := int64(v3&15)*281474976710656 + int64(v2)*4294967296 + int64(v1)*65536 + int64(v0^(v3>>4))
	return h, n
}
