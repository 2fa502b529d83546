package engine

import (
	"github.com/gojaapi/gojaapi/bindings"
	"net/http"
	"sort"
	"strconv"
	"strings"
)

// ReasonSetter lets the engine put a custom reason phrase on the status line
// ("HTTP/1.1 400 Invalid JSON"), which net/http cannot do by itself. A server
// that supports it (see the gojaapi package's listener) stores one in the
// request context under ReasonKey.
type ReasonSetter interface {
	SetReason(status int, reason string)
}

type reasonKey struct{}

// ReasonKey is the context key of the request's ReasonSetter.
var ReasonKey = reasonKey{}

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
}

// write sends the head (once) and the chunks. It flushes unless the response
// has ended (net/http then flushes, and can still send Content-Length).
func (s *responseState) write(w http.ResponseWriter, r *http.Request, h *head, chunks [][]byte, ended bool) error {
	if !s.wroteHead {
		if h == nil {
			return nil
		}
		s.wroteHead = true
		writeHead(w, r, h)
	}
	for _, c := range chunks {
		if r.Method == http.MethodHead {
			break
		}
		if _, err := w.Write(c); err != nil {
			return err
		}
	}
	if !ended && len(chunks) > 0 {
		if err := http.NewResponseController(w).Flush(); err != nil {
			return err
		}
	}
	return nil
}

// writeHead copies the head to w. Header names keep the case res used, except
// the ones net/http interprets. Without a Content-Length the body is
// chunked, as under next start (its compression layer drops the length).
func writeHead(w http.ResponseWriter, r *http.Request, h *head) {
	hdr := w.Header()
	for i := 0; i+1 < len(h.pairs); i += 2 {
		name, value := h.pairs[i], h.pairs[i+1]
		if canon, ok := goOwned[strings.ToLower(name)]; ok {
			name = canon
		}
		hdr[name] = append(hdr[name], value)
	}
	if _, ok := hdr["Content-Type"]; !ok {
		hdr["Content-Type"] = nil // no sniffing: Node never adds one
	}
	_, hasLength := hdr["Content-Length"]
	bodyless := h.status == 204 || h.status == 304 || h.status < 200
	if !hasLength && !bodyless && r.Method != http.MethodHead {
		hdr["Transfer-Encoding"] = []string{"chunked"}
	}
	if h.reason != "" && h.reason != http.StatusText(h.status) {
		if rs, ok := r.Context().Value(ReasonKey).(ReasonSetter); ok {
			rs.SetReason(h.status, h.reason)
		}
	}
	w.WriteHeader(h.status)
}

// rawHeaders lists the request headers as name/value pairs the way Node's
// rawHeaders does (Host first), followed by the x-forwarded-* headers that
// next start adds when the client did not send them.
func rawHeaders(r *http.Request, remoteAddr string, localPort int) []string {
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
			raw = append(raw, k, bindings.Latin1(v))
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
	return raw
}
