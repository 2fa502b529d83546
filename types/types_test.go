package types_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/gojaapi/gojaapi/types"
	"github.com/gojaapi/gojaapi/types/typestest"
)

// wrong is a handler whose every marked line misuses a declared type; tsc must
// reject each one with the given error.
const wrong = `import type { NextApiRequest, NextApiResponse } from 'next'
import kv from 'gojaapi:kv'

export default function handler(req: NextApiRequest, res: NextApiResponse<{ message: string }>) {
  const id: number = req.query.id // line 5
  res.status(200).json({ message: kv.get('m') }) // line 6
  const user: string = req.context.user // line 7
  res.setHeader('X-Count', kv.incr) // line 8
  res.status(200).json({ message: req.cookies.name }) // line 9
  void [id, user]
}
`

// wrongErrors are the errors tsc reports for wrong, by line.
var wrongErrors = map[int]string{
	5: "TS2322", // string | string[] | undefined is not a number
	6: "TS2322", // the store's values are unknown
	7: "TS2322", // lib/declarations.d.ts declares user as an object
	8: "TS2345", // a header value is not a function
	9: "TS2322", // a cookie may be undefined
}

// TestDeclarations typechecks the fixture project testdata/typescript (a
// handler using req.query, req.cookies, req.body, res.status().json(),
// res.setHeader, req.context, the kv module and a store declared under
// another name, with its own declarations of req.context) with the real
// TypeScript compiler, strict, with and without next installed. Its lines
// marked ts-expect-error must be errors, so a type that were `any` fails the
// test; a handler that misuses the types must not typecheck; and with next
// installed, next's own types stay reachable (with-next/next.ts), while
// without it the stand-in covers 'next' alone, not 'next/server'.
func TestDeclarations(t *testing.T) {
	cases := []struct {
		name     string
		withNext bool
		flags    []string
	}{
		// Every declaration file is checked, gojaapi-env.d.ts included.
		{"without next", false, nil},
		// next's own declaration files need the DOM library and React's types
		// to check: skip them, as Next's tsconfig.json does.
		{"with next", true, []string{"--skipLibCheck"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			root := typestest.Root(t)
			dir := t.TempDir()
			folders := []string{"pages", "lib"}
			if c.withNext {
				folders = append(folders, "with-next")
			}
			fixture := filepath.Join(root, typestest.Fixture)
			for _, f := range folders {
				if err := os.CopyFS(filepath.Join(dir, f), os.DirFS(filepath.Join(fixture, f))); err != nil {
					t.Fatal(err)
				}
			}
			tsconfig, err := os.ReadFile(filepath.Join(fixture, "tsconfig.json"))
			if err != nil {
				t.Fatal(err)
			}
			write(t, dir, "tsconfig.json", string(tsconfig))
			write(t, dir, types.FileName, string(types.Source()))
			typestest.Link(t, dir, c.withNext)

			if out, ok := typestest.Check(t, dir, c.flags...); !ok {
				t.Fatalf("the fixture does not typecheck:\n%s", out)
			}

			write(t, dir, "pages/api/wrong.ts", wrong)
			out, ok := typestest.Check(t, dir, c.flags...)
			if ok {
				t.Fatal("a handler misusing the types typechecked")
			}
			for line, code := range wrongErrors {
				if !regexp.MustCompile(fmt.Sprintf(`(?m)^pages/api/wrong\.ts\(%d,\d+\): error %s:`, line, code)).MatchString(out) {
					t.Errorf("no %s on line %d of wrong.ts in:\n%s", code, line, out)
				}
			}
			if n := strings.Count(out, "error TS"); n != len(wrongErrors) {
				t.Errorf("%d errors, want %d (only wrong.ts's):\n%s", n, len(wrongErrors), out)
			}

			if !c.withNext {
				// The stand-in for next is 'next' alone: the rest of next is
				// still missing.
				if err := os.Remove(filepath.Join(dir, "pages", "api", "wrong.ts")); err != nil {
					t.Fatal(err)
				}
				write(t, dir, "pages/api/server.ts", "import type { NextRequest } from 'next/server'\nexport type R = NextRequest\n")
				out, ok := typestest.Check(t, dir, c.flags...)
				if ok || !regexp.MustCompile(`(?m)^pages/api/server\.ts\(1,\d+\): error TS2307: Cannot find module 'next/server'`).MatchString(out) {
					t.Errorf("next/server without next: ok=%v\n%s", ok, out)
				}
			}
		})
	}
}

func write(t *testing.T, dir, name, content string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
