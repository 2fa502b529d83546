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
// # Embedding
//
// Options.FS serves a project from an fs.FS instead of a folder, so that a
// service carries its routes in its binary with go:embed (node_modules
// included; see loader/fsbuild.go for what the resolver supports). The
// Server matches the full request path against Options.Prefix, so mount it
// under that prefix as is; behind http.StripPrefix, set Prefix to what
// remains (req.url stays the target the client sent). Reload rebuilds and
// swaps atomically, requests in flight finishing on the old build; Shutdown
// drains gracefully.
//
// Go reaches into JavaScript three ways: a Module exports Go functions
// (import kv from 'gojaapi:kv'), a Store is state shared by all workers, and
// WithValue or Options.RequestValues attach per-request values that the
// handler reads as req.context.
//
// # Values between Go and JavaScript
//
// Values crossing the boundary (function arguments and results, store
// values, request values) are copied, never shared:
//
//	Go                               JavaScript
//	nil pointer, map, slice, any     null (null and undefined give the zero value)
//	bool, string                     boolean, string
//	int*, uint*, float*              number (integers past ±2^53 lose precision)
//	[]byte                           Buffer; from JS any Uint8Array or ArrayBuffer
//	time.Time                        Date (milliseconds); from JS also an RFC 3339 string
//	struct                           object of the exported fields, named as
//	                                 encoding/json names them (json tags, "-",
//	                                 omitempty, embedded structs flattened); from
//	                                 JS, keys match exactly, else ignoring case,
//	                                 and unknown keys are ignored
//	map[string]T (or integer keys)   object
//	slice, array                     array
//	error                            Error with message, and code (see Error)
//	func                             a synchronous function
//	*big.Int                         BigInt
//
// Into an any (or map[string]any, []any), JS gives nil, bool, string, int64
// (whole numbers within ±2^53), float64 (other numbers), *big.Int, []any,
// map[string]any (other objects: own enumerable properties), time.Time and
// []byte. Functions and symbols cannot go to Go; values nested more than 100
// levels deep (or cyclic) are refused with a TypeError.
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
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gojaapi/gojaapi/bindings"
	"github.com/gojaapi/gojaapi/compat"
	"github.com/gojaapi/gojaapi/engine"
	"github.com/gojaapi/gojaapi/loader"
)

// Options configure a Server. Only Dir (or FS) is required.
type Options struct {
	// Dir is the project folder: it holds pages/api (or src/pages/api) and,
	// for npm packages, node_modules. With FS set, Dir is only the absolute
	// path the files appear under (process.cwd(), __dirname; "/app" by
	// default) and nothing is read from it.
	Dir string
	// FS, if set, holds the project instead of Dir: an embed.FS (so that a
	// service carries its routes in its binary), an fstest.MapFS, an
	// os.DirFS. The bundler reads every file from it, node_modules included
	// (see loader.BuildFS for what its resolver supports), and so does the
	// fs module.
	FS fs.FS
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
	// pages/api/user.js answers Prefix + "/user". The Server matches the
	// full request path, so mount it on a mux under Prefix without
	// http.StripPrefix.
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
	// Modules are JavaScript modules implemented in Go, imported by their
	// names (see Module and Store.Module).
	Modules []*Module
	// RequestValues, if set, computes per-request values for every request:
	// the handler reads them as req.context (see WithValue, which wins over
	// it for the same key). It runs on the request's goroutine before the
	// handler is dispatched.
	RequestValues func(r *http.Request) map[string]any
	// BodyLimit caps request bodies for every route, in bytes (0: no cap
	// beyond the routes' own). A route's config.api.bodyParser.sizeLimit
	// ("1mb" by default, as in Next.js) applies below it and cannot raise
	// it: a larger Content-Length gets 413 ("Body exceeded 1MB limit")
	// before the handler runs, and a body sent without Content-Length is cut
	// off at the cap (reading it fails: the body parser answers 400 Invalid
	// body, a handler streaming req gets an 'error').
	BodyLimit int64
	// RecycleAfter replaces a worker once it has served this many requests
	// (0: never), so that module state, a polluted prototype or a slow leak
	// lives only that long. The worker finishes what it is serving first.
	RecycleAfter int
	// RecycleAfterErrors replaces a worker after this many handler errors
	// (0: never).
	RecycleAfterErrors int
	// MemoryLimit is the Go heap size in bytes past which the workers
	// running JavaScript at that moment are interrupted and replaced (their
	// requests get 500). goja has no heap limit; this is the backstop for
	// handlers that allocate without bound. 0 turns it off.
	MemoryLimit int64
	// MaxAllocation caps one allocation made through Buffer.alloc, new
	// ArrayBuffer and the string builders (repeat, padStart, padEnd); past it
	// they throw RangeError as Node does when an allocation fails. 0 means
	// 256 MiB.
	MaxAllocation int64
	// Conditions are extra package.json export conditions to resolve npm
	// packages with. By default packages resolve as under Node (esbuild's
	// Node platform: "node", "import"/"require", "default"), which every
	// package tested works with; adding "worker" or "browser" selects the
	// builds that need only Web APIs, for a package whose Node build needs
	// something gojaapi lacks (and breaks others, such as stripe's
	// synchronous webhook check).
	Conditions []string
	// Fetch limits fetch: time, response size, concurrency, and the
	// addresses it may reach (link-local addresses such as cloud metadata
	// endpoints are refused unless Fetch.Allow says otherwise).
	Fetch compat.FetchOptions
	// UseBuildOutput starts the server from the project's build output, the
	// .gojaapi folder that gojaapi build (or WriteBuild) wrote, when there
	// is one: nothing is bundled at start, so node_modules and esbuild's
	// work are not needed, and Conditions are those of the build. Reload
	// reads the output again, so writing a new build and reloading deploys
	// it. Without an output the server builds from source, as when this is
	// false (the default), and so do its reloads: New makes the choice. An
	// output that cannot be used (corrupt, written by an incompatible
	// gojaapi, requiring a Module the server lacks) is an error, not a
	// reason to build from source. The .env files are still read when the
	// server starts. Dev mode always builds from source, so Dev and
	// UseBuildOutput together are an error.
	UseBuildOutput bool
}

