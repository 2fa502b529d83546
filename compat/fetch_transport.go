package compat

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"strconv"
	"sync"
	"syscall"
	"time"
)

// The HTTP transport under fetch: connection pooling, the dial-time address
// policy (FetchOptions.Allow) and the translation of Go's network errors into
// the Node-style causes undici gives ("connect ECONNREFUSED 127.0.0.1:8080").

// defaultTransport serves every runtime whose FetchOptions.Allow is nil, so
// that they share kept-alive connections.
var (
	defaultTransportOnce sync.Once
	defaultTransport     *http.Transport
)

// fetchTransport returns the transport for a dial policy: the shared one for
// the default policy, a new one (owned by one runtime) for a custom hook.
func fetchTransport(o FetchOptions, custom bool) *http.Transport {
	if custom {
		return newFetchTransport(o.Allow)
	}
	defaultTransportOnce.Do(func() { defaultTransport = newFetchTransport(DefaultFetchAllow) })
	return defaultTransport
}

// newFetchTransport builds a transport whose dialer resolves host names
// itself and asks allow about every address before connecting to it. It
// never uses a proxy from the host process's environment, and it leaves
// Content-Encoding alone (fetch decodes bodies itself, as undici does).
func newFetchTransport(allow func(string, net.IP) error) *http.Transport {
	d := &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}
	dial := func(ctx context.Context, network, addr string) (net.Conn, error) {
		host, port, err := net.SplitHostPort(addr)
		if err != nil {
			return nil, err
		}
		var ips []net.IP
		if ip := net.ParseIP(host); ip != nil {
			ips = []net.IP{ip}
		} else {
			addrs, err := net.DefaultResolver.LookupIPAddr(ctx, host)
			if err != nil {
				return nil, err
			}
			for _, a := range addrs {
				ips = append(ips, a.IP)
			}
		}
		var firstErr error
		for _, ip := range ips {
			if network == "tcp4" && ip.To4() == nil || network == "tcp6" && ip.To4() != nil {
				continue
			}
			if err := allow(host, ip); err != nil {
				if firstErr == nil {
					firstErr = &refusedDialError{err: err}
				}
				continue
			}
			c, err := d.DialContext(ctx, network, net.JoinHostPort(ip.String(), port))
			if err == nil {
				return c, nil
			}
			if firstErr == nil {
				firstErr = err
			}
		}
		if firstErr == nil {
			firstErr = &net.DNSError{Err: "no suitable address", Name: host, IsNotFound: true}
		}
		return nil, firstErr
	}
	return &http.Transport{
		Proxy:                 nil,
		DialContext:           dial,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          1024,
		MaxIdleConnsPerHost:   256, // workers × 64 concurrent calls to one upstream must not churn connections
		IdleConnTimeout:       30 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ExpectContinueTimeout: time.Second,
		DisableCompression:    true,
	}
}

// refusedDialError marks a connection that the dial policy refused.
type refusedDialError struct{ err error }

func (e *refusedDialError) Error() string { return e.err.Error() }
func (e *refusedDialError) Unwrap() error { return e.err }

// Causes fetch reports through context cancellation.
var (
	errFetchAborted  = errors.New("fetch aborted")
	errFetchTimeout  = errors.New("fetch timed out")
	errFetchTooLarge = errors.New("response body too large")
	errRedirectError = errors.New("unexpected redirect")
	errRedirectCount = errors.New("redirect count exceeded")
)

// fetchErr describes a failed fetch to JS: kind is "abort" (the signal
// fired: JS rejects with the signal's reason), "timeout", "toolarge" or
// "network"; the other fields become the cause Error, shaped like Node's
// system errors (code, errno, syscall, address, port, hostname).
type fetchErr struct {
	Kind     string
	Message  string
	Code     string
	Errno    int
	Syscall  string
	Address  string
	Port     int
	Hostname string
}

// toMap renders e for JS, omitting empty fields.
func (e *fetchErr) toMap() map[string]any {
	m := map[string]any{"kind": e.Kind, "message": e.Message}
	if e.Code != "" {
		m["code"] = e.Code
	}
	if e.Errno != 0 {
		m["errno"] = e.Errno
	}
	if e.Syscall != "" {
		m["syscall"] = e.Syscall
	}
	if e.Address != "" {
		m["address"] = e.Address
	}
	if e.Port != 0 {
		m["port"] = e.Port
	}
	if e.Hostname != "" {
		m["hostname"] = e.Hostname
	}
	return m
}

// errnoCodes names the system errors a connection commonly fails with.
var errnoCodes = map[syscall.Errno]string{
	syscall.ECONNREFUSED:  "ECONNREFUSED",
	syscall.ECONNRESET:    "ECONNRESET",
	syscall.ECONNABORTED:  "ECONNABORTED",
	syscall.ETIMEDOUT:     "ETIMEDOUT",
	syscall.EHOSTUNREACH:  "EHOSTUNREACH",
	syscall.ENETUNREACH:   "ENETUNREACH",
	syscall.EPIPE:         "EPIPE",
	syscall.EADDRNOTAVAIL: "EADDRNOTAVAIL",
}

