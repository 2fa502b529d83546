package gojaapi

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
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
				return context.WithValue(ctx, engine.ReasonKey, rc)
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

// reasonConn rewrites the reason phrase of the next status line it writes.
// net/http always writes the standard phrase ("400 Bad Request"); Next.js
// sends its own ("400 Invalid JSON"). The status line is the start of the
// first write of each response, since net/http flushes a response completely
// before the next one begins.
type reasonConn struct {
	net.Conn
	mu     sync.Mutex
	status int
	reason string
}

// SetReason implements engine.ReasonSetter.
func (c *reasonConn) SetReason(status int, reason string) {
	c.mu.Lock()
	c.status, c.reason = status, reason
	c.mu.Unlock()
}

func (c *reasonConn) Write(p []byte) (int, error) {
	c.mu.Lock()
	if c.reason == "" {
		c.mu.Unlock()
		return c.Conn.Write(p)
	}
	status, reason := c.status, c.reason
	c.mu.Unlock()
	code := []byte(" " + strconv.Itoa(status) + " ")
	if !bytes.HasPrefix(p, []byte("HTTP/1.")) || len(p) < 9+len(code) || !bytes.Equal(p[8:8+len(code)], code) {
		// Not this response's status line (e.g. a "100 Continue").
		return c.Conn.Write(p)
	}
	c.mu.Lock()
	c.reason = ""
	c.mu.Unlock()
	eol := bytes.Index(p, []byte("\r\n"))
	if eol < 0 {
		return c.Conn.Write(p)
	}
	line := append(append(append([]byte{}, p[:8+len(code)]...), reason...), p[eol:]...)
	if _, err := c.Conn.Write(line); err != nil {
		return 0, err
	}
	return len(p), nil
}

// previewModeID is the secret value of the __prerender_bypass cookie for
// this process, like the one next build generates.
func previewModeID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
