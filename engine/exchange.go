package engine

import (
	"context"
	"sync"
)

// highWaterMark is how many response bytes may wait for the client before
// res.write() returns false (Node's default for writable streams).
const highWaterMark = 16 * 1024

// maxBuffered is the hard cap on response bytes waiting for a slow client; a
// handler that keeps writing past it has its response aborted.
const maxBuffered = 64 << 20

// head is the status line and headers of a response.
type head struct {
	status int
	reason string
	// pairs are name, value, name, value... in the order res set them.
	pairs []string
	// endLength is the body size when res.end() made the head (and so the
	// whole body is known), else -1: the compression layer's threshold test.
	endLength int
	// noCompress skips the compression layer (see http.js writeHead).
	noCompress bool
	// utf8: Node would write the head together with the first body chunk,
	// a string, and so in UTF-8; otherwise in Latin-1. A compressed or
	// bodiless response has its head written alone (Latin-1) either way.
	utf8 bool
}

// failure is a response the engine makes itself (a timeout, a dead worker).
type failure struct {
	status int
	body   string
	abort  bool // drop the connection instead (the head is already out)
}

// Exchange is one request in flight. The HTTP goroutine creates it, the
// worker's loop fills it through the bindings' Transport, and the HTTP
// goroutine drains it. Fields under mu are shared; the rest are set before
// dispatch and read-only afterwards.
type Exchange struct {
	id    uint64
	route int
	// ctx is the HTTP request's context: Go functions called by the
	// handler's code get it.
	ctx context.Context
	// requestID is the request's X-Request-Id, for console log lines.
	requestID string

	mu      sync.Mutex
	head    *head    // set once by the loop
	chunks  [][]byte // body bytes not yet written
	queued  int      // bytes in chunks
	ended   bool     // the handler called end
	fail    *failure // set by the engine
	written int64    // body bytes handed to the client side so far
	// wantDrain is set when a write crossed the high-water mark; the HTTP
	// goroutine posts 'drain' to the loop once it has caught up.
	wantDrain bool
	// done is set by the HTTP goroutine when the exchange is over (response
	// complete, timed out or client gone); later writes are dropped.
	done bool

	signal chan struct{} // capacity 1: "something changed"
}

func newExchange(ctx context.Context, id uint64, route int) *Exchange {
	return &Exchange{ctx: ctx, id: id, route: route, signal: make(chan struct{}, 1)}
}

func (x *Exchange) notify() {
	select {
	case x.signal <- struct{}{}:
	default:
	}
}

// push records what the handler produced. It reports whether the buffered
// bytes are under the high-water mark, and whether the buffer overflowed
// (the response must then be aborted). Loop goroutine.
func (x *Exchange) push(h *head, chunk []byte, end bool) (below, overflow bool) {
	x.mu.Lock()
	if x.done {
		x.mu.Unlock()
		return true, false
	}
	if h != nil && x.head == nil {
		x.head = h
	}
	if len(chunk) > 0 {
		x.chunks = append(x.chunks, chunk)
		x.queued += len(chunk)
		x.written += int64(len(chunk))
	}
	if end {
		x.ended = true
	}
	below = x.queued < highWaterMark
	if !below {
		x.wantDrain = true
	}
	overflow = x.queued > maxBuffered
	x.mu.Unlock()
	x.notify()
	return below, overflow
}

// failWith makes the engine answer instead of the handler. Any goroutine.
func (x *Exchange) failWith(f failure) {
	x.mu.Lock()
	if x.fail == nil && !x.done {
		x.fail = &f
	}
	x.mu.Unlock()
	x.notify()
}

// take removes what is ready to write. HTTP goroutine.
func (x *Exchange) take() (h *head, chunks [][]byte, ended bool, f *failure, drain bool) {
	x.mu.Lock()
	h, chunks, ended, f = x.head, x.chunks, x.ended, x.fail
	x.chunks = nil
	x.queued = 0
	if x.wantDrain {
		drain = true
		x.wantDrain = false
	}
	x.mu.Unlock()
	return
}

// finish marks the exchange over; later pushes are dropped. HTTP goroutine.
func (x *Exchange) finish() {
	x.mu.Lock()
	x.done = true
	x.chunks = nil
	x.mu.Unlock()
}
