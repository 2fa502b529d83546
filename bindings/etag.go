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

// fnv1a52 is the 52-bit FNV-1a of fnv-plus as Next.js inlines it. The
// JavaScript computes a 64-bit FNV-1a (offset basis 0xcbf29ce484222325, prime
// 2^40+435) in four 16-bit lanes over the UTF-16 code units of s, then folds
// the top 12 bits into the low ones; this is the same arithmetic on one
// uint64. It returns the hash and the UTF-16 length of s.
func fnv1a52(s string) (int64, int) {
	const prime = 1<<40 + 435
	h := uint64(0xcbf29ce484222325)
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			h = (h ^ uint64(c)) * prime
			i++
			n++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r >= 0x10000 {
			r -= 0x10000
			h = (h ^ uint64(0xD800+(r>>10))) * prime
			h = (h ^ uint64(0xDC00+(r&0x3FF))) * prime
			n += 2
			continue
		}
		h = (h ^ uint64(r)) * prime
		n++
	}
	v0, v3 := h&0xffff, h>>48
	return int64((v3&15)<<48 | (h>>16&0xffffffff)<<16 | (v0 ^ v3>>4)), n
}
