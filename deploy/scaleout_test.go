package deploy

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// nginxBinary returns nginx's path, installing Debian's package if it is
// missing. It skips the test only if nginx cannot be installed.
func nginxBinary(t *testing.T) string {
	t.Helper()
	find := func() string {
		if p, err := exec.LookPath("nginx"); err == nil {
			return p
		}
		if _, err := os.Stat("/usr/sbin/nginx"); err == nil {
			return "/usr/sbin/nginx"
		}
		return ""
	}
	if p := find(); p != "" {
		return p
	}
	if _, err := exec.LookPath("apt-get"); err != nil {
		t.Skip("nginx is not installed and there is no apt-get to install it")
	}
	if os.Geteuid() != 0 {
		t.Skip("nginx is not installed, and installing it (apt-get install -y nginx) needs root")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	install := func() ([]byte, error) {
		cmd := exec.CommandContext(ctx, "apt-get", "install", "-y", "--no-install-recommends", "nginx")
		cmd.Env = append(os.Environ(), "DEBIAN_FRONTEND=noninteractive")
		return cmd.CombinedOutput()
	}
	t.Log("nginx is missing: apt-get install -y nginx")
	out, err := install()
	if err != nil {
		// The package lists may be missing or stale.
		if upd, err := exec.CommandContext(ctx, "apt-get", "update").CombinedOutput(); err != nil {
			t.Skipf("nginx cannot be installed: apt-get update: %v\n%s", err, upd)
		}
		if out, err = install(); err != nil {
			t.Skipf("nginx cannot be installed: %v\n%s", err, out)
		}
	}
	if p := find(); p != "" {
		return p
	}
	t.Skipf("nginx cannot be installed: apt-get succeeded but there is no nginx binary\n%s", out)
	return ""
}

// scaleProject is the app the instances serve.
var scaleProject = map[string]string{
	"pages/api/hello.js": `export default async function handler(req, res) {
  await new Promise((r) => setTimeout(r, 2))
  res.json({ instance: process.env.INSTANCE, n: Number(req.query.n) })
}
`,
	"pages/api/echo.js": `export default function handler(req, res) {
  if (req.method !== 'POST') return res.status(405).end()
  res.json({ instance: process.env.INSTANCE, body: req.body })
}
`,
	"pages/api/slow.js": `export default async function handler(req, res) {
  await new Promise((r) => setTimeout(r, 150))
  res.json({ instance: process.env.INSTANCE, n: Number(req.query.n) })
}
`,
}

// nginxConfig renders deploy/nginx/gojaapi.conf for the test: the upstream
// servers and the listen address replaced, the rest as shipped; and a main
// nginx.conf that runs in the foreground with every path under prefix.
func nginxConfig(t *testing.T, prefix string, listen int, upstreams []int) string {
	t.Helper()
	site, err := os.ReadFile("nginx/gojaapi.conf")
	if err != nil {
		t.Fatal(err)
	}
	serverLine := regexp.MustCompile(`(?m)^(\s*)server 127\.0\.0\.1:\d+ (.*);\n`)
	locs := serverLine.FindAllSubmatchIndex(site, -1)
	if len(locs) == 0 {
		t.Fatal("nginx/gojaapi.conf: no upstream server lines")
	}
	m := serverLine.FindSubmatch(site)
	var servers strings.Builder
	for _, p := range upstreams {
		fmt.Fprintf(&servers, "%sserver 127.0.0.1:%d %s;\n", m[1], p, m[2])
	}
	site = append(append(append([]byte{}, site[:locs[0][0]]...), servers.String()...), site[locs[len(locs)-1][1]:]...)
	listenLine := regexp.MustCompile(`(?m)^(\s*)listen 127\.0\.0\.1:\d+;`)
	if !listenLine.Match(site) {
		t.Fatal("nginx/gojaapi.conf: no listen line")
	}
	site = listenLine.ReplaceAll(site, []byte(fmt.Sprintf("${1}listen 127.0.0.1:%d;", listen)))
	if err := os.WriteFile(filepath.Join(prefix, "gojaapi.conf"), site, 0o644); err != nil {
		t.Fatal(err)
	}
	main := fmt.Sprintf(`daemon off;
# One process: no switch to an unprivileged user, whose access to this
# temporary folder is not granted.
master_process off;
pid %[1]s/nginx.pid;
error_log %[1]s/error.log warn;
events { worker_connections 1024; }
http {
    log_format upstream '$status $upstream_addr $upstream_status $request_time';
    access_log %[1]s/access.log upstream;
    client_body_temp_path %[1]s/tmp/body;
    proxy_temp_path %[1]s/tmp/proxy;
    fastcgi_temp_path %[1]s/tmp/fastcgi;
    uwsgi_temp_path %[1]s/tmp/uwsgi;
    scgi_temp_path %[1]s/tmp/scgi;
    include %[1]s/gojaapi.conf;
}
`, prefix)
	conf := filepath.Join(prefix, "nginx.conf")
	if err := os.MkdirAll(filepath.Join(prefix, "tmp"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(conf, []byte(main), 0o644); err != nil {
		t.Fatal(err)
	}
	return conf
}

// startNginx starts nginx in front of the upstream ports, on a free port
// (another one if a process took that port first), and returns its URL and
// a function that stops it.
func startNginx(t *testing.T, nginx, prefix string, upstreams []int) (string, func()) {
	t.Helper()
	for attempt := 0; ; attempt++ {
		lbPort := freePort(t)
		conf := nginxConfig(t, prefix, lbPort, upstreams)
		args := []string{"-p", prefix, "-c", conf, "-e", filepath.Join(prefix, "error.log")}
		if out, err := exec.Command(nginx, append(args, "-t")...).CombinedOutput(); err != nil {
			t.Fatalf("nginx -t: %v\n%s", err, out)
		}
		var out bytes.Buffer
		lb := exec.Command(nginx, args...)
		lb.Stdout, lb.Stderr = &out, &out
		lb.SysProcAttr = dieWithTest()
		if err := lb.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- lb.Wait() }()
		stop := sync.OnceFunc(func() {
			lb.Process.Signal(os.Interrupt)
			select {
			case <-done:
			case <-time.After(5 * time.Second):
				lb.Process.Kill()
				<-done
			}
		})
		base := fmt.Sprintf("http://127.0.0.1:%d", lbPort)
		err := waitReady(base+"/api/hello?n=0", done, 10*time.Second)
		if err == nil {
			// Ours, not another process that took the port: nginx is still
			// running and the answer comes from an instance.
			time.Sleep(50 * time.Millisecond)
			select {
			case err = <-done:
				err = fmt.Errorf("nginx exited: %v", err)
			default:
				if resp, gerr := http.Get(base + "/api/hello?n=0"); gerr != nil {
					err = gerr
				} else {
					body, _ := io.ReadAll(resp.Body)
					resp.Body.Close()
					if !bytes.Contains(body, []byte(`"instance":`)) {
						err = fmt.Errorf("port %d answers %q: not our nginx", lbPort, body)
					}
				}
			}
		}
		if err == nil {
			return base, stop
		}
		stop()
		if attempt == 2 {
			t.Fatalf("nginx: %v\n%s\n%s", err, out.String(), tail(filepath.Join(prefix, "error.log"), 20))
		}
		t.Logf("nginx on port %d: %v; trying another port", lbPort, err)
	}
}

// loadStats are what the clients saw.
type loadStats struct {
	mu         sync.Mutex
	ok, failed int
	byKind     map[string]int
	byInstance map[string]int
	failures   []string
	latencies  []time.Duration
}

func (s *loadStats) record(kind, instance string, d time.Duration, failure string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if failure != "" {
		s.failed++
		if len(s.failures) < 20 {
			s.failures = append(s.failures, failure)
		}
		return
	}
	s.ok++
	s.byKind[kind]++
	s.byInstance[instance]++
	s.latencies = append(s.latencies, d)
}

// TestScaleOut runs gojaapi instances behind nginx, sends load through nginx
// from concurrent clients, restarts the instances one by one (SIGTERM, drain,
// start again) while the load runs, and requires that no request fails.
//
// GOJAAPI_SCALEOUT_SECONDS (default 10), GOJAAPI_SCALEOUT_CLIENTS (20) and
// GOJAAPI_SCALEOUT_INSTANCES (3) change the load.
func TestScaleOut(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the scale-out test runs for about 15 s")
	}
	seconds, clients, instances := envInt("GOJAAPI_SCALEOUT_SECONDS", 10), envInt("GOJAAPI_SCALEOUT_CLIENTS", 20), envInt("GOJAAPI_SCALEOUT_INSTANCES", 3)
	if instances < 2 {
		t.Fatal("GOJAAPI_SCALEOUT_INSTANCES must be 2 or more")
	}
	nginx := nginxBinary(t)
	bin := gojaapiBinary(t)
	work := t.TempDir()

	project := filepath.Join(work, "app")
	for name, src := range scaleProject {
		p := filepath.Join(project, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	// The instances. The drain delay outlasts nginx's upstream
	// keepalive_timeout (see nginx/gojaapi.conf).
	drainDelay := 3 * time.Second
	var ins []*instance
	var ports []int
	for i := 0; i < instances; i++ {
		in := &instance{name: fmt.Sprintf("gojaapi-%d", i), port: freePort(t), mport: freePort(t),
			env: []string{"INSTANCE=" + strconv.Itoa(i)}, logPath: filepath.Join(work, fmt.Sprintf("gojaapi-%d.log", i))}
		in.args = []string{"start", "--addr", fmt.Sprintf("127.0.0.1:%d", in.port), "--metrics-addr", fmt.Sprintf("127.0.0.1:%d", in.mport),
			"--workers", "2", "--drain-delay", drainDelay.String(), "--grace", "10s", "--log-format", "json", "--env", "INSTANCE", project}
		in.start(t, bin)
		ins = append(ins, in)
		ports = append(ports, in.port)
	}
	defer func() {
		for _, in := range ins {
			if in.cmd.ProcessState == nil {
				in.cmd.Process.Kill()
				<-in.done
			}
		}
	}()

	// nginx in front of them.
	prefix := filepath.Join(work, "nginx")
	if err := os.MkdirAll(prefix, 0o755); err != nil {
		t.Fatal(err)
	}
	base, stopNginx := startNginx(t, nginx, prefix, ports)
	defer stopNginx()

	// The load.
	stats := &loadStats{byKind: map[string]int{}, byInstance: map[string]int{}}
	stop := make(chan struct{})
	var seq atomic.Int64
	var wg sync.WaitGroup
	client := &http.Client{Timeout: 15 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: clients}}
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				n := seq.Add(1)
				kind, instance, d, failure := oneRequest(client, base, n)
				stats.record(kind, instance, d, failure)
			}
		}()
	}

	// Rolling restarts, one instance at a time, for the test's duration
	// (at least one full round). As in a rolling update with
	// minReadySeconds, the next instance goes down only a while after the
	// previous one is back: here longer than nginx's fail_timeout, for which
	// nginx leaves out an instance that refused a connection.
	started := time.Now()
	restarts := 0
	var restartTimes []time.Duration
	for round := 0; round == 0 || time.Since(started) < time.Duration(seconds)*time.Second; round++ {
		for _, in := range ins {
			time.Sleep(1200 * time.Millisecond)
			t0 := time.Now()
			if err := in.terminate(t); err != nil {
				t.Errorf("%v\n%s", err, tail(in.logPath, 30))
			}
			in.start(t, bin)
			restartTimes = append(restartTimes, time.Since(t0))
			restarts++
		}
	}
	time.Sleep(500 * time.Millisecond)
	close(stop)
	wg.Wait()
	elapsed := time.Since(started)

	// nginx's view: requests it had to send to a second instance.
	stopNginx()
	access, _ := os.ReadFile(filepath.Join(prefix, "access.log"))
	var retried, upstreamErrors int
	for _, line := range strings.Split(string(access), "\n") {
		if strings.Contains(line, ", ") {
			retried++
		}
		if strings.HasPrefix(line, "502 ") || strings.HasPrefix(line, "504 ") {
			upstreamErrors++
		}
	}

	errorLog, _ := os.ReadFile(filepath.Join(prefix, "error.log"))
	causes := map[string]int{}
	for _, line := range strings.Split(string(errorLog), "\n") {
		if m := regexp.MustCompile(`\[error\] [^:]*: \*\d+ (.*?) while `).FindStringSubmatch(line); m != nil {
			causes[m[1]]++
			if !strings.Contains(line, "refused") {
				t.Logf("nginx: %s", line)
			}
		}
	}

	slices.Sort(stats.latencies)
	pct := func(p float64) time.Duration {
		if len(stats.latencies) == 0 {
			return 0
		}
		return stats.latencies[int(float64(len(stats.latencies)-1)*p)]
	}
	t.Logf("%d instances behind nginx, %d clients, %v: %d requests ok, %d failed (%.0f req/s); p50 %v, p99 %v, max %v",
		instances, clients, elapsed.Round(time.Millisecond), stats.ok, stats.failed, float64(stats.ok+stats.failed)/elapsed.Seconds(),
		pct(0.5).Round(time.Microsecond), pct(0.99).Round(time.Microsecond), pct(1).Round(time.Microsecond))
	t.Logf("by kind %v; by instance %v", stats.byKind, stats.byInstance)
	t.Logf("%d restarts (SIGTERM, %v drain delay, exit, start, ready) taking %v; nginx passed %d requests on to another instance after a connection error, and answered %d itself with 502/504",
		restarts, drainDelay, restartTimes, retried, upstreamErrors)
	t.Logf("nginx's upstream errors: %v", causes)
	if stats.failed > 0 {
		t.Errorf("%d requests failed, first ones:\n%s", stats.failed, strings.Join(stats.failures, "\n"))
		t.Logf("nginx error log:\n%s", tail(filepath.Join(prefix, "error.log"), 30))
	}
	if stats.ok < 100 {
		t.Errorf("only %d requests went through", stats.ok)
	}
	if restarts < instances {
		t.Errorf("only %d restarts", restarts)
	}
	for i := 0; i < instances; i++ {
		if stats.byInstance[strconv.Itoa(i)] == 0 {
			t.Errorf("instance %d served nothing", i)
		}
	}
}

