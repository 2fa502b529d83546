package compat

// HTTP header values and reason phrases are ByteStrings in JS: one character
// per byte, every character below 256. These two convert between the bytes
// on the wire and the Go (UTF-8) form of such a JS string.

// ByteString turns raw bytes (a header value or request target as received)
// into the Go form of the JS string with one character per byte, as Node and
// undici decode them.
func ByteString(raw string) string {
	if isASCIIString(raw) {
		return raw
	}
	r := make([]rune, len(raw))
	for i := 0; i < len(raw); i++ {
		r[i] = rune(raw[i])
	}
	return string(r)
}

// ByteStringBytes turns the Go form of a JS ByteString back into its bytes,
// as Node writes a header value in Latin-1. A string with a character above
// U+00FF is not a ByteString and is returned as it is.
func ByteStringBytes(s string) string {
	if isASCIIString(s) {
		return s
	}
	b := make([]byte, 0, len(s))
	for _, c := range s {
		if c > 0xFF {
			return s
		}
		b = append(b, byte(c))
	}
	return string(b)
}
