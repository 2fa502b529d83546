package compat

import (
	"net"
	"time"
)

// FetchOptions are the limits of the fetch global that JS code cannot lift.
// The zero value gives the defaults documented on each field.
type FetchOptions struct {
	// Timeout bounds each wait of a fetch, as undici's headersTimeout and
	// bodyTimeout do in Node: from the call until the response head arrives,
	// then from one piece of the body to the next (so a long stream that
	// keeps sending is never cut, and an upstream that stalls is). The
	// failure is TypeError "fetch failed" with cause.code ETIMEDOUT. Zero
	// means 300 seconds, Node's default; negative means no limit.
	Timeout time.Duration
	// MaxResponseBytes bounds the decoded size of one response body; a body
	// that grows beyond it errors with a TypeError. Zero means 64 MiB;
	// negative means no limit.
	MaxResponseBytes int64
	// MaxConcurrent bounds the fetches of one runtime that are waiting for
	// a response at once (from the call until the response head arrives);
	// further fetches wait for a slot. Zero means 64; negative means no
	// limit.
	MaxConcurrent int
	// Allow decides, at dial time, whether a connection to ip (one address
	// that host resolved to) may be made; a non-nil error refuses it and
	// becomes the message of the fetch failure's cause. Because it sees the
	// address actually dialled, DNS rebinding cannot get around it. Nil
	// means DefaultFetchAllow, which refuses link-local addresses; a custom
	// hook replaces that policy (call DefaultFetchAllow from it to keep it).
	Allow func(host string, ip net.IP) error
}

// Defaults of FetchOptions.
const (
	defaultFetchTimeout       = 300 * time.Second
	defaultFetchMaxBytes      = 64 << 20
	defaultFetchMaxConcurrent = 1024 // a bound against runaway code, not a throttle: I/O-bound handlers wait on many at once
)

// DefaultFetchAllow is the dial policy used when FetchOptions.Allow is nil:
// it refuses link-local addresses (169.254.0.0/16, where cloud metadata
// services live, and fe80::/10) and allows everything else.
func DefaultFetchAllow(host string, ip net.IP) error {
	if ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() {
		return &fetchRefusedError{host: host, ip: ip}
	}
	return nil
}

// fetchRefusedError is the error of DefaultFetchAllow.
type fetchRefusedError struct {
	host string
	ip   net.IP
}

func (e *fetchRefusedError) Error() string {
	return "connection to " + e.ip.String() + " (" + e.host + ") refused: link-local addresses are not allowed"
}

// resolved returns the options with the defaults filled in.
func (o FetchOptions) resolved() FetchOptions {
	if o.Timeout == 0 {
		o.Timeout = defaultFetchTimeout
	}
	if o.MaxResponseBytes == 0 {
		o.MaxResponseBytes = defaultFetchMaxBytes
	}
	if o.MaxConcurrent == 0 {
		o.MaxConcurrent = defaultFetchMaxConcurrent
	}
	if o.Allow == nil {
		o.Allow = DefaultFetchAllow
	}
	return o
}

// fetchOptionsOf returns the fetch limits of h with defaults filled in, and
// whether they carry a custom Allow hook.
func fetchOptionsOf(h *Host) (FetchOptions, bool) {
	return h.opts.Fetch.resolved(), h.opts.Fetch.Allow != nil
}
