package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"
)

func runFreePort(args []string) error {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	defer ln.Close()
	fmt.Println(ln.Addr().(*net.TCPAddr).Port)
	return nil
}

// checkLoopback refuses a URL whose host is not a loopback address.
func checkLoopback(raw string) error {
	req, err := http.NewRequest(http.MethodGet, raw, nil)
	if err != nil {
		return err
	}
	ip := net.ParseIP(req.URL.Hostname())
	if ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("%s: only loopback addresses (127.0.0.0/8, ::1) are benchmarked", raw)
	}
	return nil
}

// quickClient fails fast: a refused connection returns at once.
var quickClient = &http.Client{
	Timeout:   2 * time.Second,
	Transport: &http.Transport{DisableKeepAlives: true},
}

// ok reports whether one GET of url answers 200.
func ok(url string) bool {
	resp, err := quickClient.Get(url)
	if err != nil {
		return false
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode == http.StatusOK
}

func runWait(args []string) error {
	fs := flag.NewFlagSet("wait", flag.ContinueOnError)
	url := fs.String("url", "", "URL that must answer 200")
	timeout := fs.Duration("timeout", 60*time.Second, "how long to wait")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := checkLoopback(*url); err != nil {
		return err
	}
	deadline := time.Now().Add(*timeout)
	for time.Now().Before(deadline) {
		if ok(*url) {
			return nil
		}
		time.Sleep(20 * time.Millisecond)
	}
	return fmt.Errorf("%s did not answer 200 within %s", *url, *timeout)
}

func runCheck(args []string) error {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	url := fs.String("url", "", "URL to request")
	bodyFile := fs.String("body", "", "file to POST as application/json (GET without)")
	want := fs.String("want", "", "text the response body must contain")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := checkLoopback(*url); err != nil {
		return err
	}
	method, ctype := http.MethodGet, ""
	var body io.Reader
	if *bodyFile != "" {
		b, err := os.ReadFile(*bodyFile)
		if err != nil {
			return err
		}
		method, ctype, body = http.MethodPost, "application/json", strings.NewReader(string(b))
	}
	req, err := http.NewRequest(method, *url, body)
	if err != nil {
		return err
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	client := &http.Client{Timeout: 10 * time.Second}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	got, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(got), *want) {
		return fmt.Errorf("%s %s: status %d, body %.200q, want 200 and %q", method, *url, resp.StatusCode, got, *want)
	}
	return nil
}

// runColdStart starts a command several times and measures, each time, the
// time from starting the process to the first 200 from the URL. "{port}" in
// the URL and the arguments is replaced by a fresh free port for each run.
func runColdStart(args []string) error {
	fs := flag.NewFlagSet("coldstart", flag.ContinueOnError)
	url := fs.String("url", "", "URL that must answer 200; {port} is replaced")
	runs := fs.Int("runs", 5, "number of starts")
	timeout := fs.Duration("timeout", 60*time.Second, "time limit of one start")
	dir := fs.String("dir", ".", "working folder of the command")
	logPath := fs.String("log", "", "file that receives the command's output")
	if err := fs.Parse(args); err != nil {
		return err
	}
	argv := fs.Args()
	if len(argv) == 0 {
		return errors.New("no command after --")
	}
	log := io.Discard
	if *logPath != "" {
		f, err := os.Create(*logPath)
		if err != nil {
			return err
		}
		defer f.Close()
		log = f
	}
	var samples []time.Duration
	for i := 0; i < *runs; i++ {
		port, err := freePort()
		if err != nil {
			return err
		}
		p := strconv.Itoa(port)
		u := strings.ReplaceAll(*url, "{port}", p)
		if err := checkLoopback(u); err != nil {
			return err
		}
		a := make([]string, len(argv))
		for j, s := range argv {
			a[j] = strings.ReplaceAll(s, "{port}", p)
		}
		d, err := coldStart(a, *dir, u, *timeout, log)
		if err != nil {
			return err
		}
		samples = append(samples, d)
	}
	ms := make([]string, len(samples))
	for i, d := range samples {
		ms[i] = fmt.Sprintf("%.1f", float64(d.Microseconds())/1000)
	}
	sorted := append([]time.Duration(nil), samples...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i] < sorted[j] })
	median := sorted[len(sorted)/2]
	if len(sorted)%2 == 0 {
		median = (sorted[len(sorted)/2-1] + sorted[len(sorted)/2]) / 2
	}
	// median in ms, then every sample.
	fmt.Printf("%.1f\t%s\n", float64(median.Microseconds())/1000, strings.Join(ms, " "))
	return nil
}

func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// coldStart runs argv in its own process group, polls url until it answers
// 200, and then stops the whole group.
func coldStart(argv []string, dir, url string, timeout time.Duration, log io.Writer) (time.Duration, error) {
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = log, log
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return 0, err
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	defer stopGroup(cmd.Process.Pid, exited)
	deadline := start.Add(timeout)
	for time.Now().Before(deadline) {
		if ok(url) {
			return time.Since(start), nil
		}
		select {
		case err := <-exited:
			exited <- err
			return 0, fmt.Errorf("%s exited before answering: %v", strings.Join(argv, " "), err)
		case <-time.After(time.Millisecond):
		}
	}
	return 0, fmt.Errorf("%s: no 200 from %s within %s", strings.Join(argv, " "), url, timeout)
}

// stopGroup sends SIGTERM to the process group pgid, and SIGKILL if its
// leader has not exited within 5 s.
func stopGroup(pgid int, exited chan error) {
	_ = syscall.Kill(-pgid, syscall.SIGTERM)
	select {
	case <-exited:
	case <-time.After(5 * time.Second):
		_ = syscall.Kill(-pgid, syscall.SIGKILL)
		<-exited
	}
	// Children that outlived the leader.
	_ = syscall.Kill(-pgid, syscall.SIGKILL)
}

func runRSS(args []string) error {
	fs := flag.NewFlagSet("rss", flag.ContinueOnError)
	pid := fs.Int("pid", 0, "root of the process tree")
	if err := fs.Parse(args); err != nil {
		return err
	}
	kib, err := treeRSS(*pid)
	if err != nil {
		return err
	}
	fmt.Println(kib)
	return nil
}

// treeRSS adds up VmRSS (KiB) of pid and all its descendants.
func treeRSS(pid int) (int, error) {
	children := map[int][]int{}
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return 0, err
	}
	for _, e := range entries {
		p, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		if pp, ok := procField(p, "PPid"); ok {
			children[pp] = append(children[pp], p)
		}
	}
	total, found := 0, false
	queue := []int{pid}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		if kib, ok := procField(p, "VmRSS"); ok {
			total += kib
			found = true
		}
		queue = append(queue, children[p]...)
	}
	if !found {
		return 0, fmt.Errorf("no process %d", pid)
	}
	return total, nil
}

// procField reads a numeric field of /proc/<pid>/status ("VmRSS: 1234 kB").
func procField(pid int, name string) (int, bool) {
	f, err := os.Open(filepath.Join("/proc", strconv.Itoa(pid), "status"))
	if err != nil {
		return 0, false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if ok && k == name {
			fields := strings.Fields(v)
			if len(fields) == 0 {
				return 0, false
			}
			n, err := strconv.Atoi(fields[0])
			return n, err == nil
		}
	}
	return 0, false
}
