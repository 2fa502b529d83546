package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"github.com/gojaapi/gojaapi"
	"github.com/gojaapi/gojaapi/loader"
)

// build runs the build command: it bundles the project for production and
// writes the build output (bundle, source map, manifest) that start uses.
func build(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: gojaapi build [DIR]\n\n"+
			"Bundles the project in DIR (default \".\") for production into DIR/%s/: the bundle with its\n"+
			"source map, and a manifest of the routes. \"gojaapi start\" then serves it without node_modules\n"+
			"and without bundling; SIGHUP makes a running start load a new build. The .env files are read\n"+
			"when the server starts, not now.\n", loader.OutputDir)
	}
	dir, code, ok := parseDir(fs, args)
	if !ok {
		return code
	}
	t0 := time.Now()
	m, err := gojaapi.WriteBuild(gojaapi.Options{Dir: dir})
	if err != nil {
		fmt.Fprintf(stderr, "gojaapi: %v\n", err)
		return 1
	}
	for _, w := range m.Warnings {
		fmt.Fprintf(stderr, "gojaapi: warning: %s\n", w)
	}
	fmt.Fprintf(stdout, "gojaapi: built %d routes into %s in %v\n",
		len(m.Routes), filepath.Join(dir, loader.OutputDir)+string(filepath.Separator), time.Since(t0).Round(time.Millisecond))
	return 0
}
