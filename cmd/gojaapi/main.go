// Command gojaapi serves a folder of Next.js API routes (pages/api) without
// Node.js.
//
//	gojaapi start [DIR]    serve the project in DIR (default "."), from its build output when there is one
//	gojaapi dev [DIR]      serve DIR in development mode, rebuilding on every save
//	gojaapi build [DIR]    bundle DIR for production into DIR/.gojaapi/
//	gojaapi routes [DIR]   print the route table, in match order, with each route's config
//	gojaapi init [DIR]     create a project: a typed route, tsconfig.json, type declarations
//	gojaapi types [DIR]    rewrite DIR's type declarations (gojaapi-env.d.ts)
//
// Run "gojaapi <command> --help" for the flags.
//
// Signals: SIGINT or SIGTERM drains and stops the server (--drain-delay,
// then --grace); SIGHUP reloads: it rebuilds the project (or, when the server
// started from a build output, reads the output again) and swaps the new
// build in, keeping the old one if that fails.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

const usage = `gojaapi serves Next.js API routes (pages/api) from one Go binary, without Node.js.

Usage:
  gojaapi <command> [flags] [DIR]

Commands:
  start    serve the project in DIR (default ".") in production mode
  dev      serve DIR in development mode, rebuilding on every save
  routes   print DIR's route table in the order requests are matched, with each route's config
  build    bundle DIR for production into DIR/.gojaapi/, which start then serves
  init     create a project in DIR: a typed route, tsconfig.json, TypeScript declarations
  types    rewrite DIR's TypeScript declarations (gojaapi-env.d.ts) after an upgrade

Signals: SIGTERM or SIGINT drains and stops; SIGHUP rebuilds and reloads.

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
		return start("start", args[1:], stdout, stderr)
	case "dev":
		return start("dev", args[1:], stdout, stderr)
	case "build":
		return build(args[1:], stdout, stderr)
	case "routes":
		return routes(args[1:], stdout, stderr)
	case "init":
		return initProject(args[1:], stdout, stderr)
	case "types":
		return writeTypes(args[1:], stdout, stderr)
	default:
		fmt.Fprintf(stderr, "gojaapi: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
}

// parseDir parses a command's flags and its one optional argument, the
// project folder ("." when absent). Flags may come before or after the
// folder, as next start takes them. When ok is false the command ends with
// code: 0 after -h, 2 for a bad flag (the flag package has said why) or
// more than one folder.
func parseDir(fs *flag.FlagSet, args []string) (dir string, code int, ok bool) {
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return "", 0, false
		}
		return "", 2, false
	}
	switch len(pos) {
	case 0:
		return ".", 0, true
	case 1:
		return pos[0], 0, true
	}
	fmt.Fprintf(fs.Output(), "gojaapi %s: one folder at most, got %q\n", fs.Name(), pos)
	return "", 2, false
}

// parseInterspersed parses flags wherever they are among the arguments (the
// flag package stops at the first argument that is not a flag) and returns
// the other arguments in order.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}
