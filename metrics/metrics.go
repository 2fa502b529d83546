// Package metrics exports what a gojaapi server does as Prometheus metrics,
// and serves them next to health checks and, optionally, Go's profiler.
//
// A Metrics is an engine.Observer: pass it in gojaapi.Options.Observers and
// it counts requests by route, method and status, times them, tracks the
// requests in flight, and counts worker restarts, interrupts, timeouts and
// JavaScript exceptions. SetPool adds gauges for the worker pool, and
// ObserveBuild counts builds. Handler serves /metrics, /healthz, /readyz and
// (with Pprof) /debug/pprof/ on an address of its own, separate from the API.
//
// Every series is prefixed "gojaapi_"; the Go runtime and process collectors
// add the usual go_* and process_* series.
//
// Like any importer of net/http/pprof, this package registers the profiler's
// handlers on http.DefaultServeMux: never serve that mux on a public address.
package metrics

import (
	"strconv"
	"sync/atomic"
	"time"

	"github.com/gojaapi/gojaapi/engine"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
)

// Unmatched is the route label of requests that matched no route (404s and
// the engine's trailing-slash redirects).
const Unmatched = "unmatched"

// DurationBuckets are the request-latency histogram's upper bounds, in
// seconds: from 5 ms up to the default request timeout of 60 s.
var DurationBuckets = []float64{.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30, 60}

// PoolStats is a snapshot of a worker pool (see gojaapi.Server.Stats).
type PoolStats struct {
	// Workers is the number of workers.
	Workers int
	// Busy is the number of workers serving at least one request, or -1 if
	// the pool cannot tell.
	Busy int
}

// Metrics records a server's activity in a Prometheus registry. It
// implements engine.Observer; its methods are safe for concurrent use and do
// not block.
type Metrics struct {
	reg *prometheus.Registry

	requests  *prometheus.CounterVec
	duration  *prometheus.HistogramVec
	bytes     *prometheus.CounterVec
	inFlight  *prometheus.GaugeVec
	timeouts  *prometheus.CounterVec
	aborted   *prometheus.CounterVec
	failed    *prometheus.CounterVec
	exception *prometheus.CounterVec
	workerEv  *prometheus.CounterVec
	builds    *prometheus.CounterVec
	buildTime prometheus.Histogram

	pool atomic.Pointer[func() PoolStats]
}

// New returns a Metrics with its own registry, which also holds the Go
// runtime, process and build-information collectors.
func New() *Metrics {
	m := &Metrics{reg: prometheus.NewRegistry()}
	m.requests = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "gojaapi_requests_total",
		Help: "Requests served, by route (the Next.js page, or \"unmatched\"), method and status (0: the client went away before a status was sent).",
	}, []string{"route", "method", "status"})
	m.duration = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "gojaapi_request_duration_seconds",
		Help:    "Time from a request's arrival to the end of its response, by route and method.",
		Buckets: DurationBuckets,
	}, []string{"route", "method"})
	m.bytes = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "gojaapi_response_bytes_total",
		Help: "Response body bytes written by handlers (before compression), by route.",
	}, []string{"route"})
	m.inFlight = prometheus.NewGaugeVec(prometheus.GaugeOpts{
		Name: "gojaapi_requests_in_flight",
		Help: "Requests being served, by route.",
	}, []string{"route"})
	m.timeouts = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "gojaapi_request_timeouts_total",
		Help: "Requests answered 504 because the handler did not end its response in time, by route.",
	}, []string{"route"})
	m.aborted = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "gojaapi_requests_aborted_total",
		Help: "Requests whose client went away before the response ended, by route.",
	}, []string{"route"})
	m.failed = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "gojaapi_requests_failed_total",
		Help: "Requests the engine failed itself (the worker died or no worker was available), by route.",
	}, []string{"route"})
	m.exception = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "gojaapi_exceptions_total",
		Help: "Errors thrown by handlers, or rejections they left unhandled, by route.",
	}, []string{"route"})
	m.workerEv = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "gojaapi_worker_events_total",
		Help: "Worker pool events: started (at start-up and as replacements), retired (died and replaced) and interrupted (stuck in synchronous JavaScript past the script timeout).",
	}, []string{"event"})
	m.builds = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "gojaapi_builds_total",
		Help: "Builds (route discovery, bundling and worker start-up), by result: ok or error.",
	}, []string{"result"})
	m.buildTime = prometheus.NewHistogram(prometheus.HistogramOpts{
		Name:    "gojaapi_build_duration_seconds",
		Help:    "Time taken by builds, successful or not.",
		Buckets: []float64{.1, .25, .5, 1, 2.5, 5, 10, 30},
	})
	for _, ev := range []engine.WorkerEventKind{engine.WorkerStarted, engine.WorkerRetired, engine.WorkerInterrupted} {
		m.workerEv.WithLabelValues(string(ev))
	}
	m.builds.WithLabelValues("ok")
	m.builds.WithLabelValues("error")
	m.reg.MustRegister(m.requests, m.duration, m.bytes, m.inFlight, m.timeouts, m.aborted, m.failed,
		m.exception, m.workerEv, m.builds, m.buildTime, poolCollector{m},
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		collectors.NewBuildInfoCollector())
	return m
}

