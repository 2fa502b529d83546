package bindings

import (
	"math"
	"regexp"
	"strconv"
	"strings"
)

var bytesRE = regexp.MustCompile(`(?i)^(([-+])?(\d+(?:\.\d+)?)) *(kb|mb|gb|tb|pb)$`)

var byteUnits = map[string]float64{
	"b": 1, "kb": 1 << 10, "mb": 1 << 20, "gb": 1 << 30, "tb": 1 << 40, "pb": 1 << 50,
}

// ParseBytes parses a size string like the bytes package's parse, which
// Next.js uses for sizeLimit and responseLimit: "1mb", "500kb", "1.5 MB".
// A string without one of those units is read with parseInt ("10b" is 10).
// ok is false where bytes.parse returns null.
func ParseBytes(s string) (n int64, ok bool) {
	var f float64
	unit := "b"
	if m := bytesRE.FindStringSubmatch(s); m != nil {
		f, _ = strconv.ParseFloat(m[1], 64)
		unit = strings.ToLower(m[4])
	} else {
		v, good := parseIntJS(s)
		if !good {
			return 0, false
		}
		f = v
	}
	return int64(math.Floor(byteUnits[unit] * f)), true
}

// parseIntJS is JavaScript's parseInt(s, 10): leading whitespace, a sign, then
// as many digits as there are.
func parseIntJS(s string) (float64, bool) {
	s = trimJS(s)
	neg := false
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg = s[0] == '-'
		s = s[1:]
	}
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	if n == 0 {
		return 0, false
	}
	v, _ := strconv.ParseFloat(s[:n], 64)
	if neg {
		v = -v
	}
	return v, true
}

// FormatBytes formats n like bytes.format with its defaults: the largest unit
// that fits, two decimals at most, trailing zeros dropped ("4MB", "1.5KB").
func FormatBytes(n float64) string {
	mag := math.Abs(n)
	unit := "B"
	switch {
	case mag >= 1<<50:
		unit = "PB"
	case mag >= 1<<40:
		unit = "TB"
	case mag >= 1<<30:
		unit = "GB"
	case mag >= 1<<20:
		unit = "MB"
	case mag >= 1<<10:
		unit = "KB"
	}
	s := strconv.FormatFloat(n/byteUnits[strings.ToLower(unit)], 'f', 2, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	return s + unit
}
