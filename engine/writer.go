package engine

import (
	"github.com/gojaapi/gojaapi/compat"
	"net/http"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// HeadRewriter puts on the wire what net/http will not write by itself: a
// custom reason phrase on the status line ("HTTP/1.1 400 Invalid JSON"), and
// header lines it strips (Content-Type on a 204 or 304). A server that
// supports it (the gojaapi package's Listen) stores one in the request
// context under HeadRewriterKey; without one the standard phrase is sent.
type HeadRewriter interface {
	// RewriteHead applies to the next status line with this status: reason
	// replaces the phrase when not empty, and extra lines ("Name: value")
	// are added after the status line.
	RewriteHead(status int, reason string, extra []string)
}

type headRewriterKey struct{}

// HeadRewriterKey is the context key of the request's HeadRewriter.
var HeadRewriterKey = headRewriterKey{}

// goOwned are the headers net/http interprets; they are stored under their
// canonical name so that it sees them (and does not add its own).
var goOwned = map[string]string{
	"content-type":      "Content-Type",
	"content-length":    "Content-Length",
	"transfer-encoding": "Transfer-Encoding",
	"connection":        "Connection",
	"date":              "Date",
	"trailer":           "Trailer",
}

// responseState is the HTTP goroutine's view of the response written so far.
type responseState struct {
	wroteHead bool
	status    int   // the status written, for the observer
	bytes     int64 // body bytes written, before compression
	// zw compresses the body when next start's compression layer would.
	zw compressor
	// noBody: the status or method has no body (204, 304, 1xx, HEAD), and
	// writes are dropped, as Node drops them.
	noBody bool
	// left is what remains of a declared Content-Length, or -1: bytes past
	// it are dropped, as the client reads no further (Node sends them
	// anyway; net/http refuses the whole write).
	left int64
}

// write sends the head (once) and the chunks. It flushes after each batch of
// a response still in progress, so streamed writes reach the client as they
// are made.
func (s *responseState) write(w http.ResponseWriter, r *http.Request, h *head, chunks [][]byte, ended bool) error {
	if !s.wroteHead {
		if h == nil {
			return nil
		}
		s.wroteHead = true
		s.status = h.status
		s.writeHead(w, r, h)
	}
	for _, c := range chunks {
		s.bytes += int64(len(c))
	}
	if !s.noBody {
		for _, c := range chunks {
			if s.left >= 0 {
				if int64(len(c)) > s.left {
					c = c[:s.left]
				}
				s.left -= int64(len(c))
			}
			var err error
			if s.zw != nil {
				_, err = s.zw.Write(c)
			} else {
				_, err = w.Write(c)
			}
			if err != nil {
				return err
			}
		}
	}
	if ended {
		if s.zw != nil {
			return s.zw.Close()
		}
		return nil
	}
	if len(chunks) > 0 {
		if s.zw != nil {
			if err := s.zw.Flush(); err != nil {
				return err
			}
		}
		return http.NewResponseController(w).Flush()
	}
	return nil
}

// writeHead copies the head to w. Header names keep the case res used, except
// the ones net/http interprets. Like next start, it runs the compression
// layer's rules (Vary, gzip/deflate); a body without a Content-Length, or a
// compressed one, is chunked.
func (s *responseState) writeHead(w http.ResponseWriter, r *http.Request, h *head) {
	hdr := w.Header()
	s.noBody = h.status == 204 || h.status == 304 || h.status < 200 || r.Method == http.MethodHead
	// Node writes the head as Latin-1 unless it goes out with a UTF-8 string
	// chunk (h.utf8), which a bodiless or compressed response never does.
	latin1 := !h.utf8 || s.noBody
	for i := 0; i+1 < len(h.pairs); i += 2 {
		name, value := h.pairs[i], h.pairs[i+1]
		if canon, ok := goOwned[strings.ToLower(name)]; ok {
			name = canon
		}
		if latin1 {
			value = compat.ByteStringBytes(value)
		}
		hdr[name] = append(hdr[name], value)
	}
	contentType, hasType := hdr["Content-Type"]
	if !hasType {
		hdr["Content-Type"] = nil // no sniffing: Node never adds one
	}
	declared := declaredLength(hdr)
	s.left = declared
	if method := s.compression(r, h, hdr, declared); method != "" {
		hdr["Content-Encoding"] = []string{method}
		delete(hdr, "Content-Length")
		s.zw = newCompressor(method, w)
		s.left = -1
		if !latin1 {
			latin1 = true
			for _, vs := range hdr {
				for i, v := range vs {
					vs[i] = compat.ByteStringBytes(v)
				}
			}
		}
	}
	if _, hasLength := hdr["Content-Length"]; !hasLength && !s.noBody {
		hdr["Transfer-Encoding"] = []string{"chunked"}
	}
	var extra []string
	if h.status == 304 && hasType {
		// net/http drops Content-Type on a 304; Node keeps it.
		for _, v := range contentType {
			extra = append(extra, "Content-Type: "+v)
		}
	}
	reason := ""
	if h.reason != "" && h.reason != http.StatusText(h.status) {
		reason = h.reason
		if latin1 {
			reason = compat.ByteStringBytes(reason)
		}
	}
	if reason != "" || extra != nil {
		if rw, ok := r.Context().Value(HeadRewriterKey).(HeadRewriter); ok {
			rw.RewriteHead(h.status, reason, extra)
		}
	}
	w.WriteHeader(h.status)
}

// compression applies the compression package's decision for this head: it
// adds Vary: Accept-Encoding for compressible types and returns the coding to
// use, or "".
func (s *responseState) compression(r *http.Request, h *head, hdr http.Header, declared int64) string {
	ct := strings.Join(hdr["Content-Type"], ", ")
	if h.noCompress || !compressible(ct) {
		return ""
	}
	for _, cc := range hdr.Values("Cache-Control") {
		if noTransformRE.MatchString(cc) {
			return ""
		}
	}
	addVary(hdr, "Accept-Encoding")
	if declared >= 0 && declared < compressThreshold {
		return ""
	}
	if h.endLength >= 0 && h.endLength < compressThreshold {
		return ""
	}
	if hdr.Get("Content-Encoding") != "" && !strings.EqualFold(hdr.Get("Content-Encoding"), "identity") {
		return ""
	}
	if r.Method == http.MethodHead {
		return ""
	}
	if h.status == 204 || h.status == 304 || h.status < 200 {
		return ""
	}
	return negotiateEncoding(r.Header.Get("Accept-Encoding"))
}

// declaredLength is the response's Content-Length as res set it, or -1.
func declaredLength(hdr http.Header) int64 {
	if cl, ok := hdr["Content-Length"]; ok && len(cl) > 0 {
		if n, err := strconv.ParseInt(strings.TrimSpace(cl[0]), 10, 64); err == nil && n >= 0 {
			return n
		}
	}
	return -1
}

var noTransformRE = regexp.MustCompile(`(?:^|,)\s*?no-transform\s*?(?:,|$)`)

// rawHeaders lists the request headers as name/value pairs the way Node's
// rawHeaders does (Host first), followed by the x-forwarded-* headers that
// next start adds when the client did not send them, and x-request-id when
// gojaapi generated it.
func rawHeaders(r *http.Request, remoteAddr string, localPort int, requestID string) []string {
	names := make([]string, 0, len(r.Header))
	n := 2
	for k, vs := range r.Header {
		names = append(names, k)
		n += 2 * len(vs)
	}
	sort.Strings(names)
	raw := make([]string, 0, n+8)
	if r.Host != "" {
		raw = append(raw, "Host", r.Host)
	}
	for _, k := range names {
		for _, v := range r.Header[k] {
			raw = append(raw, k, compat.ByteString(v))
		}
	}
	add := func(name, value string) {
		if _, ok := r.Header[http.CanonicalHeaderKey(name)]; !ok && value != "" {
			raw = append(raw, name, value)
		}
	}
	proto := "http"
	if r.TLS != nil {
		proto = "https"
	}
	add("x-forwarded-host", r.Host)
	if localPort > 0 {
		add("x-forwarded-port", strconv.Itoa(localPort))
	}
	add("x-forwarded-proto", proto)
	add("x-forwarded-for", remoteAddr)
	add("x-request-id", requestID)
	return raw
}
