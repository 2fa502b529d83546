package bindings

import (
	"regexp"
)

var noCacheRE = regexp.MustCompile(`(?:^|,)\s*?no-cache\s*?(?:,|$)`)

// Fresh reports whether a response with this ETag (and no Last-Modified, as
// Next.js calls it) is fresh for the request, per the fresh package: the
// client sent If-None-Match and/or If-Modified-Since, did not send
// Cache-Control: no-cache, and one of its tags matches (weakly) or is "*".
// With If-Modified-Since but no Last-Modified the response is stale.
func Fresh(ifNoneMatch, ifModifiedSince, cacheControl, etag string) bool {
	if ifModifiedSince == "" && ifNoneMatch == "" {
		return false
	}
	if cacheControl != "" && noCacheRE.MatchString(cacheControl) {
		return false
	}
	if ifNoneMatch != "" && ifNoneMatch != "*" {
		if etag == "" {
			return false
		}
		match := false
		for _, tag := range parseTokenList(ifNoneMatch) {
			if tag == etag || tag == "W/"+etag || "W/"+tag == etag {
				match = true
				break
			}
		}
		if !match {
			return false
		}
	}
	if ifModifiedSince != "" {
		return false // no Last-Modified on API responses: always stale
	}
	return true
}

// parseTokenList splits a comma list the way fresh does: spaces around items
// are dropped, empty items kept.
func parseTokenList(s string) []string {
	var list []string
	start, end := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ':
			if start == end {
				start, end = i+1, i+1
			}
		case ',':
			list = append(list, s[start:end])
			start, end = i+1, i+1
		default:
			end = i + 1
		}
	}
	return append(list, s[start:end])
}
