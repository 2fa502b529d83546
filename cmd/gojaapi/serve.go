package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/gojaapi/gojaapi"
	"github.com/gojaapi/gojaapi/bindings"
	"github.com/gojaapi/gojaapi/metrics"
)

// serveFlags are the flags of the commands that run a server.
type serveFlags struct {
	addr     string
	port     int
	hostname string
	workers  int
	timeout  time.Duration
	script   time.Duration
	grace    time.Duration
	dev      bool
	env      listFlag

	logFormat          string
	logLevel           string
	accessLog          bool
	metricsAddr        string
	pprof              bool
	drainDelay         time.Duration
	recycleAfter       int
	recycleAfterErrors int
	memoryLimit        string
	gcFloor            string
	maxHeaderBytes     int
	readHeaderTimeout  time.Duration
	idleTimeout        time.Duration
}

// listFlag is a flag that may be given several times, or with commas.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }

func (l *listFlag) Set(v string) error {
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			*l = append(*l, s)
		}
	}
	return nil
}

func (f *serveFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.addr, "addr", "", "address to listen on, host:port (default 127.0.0.1:3000; see --port and --hostname)")
	fs.IntVar(&f.port, "port", 0, "port to listen on (default $PORT, else 3000)")
	fs.IntVar(&f.port, "p", 0, "shorthand for --port")
	fs.StringVar(&f.hostname, "hostname", "", "host to listen on (default 127.0.0.1; 0.0.0.0 for every interface)")
	fs.StringVar(&f.hostname, "H", "", "shorthand for --hostname")
	fs.IntVar(&f.workers, "workers", runtime.GOMAXPROCS(0), "number of JavaScript workers (each a runtime with its own event loop)")
	fs.DurationVar(&f.timeout, "timeout", 60*time.Second, "time a request may take to end its response before it gets 504")
	fs.DurationVar(&f.script, "script-timeout", 10*time.Second, "time JavaScript may run without yielding before its worker is interrupted and replaced")
	fs.DurationVar(&f.grace, "grace", 30*time.Second, "on SIGINT/SIGTERM, once no longer accepting, time to let in-flight requests finish")
	fs.Var(&f.env, "env", "server environment variables handlers may read besides the .env files': NAME, PREFIX_* or * (repeatable)")
	fs.BoolVar(&f.dev, "dev", false, "Next.js development behaviour: NODE_ENV=development, warnings for unsent responses, error details in 500 bodies")
	fs.StringVar(&f.logFormat, "log-format", "", "log format on stderr: pretty (next dev's lines, \" GET /api/hello 200 in 12ms\", coloured on a terminal; the default with --dev), text (key=value; the default otherwise) or json (one object a line)")
	fs.StringVar(&f.logLevel, "log-level", "info", "lowest level logged: debug, info, warn or error (console.debug logs at debug)")
	fs.BoolVar(&f.accessLog, "access-log", true, "log one line per request (method, path, route, status, bytes, duration, worker, request ID); --access-log=false to turn off")
	fs.StringVar(&f.metricsAddr, "metrics-addr", "", "serve Prometheus /metrics, /healthz (liveness) and /readyz (readiness) on this host:port, apart from the API (default off)")
	fs.BoolVar(&f.pprof, "pprof", false, "also serve Go's profiler under /debug/pprof/ on --metrics-addr")
	fs.IntVar(&f.maxHeaderBytes, "max-header-bytes", 64<<10, "largest request line and headers a client may send (431 past it)")
	fs.DurationVar(&f.readHeaderTimeout, "read-header-timeout", 10*time.Second, "time a client has to send its request headers (slow clients are cut off)")
	fs.DurationVar(&f.idleTimeout, "idle-timeout", 120*time.Second, "time an idle keep-alive connection stays open")
	fs.IntVar(&f.recycleAfter, "recycle-after", 0, "replace each worker after it has served N requests (0: never): module state and leaks live only that long")
	fs.IntVar(&f.recycleAfterErrors, "recycle-after-errors", 0, "replace a worker after N handler errors (0: never)")
	fs.StringVar(&f.memoryLimit, "memory-limit", "", "Go heap size (e.g. 2gb) past which the workers running JavaScript are interrupted and replaced (default off)")
	fs.StringVar(&f.gcFloor, "gc-floor", defaultGCFloor, "heap size the garbage collector lets the process grow to before collecting, while the live heap is small: memory traded for throughput (0 for Go's default; ignored when GOGC is set)")
	fs.DurationVar(&f.drainDelay, "drain-delay", 0, "on SIGINT/SIGTERM, time to keep serving (with /readyz failing, each response closing its connection) before no longer accepting, so load balancers move traffic away first; make it longer than the proxy's idle keep-alive timeout")
}

