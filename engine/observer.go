package engine

import "time"

// Observer sees what the engine does, for logs and metrics. Its methods are
// called from request goroutines, worker loops and the watchdog at once: they
// must be safe for concurrent use and cheap (no blocking I/O).
type Observer interface {
	// RequestStarted is called when a request for a route (its Next.js page,
	// "" when no route matched) begins.
	RequestStarted(route string)
	// RequestDone is called once per request, when its response is complete
	// or abandoned.
	RequestDone(info RequestInfo)
	// WorkerEvent reports a change in the pool: WorkerStarted, WorkerRetired,
	// WorkerInterrupted.
	WorkerEvent(kind WorkerEventKind, worker int)
	// Exception reports an error thrown by a handler (or a rejection it did
	// not handle) on route.
	Exception(route string)
}

// WorkerEventKind names a pool event.
type WorkerEventKind string

// The pool events.
const (
	WorkerStarted     WorkerEventKind = "started"
	WorkerRetired     WorkerEventKind = "retired"
	WorkerInterrupted WorkerEventKind = "interrupted"
)

// RequestInfo describes a finished request.
type RequestInfo struct {
	Method string
	// Path is the request path, without the query.
	Path string
	// Route is the Next.js page that served it ("/api/user/[id]"), or ""
	// for a 404 or a redirect made by the engine.
	Route string
	// Status is the status sent, 0 if none was (the client went away first).
	Status int
	// Bytes is the number of body bytes written (before compression).
	Bytes int64
	// Duration is the time from the request's arrival to its end.
	Duration time.Duration
	// Worker is the worker that ran it, -1 if none did.
	Worker int
	// RequestID is the request's X-Request-Id (accepted or generated).
	RequestID string
	// Outcome is "ok", "timeout", "aborted" (client gone) or "failed"
	// (the worker died or the engine answered 5xx itself).
	Outcome string
}

// nopObserver is used when none is configured.
type nopObserver struct{}

func (nopObserver) RequestStarted(string)            {}
func (nopObserver) RequestDone(RequestInfo)          {}
func (nopObserver) WorkerEvent(WorkerEventKind, int) {}
func (nopObserver) Exception(string)                 {}
