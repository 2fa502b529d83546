package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Servers, in the order of the table.
var servers = []string{"gojaapi", "next", "raw"}

var serverLabel = map[string]string{
	"gojaapi": "gojaapi",
	"next":    "next start",
	"raw":     "raw Go net/http",
}

// scenario describes a load scenario of bench/run.sh.
type scenario struct {
	name, label string
	// minVsNext and minVsRaw are the targets for req/s (0: none).
	minVsNext, minVsRaw float64
	zeroErrors          bool
}

var scenarios = []scenario{
	{"hello", "hello JSON (GET /api/hello)", 10, 0.85, false},
	{"dynamic", "dynamic route [id] + query", 10, 0.85, false},
	{"echo", "POST echo, 1 KB JSON", 6, 0, false},
	{"big", "64 KB JSON response", 6, 0, false},
	{"timer", "await 10 ms timer", 3, 0, true},
	{"fetch", "await fetch, upstream 20 ms", 3, 0, true},
	{"mem50", "50 routes, round robin (memory)", 0, 0, false},
}

// loadResult is one wrk run.
type loadResult struct {
	conns, requests int
	rps             float64
	p50, p99        float64 // microseconds
	errors          int
	rssKiB          int
}

// coldResult is the cold start of one server.
type coldResult struct {
	medianMS float64
	samples  string
}

type results struct {
	meta [][2]string
	load map[string]map[string]loadResult // scenario -> server
	cold map[string]coldResult            // server
}

func parseResults(r io.Reader) (*results, error) {
	res := &results{load: map[string]map[string]loadResult{}, cold: map[string]coldResult{}}
	sc := bufio.NewScanner(r)
	for line := 1; sc.Scan(); line++ {
		f := strings.Split(sc.Text(), "\t")
		if len(f) == 0 || f[0] == "" {
			continue
		}
		bad := fmt.Errorf("line %d: cannot parse %q", line, sc.Text())
		switch f[0] {
		case "meta":
			if len(f) != 3 {
				return nil, bad
			}
			res.meta = append(res.meta, [2]string{f[1], f[2]})
		case "load":
			// load scenario server conns requests rps p50us p99us errors rsskib
			if len(f) != 10 {
				return nil, bad
			}
			var l loadResult
			var errs []error
			atoi := func(s string) int {
				n, err := strconv.Atoi(s)
				errs = append(errs, err)
				return n
			}
			atof := func(s string) float64 {
				n, err := strconv.ParseFloat(s, 64)
				errs = append(errs, err)
				return n
			}
			l.conns, l.requests, l.rps = atoi(f[3]), atoi(f[4]), atof(f[5])
			l.p50, l.p99, l.errors, l.rssKiB = atof(f[6]), atof(f[7]), atoi(f[8]), atoi(f[9])
			for _, err := range errs {
				if err != nil {
					return nil, bad
				}
			}
			if res.load[f[1]] == nil {
				res.load[f[1]] = map[string]loadResult{}
			}
			res.load[f[1]][f[2]] = l
		case "cold":
			// cold server median_ms samples
			if len(f) != 4 {
				return nil, bad
			}
			m, err := strconv.ParseFloat(f[2], 64)
			if err != nil {
				return nil, bad
			}
			res.cold[f[1]] = coldResult{medianMS: m, samples: f[3]}
		default:
			return nil, bad
		}
	}
	return res, sc.Err()
}

func fmtLatency(us float64) string {
	switch {
	case us >= 1e6:
		return fmt.Sprintf("%.2f s", us/1e6)
	case us >= 100e3:
		return fmt.Sprintf("%.0f ms", us/1e3)
	case us >= 10e3:
		return fmt.Sprintf("%.1f ms", us/1e3)
	}
	return fmt.Sprintf("%.2f ms", us/1e3)
}

func fmtMB(kib int) string {
	if kib <= 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.0f MB", float64(kib)/1024)
}

