package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Routes is the number of generated routes in bench/app50 (r0..r49).
const Routes = 50

// item is one record of the 64 KB response, in the order big.js writes its
// keys.
type item struct {
	ID     int      `json:"id"`
	Name   string   `json:"name"`
	Email  string   `json:"email"`
	Active bool     `json:"active"`
	Score  float64  `json:"score"`
	Tags   []string `json:"tags"`
}

// bigBody is what big.js serialises: built once, marshalled per request.
type bigBody struct {
	Count int    `json:"count"`
	Items []item `json:"items"`
}

func newBigBody() *bigBody {
	b := &bigBody{}
	for i := 0; i < 557; i++ {
		b.Items = append(b.Items, item{
			ID:     i,
			Name:   "item-" + strconv.Itoa(i),
			Email:  "user" + strconv.Itoa(i) + "@example.com",
			Active: i%2 == 0,
			Score:  float64((i*37)%1000) / 10,
			Tags:   []string{"alpha", "beta", "gamma"},
		})
	}
	b.Count = len(b.Items)
	return b
}

// rawServer implements the scenarios of bench/app (and the routes of
// bench/app50) natively: the ceiling a JavaScript runtime in Go can approach.
type rawServer struct {
	upstream string
	client   *http.Client
	big      *bigBody
}

func writeJSON(w http.ResponseWriter, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	sendJSON(w, b)
}

func sendJSON(w http.ResponseWriter, b []byte) {
	h := w.Header()
	h["Content-Type"] = []string{"application/json; charset=utf-8"}
	h["Content-Length"] = []string{strconv.Itoa(len(b))}
	_, _ = w.Write(b)
}

func (s *rawServer) routes() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/hello", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, struct {
			Hello string `json:"hello"`
		}{"world"})
	})
	mux.HandleFunc("GET /api/users/{id}", func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		fields := []string{}
		if f := q.Get("fields"); f != "" {
			fields = strings.Split(f, ",")
		}
		page := 1
		if p := q.Get("page"); p != "" {
			page, _ = strconv.Atoi(p)
		}
		writeJSON(w, struct {
			ID     string   `json:"id"`
			Fields []string `json:"fields"`
			Page   int      `json:"page"`
		}{r.PathValue("id"), fields, page})
	})
	mux.HandleFunc("POST /api/echo", func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		// Parse and serialise again, as Next's body parser and res.json do
		// (Compact validates and keeps the keys in order).
		var out bytes.Buffer
		if err := json.Compact(&out, body); err != nil {
			http.Error(w, "Invalid JSON", http.StatusBadRequest)
			return
		}
		sendJSON(w, out.Bytes())
	})
	mux.HandleFunc("GET /api/big", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, s.big)
	})
	mux.HandleFunc("GET /api/timer", func(w http.ResponseWriter, r *http.Request) {
		t := time.NewTimer(10 * time.Millisecond)
		defer t.Stop()
		select {
		case <-t.C:
		case <-r.Context().Done():
			return
		}
		writeJSON(w, struct {
			Waited int `json:"waited"`
		}{10})
	})
	mux.HandleFunc("GET /api/fetch", func(w http.ResponseWriter, r *http.Request) {
		req, err := http.NewRequestWithContext(r.Context(), http.MethodGet, s.upstream, nil)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		resp, err := s.client.Do(req)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		defer resp.Body.Close()
		var data json.RawMessage
		if err := json.NewDecoder(resp.Body).Decode(&data); err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		writeJSON(w, struct {
			Upstream json.RawMessage `json:"upstream"`
		}{data})
	})
	for i := 0; i < Routes; i++ {
		n := i
		mux.HandleFunc("GET /api/r"+strconv.Itoa(n), func(w http.ResponseWriter, r *http.Request) {
			writeJSON(w, routeBody(n, r.URL.Query().Get("x")))
		})
	}
	return mux
}

// routeBody is what the generated route rN answers (see routeSource).
func routeBody(n int, x string) any {
	return struct {
		Route int    `json:"route"`
		Name  string `json:"name"`
		X     string `json:"x"`
		Sum   int    `json:"sum"`
	}{n, "r" + strconv.Itoa(n), x, routeSum(n)}
}

// routeSum is the module-level value each generated route computes once.
func routeSum(n int) int {
	s := 0
	for i := 0; i < 100; i++ {
		s += i * (n + 1)
	}
	return s
}

// serve listens on addr (which must be a loopback address) until SIGINT or
// SIGTERM.
func serve(addr string, h http.Handler) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return err
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("%s is not a loopback address", addr)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
	}()
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

func runRaw(args []string) error {
	fs := flag.NewFlagSet("raw", flag.ContinueOnError)
	addr := fs.String("addr", "127.0.0.1:3002", "loopback address to listen on")
	upstream := fs.String("upstream", "", "URL of the upstream for /api/fetch")
	if err := fs.Parse(args); err != nil {
		return err
	}
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConns = 1024
	tr.MaxIdleConnsPerHost = 1024
	s := &rawServer{
		upstream: *upstream,
		client:   &http.Client{Transport: tr, Timeout: 30 * time.Second},
		big:      newBigBody(),
	}
	return serve(*addr, s.routes())
}

func runUpstream(args []string) error {
	fs := flag.NewFlagSet("upstream", flag.ContinueOnError)
	addr := fs.String("addr", "127.0.0.1:3003", "loopback address to listen on")
	delay := fs.Duration("delay", 20*time.Millisecond, "time to wait before answering")
	if err := fs.Parse(args); err != nil {
		return err
	}
	body := []byte(fmt.Sprintf(`{"ok":true,"delay":%d}`, delay.Milliseconds()))
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t := time.NewTimer(*delay)
		defer t.Stop()
		select {
		case <-t.C:
		case <-r.Context().Done():
			return
		}
		sendJSON(w, body)
	})
	return serve(*addr, h)
}
