package bindings

import (
	"strings"
	"unicode/utf8"
)

// Pair is one key and value from a query string or a cookie header.
type Pair struct{ Key, Value string }

// MaxQueryKeys is the number of pairs Node's querystring.parse keeps by
// default; the rest are ignored.
const MaxQueryKeys = 1000

// ParseQuery splits a query string (without "?") the way Node's
// querystring.parse does with its defaults: pairs separated by "&", key and
// value by the first "=", "+" is a space, percent escapes are decoded
// leniently (a bad escape stays as text, bad UTF-8 becomes U+FFFD), empty
// pairs are skipped, and at most MaxQueryKeys pairs are read.
func ParseQuery(s string) []Pair {
	return splitPairs(s, unescapeQuery, MaxQueryKeys)
}

// splitPairs splits s on "&" into key=value pairs (the value after the first
// "="), skipping empty pairs, decoding both sides with decode, and stopping
// after max pairs (max < 0: no limit).
func splitPairs(s string, decode func(string) string, max int) []Pair {
	if s == "" {
		return nil
	}
	pairs := make([]Pair, 0, strings.Count(s, "&")+1)
	for s != "" && (max < 0 || len(pairs) < max) {
		var part string
		part, s, _ = strings.Cut(s, "&")
		if part == "" {
			continue
		}
		k, v, _ := strings.Cut(part, "=")
		pairs = append(pairs, Pair{decode(k), decode(v)})
	}
	return pairs
}

// unescapeQuery decodes "+" and percent escapes like querystring.unescape:
// first as decodeURIComponent would (escapes must form valid UTF-8; other
// characters stay as they are); where that would throw, byte by byte like
// querystring.unescapeBuffer (a bad escape stays as text, each character
// becomes the low byte of its UTF-16 code unit, and the bytes are read as
// UTF-8 with U+FFFD for invalid sequences).
func unescapeQuery(s string) string {
	if strings.IndexByte(s, '%') < 0 && strings.IndexByte(s, '+') < 0 {
		return s
	}
	s = strings.ReplaceAll(s, "+", " ")
	if d, ok := decodeURIComponent(s); ok {
		return d
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		if s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			b = append(b, unhex(s[i+1])<<4|unhex(s[i+2]))
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r >= 0x10000 {
			r -= 0x10000
			b = append(b, byte(0xD800+(r>>10)), byte(0xDC00+(r&0x3FF)))
			continue
		}
		b = append(b, byte(r))
	}
	return toValidUTF8(b)
}

// decodeURIComponent decodes s like JavaScript's decodeURIComponent, and
// reports false where that throws: a "%" without two hex digits, or escapes
// that do not form valid UTF-8.
func decodeURIComponent(s string) (string, bool) {
	if strings.IndexByte(s, '%') < 0 {
		return s, true
	}
	var out strings.Builder
	out.Grow(len(s))
	for i := 0; i < len(s); {
		if s[i] != '%' {
			j := strings.IndexByte(s[i:], '%')
			if j < 0 {
				j = len(s) - i
			}
			out.WriteString(s[i : i+j])
			i += j
			continue
		}
		var run []byte
		for i < len(s) && s[i] == '%' {
			if i+2 >= len(s) || !isHex(s[i+1]) || !isHex(s[i+2]) {
				return "", false
			}
			run = append(run, unhex(s[i+1])<<4|unhex(s[i+2]))
			i += 3
		}
		if !utf8.Valid(run) {
			return "", false
		}
		out.Write(run)
	}
	return out.String(), true
}

// toValidUTF8 replaces each invalid UTF-8 sequence with U+FFFD the way
// Buffer.toString('utf8') (and the WHATWG decoder) does: one replacement per
// maximal invalid subpart.
func toValidUTF8(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	var sb strings.Builder
	sb.Grow(len(b) + 8)
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size <= 1 {
			sb.WriteRune(utf8.RuneError)
			b = b[maximalSubpart(b):]
			continue
		}
		sb.WriteRune(r)
		b = b[size:]
	}
	return sb.String()
}

// maximalSubpart returns the length of the invalid sequence at the start of b
// that the WHATWG UTF-8 decoder replaces with one U+FFFD: a lead byte plus as
// many valid continuation bytes as it allows, and at least one byte.
func maximalSubpart(b []byte) int {
	c := b[0]
	var need int
	lo, hi := byte(0x80), byte(0xBF)
	switch {
	case c >= 0xC2 && c <= 0xDF:
		need = 1
	case c >= 0xE0 && c <= 0xEF:
		need = 2
		if c == 0xE0 {
			lo = 0xA0
		} else if c == 0xED {
			hi = 0x9F
		}
	case c >= 0xF0 && c <= 0xF4:
		need = 3
		if c == 0xF0 {
			lo = 0x90
		} else if c == 0xF4 {
			hi = 0x8F
		}
	default:
		return 1
	}
	n := 1
	for ; n <= need && n < len(b); n++ {
		if b[n] < lo || b[n] > hi {
			break
		}
		lo, hi = 0x80, 0xBF
	}
	return n
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c >= '0' && c <= '9':
		return c - '0'
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10
	default:
		return c - 'A' + 10
	}
}

// ParseSearchParams splits a query string (without "?", as the JS string Node
// makes of the request target) the way Next.js reads req.url's query: with
// URLSearchParams, i.e. the WHATWG application/x-www-form-urlencoded parser.
// Pairs are separated by "&" (empty ones skipped), "+" is a space, percent
// escapes are decoded as bytes (a bad escape stays as text), characters are
// taken as their UTF-8 bytes, and the result is read as UTF-8 with U+FFFD for
// invalid sequences. Unlike querystring there is no limit on the number of
// pairs.
func ParseSearchParams(s string) []Pair {
	return splitPairs(s, formDecode, -1)
}

// formDecode is the WHATWG urlencoded decoding of one name or value.
func formDecode(s string) string {
	if strings.IndexByte(s, '%') < 0 && strings.IndexByte(s, '+') < 0 {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '+':
			b = append(b, ' ')
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			b = append(b, unhex(s[i+1])<<4|unhex(s[i+2]))
			i += 2
		default:
			b = append(b, c)
		}
	}
	return toValidUTF8(b)
}
