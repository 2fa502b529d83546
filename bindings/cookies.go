package bindings

import (
	"strings"
)

// objectPrototypeKeys are the names a plain JS object already has through
// Object.prototype. The cookie package (0.4, which Next.js compiles in) only
// stores a cookie whose name reads as undefined on its result object, so
// these names are never stored.
var objectPrototypeKeys = map[string]bool{
	"constructor": true, "__proto__": true, "hasOwnProperty": true, "isPrototypeOf": true,
	"propertyIsEnumerable": true, "toLocaleString": true, "toString": true, "valueOf": true,
	"__defineGetter__": true, "__defineSetter__": true, "__lookupGetter__": true, "__lookupSetter__": true,
}

// ParseCookies parses a Cookie header like the cookie package's parse (0.4):
// pairs split on ";" plus following spaces, a pair without "=" is skipped,
// name and value are trimmed, one pair of surrounding double quotes is
// stripped, the value is decodeURIComponent'd when that succeeds, and the
// first occurrence of a name wins.
func ParseCookies(header string) []Pair {
	if header == "" {
		return nil
	}
	var pairs []Pair
	seen := map[string]bool{}
	for header != "" {
		var part string
		part, header, _ = strings.Cut(header, ";")
		header = strings.TrimLeft(header, " ")
		eq := strings.IndexByte(part, '=')
		if eq < 0 {
			continue
		}
		key := trimJS(part[:eq])
		val := trimJS(part[eq+1:])
		if len(val) > 0 && val[0] == '"' {
			// JS's slice(1, -1): drops the first and the last character.
			if len(val) >= 2 {
				val = val[1 : len(val)-1]
			} else {
				val = ""
			}
		}
		if seen[key] || objectPrototypeKeys[key] {
			continue
		}
		seen[key] = true
		pairs = append(pairs, Pair{key, decodeURIComponentOr(val)})
	}
	return pairs
}

// trimJS trims what String.prototype.trim trims (ASCII and Unicode spaces).
func trimJS(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		switch r {
		case ' ', '\t', '\n', '\v', '\f', '\r', 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
			return true
		}
		return r >= 0x2000 && r <= 0x200A
	})
}

// decodeURIComponentOr decodes s like decodeURIComponent, returning s itself
// where decodeURIComponent would throw (a bad escape or bad UTF-8).
func decodeURIComponentOr(s string) string {
	if d, ok := decodeURIComponent(s); ok {
		return d
	}
	return s
}
