package bindings

import (
	"errors"
	"strings"
)

// ContentType is a parsed Content-Type header.
type ContentType struct {
	// Type is the media type, lower-cased ("application/json").
	Type string
	// Params holds the parameters with lower-cased names and unquoted values.
	Params map[string]string
}

var errContentType = errors.New("invalid media type")

// ParseContentType parses a header the way the content-type package's
// parse does: strictly. A trailing ";", a parameter without a value or any
// stray text is an error (Next.js then treats the body as text/plain).
func ParseContentType(header string) (ContentType, error) {
	typ := header
	i := strings.IndexByte(header, ';')
	if i >= 0 {
		typ = header[:i]
	}
	typ = trimJS(typ)
	slash := strings.IndexByte(typ, '/')
	if slash <= 0 || slash == len(typ)-1 || !isToken(typ[:slash]) || !isToken(typ[slash+1:]) {
		return ContentType{}, errContentType
	}
	ct := ContentType{Type: strings.ToLower(typ), Params: map[string]string{}}
	if i < 0 {
		return ct, nil
	}
	rest := header[i:]
	for rest != "" {
		// ; *name *= *value *
		if rest[0] != ';' {
			return ContentType{}, errContentType
		}
		rest = strings.TrimLeft(rest[1:], " ")
		n := tokenLen(rest)
		if n == 0 {
			return ContentType{}, errContentType
		}
		name := strings.ToLower(rest[:n])
		rest = strings.TrimLeft(rest[n:], " ")
		if rest == "" || rest[0] != '=' {
			return ContentType{}, errContentType
		}
		rest = strings.TrimLeft(rest[1:], " ")
		var value string
		if rest != "" && rest[0] == '"' {
			v, m, ok := quotedString(rest)
			if !ok {
				return ContentType{}, errContentType
			}
			value, rest = v, rest[m:]
		} else {
			m := tokenLen(rest)
			if m == 0 {
				return ContentType{}, errContentType
			}
			value, rest = rest[:m], rest[m:]
		}
		rest = strings.TrimLeft(rest, " ")
		ct.Params[name] = value
	}
	return ct, nil
}

// isTokenChar reports whether c is an RFC 7230 tchar.
func isTokenChar(c byte) bool {
	if c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
		return true
	}
	return strings.IndexByte("!#$%&'*+.^_`|~-", c) >= 0
}

func isToken(s string) bool { return s != "" && tokenLen(s) == len(s) }

func tokenLen(s string) int {
	n := 0
	for n < len(s) && isTokenChar(s[n]) {
		n++
	}
	return n
}

// quotedString reads a quoted-string at the start of s (which begins with
// '"') and returns its unescaped value and its length in s. The content-type
// package accepts bytes \x0b, \x20-\x7e (but " and \ only escaped) and
// \x80-\xff; the header arrives as latin1 text, so a byte >= 0x80 counts.
func quotedString(s string) (string, int, bool) {
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"':
			return b.String(), i + 1, true
		case c == '\\':
			if i+1 >= len(s) {
				return "", 0, false
			}
			e := s[i+1]
			if e != 0x0b && (e < 0x20 || e == 0x7f) {
				return "", 0, false
			}
			b.WriteByte(e)
			i++
		case c == 0x0b || c >= 0x20 && c != 0x7f:
			b.WriteByte(c)
		default:
			return "", 0, false
		}
	}
	return "", 0, false
}
