package metrics

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/gojaapi/gojaapi/engine"
)

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestReadiness(t *testing.T) {
	var h Health
	srv := httptest.NewServer(Handler(HandlerOptions{Health: &h}))
	defer srv.Close()
	steps := []struct {
		do   func()
		code int
		body string
	}{
		{func() {}, 503, "starting\n"},
		{h.SetReady, 200, "ready\n"},
		{h.SetDraining, 503, "draining\n"},
		{h.SetReady, 503, "draining\n"}, // draining is for good
	}
	for i, s := range steps {
		s.do()
		if code, body := get(t, srv.URL+"/readyz"); code != s.code || body != s.body {
			t.Errorf("step %d: %d %q, want %d %q", i, code, body, s.code, s.body)
		}
		if code, body := get(t, srv.URL+"/healthz"); code != 200 || body != "ok\n" {
			t.Errorf("step %d: /healthz %d %q", i, code, body)
		}
	}
	if code, _ := get(t, srv.URL+"/metrics"); code != 404 {
		t.Errorf("/metrics without Metrics: %d", code)
	}
	if code, _ := get(t, srv.URL+"/debug/pprof/"); code != 404 {
		t.Errorf("pprof without Pprof: %d", code)
	}
}

func TestExposition(t *testing.T) {
	m := New()
	srv := httptest.NewServer(Handler(HandlerOptions{Metrics: m, Pprof: true}))
	defer srv.Close()

	m.RequestStarted("/api/a")
	m.RequestStarted("/api/a")
	m.RequestDone(engine.RequestInfo{Method: "GET", Route: "/api/a", Status: 200, Bytes: 5, Duration: 30 * time.Millisecond, Outcome: "ok"})
	m.RequestStarted("")
	m.RequestDone(engine.RequestInfo{Method: "BREW", Status: 404, Duration: time.Millisecond, Outcome: "ok"})
	m.RequestStarted("/api/b")
	m.RequestDone(engine.RequestInfo{Method: "POST", Route: "/api/b", Status: 0, Duration: 2 * time.Second, Outcome: "aborted"})
	m.WorkerEvent(engine.WorkerInterrupted, 1)
	m.Exception("/api/b")
	m.ObserveBuild(300*time.Millisecond, nil)

	_, body := get(t, srv.URL+"/metrics")
	for _, want := range []string{
		`gojaapi_requests_total{method="GET",route="/api/a",status="200"} 1`,
		`gojaapi_requests_total{method="OTHER",route="unmatched",status="404"} 1`,
		`gojaapi_requests_total{method="POST",route="/api/b",status="0"} 1`,
		`gojaapi_requests_in_flight{route="/api/a"} 1`,
		`gojaapi_requests_in_flight{route="unmatched"} 0`,
		`gojaapi_request_duration_seconds_bucket{method="GET",route="/api/a",le="0.025"} 0`,
		`gojaapi_request_duration_seconds_bucket{method="GET",route="/api/a",le="0.05"} 1`,
		`gojaapi_request_duration_seconds_bucket{method="POST",route="/api/b",le="2.5"} 1`,
		`gojaapi_response_bytes_total{route="/api/a"} 5`,
		`gojaapi_requests_aborted_total{route="/api/b"} 1`,
		`gojaapi_exceptions_total{route="/api/b"} 1`,
		`gojaapi_worker_events_total{event="interrupted"} 1`,
		`gojaapi_worker_events_total{event="retired"} 0`,
		`gojaapi_builds_total{result="ok"} 1`,
		`gojaapi_builds_total{result="error"} 0`,
		`gojaapi_workers 0`,
	} {
		if !strings.Contains(body, "\n"+want+"\n") {
			t.Errorf("no %s in\n%s", want, body)
		}
	}
	if strings.Contains(body, "gojaapi_workers_busy") {
		t.Error("gojaapi_workers_busy exposed though the pool cannot tell")
	}
	m.SetPool(func() PoolStats { return PoolStats{Workers: 4, Busy: 3} })
	_, body = get(t, srv.URL+"/metrics")
	if !strings.Contains(body, "\ngojaapi_workers 4\n") || !strings.Contains(body, "\ngojaapi_workers_busy 3\n") {
		t.Errorf("pool gauges:\n%s", body)
	}
	if code, body := get(t, srv.URL+"/debug/pprof/cmdline"); code != 200 || !strings.Contains(body, "metrics.test") {
		t.Errorf("pprof cmdline: %d %q", code, body)
	}
}
