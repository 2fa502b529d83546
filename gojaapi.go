// Package gojaapi serves Next.js API routes (the handlers in pages/api) from
// Go, without Node.js: esbuild bundles the routes, and a pool of goja
// runtimes, each with its own event loop, runs them with Next.js's req/res
// semantics.
//
// The gojaapi binary (cmd/gojaapi) is a thin shell over this package. A Go
// service embeds it the same way:
//
//	srv, err := gojaapi.New(gojaapi.Options{Dir: "./api-project"})
//	if err != nil {
//		log.Fatal(err)
//	}
//	defer srv.Close()
//	mux := http.NewServeMux()
//	mux.Handle("/api/", srv)
//	log.Fatal(http.ListenAndServe(":8080", mux))
//
// # Workers and module state
//
// A worker is one JavaScript runtime with its own event loop, like one Node
// process: it serves many requests at once, switching whenever a handler
// awaits. There are Options.Workers of them (GOMAXPROCS by default), and each
// evaluates a module once, on first use. Module-level variables are therefore
// per worker, exactly like Node's cluster mode: a counter at the top of a
// route file counts the requests of one worker, not of the server.
//
// # Time limits
//
// A request that has not ended its response after Options.Timeout gets a 504
// (the handler keeps running; its later writes are dropped). A worker whose
// JavaScript runs for Options.ScriptTimeout without yielding to its event
// loop (a synchronous infinite loop) is interrupted: the requests it was
// serving fail with 500 and a fresh worker replaces it.
package gojaapi

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/gojaapi/gojaapi/bindings"
	"github.com/gojaapi/gojaapi/compat"
	"github.com/gojaapi/gojaapi/engine"
	"github.com/gojaapi/gojaapi/loader"
)

// Options configure a Server. Only Dir is required.
type Options struct {
	// Dir is the project folder: it holds pages/api (or src/pages/api) and,
	// for npm packages, node_modules.
	Dir string
	// Workers is the number of runtimes; 0 means runtime.GOMAXPROCS(0).
	Workers int
	// Timeout bounds how long a request may take to end its response
	// (default 60 s); past it the client gets 504.
	Timeout time.Duration
	// ScriptTimeout bounds how long JavaScript may run without returning to
	// its event loop (default 10 s); past it the worker is interrupted and
	// replaced, and its requests get 500.
	ScriptTimeout time.Duration
	// Prefix is the URL path the routes answer under (default "/api"):
	// pages/api/user.js answers Prefix + "/user".
	Prefix string
	// Dev selects Next.js's development behaviour: NODE_ENV=development,
	// warnings for unsent responses and error details in 500 bodies.
	Dev bool
	// Env is process.env for the handlers, on top of what the .env files
	// give (see EnvFiles). The server's own environment is not visible to
	// JavaScript unless it is copied in here or exposed with ExposeEnv.
	Env map[string]string
	// EnvFiles loads the project's .env files with Next.js's rules:
	// .env.$mode.local, .env.local, .env.$mode, .env (earlier wins), the
	// real environment winning for the variables they define, and $VAR
	// expansion. The mode is development with Dev, production otherwise.
	EnvFiles bool
	// ExposeEnv lists variables of the server's environment that handlers
	// may read even though no .env file defines them: names, prefixes such
	// as "APP_*", or "*" for everything (next start's behaviour).
	ExposeEnv []string
	// Logger receives request errors, worker events and console output from
	// handlers. Nil uses slog.Default().
	Logger *slog.Logger
	// AccessLog writes one line per request to Logger.
	AccessLog bool
	// Observers are told about every request, worker event and handler
	// error (for metrics).
	Observers []Observer
}

// Server serves the routes of one project. It is an http.Handler; mount it
// wherever Options.Prefix points (for the default, "/api/" and "/api").
type Server struct {
	opts    Options
	dir     string
	routes  []*loader.Route
	pool    *engine.Pool
	handler *engine.Handler
	closeMu sync.Once
}