// newLogger returns the logger the flags ask for, writing to w. The pretty
// format is coloured when w is a terminal (see gojaapi.UseColor).
func (f *serveFlags) newLogger(w io.Writer) (*slog.Logger, error) {
	var level slog.Level
	if err := level.UnmarshalText([]byte(f.logLevel)); err != nil {
		return nil, fmt.Errorf("--log-level %q: want debug, info, warn or error", f.logLevel)
	}
	opts := &slog.HandlerOptions{Level: level}
	format := f.logFormat
	if format == "" {
		format = "text"
		if f.dev {
			format = "pretty"
		}
	}
	switch format {
	case "pretty":
		return slog.New(gojaapi.NewDevLogHandler(w, &gojaapi.DevLogOptions{Color: gojaapi.UseColor(w), Level: level})), nil
	case "text":
		return slog.New(slog.NewTextHandler(w, opts)), nil
	case "json":
		opts.ReplaceAttr = jsonDurations
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	}
	return nil, fmt.Errorf("--log-format %q: want pretty, text or json", f.logFormat)
}

// listenAddr resolves --addr, --hostname, --port and $PORT, as next start does.
func (f *serveFlags) listenAddr() string {
	if f.addr != "" {
		return f.addr
	}
	host := f.hostname
	if host == "" {
		host = "127.0.0.1"
	}
	port := f.port
	if port == 0 {
		if p, err := strconv.Atoi(os.Getenv("PORT")); err == nil && p > 0 {
			port = p
		} else {
			port = 3000
		}
	}
	return net.JoinHostPort(host, strconv.Itoa(port))
}

// jsonDurations writes durations in JSON logs as numbers of milliseconds
// under a key that says so ("duration_ms": 5.16), rather than slog's
// default of integer nanoseconds.
func jsonDurations(groups []string, a slog.Attr) slog.Attr {
	if a.Value.Kind() == slog.KindDuration {
		return slog.Float64(a.Key+"_ms", float64(a.Value.Duration().Microseconds())/1000)
	}
	return a
}

