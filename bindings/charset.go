package bindings

import (
	"errors"
	"strings"
	"unicode/utf16"

	"golang.org/x/text/encoding/htmlindex"
)

// charsetNames folds the spellings of a charset name ("UTF-8", "utf_8").
var charsetNames = strings.NewReplacer("-", "", "_", "", " ", "")

// ErrUnsupportedCharset is returned by DecodeBody for a charset that
// iconv-lite (which raw-body uses under Next.js) would not know.
var ErrUnsupportedCharset = errors.New("unsupported charset")

// DecodeBody turns a raw request body into text using the Content-Type's
// charset, like raw-body with iconv-lite: a leading byte order mark is
// dropped, invalid bytes become U+FFFD.
func DecodeBody(b []byte, charset string) (string, error) {
	if len(b) == 0 && (charset == "utf-8" || charset == "utf8") {
		return "", nil
	}
	cs := charsetNames.Replace(strings.ToLower(strings.TrimSpace(charset)))
	switch cs {
	case "", "utf8", "unicode11utf8":
		if len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
			b = b[3:]
		}
		return toValidUTF8(b), nil
	case "utf16le", "ucs2", "utf16":
		if len(b) >= 2 && b[0] == 0xFF && b[1] == 0xFE {
			b = b[2:]
		}
		return decodeUTF16(b, false), nil
	case "utf16be":
		if len(b) >= 2 && b[0] == 0xFE && b[1] == 0xFF {
			b = b[2:]
		}
		return decodeUTF16(b, true), nil
	case "latin1", "binary", "iso88591", "l1", "cp819", "ibm819":
		r := make([]rune, len(b))
		for i, c := range b {
			r[i] = rune(c)
		}
		return string(r), nil
	case "ascii", "usascii":
		r := make([]rune, len(b))
		for i, c := range b {
			r[i] = rune(c & 0x7f)
		}
		return string(r), nil
	}
	enc, err := htmlindex.Get(charset)
	if err != nil {
		return "", ErrUnsupportedCharset
	}
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return "", ErrUnsupportedCharset
	}
	return toValidUTF8(out), nil
}

func decodeUTF16(b []byte, bigEndian bool) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		if bigEndian {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			u[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
		}
	}
	return string(utf16.Decode(u))
}
