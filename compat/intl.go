package compat

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	_ "time/tzdata" // Intl time zones work on machines without a zoneinfo database
	"unicode"

	"github.com/dop251/goja"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// Natives behind compat/js/intl.js: time zones from Go's tz database and
// string collation from golang.org/x/text/collate.

func init() {
	registerJS("internal/intl", "intl.js")
	registerGo("internal/intl_natives", loadIntlNatives)
}

// hostZone is the IANA name of the server's local time zone, which is
// what goja's Date uses for local time.
func hostZone() string {
	if n := time.Local.String(); n != "Local" && n != "" {
		return canonicalZone(n)
	}
	if tz := os.Getenv("TZ"); tz != "" {
		tz = strings.TrimPrefix(tz, ":")
		if _, err := time.LoadLocation(tz); err == nil {
			return canonicalZone(tz)
		}
	}
	if target, err := filepath.EvalSymlinks("/etc/localtime"); err == nil {
		if i := strings.Index(target, "zoneinfo/"); i >= 0 {
			return canonicalZone(target[i+len("zoneinfo/"):])
		}
	}
	return "UTC"
}

// canonicalZone maps the UTC aliases to "UTC", as ICU does.
func canonicalZone(name string) string {
	switch strings.ToUpper(name) {
	case "UTC", "ETC/UTC", "ETC/UCT", "UCT", "ETC/ZULU", "ZULU", "ETC/UNIVERSAL", "UNIVERSAL", "GMT", "ETC/GMT":
		return "UTC"
	}
	return name
}

// US zones whose short names ICU shows as abbreviations in en-US.
var usAbbrevs = map[string]bool{"EST": true, "EDT": true, "CST": true, "CDT": true, "MST": true, "MDT": true,
	"PST": true, "PDT": true, "AKST": true, "AKDT": true, "HST": true}

var longZoneNames = map[string]string{
	"EST": "Eastern Standard Time", "EDT": "Eastern Daylight Time", "CST": "Central Standard Time",
	"CDT": "Central Daylight Time", "MST": "Mountain Standard Time", "MDT": "Mountain Daylight Time",
	"PST": "Pacific Standard Time", "PDT": "Pacific Daylight Time", "AKST": "Alaska Standard Time",
	"AKDT": "Alaska Daylight Time", "HST": "Hawaii-Aleutian Standard Time", "GMT": "Greenwich Mean Time",
	"BST": "British Summer Time", "CET": "Central European Standard Time", "CEST": "Central European Summer Time",
	"EET": "Eastern European Standard Time", "EEST": "Eastern European Summer Time", "JST": "Japan Standard Time",
	"IST": "India Standard Time", "WET": "Western European Standard Time", "WEST": "Western European Summer Time",
}

func gmtOffset(minutes int, long bool) string {
	if minutes == 0 {
		return "GMT"
	}
	sign := "+"
	if minutes < 0 {
		sign = "-"
		minutes = -minutes
	}
	if long {
		return fmt.Sprintf("GMT%s%02d:%02d", sign, minutes/60, minutes%60)
	}
	if minutes%60 == 0 {
		return fmt.Sprintf("GMT%s%d", sign, minutes/60)
	}
	return fmt.Sprintf("GMT%s%d:%02d", sign, minutes/60, minutes%60)
}