func fmtInt(f float64) string {
	s := strconv.FormatFloat(f, 'f', 0, 64)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

func ratio(a, b float64) string {
	if b <= 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.2fx", a/b)
}

func percent(a, b float64) string {
	if b <= 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.0f%%", 100*a/b)
}

func yes(ok bool) string {
	if ok {
		return "yes"
	}
	return "**no**"
}

// write renders the results as markdown.
func (res *results) write(w io.Writer, title string) {
	fmt.Fprintf(w, "# %s\n\n", title)
	for _, m := range res.meta {
		fmt.Fprintf(w, "- %s: %s\n", m[0], m[1])
	}
	fmt.Fprintln(w, "\n## Load (wrk, 2 threads)")
	fmt.Fprintln(w, "\nerrors = non-2xx answers (wrk counts status >= 400) + socket errors (connect, read, write, timeout).")
	fmt.Fprintln(w, "RSS = VmRSS of the server process and its children, read right after the run.")
	fmt.Fprintln(w, "\n| scenario | conns | server | req/s | p50 | p99 | errors | RSS after load | gojaapi/next | gojaapi/raw |")
	fmt.Fprintln(w, "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|")
	for _, sc := range scenarios {
		byServer := res.load[sc.name]
		if byServer == nil {
			continue
		}
		g, n, r := byServer["gojaapi"], byServer["next"], byServer["raw"]
		for _, s := range servers {
			l, ok := byServer[s]
			if !ok {
				continue
			}
			vsNext, vsRaw := "", ""
			if s == "gojaapi" {
				vsNext, vsRaw = ratio(g.rps, n.rps), percent(g.rps, r.rps)
			}
			label := ""
			if s == servers[0] {
				label = sc.label
			}
			fmt.Fprintf(w, "| %s | %d | %s | %s | %s | %s | %d | %s | %s | %s |\n",
				label, l.conns, serverLabel[s], fmtInt(l.rps), fmtLatency(l.p50), fmtLatency(l.p99), l.errors, fmtMB(l.rssKiB), vsNext, vsRaw)
		}
	}
	if len(res.cold) > 0 {
		fmt.Fprintln(w, "\n## Cold start (50 routes: process start to first 200 from /api/r0)")
		fmt.Fprintln(w, "\n| server | median | every run (ms) | gojaapi/next |")
		fmt.Fprintln(w, "|---|---:|---|---:|")
		for _, s := range servers {
			c, ok := res.cold[s]
			if !ok {
				continue
			}
			vs := ""
			if s == "gojaapi" {
				vs = ratio(c.medianMS, res.cold["next"].medianMS)
			}
			fmt.Fprintf(w, "| %s | %.0f ms | %s | %s |\n", serverLabel[s], c.medianMS, c.samples, vs)
		}
	}
	res.writeTargets(w)
}

// writeTargets checks the targets of issue 8, each a ratio within this run.
func (res *results) writeTargets(w io.Writer) {
	fmt.Fprintln(w, "\n## Targets (issue 8), measured in this run")
	fmt.Fprintln(w, "\n| target | measured | met |")
	fmt.Fprintln(w, "|---|---:|---|")
	for _, sc := range scenarios {
		b := res.load[sc.name]
		g, okG := b["gojaapi"]
		n, okN := b["next"]
		r, okR := b["raw"]
		if !okG {
			continue
		}
		if sc.minVsNext > 0 && okN {
			fmt.Fprintf(w, "| %s: req/s >= %gx next | %s | %s |\n", sc.name, sc.minVsNext, ratio(g.rps, n.rps), yes(g.rps >= sc.minVsNext*n.rps))
		}
		if sc.minVsRaw > 0 && okR {
			fmt.Fprintf(w, "| %s: req/s >= %.0f%% of raw Go | %s | %s |\n", sc.name, 100*sc.minVsRaw, percent(g.rps, r.rps), yes(g.rps >= sc.minVsRaw*r.rps))
		}
		if sc.zeroErrors {
			fmt.Fprintf(w, "| %s: zero errors | %d | %s |\n", sc.name, g.errors, yes(g.errors == 0))
		}
		if okN {
			fmt.Fprintf(w, "| %s: p99 <= next's | %s vs %s | %s |\n", sc.name, fmtLatency(g.p99), fmtLatency(n.p99), yes(g.p99 <= n.p99))
			if g.rssKiB > 0 && n.rssKiB > 0 {
				fmt.Fprintf(w, "| %s: RSS <= 1/4 of next's | %s vs %s (%s) | %s |\n", sc.name, fmtMB(g.rssKiB), fmtMB(n.rssKiB),
					percent(float64(g.rssKiB), float64(n.rssKiB)), yes(4*g.rssKiB <= n.rssKiB))
			}
		}
	}
	g, okG := res.cold["gojaapi"]
	n, okN := res.cold["next"]
	if okG && okN {
		fmt.Fprintf(w, "| cold start <= 1/10 of next's | %.0f ms vs %.0f ms (%s) | %s |\n", g.medianMS, n.medianMS,
			ratio(g.medianMS, n.medianMS), yes(10*g.medianMS <= n.medianMS))
	}
	// The waiting scenarios have a ceiling no server can pass: connections
	// divided by the wait.
	var notes []string
	for _, c := range []struct {
		name string
		wait float64 // seconds
	}{{"timer", 0.010}, {"fetch", 0.020}} {
		b := res.load[c.name]
		n, okN := b["next"]
		if !okN {
			continue
		}
		ceiling := float64(n.conns) / c.wait
		notes = append(notes, fmt.Sprintf("- %s: with %d connections each request waits %.0f ms, so no server can pass %s req/s; "+
			"3x next (%s req/s here) is reachable only while next stays under %s req/s.",
			c.name, n.conns, c.wait*1000, fmtInt(ceiling), fmtInt(n.rps), fmtInt(ceiling/3)))
	}
	if len(notes) > 0 {
		fmt.Fprintf(w, "\n%s\n", strings.Join(notes, "\n"))
	}
}

func runReport(args []string) error {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	in := fs.String("in", "", "results file written by run.sh (tab-separated)")
	out := fs.String("out", "", "markdown file to write (besides standard output)")
	title := fs.String("title", "Benchmark results", "heading")
	if err := fs.Parse(args); err != nil {
		return err
	}
	f, err := os.Open(*in)
	if err != nil {
		return err
	}
	defer f.Close()
	res, err := parseResults(f)
	if err != nil {
		return err
	}
	var b strings.Builder
	res.write(&b, *title)
	fmt.Print(b.String())
	if *out != "" {
		if err := os.MkdirAll(filepath.Dir(*out), 0o755); err != nil {
			return err
		}
		return os.WriteFile(*out, []byte(b.String()), 0o644)
	}
	return nil
}
