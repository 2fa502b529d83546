package gojaapi

import (
	"bytes"
	"context"
	"errors"
	"net"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gojaapi/gojaapi/engine"
)

// Listen opens a TCP listener whose connections let the engine set custom
// reason phrases (see Serve).
func Listen(addr string) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	return &reasonListener{ln}, nil
}

// Serve serves s on ln until ctx is cancelled, then shuts down gracefully:
// it stops accepting, waits up to grace for in-flight requests, and closes s.
// If ln came from Listen, responses carry Next.js's reason phrases.
func (s *Server) Serve(ctx context.Context, ln net.Listener, grace time.Duration) error {
	return s.ServeWith(ctx, ln, ServeOptions{Grace: grace})
}

// ServeOptions tune ServeWith.
type ServeOptions struct {
	// Grace bounds how long in-flight requests may run once the server has
	// stopped accepting (0: no wait).
	Grace time.Duration
	// DrainDelay is how long the server goes on accepting and serving after
	// ctx is cancelled, before it stops accepting: time for load balancers
	// to see it is no longer ready (OnDrain) and send new requests
	// elsewhere, so none is refused. Responses sent meanwhile close their
	// connections ("Connection: close"), so proxies stop reusing them.
	DrainDelay time.Duration
	// OnReady, if set, is called once the server is accepting requests.
	OnReady func()
	// OnDrain, if set, is called as soon as ctx is cancelled, before the
	// drain delay: the moment to fail readiness checks.
	OnDrain func()
	// Limits on what clients may send; zero fields take the defaults of
	// NewHTTPServer.
	Limits HTTPLimits
}

// HTTPLimits bound what a client may cost the server before a request
// reaches JavaScript. Malformed requests and oversized headers are answered
// by net/http itself (400, 431).
type HTTPLimits struct {
	// MaxHeaderBytes caps the request line and headers (default 64 KiB).
	MaxHeaderBytes int
	// ReadHeaderTimeout is the time a client has to send its headers
	// (default 10 s): clients trickling headers are cut off.
	ReadHeaderTimeout time.Duration
	// IdleTimeout closes keep-alive connections idle this long (default
	// 120 s).
	IdleTimeout time.Duration
}

// apply sets the non-zero limits on hs.
func (l HTTPLimits) apply(hs *http.Server) {
	if l.MaxHeaderBytes > 0 {
		hs.MaxHeaderBytes = l.MaxHeaderBytes
	}
	if l.ReadHeaderTimeout > 0 {
		hs.ReadHeaderTimeout = l.ReadHeaderTimeout
	}
	if l.IdleTimeout > 0 {
		hs.IdleTimeout = l.IdleTimeout
	}
}

// ServeWith is Serve with more control over start-up and shutdown: when ctx
// is cancelled it calls o.OnDrain, serves on for o.DrainDelay, each response
// closing its connection (so clients and proxies open new ones, elsewhere),
// then stops accepting, waits up to o.Grace for in-flight requests, and
// closes s.
//
// The order avoids failing a request that a proxy has already sent, which it
// could not resend if it were a POST: connections are closed after a
// response rather than while idle (closing an idle keep-alive connection
// races with the next request on it), and once the listener is closed, the
// connections accepted just before get up to a second to send their first
// request, which is served, before the server shuts down (net/http's
// Shutdown would drop a request read after it began). On Linux the listener
// is closed when the kernel's accept queue is empty, since closing it resets
// the connections queued there.
func (s *Server) ServeWith(ctx context.Context, ln net.Listener, o ServeOptions) error {
	var draining atomic.Bool
	hs := NewHTTPServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if draining.Load() {
			w.Header().Set("Connection", "close")
		}
		s.ServeHTTP(w, r)
	}))
	o.Limits.apply(hs)
	fresh := &freshConns{set: map[net.Conn]struct{}{}}
	hs.ConnState = fresh.track
	cl := &onceCloseListener{Listener: ln}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(cl) }()
	if o.OnReady != nil {
		o.OnReady()
	}
	select {
	case err := <-errc:
		s.Close()
		return err
	case <-ctx.Done():
	}
	if o.OnDrain != nil {
		o.OnDrain()
	}
	draining.Store(true)
	if o.DrainDelay > 0 {
		t := time.NewTimer(o.DrainDelay)
		select {
		case <-t.C:
		case err := <-errc:
			t.Stop()
			s.Close()
			return err
		}
	}
	cl.closeWhenQueueEmpty(100 * time.Millisecond)
	fresh.wait(min(time.Second, o.Grace))
	sctx, cancel := context.WithTimeout(context.Background(), o.Grace)
	defer cancel()
	err := hs.Shutdown(sctx)
	s.Close()
	if errors.Is(err, context.DeadlineExceeded) {
		return errors.New("grace period over: some requests were still running")
	}
	return err
}

