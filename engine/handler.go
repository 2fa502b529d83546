package engine

import (
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"net/http"
	"strings"
	"sync/atomic"
	"time"

	"github.com/gojaapi/gojaapi/bindings"
	"github.com/gojaapi/gojaapi/compat"
	"github.com/gojaapi/gojaapi/loader"
)

// HandlerConfig configures a Handler.
type HandlerConfig struct {
	// Prefix is the URL path the routes are mounted under, "/api" by default
	// (pages/api/user.js answers Prefix+"/user").
	Prefix string
	// Timeout is how long a request may take to end its response; past it
	// the client gets 504 and later writes are dropped.
	Timeout time.Duration
	// Logger receives request errors.
	Logger *slog.Logger
}

// Handler is the http.Handler that serves a pool's routes.
//
// ServeHTTP runs on the net/http goroutine of each request: it answers the
// trailing-slash redirect and 404 itself, hands everything else to a worker,
// and then writes what the handler produces as it arrives.
type Handler struct {
	pool   *Pool
	router *loader.Router
	cfg    HandlerConfig
	nextID atomic.Uint64
}

// NewHandler builds the route table for pool's bundle.
func NewHandler(pool *Pool, cfg HandlerConfig) (*Handler, error) {
	if cfg.Prefix == "" {
		cfg.Prefix = "/api"
	}
	cfg.Prefix = "/" + strings.Trim(cfg.Prefix, "/")
	if cfg.Timeout <= 0 {
		cfg.Timeout = 60 * time.Second
	}
	if cfg.Logger == nil {
		cfg.Logger = pool.logger
	}
	return &Handler{pool: pool, router: loader.NewRouter(pool.cfg.Bundle.Routes), cfg: cfg}, nil
}

// ServeHTTP implements http.Handler.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	info := RequestInfo{Method: r.Method, Path: r.URL.Path, Worker: -1, RequestID: requestID(r), Outcome: "ok"}
	start := time.Now()
	obs := h.pool.obs
	defer func() {
		info.Duration = time.Since(start)
		obs.RequestDone(info)
	}()
	escaped := r.URL.EscapedPath()
	if clean, ok := normalizePath(escaped); !ok {
		obs.RequestStarted("")
		info.Status = http.StatusPermanentRedirect
		redirectPermanent(w, r, clean)
		return
	}
	segs, ok := loader.SplitPath(escaped, h.cfg.Prefix)
	var route *loader.Route
	var params []loader.Param
	if ok {
		route, params, ok = h.router.Match(segs)
	}
	if !ok {
		obs.RequestStarted("")
		info.Status = http.StatusNotFound
		notFound(w)
		return
	}
	info.Route = route.Page
	obs.RequestStarted(route.Page)
	x := newExchange(r.Context(), h.nextID.Add(1), route.Index)
	x.requestID = info.RequestID
	worker, err := h.pool.pick(x)
	if err != nil {
		h.cfg.Logger.Error("no worker to serve the request", "route", route.Page, "error", err)
		info.Status, info.Outcome = http.StatusServiceUnavailable, "failed"
		http.Error(w, "Service Unavailable", http.StatusServiceUnavailable)
		return
	}
	defer worker.release(x)
	info.Worker = worker.id
	br := h.requestFor(x, r, params, info.RequestID)
	// Once the route's config is known, its body is read here, on the
	// request's goroutine, so that the handler runs in one loop job.
	if br.HasBody {
		if limit := h.pool.routeBody[route.Index].Load(); limit != bodyUnknown && limit != bodyParserOff {
			if limit == bodyNoLimit {
				limit = -1
			}
			text, status := readBody(r, limit, bodyCharset(br.ContentType))
			br.Body = &bindings.Body{Text: text, Status: status}
		}
	}
	if !worker.loop.RunOnLoop(func() { worker.start(x, r, br) }) {
		x.failWith(failure{status: 500, body: "Internal Server Error"})
	}
	var out responseState
	defer func() {
		info.Status, info.Bytes = out.status, out.bytes
	}()
	info.Outcome = h.await(w, r, x, worker, route, &out)
}

// await writes the response as the handler produces it, until it ends, the
// time limit passes or the client goes away. It returns the outcome for the
// observer.
func (h *Handler) await(w http.ResponseWriter, r *http.Request, x *Exchange, worker *Worker, route *loader.Route, out *responseState) string {
	timer := time.NewTimer(h.cfg.Timeout)
	defer timer.Stop()
	abandon := func() {
		x.finish()
		worker.loop.RunOnLoop(func() { worker.closeExchange(x.id, true) })
	}
	for {
		select {
		case <-x.signal:
			hd, chunks, ended, f, drain := x.take()
			if f != nil {
				if f.abort || out.wroteHead {
					abandon()
					panic(http.ErrAbortHandler)
				}
				x.finish()
				out.status = f.status
				writeFailure(w, f.status, f.body)
				return "failed"
			}
			if err := out.write(w, r, hd, chunks, ended); err != nil {
				abandon()
				return "aborted"
			}
			if ended {
				x.finish()
				return "ok"
			}
			if drain {
				worker.loop.RunOnLoop(func() { worker.drain(x.id) })
			}
		case <-timer.C:
			abandon()
			h.cfg.Logger.Error("request timed out: the handler did not end its response in time",
				"route", route.Page, "file", route.File, "timeout", h.cfg.Timeout, "url", r.URL.RequestURI())
			if out.wroteHead {
				panic(http.ErrAbortHandler)
			}
			out.status = http.StatusGatewayTimeout
			writeFailure(w, http.StatusGatewayTimeout, "Gateway Timeout")
			return "timeout"
		case <-r.Context().Done():
			abandon()
			return "aborted"
		}
	}
}

