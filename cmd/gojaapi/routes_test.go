package main

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
)

// TestRoutesConfig: routes evaluates each route's export const config and
// prints it beside the route, in match order.
func TestRoutesConfig(t *testing.T) {
	dir := writeProject(t, map[string]string{
		"pages/api/plain.js": "export default (req, res) => res.end()",
		"pages/api/raw.ts": `export const config = { api: { bodyParser: false } }
export default function handler(req: any, res: any) { res.end() }`,
		"pages/api/big.js": `export const config = { api: { bodyParser: { sizeLimit: '10mb' }, responseLimit: '8mb' } }
export default (req, res) => res.end()`,
		"pages/api/hook/[id].js": `const seconds = 30
export const config = { api: { externalResolver: true, responseLimit: false }, maxDuration: seconds }
export default (req, res) => res.end()`,
		"pages/api/hook/[...rest].js": `module.exports = (req, res) => res.end()
module.exports.config = { api: { bodyParser: { sizeLimit: 1024 } } }`,
		"pages/api/hook/static.js": `export const config = { runtime: 'nodejs', api: { responseLimit: true } }
export default (req, res) => res.end()`,
		"pages/api/env.js": `export const config = { maxDuration: Number(process.env.LIMIT) }
export default (req, res) => res.end()`,
		".env": "LIMIT=5\n",
	})
	var out, errb bytes.Buffer
	if code := run([]string{"routes", dir}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	want := [][3]string{
		{"/api/big", "pages/api/big.js", "bodyParser.sizeLimit: 10mb, responseLimit: 8mb"},
		{"/api/env", "pages/api/env.js", "maxDuration: 5"},
		{"/api/hook/static", "pages/api/hook/static.js", "-"},
		{"/api/hook/[id]", "pages/api/hook/[id].js", "responseLimit: false, externalResolver: true, maxDuration: 30"},
		{"/api/hook/[...rest]", "pages/api/hook/[...rest].js", "bodyParser.sizeLimit: 1024"},
		{"/api/plain", "pages/api/plain.js", "-"},
		{"/api/raw", "pages/api/raw.ts", "bodyParser: false"},
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != len(want)+1 || !regexp.MustCompile(`^ROUTE\s+FILE\s+CONFIG$`).MatchString(lines[0]) {
		t.Fatalf("output:\n%s", out.String())
	}
	for i, w := range want {
		fields := regexp.MustCompile(`\s{2,}`).Split(lines[i+1], 3)
		if len(fields) != 3 || fields[0] != w[0] || fields[1] != w[1] || fields[2] != w[2] {
			t.Errorf("line %d: %q, want %q", i+1, lines[i+1], w)
		}
	}
}

// TestRoutesBuildError: a project that does not build fails with esbuild's
// error (file and line) and exit 1.
func TestRoutesBuildError(t *testing.T) {
	dir := writeProject(t, map[string]string{
		"pages/api/ok.js":  "export default (req, res) => res.end()",
		"pages/api/bad.js": "export const config = { api: { bodyParser: false } }\nexport default (req, res) => {\n  res.json({)\n}\n",
	})
	var out, errb bytes.Buffer
	code := run([]string{"routes", dir}, &out, &errb)
	if code != 1 || !strings.Contains(errb.String(), "pages/api/bad.js:3:") || out.Len() != 0 {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out.String(), errb.String())
	}
}

// TestRoutesModuleThrows: a module that throws while loading is named with
// its error, and the command fails.
func TestRoutesModuleThrows(t *testing.T) {
	dir := writeProject(t, map[string]string{
		"pages/api/ok.js":    "export const config = { api: { bodyParser: false } }\nexport default (req, res) => res.end()",
		"pages/api/throw.js": "if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set')\nexport default (req, res) => res.end()",
	})
	var out, errb bytes.Buffer
	code := run([]string{"routes", dir}, &out, &errb)
	if code != 1 || !strings.Contains(errb.String(), "pages/api/throw.js: Error: DATABASE_URL is not set") ||
		!regexp.MustCompile(`/api/ok\s+pages/api/ok.js\s+bodyParser: false`).MatchString(out.String()) {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out.String(), errb.String())
	}
}