// Server serves the routes of one project. It is an http.Handler; mount it
// wherever Options.Prefix points (for the default, "/api/" and "/api").
//
// Reload swaps in a fresh build of the project; requests always run
// entirely on one build (a generation: bundle, routes and workers).
type Server struct {
	opts    Options
	dir     string // absolute path of the project (or the label of FS)
	fsys    fs.FS
	preview bindings.PreviewKeys
	// pool answers for the current generation's worker pool (tests).
	pool currentPool

	gen      atomic.Pointer[generation] // the generation new requests go to
	closed   atomic.Bool
	reloadMu sync.Mutex // serialises Reload, Shutdown and Close

	mu   sync.Mutex
	gens map[*generation]bool // generations not yet closed

	failure atomic.Pointer[buildFailure] // the last failed build, in Watch

	// fromOutput is set by New when the server runs the build output
	// (Options.UseBuildOutput and an output exists); Reload then reads the
	// output again instead of building.
	fromOutput bool
	// incremental is set once the server rebuilds on saves (Dev, or Watch
	// running); builds then go through builder, whose esbuild context is
	// kept between them. builder is used and closed under reloadMu (New
	// uses it before the Server is shared).
	incremental atomic.Bool
	builder     loader.Builder

	// builtAt is when New started the first build: Watch reloads at once if
	// a file changed after it (set before the Server is shared).
	builtAt time.Time
}

// New discovers and bundles the project's routes (or reads its build output,
// see Options.UseBuildOutput) and starts the workers. A build error (syntax
// error, unresolvable import) is returned with the file, line and column.
func New(opts Options) (*Server, error) {
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if err := checkModules(opts.Modules); err != nil {
		return nil, err
	}
	if opts.Dev && opts.UseBuildOutput {
		return nil, errors.New("gojaapi: Options.Dev and UseBuildOutput exclude each other: dev mode builds from source")
	}
	s := &Server{opts: opts, preview: bindings.NewPreviewKeys(), gens: map[*generation]bool{}}
	s.pool = currentPool{s}
	s.incremental.Store(opts.Dev)
	if opts.FS != nil {
		s.fsys, s.dir = opts.FS, "/app"
		if opts.Dir != "" {
			s.dir = path.Clean("/" + filepath.ToSlash(opts.Dir))
		}
	} else {
		dir := opts.Dir
		if dir == "" {
			dir = "."
		}
		abs, err := filepath.Abs(dir)
		if err != nil {
			return nil, err
		}
		s.dir, s.fsys = abs, os.DirFS(abs)
	}
	if opts.UseBuildOutput {
		s.fromOutput = loader.HasOutput(s.fsys)
	}
	s.builtAt = time.Now()
	g, err := s.build()
	if err != nil {
		s.builder.Close()
		return nil, err
	}
	s.gens[g] = true
	s.gen.Store(g)
	return s, nil
}

