// Package typestest runs the real TypeScript compiler in tests, on a project
// folder that uses gojaapi's declarations (package types). The compiler and
// Node's types come from the fixture testdata/typescript, next from
// testdata/nextapp; `make setup` installs both with npm ci from their
// lockfiles. Tests that use it are skipped when node is not installed.
package typestest

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// Fixture is the folder, relative to the module root, of the package.json
// that pins the TypeScript compiler and Node's types.
const Fixture = "testdata/typescript"

// Root returns the module's root folder, found from the working directory
// (a test's package folder) upwards. It skips the test when node is not
// installed and fails it when the fixture's packages are not.
func Root(t testing.TB) string {
	t.Helper()
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("node is not installed: the TypeScript compiler needs it")
	}
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, Fixture, "package.json")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatalf("no %s above the working directory", Fixture)
		}
		dir = parent
	}
	if _, err := os.Stat(filepath.Join(dir, Fixture, "node_modules", "typescript")); err != nil {
		t.Fatalf("typescript is not installed in %s: run `make setup` (npm ci --prefix %s --no-audit --no-fund)", Fixture, Fixture)
	}
	return dir
}

// Link gives the project in dir Node's types (node_modules/@types) and, when
// withNext, next@16 (node_modules/next), as symbolic links to the fixtures'
// installed packages.
func Link(t testing.TB, dir string, withNext bool) {
	t.Helper()
	root := Root(t)
	links := map[string]string{"@types": filepath.Join(root, Fixture, "node_modules", "@types")}
	if withNext {
		next := filepath.Join(root, "testdata", "nextapp", "node_modules", "next")
		if _, err := os.Stat(next); err != nil {
			t.Fatal("next is not installed in testdata/nextapp: run `make setup` (npm ci --prefix testdata/nextapp --no-audit --no-fund)")
		}
		links["next"] = next
	}
	if err := os.MkdirAll(filepath.Join(dir, "node_modules"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, "node_modules", name)); err != nil {
			t.Fatal(err)
		}
	}
}

// Check runs `tsc --noEmit` on the project in dir (its tsconfig.json) with
// extra compiler flags, and returns tsc's output and whether the project
// typechecked. Paths in the output are relative to dir.
func Check(t testing.TB, dir string, flags ...string) (output string, ok bool) {
	t.Helper()
	tsc := filepath.Join(Root(t), Fixture, "node_modules", "typescript", "bin", "tsc")
	args := append([]string{tsc, "--noEmit", "--pretty", "false", "-p", "."}, flags...)
	cmd := exec.Command("node", args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("running tsc: %v", err)
	}
	return string(out), err == nil
}