// New discovers and bundles the project's routes and starts the workers. A
// build error (syntax error, unresolvable import) is returned with the file,
// line and column.
func New(opts Options) (*Server, error) {
	if opts.Dir == "" {
		opts.Dir = "."
	}
	dir, err := filepath.Abs(opts.Dir)
	if err != nil {
		return nil, err
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	fsys := os.DirFS(dir)
	routes, err := loader.Discover(fsys)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", opts.Dir, err)
	}
	nodeEnv := "production"
	if opts.Dev {
		nodeEnv = "development"
	}
	bundle, err := loader.Build(loader.BuildOptions{Dir: dir, Routes: routes, NodeEnv: nodeEnv})
	if err != nil {
		return nil, err
	}
	for _, w := range bundle.Warnings {
		opts.Logger.Warn("build warning", "detail", w)
	}
	env := map[string]string{}
	if opts.EnvFiles || len(opts.ExposeEnv) > 0 {
		loaded, files, err := loader.LoadEnv(fsys, loader.EnvOptions{Mode: nodeEnv, Environ: os.Environ(), Expose: opts.ExposeEnv})
		if err != nil {
			return nil, err
		}
		if !opts.EnvFiles {
			files = nil
		}
		for k, v := range loaded {
			env[k] = v
		}
		if len(files) > 0 {
			opts.Logger.Info("loaded environment", "files", files)
		}
	}
	for k, v := range opts.Env {
		env[k] = v
	}
	env["NODE_ENV"] = nodeEnv
	pool, err := engine.NewPool(engine.PoolConfig{
		Bundle:    bundle,
		Workers:   opts.Workers,
		BusyLimit: opts.ScriptTimeout,
		Compat: compat.Options{
			Env:      env,
			Root:     fsys,
			RootPath: dir,
			Logger:   opts.Logger,
		},
		Settings: bindings.Settings{Dev: opts.Dev, Preview: bindings.NewPreviewKeys()},
		Logger:   opts.Logger,
		Observer: observerOf(opts),
	})
	if err != nil {
		return nil, err
	}
	h, err := engine.NewHandler(pool, engine.HandlerConfig{Prefix: opts.Prefix, Timeout: opts.Timeout, Logger: opts.Logger})
	if err != nil {
		pool.Close()
		return nil, err
	}
	return &Server{opts: opts, dir: dir, routes: routes, pool: pool, handler: h}, nil
}

// observerOf combines the access log and the configured observers.
func observerOf(opts Options) engine.Observer {
	obs := append(observers{}, opts.Observers...)
	if opts.AccessLog {
		obs = append(obs, accessLog{opts.Logger})
	}
	if len(obs) == 0 {
		return nil
	}
	return obs
}

// ServeHTTP serves a request for one of the routes; anything else is a 404.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.handler.ServeHTTP(w, r)
}

// Route describes one API route.
type Route struct {
	// Page is the route as Next.js names it: "/api/user/[id]".
	Page string
	// File is the handler's path in the project: "pages/api/user/[id].js".
	File string
}

// Routes lists the server's routes, sorted by page.
func (s *Server) Routes() []Route {
	out := make([]Route, len(s.routes))
	for i, r := range s.routes {
		out[i] = Route{Page: r.Page, File: r.File}
	}
	return out
}

// Workers returns the number of workers.
func (s *Server) Workers() int { return s.pool.Size() }

// Close stops the workers. Requests still in flight fail; to let them finish
// first, shut the http.Server down before calling Close.
func (s *Server) Close() error {
	s.closeMu.Do(s.pool.Close)
	return nil
}

// ListenAndServe serves s on addr until ctx is cancelled, then stops
// accepting, lets in-flight requests finish for up to grace, and closes s.
// Unlike a plain http.Server, it puts Next.js's reason phrases on the status
// line ("400 Invalid JSON").
func (s *Server) ListenAndServe(ctx context.Context, addr string, grace time.Duration) error {
	ln, err := Listen(addr)
	if err != nil {
		return err
	}
	return s.Serve(ctx, ln, grace)
}

// prefixPattern is the ServeMux pattern under which the server is mounted.
func (s *Server) prefixPattern() string {
	p := "/" + strings.Trim(s.opts.Prefix, "/")
	if s.opts.Prefix == "" {
		p = "/api"
	}
	return p
}