// build bundles the project (or reads its build output) and starts one
// generation of it.
func (s *Server) build() (*generation, error) {
	opts := s.opts
	nodeEnv := "production"
	if opts.Dev {
		nodeEnv = "development"
	}
	modules := map[string]compat.Loader{requestModule: loadRequestModule}
	for _, m := range opts.Modules {
		modules[m.name] = m.loader()
	}
	var bundle *loader.Bundle
	var err error
	if s.fromOutput {
		bundle, err = s.readOutput(nodeEnv, modules)
	} else {
		bundle, err = s.bundle(nodeEnv)
	}
	if err != nil {
		return nil, err
	}
	routes := bundle.Routes
	for _, w := range bundle.Warnings {
		opts.Logger.Warn("build warning", "detail", w)
	}
	env := map[string]string{}
	if opts.EnvFiles || len(opts.ExposeEnv) > 0 {
		loaded, files, err := loader.LoadEnv(s.fsys, loader.EnvOptions{Mode: nodeEnv, Environ: os.Environ(), Expose: opts.ExposeEnv})
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
			// Said once, at start; a reload (each save in dev) says it at debug.
			level := slog.LevelInfo
			if s.gen.Load() != nil {
				level = slog.LevelDebug
			}
			opts.Logger.Log(context.Background(), level, "loaded environment", "files", files)
		}
	}
	for k, v := range opts.Env {
		env[k] = v
	}
	env["NODE_ENV"] = nodeEnv
	env["NEXT_RUNTIME"] = "nodejs" // as next start sets it
	pool, err := engine.NewPool(engine.PoolConfig{
		Bundle:             bundle,
		Workers:            opts.Workers,
		BusyLimit:          opts.ScriptTimeout,
		RecycleAfter:       opts.RecycleAfter,
		RecycleAfterErrors: opts.RecycleAfterErrors,
		MemoryLimit:        opts.MemoryLimit,
		Compat: compat.Options{
			Env:           env,
			Root:          s.fsys,
			RootPath:      s.dir,
			Logger:        opts.Logger,
			Modules:       modules,
			MaxAllocation: opts.MaxAllocation,
			Fetch:         opts.Fetch,
		},
		Settings: bindings.Settings{Dev: opts.Dev, Preview: s.preview},
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
	return &generation{routes: routes, pool: pool, handler: h, drained: make(chan struct{})}, nil
}

// bundle discovers the project's routes and bundles them, through the
// incremental builder once the server rebuilds on saves.
func (s *Server) bundle(nodeEnv string) (*loader.Bundle, error) {
	routes, err := loader.Discover(s.fsys)
	if err != nil {
		label := s.opts.Dir
		if label == "" {
			label = s.dir
		}
		return nil, fmt.Errorf("%s: %w", label, err)
	}
	bo := buildOptions(s.opts, s.dir, routes, nodeEnv)
	if !s.incremental.Load() {
		return loader.Build(bo)
	}
	return s.builder.Build(bo)
}

// buildOptions are the bundler's options for a project served with opts
// from dir (its absolute path, or the label of opts.FS).
func buildOptions(opts Options, dir string, routes []*loader.Route, nodeEnv string) loader.BuildOptions {
	bo := loader.BuildOptions{Dir: dir, Routes: routes, NodeEnv: nodeEnv, Conditions: opts.Conditions, FS: opts.FS}
	for _, m := range opts.Modules {
		bo.External = append(bo.External, m.name)
	}
	return bo
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
// After Shutdown or Close it answers 503.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if s.serveFailure(w, r) {
		return
	}
	g := s.acquire()
	if g == nil {
		http.Error(w, "Service Unavailable", http.StatusServiceUnavailable)
		return
	}
	defer g.release()
	if s.opts.RequestValues != nil {
		if vals := s.opts.RequestValues(r); len(vals) > 0 {
			r = r.WithContext(withValues(r.Context(), vals, false))
		}
	}
	if limit := s.opts.BodyLimit; limit > 0 && r.Body != nil && r.Body != http.NoBody {
		if r.ContentLength > limit {
			w.Header()["Content-Type"] = nil
			w.WriteHeader(http.StatusRequestEntityTooLarge)
			_, _ = w.Write([]byte("Body exceeded " + bindings.FormatBytes(float64(limit)) + " limit"))
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, limit)
	}
	g.handler.ServeHTTP(w, r)
}

// Route describes one API route.
type Route struct {
	// Page is the route as Next.js names it: "/api/user/[id]".
	Page string
	// File is the handler's path in the project: "pages/api/user/[id].js".
	File string
}

// Routes lists the server's routes (of the current generation), sorted by
// page.
func (s *Server) Routes() []Route {
	routes := s.gen.Load().routes
	out := make([]Route, len(routes))
	for i, r := range routes {
		out[i] = Route{Page: r.Page, File: r.File}
	}
	return out
}

// Workers returns the number of workers of the current generation.
func (s *Server) Workers() int { return s.gen.Load().pool.Size() }

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
