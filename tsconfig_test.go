package gojaapi

import (
	"strings"
	"testing"
	"testing/fstest"
)

// The route every tsconfig project serves: it imports through the project's
// tsconfig (or jsconfig) and reports what it got, and whether class fields
// were compiled with assignment (useDefineForClassFields: false, a compiler
// option that only the tsconfig can set).
const tsconfigRoute = `import { db } from '@/lib/db'
import { util } from 'lib/util'
class Base { set x(v: number) { (globalThis as any).seen = v } }
class C extends Base { x = 1 }
export default function handler(req: any, res: any) {
  new C()
  res.json({ db: db(), util: util(), assigned: (globalThis as any).seen ?? null })
}
`

var tsconfigProjects = []struct {
	name  string
	files fstest.MapFS
	want  string
}{
	{
		name: "paths and baseUrl",
		files: files(
			"tsconfig.json", `{
  // Next's create-next-app writes comments and trailing commas here.
  "compilerOptions": {
    "baseUrl": ".",
    "paths": { "@/*": ["./*"], }, /* "@/lib/db" is ./lib/db */
    "useDefineForClassFields": false,
  },
}`,
			"pages/api/ts.ts", tsconfigRoute,
			"lib/db.ts", "export const db = (): string => 'db'\n",
			"lib/util.ts", "export const util = (): string => 'util'\n",
		),
		want: `{"db":"db","util":"util","assigned":1}`,
	},
	{
		// "paths" without "baseUrl" are relative to the file that sets
		// them, here a base config in another folder; "baseUrl" comes from
		// the extending file.
		name: "extends",
		files: files(
			"tsconfig.json", `{ "extends": "./config/tsconfig.base.json", "compilerOptions": { "baseUrl": "src" } }`,
			"config/tsconfig.base.json", `{ "extends": "./strict", "compilerOptions": { "paths": { "@/lib/*": ["../src/lib/*", "../missing/*"], "@/*": ["../nope/*"] }, "useDefineForClassFields": false } }`,
			"config/strict.json", `{ "compilerOptions": { "strict": true, "useDefineForClassFields": true } }`,
			"pages/api/ts.ts", tsconfigRoute,
			"src/lib/db.ts", "export const db = (): string => 'src db'\n",
			"src/lib/util.ts", "export const util = (): string => 'src util'\n",
		),
		want: `{"db":"src db","util":"src util","assigned":1}`,
	},
	{
		name: "jsconfig",
		files: files(
			"jsconfig.json", `{ "compilerOptions": { "baseUrl": ".", "paths": { "@/lib/db": ["./lib/database.js"] } } }`,
			"pages/api/ts.ts", strings.Replace(tsconfigRoute, "class C extends Base { x = 1 }", "class C extends Base { constructor() { super(); this.x = 1 } }", 1),
			"lib/database.js", "export const db = () => 'js db'\n",
			"lib/util/index.js", "export const util = () => 'js util'\n",
		),
		want: `{"db":"js db","util":"js util","assigned":1}`,
	},
}

// TestTSConfig builds each project from disk (esbuild's own resolver) and
// from an fs.FS (the FS plugin) and serves it over real HTTP: the imports
// through "paths" and "baseUrl" resolve the same way, and the compiler
// options apply.
func TestTSConfig(t *testing.T) {
	for _, p := range tsconfigProjects {
		t.Run(p.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, p.files)
			fromDir, _, dirLogs := newEmbedded(t, Options{Dir: dir, Workers: 1}, nil)
			fromFS, _, fsLogs := newEmbedded(t, Options{FS: p.files, Workers: 1}, nil)
			for name, base := range map[string]string{"dir": fromDir, "fs": fromFS} {
				if got := do(t, "GET", base+"/api/ts", ""); got.status != 200 || got.body != p.want {
					t.Errorf("%s: %d %s, want %s\n%s%s", name, got.status, got.body, p.want, dirLogs, fsLogs)
				}
			}
		})
	}
}

// TestTSConfigErrors: in an FS build, a tsconfig that cannot be read fails
// the build with its name.
func TestTSConfigErrors(t *testing.T) {
	for name, c := range map[string]struct {
		tsconfig, want string
	}{
		"syntax":          {`{ "compilerOptions": { "baseUrl": . } }`, "tsconfig.json: invalid character"},
		"missing extends": {`{ "extends": "./nope.json" }`, `tsconfig.json: cannot find "./nope.json"`},
		"extends loop":    {`{ "extends": "./tsconfig.json" }`, `"extends" loops back`},
	} {
		fsys := files("tsconfig.json", c.tsconfig, "pages/api/a.ts", "import x from 'lib/x'\nexport default (req: any, res: any) => res.end(x)",
			"lib/x.ts", "export default 'x'")
		_, err := New(Options{FS: fsys, Workers: 1})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", name, err, c.want)
		}
	}
}
