package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/gojaapi/gojaapi/types"
)

// scaffoldRoute is the sample route gojaapi init writes when the project has
// no API routes yet.
const scaffoldRoute = `import type { NextApiRequest, NextApiResponse } from 'next'

type Data = { message: string }

// GET /api/hello?name=you answers {"message":"Hello, you!"}.
export default function handler(req: NextApiRequest, res: NextApiResponse<Data>) {
  const name = typeof req.query.name === 'string' ? req.query.name : 'world'
  res.status(200).json({ message: ` + "`Hello, ${name}!`" + ` })
}
`

// scaffoldTSConfig is the tsconfig.json gojaapi init writes: strict, module
// resolution as a bundler (esbuild) does it, "@/..." for the project's root,
// and the declaration file included. TypeScript 7 has no baseUrl: paths are
// relative to this file.
const scaffoldTSConfig = `{
  "compilerOptions": {
    "target": "ES2022",
    "lib": ["ES2022"],
    "module": "esnext",
    "moduleResolution": "bundler",
    "strict": true,
    "noEmit": true,
    "isolatedModules": true,
    "esModuleInterop": true,
    "resolveJsonModule": true,
    "allowJs": true,
    "skipLibCheck": true,
    "paths": {
      "@/*": ["./*"]
    }
  },
  "include": ["` + types.FileName + `", "**/*.ts", "**/*.tsx", "**/*.mts"],
  "exclude": ["node_modules"]
}
`

// gitignoreEntries are the lines of the .gitignore gojaapi init writes.
var gitignoreEntries = []string{"node_modules/", ".gojaapi/"}

// scaffoldReadme is the README.md gojaapi init writes; %s is the project's
// name.
const scaffoldReadme = "# %s\n\n" +
	"Next.js API routes (`pages/api/`) served by gojaapi, one Go binary without Node.js.\n\n" +
	"```sh\n" +
	"gojaapi dev        # serve on http://127.0.0.1:3000, rebuilding on every save\n" +
	"curl 'http://127.0.0.1:3000/api/hello?name=you'\n" +
	"gojaapi start      # serve in production mode\n" +
	"gojaapi routes     # print the route table\n" +
	"```\n\n" +
	"gojaapi strips TypeScript types without checking them. To check them (strict, as `tsconfig.json` says):\n\n" +
	"```sh\n" +
	"npm install --save-dev typescript @types/node\n" +
	"npx tsc --noEmit\n" +
	"```\n\n" +
	"`" + types.FileName + "` declares Next.js's API types (used when `next` is not installed) and gojaapi's own\n" +
	"(`req.context`, and the `gojaapi:kv` store module that a Go program serving the routes may mount). Do not\n" +
	"edit it: `gojaapi types` rewrites it after an upgrade.\n"

// initProject implements "gojaapi init [DIR]": it writes a project that
// gojaapi dev serves at once. It never overwrites a file: one that exists is
// kept and reported.
func initProject(args []string, stdout, stderr io.Writer) int {
	dir, code := dirArg("init", args, stderr, "Usage: gojaapi init [DIR]\n\n"+
		"Creates a gojaapi project in DIR (default \".\", created if missing): pages/api/hello.ts (a typed\n"+
		"route), tsconfig.json, "+types.FileName+" (TypeScript declarations), .gitignore and README.md.\n"+
		"Files that exist are kept, never overwritten; with routes already in DIR, no sample route is added.\n")
	if code >= 0 {
		return code
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fmt.Fprintf(stderr, "gojaapi: %v\n", err)
		return 1
	}

	files := []struct{ name, content string }{
		{"tsconfig.json", scaffoldTSConfig},
		{types.FileName, string(types.Source())},
		{".gitignore", strings.Join(gitignoreEntries, "\n") + "\n"},
		{"README.md", fmt.Sprintf(scaffoldReadme, projectName(dir))},
	}
	routesDir := existingRoutesDir(dir)
	if routesDir == "" {
		files = append([]struct{ name, content string }{{"pages/api/hello.ts", scaffoldRoute}}, files...)
	}

	fmt.Fprintf(stdout, "gojaapi project in %s:\n", dir)
	if routesDir != "" {
		fmt.Fprintf(stdout, "  kept     %s (it has routes: no sample route added)\n", routesDir)
	}
	for _, f := range files {
		created, err := createFile(filepath.Join(dir, filepath.FromSlash(f.name)), f.content)
		switch {
		case err != nil:
			fmt.Fprintf(stderr, "gojaapi: %v\n", err)
			return 1
		case created:
			fmt.Fprintf(stdout, "  created  %s\n", f.name)
		default:
			fmt.Fprintf(stdout, "  kept     %s (exists)%s\n", f.name, keptNote(dir, f.name))
		}
	}

	cmd := "gojaapi dev"
	if filepath.Clean(dir) != "." {
		cmd += " " + shellQuote(dir)
	}
	fmt.Fprintf(stdout, "\nNext, serve it (rebuilding on every save):\n\n  %s\n\n", cmd)
	if routesDir == "" {
		fmt.Fprintln(stdout, "then open http://127.0.0.1:3000/api/hello")
	}
	return 0
}

