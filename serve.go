package gojaapi

import (
	"bytes"
	"context"
	"errors"
	"net"
	"net/http"
	"strconv"
	"sync"
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
	hs := NewHTTPServer(s)
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		s.Close()
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	err := hs.Shutdown(sctx)
	s.Close()
	if errors.Is(err, context.DeadlineExceeded) {
		return errors.New("grace period over: some requests were still running")
	}
	return err
}

// NewHTTPServer returns an http.Server for h with gojaapi's defaults: limits
// on header size and read times, and support for custom reason phrases on
// connections accepted through Listen.
func NewHTTPServer(h http.Handler) *http.Server {
	return &http.Server{
		Handler:           h,
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
