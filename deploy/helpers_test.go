// Package deploy holds the deployment files of gojaapi (Dockerfile,
// Kubernetes manifests, nginx configuration) and the tests that check them
// without a container engine: lint_test.go checks the files, and
// scaleout_test.go runs several gojaapi instances behind a real nginx and
// restarts them one by one under load.
//
// It is a Go module of its own, so that the linters' dependencies stay out
// of gojaapi's: run "go test ./..." in this folder.
package deploy

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// repoRoot is the gojaapi module, one folder up.
const repoRoot = ".."

var (
	binOnce sync.Once
	binPath string
	binErr  error
	binDir  string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// gojaapiBinary builds cmd/gojaapi as the Dockerfile does (static, without
// cgo) once per test run and returns its path.
func gojaapiBinary(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		binDir, binErr = os.MkdirTemp("", "gojaapi-deploy-bin-")
		if binErr != nil {
			return
		}
		binPath = filepath.Join(binDir, "gojaapi")
		cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", binPath, "./cmd/gojaapi")
		cmd.Dir = repoRoot
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		if out, err := cmd.CombinedOutput(); err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

// freePort returns a loopback port nobody listens on now.
func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// instance is one gojaapi process.
type instance struct {
	name        string
	port, mport int
	args        []string
	env         []string
	logPath     string

	cmd  *exec.Cmd
	done chan error
}

// start runs the instance's process and waits until /readyz says ready.
func (in *instance) start(t *testing.T, bin string) {
	t.Helper()
	logf, err := os.OpenFile(in.logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	in.cmd = exec.Command(bin, in.args...)
	in.cmd.Env = append(os.Environ(), in.env...)
	in.cmd.Stdout, in.cmd.Stderr = logf, logf
	in.cmd.SysProcAttr = dieWithTest()
	if err := in.cmd.Start(); err != nil {
		logf.Close()
		t.Fatal(err)
	}
	in.done = make(chan error, 1)
	go func() {
		in.done <- in.cmd.Wait()
		logf.Close()
	}()
	if err := waitReady(fmt.Sprintf("http://127.0.0.1:%d/readyz", in.mport), in.done, 20*time.Second); err != nil {
		t.Fatalf("%s: %v\n%s", in.name, err, tail(in.logPath, 30))
	}
}

// terminate sends SIGTERM, as an orchestrator does, and waits for a clean
// exit.
func (in *instance) terminate(t *testing.T) error {
	if err := in.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		return err
	}
	select {
	case err := <-in.done:
		if err != nil {
			return fmt.Errorf("%s exited with %v", in.name, err)
		}
		return nil
	case <-time.After(30 * time.Second):
		in.cmd.Process.Kill()
		return fmt.Errorf("%s did not exit after SIGTERM", in.name)
	}
}

// waitReady polls url until it answers 200, the process exits or the time
// is up.
func waitReady(url string, exited <-chan error, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	client := &http.Client{Timeout: time.Second}
	for time.Now().Before(deadline) {
		select {
		case err := <-exited:
			return fmt.Errorf("exited before it was ready: %v", err)
		default:
		}
		if resp, err := client.Get(url); err == nil {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return nil
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	return fmt.Errorf("%s not ready after %v", url, limit)
}

// tail returns the last n lines of a file.
func tail(path string, n int) string {
	f, err := os.Open(path)
	if err != nil {
		return err.Error()
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		lines = append(lines, sc.Text())
		if len(lines) > n {
			lines = lines[1:]
		}
	}
	return strings.Join(lines, "\n")
}

// substituteArgs rewrites container arguments to run here: the project
// folder, and loopback addresses on free ports instead of the container's.
func substituteArgs(args []string, project string, port, mport int) []string {
	out := make([]string, 0, len(args))
	for _, a := range args {
		switch {
		case a == "/app":
			a = project
		case strings.HasPrefix(a, "--hostname="):
			a = "--hostname=127.0.0.1"
		case strings.HasPrefix(a, "--port="):
			a = "--port=" + strconv.Itoa(port)
		case strings.HasPrefix(a, "--metrics-addr="):
			a = "--metrics-addr=127.0.0.1:" + strconv.Itoa(mport)
		}
		out = append(out, a)
	}
	return out
}

// dieWithTest makes a child process get SIGKILL if the test process dies
// (a test timeout panics without running deferred clean-ups).
func dieWithTest() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
