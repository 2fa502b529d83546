package engine

import (
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"io"
	"net/http"
	"strconv"
	"strings"
)

// compressThreshold is the body size below which next start's compression
// middleware (the compression package, 1.7) leaves a response alone.
const compressThreshold = 1024

// compressibleTypes are the media types next start's bundled mime-db marks
// compressible beyond the text/* and +json/+text/+xml families (extracted
// from next@16.4.6's compiled compression package; none of that family is
// marked not compressible there).
var compressibleTypes = map[string]bool{
	"application/dart": true, "application/ecmascript": true, "application/javascript": true,
	"application/json": true, "application/postscript": true, "application/raml+yaml": true,
	"application/rtf": true, "application/tar": true, "application/toml": true, "application/vnd.dart": true,
	"application/vnd.ms-fontobject": true, "application/vnd.ms-opentype": true, "application/wasm": true,
	"application/x-httpd-php": true, "application/x-javascript": true,
	"application/x-ns-proxy-autoconfig": true, "application/x-sh": true, "application/x-tar": true,
	"application/x-virtualbox-hdd": true, "application/x-virtualbox-ova": true,
	"application/x-virtualbox-ovf": true, "application/x-virtualbox-vbox": true,
	"application/x-virtualbox-vdi": true, "application/x-virtualbox-vhd": true,
	"application/x-virtualbox-vmdk": true, "application/x-www-form-urlencoded": true, "application/xml": true,
	"application/xml-dtd": true, "font/otf": true, "font/ttf": true, "image/bmp": true,
	"image/vnd.adobe.photoshop": true, "image/x-icon": true, "image/x-ms-bmp": true, "message/rfc822": true,
	"model/gltf-binary": true, "x-shader/x-fragment": true, "x-shader/x-vertex": true,
}

// compressible reports whether a Content-Type value is compressible.
func compressible(contentType string) bool {
	t := strings.ToLower(strings.TrimSpace(contentType))
	if i := strings.IndexByte(t, ';'); i >= 0 {
		t = strings.TrimSpace(t[:i])
	}
	if t == "" {
		return false
	}
	if strings.HasPrefix(t, "text/") || strings.HasSuffix(t, "+json") || strings.HasSuffix(t, "+text") || strings.HasSuffix(t, "+xml") {
		return true
	}
	return compressibleTypes[t]
}

// addVary appends field to the Vary header like the vary package: not twice,
// and not at all when it is "*".
func addVary(hdr http.Header, field string) {
	cur := strings.Join(hdr.Values("Vary"), ", ")
	if cur == "*" {
		return
	}
	for _, f := range strings.Split(cur, ",") {
		if strings.EqualFold(strings.TrimSpace(f), field) {
			return
		}
	}
	if cur == "" {
		hdr["Vary"] = []string{field}
	} else {
		hdr["Vary"] = []string{cur + ", " + field}
	}
}

// negotiateEncoding picks the coding the compression package would use for
// an Accept-Encoding header: gzip, deflate, or "" (identity). It asks the
// negotiator for the best of gzip, deflate and identity, and then prefers
// gzip over deflate whenever gzip is acceptable.
func negotiateEncoding(accept string) string {
	type entry struct {
		q     float64
		order int
	}
	entries := map[string]entry{}
	minQ := 1.0
	any := false
	for i, part := range strings.Split(accept, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		coding, params, _ := strings.Cut(part, ";")
		coding = strings.ToLower(strings.TrimSpace(coding))
		q := 1.0
		for _, p := range strings.Split(params, ";") {
			k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
			if ok && strings.TrimSpace(k) == "q" {
				if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
					q = f
				}
			}
		}
		if _, dup := entries[coding]; !dup {
			entries[coding] = entry{q, i}
		}
		if q < minQ {
			minQ = q
		}
		any = true
	}
	if !any {
		return ""
	}
	if _, ok := entries["identity"]; !ok {
		entries["identity"] = entry{minQ, len(entries) + 1}
	}
	quality := func(coding string) (entry, bool) {
		if e, ok := entries[coding]; ok {
			return e, true
		}
		if e, ok := entries["*"]; ok {
			return e, true
		}
		return entry{}, false
	}
	best := func(codings ...string) string {
		chosen := ""
		var be entry
		for _, c := range codings {
			e, ok := quality(c)
			if !ok || e.q <= 0 {
				continue
			}
			if chosen == "" || e.q > be.q || (e.q == be.q && e.order < be.order) {
				chosen, be = c, e
			}
		}
		return chosen
	}
	method := best("gzip", "deflate", "identity")
	if method == "deflate" && best("gzip") != "" {
		method = best("gzip", "identity")
	}
	if method == "identity" {
		return ""
	}
	return method
}

// compressor is a gzip or deflate writer over the response.
type compressor interface {
	io.WriteCloser
	Flush() error
}

func newCompressor(method string, w io.Writer) compressor {
	if method == "gzip" {
		return gzip.NewWriter(w)
	}
	// Node's createDeflate writes the zlib format (RFC 1950), as HTTP's
	// "deflate" coding means.
	zw, _ := zlib.NewWriterLevel(w, flate.DefaultCompression)
	return zw
}
