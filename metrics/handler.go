package metrics

import (
	"net/http"
	"net/http/pprof"
	"sync/atomic"

	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// State is a server's readiness state.
type State int32

// The readiness states, in the order a server goes through them.
const (
	// Starting: the routes are being built or the workers started.
	Starting State = iota
	// Ready: serving; load balancers may send traffic.
	Ready
	// Draining: shutting down; in-flight requests finish, new traffic
	// should go elsewhere.
	Draining
)

// String returns "starting", "ready" or "draining".
func (s State) String() string {
	switch s {
	case Ready:
		return "ready"
	case Draining:
		return "draining"
	}
	return "starting"
}

// Health is a server's readiness, as /readyz reports it. The zero value is
// Starting. Its methods are safe for concurrent use.
type Health struct{ state atomic.Int32 }

// SetReady marks the server ready, unless it is already draining.
func (h *Health) SetReady() { h.state.CompareAndSwap(int32(Starting), int32(Ready)) }

// SetDraining marks the server draining, for good.
func (h *Health) SetDraining() { h.state.Store(int32(Draining)) }

// State returns the current state.
func (h *Health) State() State { return State(h.state.Load()) }

// HandlerOptions configure Handler.
type HandlerOptions struct {
	// Metrics is served on /metrics (nil: no /metrics).
	Metrics *Metrics
	// Health answers /readyz (nil: always ready).
	Health *Health
	// Pprof serves Go's profiler (net/http/pprof) under /debug/pprof/.
	Pprof bool
}

// Handler serves, on a listener of its own (not the API's):
//
//	/metrics        Prometheus exposition of o.Metrics
//	/healthz        liveness: 200 "ok" while the process runs
//	/readyz         readiness: 200 "ready" once the routes are built and
//	                the workers started, 503 "starting" or "draining"
//	/debug/pprof/   Go's profiler, only with o.Pprof
func Handler(o HandlerOptions) http.Handler {
	mux := http.NewServeMux()
	if o.Metrics != nil {
		mux.Handle("GET /metrics", promhttp.HandlerFor(o.Metrics.reg, promhttp.HandlerOpts{
			Registry:          o.Metrics.reg,
			ErrorHandling:     promhttp.ContinueOnError,
			EnableOpenMetrics: true,
		}))
	}
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		plain(w, http.StatusOK, "ok")
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		st := Ready
		if o.Health != nil {
			st = o.Health.State()
		}
		code := http.StatusOK
		if st != Ready {
			code = http.StatusServiceUnavailable
		}
		plain(w, code, st.String())
	})
	if o.Pprof {
		mux.HandleFunc("/debug/pprof/", pprof.Index)
		mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
		mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
		mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
		mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	}
	return mux
}

func plain(w http.ResponseWriter, code int, body string) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	w.Write([]byte(body + "\n"))
}
