package engine

import (
	"io"
	"math"
	"net/http"
	"sync/atomic"

	"github.com/gojaapi/gojaapi/bindings"
)

// Route body settings, as a route's config gives them once its module has
// been loaded (see Pool.routeBody).
const (
	bodyUnknown   = math.MinInt64 // the module has not been loaded yet
	bodyParserOff = -1            // config.api.bodyParser === false
	bodyNoLimit   = math.MaxInt64 // body parser on, sizeLimit not a valid size
)

// newRouteBodies returns n route body settings, all unknown.
func newRouteBodies(n int) []atomic.Int64 {
	s := make([]atomic.Int64, n)
	for i := range s {
		s[i].Store(bodyUnknown)
	}
	return s
}

// readBody reads a whole request body of at most limit bytes (-1: no limit)
// and decodes it with charset, like raw-body under Next.js: status is 413
// when the body is over the limit (refused from Content-Length before
// reading when it can), 400 when it cannot be read or decoded. It blocks:
// call it from a goroutine that may wait for the client.
func readBody(r *http.Request, limit int64, charset string) (text string, status int) {
	if r.ContentLength == 0 || r.Body == nil || r.Body == http.NoBody {
		text, err := bindings.DecodeBody(nil, charset)
		if err != nil {
			return "", 400
		}
		return text, 0
	}
	if limit >= 0 && r.ContentLength > limit {
		return "", 413
	}
	var body []byte
	var err error
	if limit >= 0 {
		body, err = io.ReadAll(io.LimitReader(r.Body, limit+1))
	} else {
		body, err = io.ReadAll(r.Body)
	}
	switch {
	case err != nil:
		return "", 400
	case limit >= 0 && int64(len(body)) > limit:
		return "", 413
	}
	text, err = bindings.DecodeBody(body, charset)
	if err != nil {
		return "", 400
	}
	return text, 0
}

// bodyCharset is the charset the body parser decodes with: the Content-Type's
// charset parameter, utf-8 by default (an unparseable header counts as
// text/plain, as in Next.js).
func bodyCharset(contentType string) string {
	if contentType == "" {
		return "utf-8"
	}
	ct, err := bindings.ParseContentType(contentType)
	if err != nil {
		return "utf-8"
	}
	if cs, ok := ct.Params["charset"]; ok {
		return cs
	}
	return "utf-8"
}