// oneRequest sends request n (a GET, a POST with a JSON body or a slower
// GET) and checks its answer. It returns the kind, the instance that served
// it, the latency, and what went wrong ("" if nothing).
func oneRequest(client *http.Client, base string, n int64) (kind, instance string, d time.Duration, failure string) {
	var req *http.Request
	switch {
	case n%10 == 0:
		kind = "slow GET"
		req, _ = http.NewRequest("GET", fmt.Sprintf("%s/api/slow?n=%d", base, n), nil)
	case n%5 == 0:
		kind = "POST"
		req, _ = http.NewRequest("POST", base+"/api/echo", strings.NewReader(fmt.Sprintf(`{"n":%d}`, n)))
		req.Header.Set("Content-Type", "application/json")
	default:
		kind = "GET"
		req, _ = http.NewRequest("GET", fmt.Sprintf("%s/api/hello?n=%d", base, n), nil)
	}
	t0 := time.Now()
	resp, err := client.Do(req)
	if err != nil {
		return kind, "", 0, fmt.Sprintf("%s #%d: %v", kind, n, err)
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	d = time.Since(t0)
	if err != nil {
		return kind, "", d, fmt.Sprintf("%s #%d: reading the body: %v", kind, n, err)
	}
	if resp.StatusCode != 200 {
		return kind, "", d, fmt.Sprintf("%s #%d: %d %q", kind, n, resp.StatusCode, body)
	}
	var got struct {
		Instance string `json:"instance"`
		N        int64  `json:"n"`
		Body     struct {
			N int64 `json:"n"`
		} `json:"body"`
	}
	if err := json.Unmarshal(body, &got); err != nil {
		return kind, "", d, fmt.Sprintf("%s #%d: %q: %v", kind, n, body, err)
	}
	if echoed := got.N + got.Body.N; echoed != n || got.Instance == "" {
		return kind, "", d, fmt.Sprintf("%s #%d: wrong answer %q", kind, n, body)
	}
	return kind, got.Instance, d, ""
}

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}
