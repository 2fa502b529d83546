package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"text/tabwriter"

	"github.com/gojaapi/gojaapi/loader"
)

// routes prints the route table in the order requests are matched: static
// segments first, then [param], [...catchAll] and [[...optional]], depth
// first (Next.js's order).
func routes(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("routes", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), "Usage: gojaapi routes [DIR]\n\nPrints the route table of the project in DIR (default \".\"): path pattern and file, in the\norder requests are matched.\n")
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
	rs, err := loader.Discover(os.DirFS(dir))
	if err != nil {
		fmt.Fprintf(stderr, "gojaapi: %s: %v\n", dir, err)
		return 1
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ROUTE\tFILE")
	for _, r := range loader.NewRouter(rs).Order() {
		fmt.Fprintf(tw, "%s\t%s\n", r.Page, r.File)
	}
	_ = tw.Flush()
	return 0
}