// classifyFetchError turns an error from the client, the body or the context
// into what JS reports. timeout is the configured limit, for the message.
func classifyFetchError(ctx context.Context, err error, timeout time.Duration) *fetchErr {
	if ctx != nil && ctx.Err() != nil {
		switch context.Cause(ctx) {
		case errFetchAborted:
			return &fetchErr{Kind: "abort", Message: "This operation was aborted"}
		case errFetchTimeout:
			return &fetchErr{Kind: "timeout", Code: "ETIMEDOUT",
				Message: "fetch timed out after " + timeout.String() + " (the gojaapi fetch time limit)"}
		}
	}
	switch {
	case errors.Is(err, errFetchTimeout):
		return &fetchErr{Kind: "timeout", Code: "ETIMEDOUT",
			Message: "fetch timed out after " + timeout.String() + " (the gojaapi fetch time limit)"}
	case errors.Is(err, errFetchTooLarge):
		return &fetchErr{Kind: "toolarge", Message: err.Error()}
	case errors.Is(err, errRedirectError):
		return &fetchErr{Kind: "network", Message: "unexpected redirect"}
	case errors.Is(err, errRedirectCount):
		return &fetchErr{Kind: "network", Message: "redirect count exceeded"}
	}
	var refused *refusedDialError
	if errors.As(err, &refused) {
		return &fetchErr{Kind: "network", Code: "ERR_ACCESS_DENIED", Message: refused.Error()}
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		e := &fetchErr{Kind: "network", Syscall: "getaddrinfo", Hostname: dnsErr.Name}
		if dnsErr.IsNotFound {
			e.Code, e.Errno = "ENOTFOUND", -3008
		} else {
			e.Code, e.Errno = "EAI_AGAIN", -3001
		}
		e.Message = "getaddrinfo " + e.Code + " " + dnsErr.Name
		return e
	}
	var opErr *net.OpError
	var errno syscall.Errno
	if errors.As(err, &errno) {
		if code, ok := errnoCodes[errno]; ok {
			e := &fetchErr{Kind: "network", Code: code, Errno: -int(errno)}
			if errors.As(err, &opErr) && opErr.Op == "dial" {
				e.Syscall = "connect"
				if addr, ok := opErr.Addr.(*net.TCPAddr); ok {
					e.Address, e.Port = addr.IP.String(), addr.Port
					e.Message = "connect " + code + " " + net.JoinHostPort(e.Address, strconv.Itoa(e.Port))
				}
			} else {
				e.Syscall = "read"
			}
			if e.Message == "" {
				e.Message = e.Syscall + " " + code
			}
			return e
		}
	}
	if errors.Is(err, os.ErrDeadlineExceeded) || errors.Is(err, context.DeadlineExceeded) {
		return &fetchErr{Kind: "network", Code: "ETIMEDOUT", Message: "connect ETIMEDOUT"}
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return &fetchErr{Kind: "network", Code: "UND_ERR_SOCKET", Message: "other side closed"}
	}
	if e := classifyTLSError(err); e != nil {
		return e
	}
	msg := err.Error()
	var ue interface{ Unwrap() error }
	if errors.As(err, &ue) && ue.Unwrap() != nil {
		msg = ue.Unwrap().Error() // drop net/url's `Get "http://...": ` prefix
	}
	return &fetchErr{Kind: "network", Message: msg}
}

// classifyTLSError gives certificate failures the codes Node uses.
func classifyTLSError(err error) *fetchErr {
	var unknown x509.UnknownAuthorityError
	var host x509.HostnameError
	var invalid x509.CertificateInvalidError
	var verify *tls.CertificateVerificationError
	e := &fetchErr{Kind: "network"}
	switch {
	case errors.As(err, &host):
		e.Code = "ERR_TLS_CERT_ALTNAME_INVALID"
		e.Message = "Hostname/IP does not match certificate's altnames: " + host.Error()
	case errors.As(err, &unknown):
		if unknown.Cert != nil && unknown.Cert.Subject.String() == unknown.Cert.Issuer.String() {
			e.Code, e.Message = "DEPTH_ZERO_SELF_SIGNED_CERT", "self-signed certificate"
		} else {
			e.Code, e.Message = "UNABLE_TO_VERIFY_LEAF_SIGNATURE", "unable to verify the first certificate"
		}
	case errors.As(err, &invalid) && invalid.Reason == x509.Expired:
		e.Code, e.Message = "CERT_HAS_EXPIRED", "certificate has expired"
	case errors.As(err, &verify):
		e.Code, e.Message = "UNABLE_TO_VERIFY_LEAF_SIGNATURE", verify.Error()
	default:
		return nil
	}
	return e
}
