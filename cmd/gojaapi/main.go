// Command gojaapi serves a folder of Next.js API routes (pages/api) without
// Node.js.
//
//	gojaapi start [DIR]    serve the project in DIR (default ".")
//
// Run "gojaapi start --help" for the flags.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/gojaapi/gojaapi"
)

const usage = `gojaapi serves Next.js API routes (pages/api) from one Go binary, without Node.js.

Usage:
  gojaapi <command> [flags] [DIR]

Commands:
  start    serve the project in DIR (default ".") in production mode

Run "gojaapi <command> --help" for the flags of a command.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return 0
	case "start":
		return start(args[1:], stdout, stderr)
	default:
		fmt.Fprintf(stderr, "gojaapi: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
}

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
	fs.DurationVar(&f.grace, "grace", 30*time.Second, "on SIGINT/SIGTERM, time to let in-flight requests finish")
	fs.Var(&f.env, "env", "server environment variables handlers may read besides the .env files': NAME, PREFIX_* or * (repeatable)")
	fs.BoolVar(&f.dev, "dev", false, "Next.js development behaviour: NODE_ENV=development, warnings for unsent responses, error details in 500 bodies")
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

func start(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("start", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var f serveFlags
	f.register(fs)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), "Usage: gojaapi start [flags] [DIR]\n\nServes the Next.js API routes of the project in DIR (default \".\").\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	dir := "."
	if fs.NArg() > 0 {
		dir = fs.Arg(0)
	}
	logger := slog.New(slog.NewTextHandler(stderr, nil))
	srv, err := gojaapi.New(gojaapi.Options{
		Dir:           dir,
		Workers:       f.workers,
		Timeout:       f.timeout,
		ScriptTimeout: f.script,
		Dev:           f.dev,
		EnvFiles:      true,
		ExposeEnv:     f.env,
		Logger:        logger,
	})
	if err != nil {
		fmt.Fprintf(stderr, "gojaapi: %v\n", err)
		return 1
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
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := srv.Serve(ctx, ln, f.grace); err != nil {
		fmt.Fprintf(stderr, "gojaapi: %v\n", err)
		return 1
	}
	fmt.Fprintln(stdout, "gojaapi: stopped")
	return 0
}