// writeTypes implements "gojaapi types [DIR]": it (re)writes the declaration
// file, for a project whose gojaapi was upgraded.
func writeTypes(args []string, stdout, stderr io.Writer) int {
	dir, code := dirArg("types", args, stderr, "Usage: gojaapi types [DIR]\n\n"+
		"Writes "+types.FileName+" in DIR (default \".\"), replacing the one there: the TypeScript declarations\n"+
		"of Next.js's API types and of gojaapi's additions, as this version of gojaapi ships them.\n")
	if code >= 0 {
		return code
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		fmt.Fprintf(stderr, "gojaapi: %s is not a folder\n", dir)
		return 1
	}
	p := filepath.Join(dir, types.FileName)
	src := types.Source()
	if old, err := os.ReadFile(p); err == nil && bytes.Equal(old, src) {
		fmt.Fprintf(stdout, "%s is up to date\n", p)
		return 0
	}
	if err := os.WriteFile(p, src, 0o644); err != nil {
		fmt.Fprintf(stderr, "gojaapi: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %s\n", p)
	return 0
}

// dirArg parses the arguments of a command that takes only [DIR]. It returns
// the folder and -1, or an exit code when the command must stop (help or a
// usage error).
func dirArg(name string, args []string, stderr io.Writer, usage string) (string, int) {
	flags := flag.NewFlagSet(name, flag.ContinueOnError)
	flags.SetOutput(stderr)
	flags.Usage = func() { fmt.Fprint(flags.Output(), usage) }
	pos, err := parseInterspersed(flags, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return "", 0
		}
		return "", 2
	}
	switch len(pos) {
	case 0:
		return ".", -1
	case 1:
		return pos[0], -1
	}
	fmt.Fprintf(stderr, "gojaapi %s: one folder at most, got %q\n\n%s", name, pos, usage)
	return "", 2
}

// existingRoutesDir returns the routes folder dir already has (pages/api or
// src/pages/api, as gojaapi looks for them), or "".
func existingRoutesDir(dir string) string {
	for _, d := range []string{"pages/api", "src/pages/api"} {
		if st, err := os.Stat(filepath.Join(dir, filepath.FromSlash(d))); err == nil && st.IsDir() {
			return d
		}
	}
	return ""
}

// createFile writes content to a new file at path, creating its folder, and
// reports false (and no error) if the file exists.
func createFile(path, content string) (bool, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return false, err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if _, err := f.WriteString(content); err != nil {
		f.Close()
		return false, err
	}
	return true, f.Close()
}

// keptNote returns what the user may have to add by hand to a file init
// kept: the declaration file in tsconfig.json, the ignored folders in
// .gitignore.
func keptNote(dir, name string) string {
	var want []string
	switch name {
	case "tsconfig.json":
		want = []string{types.FileName}
	case ".gitignore":
		want = gitignoreEntries
	default:
		return ""
	}
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		return ""
	}
	var missing []string
	for _, w := range want {
		if !bytes.Contains(b, []byte(strings.TrimSuffix(w, "/"))) {
			missing = append(missing, w)
		}
	}
	switch {
	case len(missing) == 0:
		return ""
	case name == "tsconfig.json":
		return ": make sure its include covers " + types.FileName
	}
	return ": consider adding " + strings.Join(missing, " and ")
}

// projectName is the name of the project in dir: its folder's name.
func projectName(dir string) string {
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	return filepath.Base(dir)
}

// shellQuote quotes s for a POSIX shell when it needs quoting.
func shellQuote(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t\n'\"\\$`!*?[]{}()<>|&;#~") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
