package gojaapi

import (
	"log/slog"

	"github.com/gojaapi/gojaapi/engine"
)

// Observer sees requests, worker events and handler errors, for logs and
// metrics. See engine.Observer for the contract: methods are called
// concurrently and must not block.
type Observer = engine.Observer

// RequestInfo describes a finished request (see engine.RequestInfo).
type RequestInfo = engine.RequestInfo

// observers fans events out to several observers.
type observers []Observer

func (o observers) RequestStarted(route string) {
	for _, x := range o {
		x.RequestStarted(route)
	}
}

func (o observers) RequestDone(info RequestInfo) {
	for _, x := range o {
		x.RequestDone(info)
	}
}

func (o observers) WorkerEvent(kind engine.WorkerEventKind, worker int) {
	for _, x := range o {
		x.WorkerEvent(kind, worker)
	}
}

func (o observers) Exception(route string) {
	for _, x := range o {
		x.Exception(route)
	}
}

// accessLog writes one line per request to a logger: method, path, route,
// status, bytes, duration, worker and request ID, as one record; to a dev log
// handler (NewDevLogHandler), next dev's " GET /api/hello 200 in 12ms".
type accessLog struct{ logger *slog.Logger }

func (accessLog) RequestStarted(string) {}

func (a accessLog) RequestDone(i RequestInfo) {
	if d, ok := a.logger.Handler().(*devLog); ok {
		d.logRequest(i)
		return
	}
	a.logger.Info("request", "method", i.Method, "path", i.Path, "route", i.Route, "status", i.Status,
		"bytes", i.Bytes, "duration", i.Duration, "worker", i.Worker, "request_id", i.RequestID, "outcome", i.Outcome)
}

func (accessLog) WorkerEvent(engine.WorkerEventKind, int) {}

func (accessLog) Exception(string) {}