// freshConns tracks the connections that have not yet sent a request.
type freshConns struct {
	mu  sync.Mutex
	set map[net.Conn]struct{}
}

// track is an http.Server ConnState hook.
func (f *freshConns) track(c net.Conn, st http.ConnState) {
	f.mu.Lock()
	if st == http.StateNew {
		f.set[c] = struct{}{}
	} else {
		delete(f.set, c)
	}
	f.mu.Unlock()
}

// wait returns once every tracked connection has sent a request or closed,
// or after limit.
func (f *freshConns) wait(limit time.Duration) {
	deadline := time.Now().Add(limit)
	for {
		f.mu.Lock()
		n := len(f.set)
		f.mu.Unlock()
		if n == 0 || !time.Now().Before(deadline) {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// onceCloseListener lets ServeWith close the listener before
// http.Server.Shutdown, which closes it again.
type onceCloseListener struct {
	net.Listener
	once sync.Once
	err  error
}

func (l *onceCloseListener) Close() error {
	l.once.Do(func() { l.err = l.Listener.Close() })
	return l.err
}

// closeWhenQueueEmpty closes the listener at a moment when the kernel holds
// no connection that the server has not accepted yet (waiting up to limit
// for one): closing resets those connections, after the client may have
// sent a request on them. Where the queue cannot be seen, it closes at once.
func (l *onceCloseListener) closeWhenQueueEmpty(limit time.Duration) {
	inner := l.Listener
	for {
		if rl, ok := inner.(*reasonListener); ok {
			inner = rl.Listener
			continue
		}
		break
	}
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		if n, ok := acceptQueueLen(inner); !ok || n == 0 {
			break
		}
		time.Sleep(time.Millisecond)
	}
	l.Close()
}

// NewHTTPServer returns an http.Server for h with gojaapi's defaults: limits
// on header size and read times, the request methods Node accepts (others
// get 400), and support for custom reason phrases on connections accepted
// through Listen.
func NewHTTPServer(h http.Handler) *http.Server {
	return &http.Server{
		Handler:           withNodeMethods(h),
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ConnContext: func(ctx context.Context, c net.Conn) context.Context {
			if rc, ok := c.(*reasonConn); ok {
				return context.WithValue(ctx, engine.HeadRewriterKey, rc)
			}
			return ctx
		},
	}
}

// reasonListener wraps accepted connections in reasonConn.
type reasonListener struct{ net.Listener }

func (l *reasonListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return &reasonConn{Conn: c}, nil
}

// reasonConn rewrites the status line of the next response it writes (see
// engine.HeadRewriter): net/http always writes the standard phrase ("400 Bad
// Request") and drops Content-Type from 204 and 304 responses; Next.js sends
// its own phrase ("400 Invalid JSON") and keeps the header. The status line is
// the start of the first write of each response, since net/http flushes a
// response completely before the next one begins.
type reasonConn struct {
	net.Conn
	mu     sync.Mutex
	status int
	reason string
	extra  []string
}

// RewriteHead implements engine.HeadRewriter.
func (c *reasonConn) RewriteHead(status int, reason string, extra []string) {
	c.mu.Lock()
	c.status, c.reason, c.extra = status, reason, extra
	c.mu.Unlock()
}

func (c *reasonConn) Write(p []byte) (int, error) {
	c.mu.Lock()
	status, reason, extra := c.status, c.reason, c.extra
	pending := status != 0
	c.mu.Unlock()
	if !pending {
		return c.Conn.Write(p)
	}
	code := []byte(" " + strconv.Itoa(status) + " ")
	if !bytes.HasPrefix(p, []byte("HTTP/1.")) || len(p) < 8+len(code) || !bytes.Equal(p[8:8+len(code)], code) {
		// Not this response's status line (e.g. a "100 Continue").
		return c.Conn.Write(p)
	}
	eol := bytes.Index(p, []byte("\r\n"))
	if eol < 0 {
		return c.Conn.Write(p)
	}
	c.mu.Lock()
	c.status, c.reason, c.extra = 0, "", nil
	c.mu.Unlock()
	line := append([]byte{}, p[:8+len(code)]...)
	if reason != "" {
		line = append(line, reason...)
	} else {
		line = append(line, p[8+len(code):eol]...)
	}
	for _, h := range extra {
		line = append(append(line, "\r\n"...), h...)
	}
	line = append(line, p[eol:]...)
	if _, err := c.Conn.Write(line); err != nil {
		return 0, err
	}
	return len(p), nil
}