// start runs the start and dev commands: dev is start with --dev and a
// watcher that rebuilds on every save.
func start(cmd string, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet(cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	var f serveFlags
	f.register(fs)
	what := "Serves the Next.js API routes of the project in DIR (default \".\")."
	if cmd == "dev" {
		what = "Serves the project in DIR (default \".\") in development mode: NODE_ENV=development, Next's dev\n" +
			"warnings and error bodies, and a rebuild on every save (a broken save shows its error on the routes it breaks)."
	}
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: gojaapi %s [flags] [DIR]\n\n%s\n\nFlags:\n", cmd, what)
		fs.PrintDefaults()
	}
	dir, code, ok := parseDir(fs, args)
	if !ok {
		return code
	}
	if cmd == "dev" {
		f.dev = true
	}
	memoryLimit, err := f.memoryLimitBytes()
	if err != nil {
		fmt.Fprintf(stderr, "gojaapi: %v\n", err)
		return 2
	}
	gcFloor, ok := bindings.ParseBytes(f.gcFloor)
	if !ok || gcFloor < 0 {
		fmt.Fprintf(stderr, "gojaapi: --gc-floor %q: want a size such as 64mb, or 0\n", f.gcFloor)
		return 2
	}
	logger, err := f.newLogger(stderr)
	if err != nil {
		fmt.Fprintf(stderr, "gojaapi: %v\n", err)
		return 2
	}
	if f.pprof && f.metricsAddr == "" {
		fmt.Fprintln(stderr, "gojaapi: --pprof needs --metrics-addr (the profiler is never served on the API address)")
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// Caught from the start: SIGHUP's default action ends the process.
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)

	// The metrics address answers first, so that probes see a live process
	// that is not ready yet while the routes build.
	var health metrics.Health
	var m *metrics.Metrics
	var observers []gojaapi.Observer
	if f.metricsAddr != "" {
		m = metrics.New()
		observers = append(observers, m)
		mln, err := net.Listen("tcp", f.metricsAddr)
		if err != nil {
			fmt.Fprintf(stderr, "gojaapi: cannot listen on %s (--metrics-addr): %v\n", f.metricsAddr, err)
			return 1
		}
		ms := &http.Server{
			Handler:           metrics.Handler(metrics.HandlerOptions{Metrics: m, Health: &health, Pprof: f.pprof}),
			ReadHeaderTimeout: 10 * time.Second,
		}
		go ms.Serve(mln)
		defer func() {
			sctx, cancel := context.WithTimeout(context.Background(), time.Second)
			defer cancel()
			ms.Shutdown(sctx)
		}()
		logger.Info("metrics and health checks", "addr", "http://"+mln.Addr().String(), "pprof", f.pprof)
	}

	t0 := time.Now()
	restoreGC := relaxGCForStartup()
	srv, err := gojaapi.New(gojaapi.Options{
		Dir:           dir,
		Workers:       f.workers,
		Timeout:       f.timeout,
		ScriptTimeout: f.script,
		Dev:           f.dev,
		EnvFiles:      true,
		ExposeEnv:     f.env,
		Logger:        logger,
		AccessLog:     f.accessLog,
		Observers:     observers,

		RecycleAfter:       f.recycleAfter,
		RecycleAfterErrors: f.recycleAfterErrors,
		MemoryLimit:        memoryLimit,
		UseBuildOutput:     cmd == "start",
	})
	restoreGC()
	defer startGCFloor(gcFloor)()
	if m != nil {
		m.ObserveBuild(time.Since(t0), err)
	}
	if err != nil {
		fmt.Fprintf(stderr, "gojaapi: %v\n", err)
		return 1
	}
	if m != nil {
		m.SetPool(func() metrics.PoolStats {
			st := srv.Stats()
			return metrics.PoolStats{Workers: st.Workers, Busy: st.Busy}
		})
	}
	addr := f.listenAddr()
	ln, err := gojaapi.Listen(addr)
	if err != nil {
		srv.Close()
		fmt.Fprintf(stderr, "gojaapi: cannot listen on %s: %v\n", addr, err)
		return 1
	}
	fmt.Fprintf(stdout, "gojaapi: serving %d routes from %s on http://%s with %d workers\n",
		len(srv.Routes()), dir, ln.Addr(), srv.Workers())

	if cmd == "dev" {
		go srv.Watch(ctx, 0)
	}

	// SIGHUP rebuilds the project and swaps the new build in.
	quit := make(chan struct{})
	defer close(quit)
	go func() {
		for {
			select {
			case <-quit:
				return
			case <-hup:
			}
			t0 := time.Now()
			err := srv.Reload()
			if m != nil {
				m.ObserveBuild(time.Since(t0), err)
			}
			if err != nil {
				logger.Error("reload failed; still serving the previous build", "error", err)
				continue
			}
			logger.Info("reloaded", "routes", len(srv.Routes()), "duration", time.Since(t0))
		}
	}()

	err = srv.ServeWith(ctx, ln, gojaapi.ServeOptions{
		Grace:      f.grace,
		DrainDelay: f.drainDelay,
		Limits: gojaapi.HTTPLimits{
			MaxHeaderBytes:    f.maxHeaderBytes,
			ReadHeaderTimeout: f.readHeaderTimeout,
			IdleTimeout:       f.idleTimeout,
		},
		OnReady: health.SetReady,
		OnDrain: func() {
			health.SetDraining()
			logger.Info("draining", "drain_delay", f.drainDelay, "grace", f.grace)
		},
	})
	if err != nil {
		fmt.Fprintf(stderr, "gojaapi: %v\n", err)
		return 1
	}
	fmt.Fprintln(stdout, "gojaapi: stopped")
	return 0
}

// memoryLimitBytes parses --memory-limit ("" is off).
func (f *serveFlags) memoryLimitBytes() (int64, error) {
	if f.memoryLimit == "" {
		return 0, nil
	}
	n, ok := bindings.ParseBytes(f.memoryLimit)
	if !ok || n <= 0 {
		return 0, fmt.Errorf("--memory-limit %q: want a size such as 512mb or 2gb", f.memoryLimit)
	}
	return n, nil
}