// requestID is the client's X-Request-Id when it is a sane token, else a new
// random one.
func requestID(r *http.Request) string {
	if id := r.Header.Get("X-Request-Id"); id != "" && len(id) <= 200 {
		ok := true
		for i := 0; i < len(id); i++ {
			if id[i] <= ' ' || id[i] >= 0x7f {
				ok = false
				break
			}
		}
		if ok {
			return id
		}
	}
	var b [16]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// requestFor gathers what JS needs to know of r.
func (h *Handler) requestFor(x *Exchange, r *http.Request, params []loader.Param, reqID string) *bindings.Request {
	raddr, rport := remote(r.RemoteAddr)
	var laddr string
	var lport int
	if a, ok := r.Context().Value(http.LocalAddrContextKey).(interface{ String() string }); ok {
		laddr, lport = remote(a.String())
	}
	return &bindings.Request{
		ID:          x.id,
		Route:       x.route,
		Method:      r.Method,
		URL:         compat.ByteString(requestURI(r)),
		HTTPVersion: httpVersion(r),
		RawHeaders:  rawHeaders(r, raddr, lport, reqID),
		RemoteAddr:  raddr,
		RemotePort:  rport,
		LocalAddr:   laddr,
		LocalPort:   lport,
		TLS:         r.TLS != nil,
		ContentType: compat.ByteString(r.Header.Get("Content-Type")),
		Query:       bindings.ParseSearchParams(compat.ByteString(r.URL.RawQuery)),
		Params:      params,
		HasBody:     r.ContentLength != 0 && r.Body != nil && r.Body != http.NoBody,
	}
}

// requestURI is the request target as the client sent it (Node's req.url).
func requestURI(r *http.Request) string {
	if r.RequestURI != "" {
		return r.RequestURI
	}
	return r.URL.RequestURI()
}

func httpVersion(r *http.Request) string {
	switch {
	case r.ProtoMajor == 2:
		return "2.0"
	case r.ProtoMinor == 0:
		return "1.0"
	}
	return "1.1"
}

// drain posts 'drain' to res. Loop goroutine.
func (w *Worker) drain(id uint64) {
	if lr, ok := w.live[id]; ok && lr.res != nil {
		if err := w.api.Drain(lr.res); err != nil {
			w.raise(err)
			w.host.ReportUncaught(err)
		}
	}
}

// normalizePath applies Next.js's trailingSlash: false rule: a path with a
// trailing slash or an empty segment (//) is redirected to the clean path.
func normalizePath(p string) (string, bool) {
	if p == "/" || (!strings.HasSuffix(p, "/") && !strings.Contains(p, "//")) {
		return p, true
	}
	parts := strings.Split(p, "/")
	kept := parts[:0]
	for _, s := range parts {
		if s != "" {
			kept = append(kept, s)
		}
	}
	return "/" + strings.Join(kept, "/"), false
}

// redirectPermanent answers with Next.js's 308 for a non-canonical path:
// Location and Refresh headers, and the target as the body.
func redirectPermanent(w http.ResponseWriter, r *http.Request, target string) {
	if r.URL.RawQuery != "" {
		target += "?" + r.URL.RawQuery
	}
	hdr := w.Header()
	hdr["location"] = []string{target}
	hdr["Refresh"] = []string{"0;url=" + target}
	hdr["Content-Type"] = nil
	hdr["Transfer-Encoding"] = []string{"chunked"}
	w.WriteHeader(http.StatusPermanentRedirect)
	_, _ = w.Write([]byte(target))
}

// notFound answers a path that matches no route. Next.js renders its HTML 404
// page; the status is what matters.
func notFound(w http.ResponseWriter) {
	hdr := w.Header()
	hdr.Set("Content-Type", "text/plain; charset=utf-8")
	hdr.Set("Cache-Control", "private, no-cache, no-store, max-age=0, must-revalidate")
	w.WriteHeader(http.StatusNotFound)
	_, _ = w.Write([]byte("Not Found"))
}

// writeFailure sends a response the engine made itself, shaped like Next's
// error responses: the message as body, no Content-Type.
func writeFailure(w http.ResponseWriter, status int, body string) {
	hdr := w.Header()
	hdr["Content-Type"] = nil
	hdr["Transfer-Encoding"] = []string{"chunked"}
	w.WriteHeader(status)
	_, _ = w.Write([]byte(body))
}
