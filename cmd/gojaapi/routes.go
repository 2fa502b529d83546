package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/gojaapi/gojaapi/compat"
	"github.com/gojaapi/gojaapi/engine"
	"github.com/gojaapi/gojaapi/loader"
)

// routes prints the route table in the order requests are matched (static
// segments first, then [param], [...catchAll] and [[...optional]], depth
// first: Next.js's order), with each route's file and config. The config is
// a runtime export, so the project is built and every route module loaded,
// as next build does; a build error, or a module that throws while loading,
// fails the command.
func routes(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("routes", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), `Usage: gojaapi routes [DIR]

Prints the route table of the project in DIR (default "."), in the order requests are matched:
the path pattern, the file, and the route's export const config (bodyParser, responseLimit,
externalResolver, maxDuration; "-" when it sets none). The project is built and each route module
loaded to read its config, so its top-level code runs, with NODE_ENV=production and the .env files.
`)
	}
	dir, code, ok := parseDir(fs, args)
	if !ok {
		return code
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		fmt.Fprintf(stderr, "gojaapi: %v\n", err)
		return 1
	}
	fsys := os.DirFS(abs)
	rs, err := loader.Discover(fsys)
	if err != nil {
		fmt.Fprintf(stderr, "gojaapi: %s: %v\n", dir, err)
		return 1
	}
	bundle, err := loader.Build(loader.BuildOptions{Dir: abs, Routes: rs, NodeEnv: "production"})
	if err != nil {
		fmt.Fprintf(stderr, "gojaapi: %v\n", err)
		return 1
	}
	env, _, err := loader.LoadEnv(fsys, loader.EnvOptions{Mode: "production", Environ: os.Environ()})
	if err != nil {
		fmt.Fprintf(stderr, "gojaapi: %v\n", err)
		return 1
	}
	env["NODE_ENV"] = "production"
	configs, err := engine.ReadRouteConfigs(engine.PoolConfig{
		Bundle: bundle,
		Compat: compat.Options{Env: env, Root: fsys, RootPath: abs},
	})
	if err != nil {
		fmt.Fprintf(stderr, "gojaapi: reading the routes' config: %v\n", err)
		return 1
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ROUTE\tFILE\tCONFIG")
	var failed []string
	for _, r := range loader.NewRouter(rs).Order() {
		c := configs[r.Index]
		desc := describeConfig(c)
		if c.Err != nil {
			desc = "(the module throws while loading)"
			failed = append(failed, fmt.Sprintf("gojaapi: %s: %v", r.File, c.Err))
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", r.Page, r.File, desc)
	}
	_ = tw.Flush()
	if len(failed) > 0 {
		fmt.Fprintln(stderr, strings.Join(failed, "\n"))
		return 1
	}
	return 0
}

// describeConfig renders the settings of a route's config that differ from
// Next.js's defaults, in the words of the source ("bodyParser: false,
// maxDuration: 30"), or "-" for none.
func describeConfig(c engine.RouteConfig) string {
	var parts []string
	switch {
	case !c.BodyParser:
		parts = append(parts, "bodyParser: false")
	case c.SizeLimit != "":
		parts = append(parts, "bodyParser.sizeLimit: "+c.SizeLimit)
	}
	if c.ResponseLimit != "" {
		parts = append(parts, "responseLimit: "+c.ResponseLimit)
	}
	if c.ExternalResolver {
		parts = append(parts, "externalResolver: true")
	}
	if c.MaxDuration != 0 {
		parts = append(parts, "maxDuration: "+strconv.FormatFloat(c.MaxDuration, 'g', -1, 64))
	}
	if len(parts) == 0 {
		return "-"
	}
	return strings.Join(parts, ", ")
}
