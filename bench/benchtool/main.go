// Command benchtool is the Go half of the benchmark suite (bench/run.sh):
// the raw net/http server that is the ceiling, the slow upstream for the
// fetch scenario, and the measurements a shell script cannot make precisely
// (cold start, RSS of a process tree, the results table).
//
//	benchtool raw -addr 127.0.0.1:PORT -upstream URL   the ceiling: every scenario in plain Go
//	benchtool upstream -addr 127.0.0.1:PORT -delay 20ms  answers JSON after a delay
//	benchtool freeport                                 prints a free loopback port
//	benchtool wait -url URL [-timeout 60s]             waits for a 200
//	benchtool check -url URL [-body FILE] -want TEXT   one request: 200 and TEXT in the body
//	benchtool coldstart -url URL -runs 5 -- CMD ARGS   process start to first 200, median of runs
//	benchtool rss -pid PID                             VmRSS of PID and its descendants, in KiB
//	benchtool report -in results.tsv -out FILE.md      the markdown table with the ratios
//	benchtool gen50 -dir bench/app50                    writes the 50-route project
//
// Everything listens on and talks to loopback addresses only.
package main

import (
	"fmt"
	"os"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: benchtool raw|upstream|freeport|wait|check|coldstart|rss|report|gen50 [flags]")
		os.Exit(2)
	}
	cmds := map[string]func([]string) error{
		"raw":       runRaw,
		"upstream":  runUpstream,
		"freeport":  runFreePort,
		"wait":      runWait,
		"check":     runCheck,
		"coldstart": runColdStart,
		"rss":       runRSS,
		"report":    runReport,
		"gen50":     runGen50,
	}
	cmd, ok := cmds[os.Args[1]]
	if !ok {
		fmt.Fprintf(os.Stderr, "benchtool: unknown command %q\n", os.Args[1])
		os.Exit(2)
	}
	if err := cmd(os.Args[2:]); err != nil {
		fmt.Fprintf(os.Stderr, "benchtool %s: %v\n", os.Args[1], err)
		os.Exit(1)
	}
}