func loadIntlNatives(h *Host, module *goja.Object) {
	vm := h.VM
	n := vm.NewObject()
	locs := map[string]*time.Location{}
	load := func(name string) *time.Location {
		if l, ok := locs[name]; ok {
			return l
		}
		l, err := time.LoadLocation(name)
		if err != nil || name == "" || name == "Local" {
			h.Throw("RangeError", "", "Invalid time zone specified: "+name)
		}
		locs[name] = l
		return l
	}
	_ = n.Set("localZone", hostZone)
	// zone validates a time zone name and returns its canonical spelling.
	_ = n.Set("zone", func(name string) string {
		if c := canonicalZone(name); c == "UTC" {
			return c
		}
		if _, err := time.LoadLocation(name); err == nil && name != "Local" && name != "" {
			return name
		}
		// IANA names are case-insensitive: try the usual capitalisation.
		parts := strings.Split(name, "/")
		for i, p := range parts {
			words := strings.Split(strings.ToLower(p), "_")
			for j, w := range words {
				if len(w) > 0 {
					words[j] = strings.ToUpper(w[:1]) + w[1:]
				}
			}
			parts[i] = strings.Join(words, "_")
		}
		fixed := strings.Join(parts, "/")
		load(fixed)
		return fixed
	})
	// offset returns [minutes east of UTC, abbreviation] of zone at ms.
	_ = n.Set("offset", func(zone string, ms float64) []any {
		if zone == "UTC" {
			return []any{0, "UTC"}
		}
		t := time.UnixMilli(int64(ms)).In(load(zone))
		abbr, off := t.Zone()
		return []any{off / 60, abbr}
	})
	_ = n.Set("zoneName", func(zone string, offset int, abbr, style string) string {
		long := strings.HasPrefix(style, "long")
		if zone == "UTC" {
			switch style {
			case "long":
				return "Coordinated Universal Time"
			case "short":
				return "UTC"
			}
			return "GMT"
		}
		switch style {
		case "short", "shortGeneric":
			if usAbbrevs[abbr] && strings.HasPrefix(zone, "America/") || zone == "Pacific/Honolulu" {
				return abbr
			}
		case "long", "longGeneric":
			if name, ok := longZoneNames[abbr]; ok {
				return name
			}
		}
		return gmtOffset(offset, long)
	})
	_ = n.Set("timeZones", func() []string {
		zones := []string{"UTC"}
		for _, z := range commonZones {
			if _, err := time.LoadLocation(z); err == nil {
				zones = append(zones, z)
			}
		}
		sort.Strings(zones)
		return zones
	})
	collators := map[string]*collate.Collator{}
	collator := func(key string) *collate.Collator {
		c, ok := collators[key]
		if !ok {
			var opts []collate.Option
			if strings.Contains(key, "n") {
				opts = append(opts, collate.Numeric)
			}
			if strings.Contains(key, "p") {
				opts = append(opts, collate.IgnoreWidth)
			}
			if strings.Contains(key, "c") {
				opts = append(opts, collate.IgnoreCase)
			}
			if strings.Contains(key, "c") && strings.Contains(key, "i") {
				opts = append(opts, collate.IgnoreDiacritics)
			}
			c = collate.New(language.English, opts...)
			collators[key] = c
		}
		return c
	}
	// compare(a, b, key): key letters n (numeric), p (ignorePunctuation),
	// c (ignore case), i (ignore accents), u (caseFirst upper).
	_ = n.Set("compare", func(a, b, key string) int {
		if strings.Contains(key, "i") && !strings.Contains(key, "c") {
			// sensitivity "case": accents do not count, case does.
			a, b = stripMarks(a), stripMarks(b)
			key = strings.ReplaceAll(key, "i", "")
		}
		if strings.Contains(key, "u") {
			base := strings.ReplaceAll(key, "u", "")
			if r := collator(base+"c").CompareString(a, b); r != 0 {
				return r
			}
			return -collator(base).CompareString(a, b)
		}
		return collator(key).CompareString(a, b)
	})
	_ = module.Set("exports", n)
}

// stripMarks removes combining marks after canonical decomposition
// ("á" becomes "a").
func stripMarks(s string) string {
	d := norm.NFD.String(s)
	return strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Mn, r) {
			return -1
		}
		return r
	}, d)
}

// commonZones is what Intl.supportedValuesOf('timeZone') lists (those the
// tz database has).
var commonZones = []string{
	"Africa/Cairo", "Africa/Johannesburg", "Africa/Lagos", "Africa/Nairobi", "America/Anchorage",
	"America/Argentina/Buenos_Aires", "America/Bogota", "America/Chicago", "America/Denver",
	"America/Halifax", "America/Los_Angeles", "America/Mexico_City", "America/New_York",
	"America/Phoenix", "America/Santiago", "America/Sao_Paulo", "America/Toronto", "America/Vancouver",
	"Asia/Bangkok", "Asia/Dubai", "Asia/Hong_Kong", "Asia/Jakarta", "Asia/Jerusalem", "Asia/Kolkata",
	"Asia/Manila", "Asia/Seoul", "Asia/Shanghai", "Asia/Singapore", "Asia/Taipei", "Asia/Tehran",
	"Asia/Tokyo", "Atlantic/Reykjavik", "Australia/Adelaide", "Australia/Brisbane", "Australia/Perth",
	"Australia/Sydney", "Europe/Amsterdam", "Europe/Athens", "Europe/Berlin", "Europe/Brussels",
	"Europe/Dublin", "Europe/Helsinki", "Europe/Istanbul", "Europe/Kyiv", "Europe/Lisbon",
	"Europe/London", "Europe/Madrid", "Europe/Moscow", "Europe/Oslo", "Europe/Paris", "Europe/Prague",
	"Europe/Rome", "Europe/Stockholm", "Europe/Vienna", "Europe/Warsaw", "Europe/Zurich",
	"Pacific/Auckland", "Pacific/Honolulu",
}
