package gojaapi_test

import (
	"context"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing/fstest"

	"github.com/gojaapi/gojaapi"
)

// get fetches url and returns the body, for the examples' output.
func get(url string, header ...string) string {
	req, _ := http.NewRequest("GET", url, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err.Error()
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return strings.TrimSpace(string(b))
}

// A service serves its Next.js API routes from an fs.FS (here a MapFS; in a
// real program a go:embed FS, or Options.Dir for a folder on disk), mounted
// on its own mux next to its other handlers. The Server matches the full
// path, so it is mounted under its Prefix without http.StripPrefix.
func ExampleNew() {
	routes := fstest.MapFS{
		"pages/api/hello/[name].ts": {Data: []byte(`
export default function handler(req: any, res: any) {
  res.status(200).json({ hello: req.query.name })
}`)},
	}
	srv, err := gojaapi.New(gojaapi.Options{FS: routes, Prefix: "/v1/scripts", Workers: 2})
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Close()

	mux := http.NewServeMux()
	mux.Handle("/v1/scripts/", srv)
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "ok") })
	hs := httptest.NewServer(mux) // in production: http.ListenAndServe(":8080", mux)
	defer hs.Close()

	fmt.Println(get(hs.URL + "/v1/scripts/hello/gopher"))
	fmt.Println(get(hs.URL + "/healthz"))
	// Output:
	// {"hello":"gopher"}
	// ok
}

// A Go module gives handlers Go functions: Func for quick synchronous work,
// Async for anything that waits (the promise settles on the worker's event
// loop while the function runs on its own goroutine). A first
// context.Context parameter receives the HTTP request's context.
func ExampleModule() {
	type Quote struct {
		Symbol string  `json:"symbol"`
		Price  float64 `json:"price"`
	}
	prices := map[string]float64{"GOOG": 170.5}
	quotes := gojaapi.NewModule("app:quotes").
		Func("normalize", strings.ToUpper).
		Async("lookup", func(ctx context.Context, symbol string) (Quote, error) {
			p, ok := prices[symbol] // a database or an upstream service, with ctx
			if !ok {
				return Quote{}, &gojaapi.Error{Code: "UNKNOWN_SYMBOL", Message: "no such symbol: " + symbol}
			}
			return Quote{Symbol: symbol, Price: p}, nil
		})
	routes := fstest.MapFS{"pages/api/quote.js": {Data: []byte(`
import quotes from 'app:quotes';
export default async function handler(req, res) {
  try {
    res.json(await quotes.lookup(quotes.normalize(req.query.s)));
  } catch (err) {
    res.status(404).json({ error: err.message, code: err.code });
  }
}`)}}
	srv, err := gojaapi.New(gojaapi.Options{FS: routes, Modules: []*gojaapi.Module{quotes}})
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	hs := httptest.NewServer(srv)
	defer hs.Close()

	fmt.Println(get(hs.URL + "/api/quote?s=goog"))
	fmt.Println(get(hs.URL + "/api/quote?s=nope"))
	// Output:
	// {"symbol":"GOOG","price":170.5}
	// {"error":"no such symbol: NOPE","code":"UNKNOWN_SYMBOL"}
}

// A Store holds state that all workers share (module-level variables are per
// worker). Its module has get, set (with a ttl), delete, incr, ttl, expire
// and has; Go reads and writes the same keys.
func ExampleStore_Module() {
	store := gojaapi.NewStore()
	routes := fstest.MapFS{"pages/api/visit.js": {Data: []byte(`
import kv from 'gojaapi:kv';
export default function handler(req, res) {
  res.json({ visits: kv.incr('visits') });
}`)}}
	srv, err := gojaapi.New(gojaapi.Options{FS: routes, Workers: 4, Modules: []*gojaapi.Module{store.Module("gojaapi:kv")}})
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	hs := httptest.NewServer(srv)
	defer hs.Close()

	for i := 0; i < 3; i++ {
		fmt.Println(get(hs.URL + "/api/visit"))
	}
	n, _ := store.Get("visits")
	fmt.Println("Go sees", n)
	// Output:
	// {"visits":1}
	// {"visits":2}
	// {"visits":3}
	// Go sees 3
}

// A middleware in front of the Server attaches values to each request; the
// handler reads them as req.context. Go functions that the handler calls see
// them too, through gojaapi.Value on their context.
func ExampleWithValue() {
	type User struct {
		ID   int    `json:"id"`
		Name string `json:"name"`
	}
	routes := fstest.MapFS{"pages/api/me.js": {Data: []byte(`
export default function handler(req, res) {
  if (!req.context.user) return res.status(401).json({ error: 'sign in' });
  res.json(req.context.user);
}`)}}
	srv, err := gojaapi.New(gojaapi.Options{FS: routes})
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	auth := func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Header.Get("Authorization") == "Bearer secret" {
				r = gojaapi.WithValue(r, "user", User{ID: 7, Name: "Ann"})
			}
			next.ServeHTTP(w, r)
		})
	}
	hs := httptest.NewServer(auth(srv))
	defer hs.Close()

	fmt.Println(get(hs.URL+"/api/me", "Authorization", "Bearer secret"))
	fmt.Println(get(hs.URL + "/api/me"))
	// Output:
	// {"id":7,"name":"Ann"}
	// {"error":"sign in"}
}