// Registry returns the registry the metrics are in, to add more collectors
// or to serve it elsewhere.
func (m *Metrics) Registry() *prometheus.Registry { return m.reg }

// SetPool sets the function the worker gauges read (typically a
// gojaapi.Server's Stats). Until it is called they report 0 workers.
func (m *Metrics) SetPool(stats func() PoolStats) { m.pool.Store(&stats) }

func (m *Metrics) poolStats() PoolStats {
	if f := m.pool.Load(); f != nil {
		return (*f)()
	}
	return PoolStats{Busy: -1}
}

// ObserveBuild records a build that took d and failed with err (nil for a
// success).
func (m *Metrics) ObserveBuild(d time.Duration, err error) {
	result := "ok"
	if err != nil {
		result = "error"
	}
	// The duration first: a scrape that sees the build counted sees its
	// duration too.
	m.buildTime.Observe(d.Seconds())
	m.builds.WithLabelValues(result).Inc()
}

var (
	workersDesc = prometheus.NewDesc("gojaapi_workers", "JavaScript workers in the pool.", nil, nil)
	busyDesc    = prometheus.NewDesc("gojaapi_workers_busy", "Workers serving at least one request.", nil, nil)
)

// poolCollector reads the pool gauges at scrape time. gojaapi_workers_busy
// is left out while the pool cannot tell.
type poolCollector struct{ m *Metrics }

func (c poolCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- workersDesc
	ch <- busyDesc
}

func (c poolCollector) Collect(ch chan<- prometheus.Metric) {
	st := c.m.poolStats()
	ch <- prometheus.MustNewConstMetric(workersDesc, prometheus.GaugeValue, float64(st.Workers))
	if st.Busy >= 0 {
		ch <- prometheus.MustNewConstMetric(busyDesc, prometheus.GaugeValue, float64(st.Busy))
	}
}

// routeLabel names route for labels.
func routeLabel(route string) string {
	if route == "" {
		return Unmatched
	}
	return route
}

// methodLabel keeps the method label's values bounded: standard methods as
// they are, anything else as "OTHER".
func methodLabel(m string) string {
	switch m {
	case "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "CONNECT", "TRACE":
		return m
	}
	return "OTHER"
}

// RequestStarted implements engine.Observer.
func (m *Metrics) RequestStarted(route string) {
	m.inFlight.WithLabelValues(routeLabel(route)).Inc()
}

// RequestDone implements engine.Observer.
func (m *Metrics) RequestDone(i engine.RequestInfo) {
	route, method := routeLabel(i.Route), methodLabel(i.Method)
	m.inFlight.WithLabelValues(route).Dec()
	m.requests.WithLabelValues(route, method, strconv.Itoa(i.Status)).Inc()
	m.duration.WithLabelValues(route, method).Observe(i.Duration.Seconds())
	if i.Bytes > 0 {
		m.bytes.WithLabelValues(route).Add(float64(i.Bytes))
	}
	switch i.Outcome {
	case "timeout":
		m.timeouts.WithLabelValues(route).Inc()
	case "aborted":
		m.aborted.WithLabelValues(route).Inc()
	case "failed":
		m.failed.WithLabelValues(route).Inc()
	}
}

// WorkerEvent implements engine.Observer.
func (m *Metrics) WorkerEvent(kind engine.WorkerEventKind, worker int) {
	m.workerEv.WithLabelValues(string(kind)).Inc()
}

// Exception implements engine.Observer.
func (m *Metrics) Exception(route string) {
	m.exception.WithLabelValues(routeLabel(route)).Inc()
}

var _ engine.Observer = (*Metrics)(nil)
