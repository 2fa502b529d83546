package gojaapi

import (
	"net/http"
)

// nodeMethods are the request methods Node's HTTP parser accepts
// (http.METHODS in Node 20); next start never sees any other.
var nodeMethods = map[string]bool{}

func init() {
	for _, m := range []string{"ACL", "BIND", "CHECKOUT", "CONNECT", "COPY", "DELETE", "GET", "HEAD", "LINK", "LOCK",
		"M-SEARCH", "MERGE", "MKACTIVITY", "MKCALENDAR", "MKCOL", "MOVE", "NOTIFY", "OPTIONS", "PATCH", "POST",
		"PROPFIND", "PROPPATCH", "PURGE", "PUT", "QUERY", "REBIND", "REPORT", "SEARCH", "SOURCE", "SUBSCRIBE",
		"TRACE", "UNBIND", "UNLINK", "UNLOCK", "UNSUBSCRIBE"} {
		nodeMethods[m] = true
	}
}

// withNodeMethods answers what Node's parser refuses before it reaches a
// handler: a method it does not know (methods are case-sensitive: "get" is
// not GET) gets 400 and the connection is closed, and CONNECT, which a Next
// server does not handle, has its connection closed without an answer.
func withNodeMethods(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.Method == http.MethodConnect:
			if c, _, err := http.NewResponseController(w).Hijack(); err == nil {
				_ = c.Close()
				return
			}
			fallthrough
		case !nodeMethods[r.Method]:
			w.Header().Set("Connection", "close")
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		h.ServeHTTP(w, r)
	})
}
