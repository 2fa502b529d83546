#!/usr/bin/env bash
# The benchmark suite: gojaapi, `next start` (next@16.4.6) on the same handler
# files, and a raw Go net/http server (the ceiling), side by side on loopback.
#
#   bench/run.sh            (or: make bench)
#
# It installs what it needs (wrk from the distribution's packages, next from
# bench/app/package-lock.json), builds gojaapi, runs every scenario against
# every server with wrk, prints a table and writes it to
# bench/results/<date>.md. Settings, from the environment:
#
#   DURATION=10        seconds of each measured wrk run
#   WARMUP=3           seconds of load before each measured run (not counted)
#   THREADS=2          wrk threads
#   CONNS=50           connections, except the timer and fetch scenarios
#   FETCH_CONNS=200    connections of the fetch and timer scenarios (each
#                      request waits 10 or 20 ms: at 50 connections a 10 ms
#                      wait caps every server near 50/0.010 = 5,000 req/s,
#                      which measures the wait, not the server)
#   COLD_RUNS=5        starts per server for the cold start (the median is kept)
#   WORKERS=           gojaapi --workers (default: its own, GOMAXPROCS)
#   SCENARIOS="hello dynamic echo big timer fetch mem50 cold"   what to run
#   OUT=bench/results/<date>.md                                  where to write
#   ACCESS_LOG=false   gojaapi --access-log (next start has no access log)
#   GOJAAPI_ARGS=      more flags for gojaapi start (e.g. "--gc-floor 32mb")
#   WAIT_IDLE=0        seconds to wait, at most, for the 1-minute load average
#                      to fall below 0.5 before measuring (other work on the
#                      machine skews every figure; the table records the load)
#
# Scenarios: hello (GET JSON), dynamic (/api/users/[id]?query), echo (POST
# 1 KB JSON), big (64 KB JSON), timer (await a 10 ms timer), fetch (await
# fetch of a local upstream answering after 20 ms), mem50 (50 routes, round
# robin, for RSS), cold (process start to first 200 with 50 routes).
#
# Everything listens on 127.0.0.1 and every process it starts is stopped on
# exit. Logs go to a temporary folder, kept (and named) if a step fails.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH=$ROOT/bench
APP=$BENCH/app
APP50=$BENCH/app50

DURATION=${DURATION:-10}
WARMUP=${WARMUP:-3}
THREADS=${THREADS:-2}
CONNS=${CONNS:-50}
FETCH_CONNS=${FETCH_CONNS:-200}
COLD_RUNS=${COLD_RUNS:-5}
WORKERS=${WORKERS:-}
SCENARIOS=${SCENARIOS:-"hello dynamic echo big timer fetch mem50 cold"}
OUT=${OUT:-$BENCH/results/$(date +%F).md}
GO=${GO:-go}
WAIT_IDLE=${WAIT_IDLE:-0}
ACCESS_LOG=${ACCESS_LOG:-false}

WORK=$(mktemp -d /tmp/gojaapi-bench.XXXXXX)
RESULTS=$WORK/results.tsv
: >"$RESULTS"
PGIDS=()
OK=0

log() { printf '[bench %s] %s\n' "$(date +%T)" "$*" >&2; }
die() {
	log "error: $*"
	exit 1
}

cleanup() {
	local pg
	for pg in "${PGIDS[@]}"; do
		kill -TERM -- "-$pg" 2>/dev/null || true
	done
	sleep 0.5
	for pg in "${PGIDS[@]}"; do
		kill -KILL -- "-$pg" 2>/dev/null || true
	done
	rm -f "$APP/.env.local"
	if [ "$OK" = 1 ]; then
		rm -rf "$WORK"
	else
		log "logs kept in $WORK"
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

want() { [[ " $SCENARIOS " == *" $1 "* ]]; }

# --- what it needs ---------------------------------------------------------

[ -r /proc/self/status ] || die "needs Linux /proc (RSS is read from /proc/<pid>/status)"
command -v "$GO" >/dev/null || die "go is not installed"
command -v node >/dev/null || die "node is not installed (next start needs it)"
command -v npm >/dev/null || die "npm is not installed"
if ! command -v wrk >/dev/null; then
	log "installing wrk (Debian package)"
	SUDO=
	[ "$(id -u)" = 0 ] || SUDO=sudo
	timeout 600 $SUDO apt-get update -qq >&2 || true
	timeout 600 $SUDO apt-get install -y -qq wrk >&2 || die "cannot install wrk: apt-get install wrk"
fi

# npm ci when the installed tree is older than the lockfile (as make setup).
npm_ci() {
	local dir=$1
	if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
		log "npm ci in ${dir#"$ROOT"/}"
		timeout 900 npm ci --prefix "$dir" --no-audit --no-fund >&2
	fi
}
npm_ci "$APP"

log "building gojaapi and benchtool"
(cd "$ROOT" && timeout 600 "$GO" build -o "$WORK/gojaapi" ./cmd/gojaapi && timeout 600 "$GO" build -o "$WORK/benchtool" ./bench/benchtool)
GOJAAPI=$WORK/gojaapi
BT=$WORK/benchtool

# The 50-route project shares bench/app's packages (hard links, no download).
"$BT" gen50 -dir "$APP50" -from "$APP"
if ! cmp -s "$APP/node_modules/.package-lock.json" "$APP50/node_modules/.package-lock.json" 2>/dev/null; then
	rm -rf "$APP50/node_modules"
	cp -al "$APP/node_modules" "$APP50/node_modules" 2>/dev/null || cp -a "$APP/node_modules" "$APP50/node_modules"
fi

# next build when a handler or the config is newer than the last build.
next_build() {
	local dir=$1
	if [ -f "$dir/.next/BUILD_ID" ] && [ -z "$(find "$dir/pages" "$dir/next.config.js" "$dir/package-lock.json" -newer "$dir/.next/BUILD_ID" -print -quit)" ]; then
		return
	fi
	log "next build in ${dir#"$ROOT"/}"
	(cd "$dir" && NEXT_TELEMETRY_DISABLED=1 timeout 900 node node_modules/next/dist/bin/next build >"$WORK/next-build-$(basename "$dir").log" 2>&1) ||
		die "next build failed in $dir: see $WORK/next-build-$(basename "$dir").log"
}
next_build "$APP"
want cold || want mem50 && next_build "$APP50"
# gojaapi build likewise, so that each server starts from its build output
# (gojaapi start serves .gojaapi/ without bundling, as next start serves .next/).
for dir in "$APP" "$APP50"; do
	"$GOJAAPI" build "$dir" >"$WORK/gojaapi-build-$(basename "$dir").log" 2>&1 ||
		die "gojaapi build failed in $dir: see $WORK/gojaapi-build-$(basename "$dir").log"
done

# --- servers -----------------------------------------------------------------

port() { "$BT" freeport; }

# start NAME DIR CMD...: runs CMD in DIR in its own process group (setsid);
# sets PID to its pid (which is also its process group).
start() {
	local name=$1 dir=$2
	shift 2
	(cd "$dir" && exec setsid "$@" >"$WORK/$name.log" 2>&1) &
	PID=$!
	PGIDS+=("$PID")
}

# stop PID: the process group, TERM then KILL.
stop() {
	local pg=$1 i
	kill -TERM -- "-$pg" 2>/dev/null || return 0
	for i in $(seq 50); do
		kill -0 -- "-$pg" 2>/dev/null || return 0
		sleep 0.1
	done
	kill -KILL -- "-$pg" 2>/dev/null || true
}

gojaapi_args=(start --hostname 127.0.0.1)
[ -n "$WORKERS" ] && gojaapi_args+=(--workers "$WORKERS")
# Extra flags for gojaapi start, e.g. GOJAAPI_ARGS="--gc-floor 32mb".
# shellcheck disable=SC2206 # split on purpose
[ -n "$GOJAAPI_ARGS" ] && gojaapi_args+=($GOJAAPI_ARGS)
# next start logs nothing per request; gojaapi's access log is off to match
# (ACCESS_LOG=true measures it on).
if [[ $("$GOJAAPI" start --help 2>&1 || true) == *access-log* ]]; then
	gojaapi_args+=(--access-log="$ACCESS_LOG")
fi
NEXT=(node node_modules/next/dist/bin/next start -H 127.0.0.1)
export NEXT_TELEMETRY_DISABLED=1

# start_all DIR: gojaapi, next start and raw Go on DIR's handlers; sets
# URL_<server> and PID_<server>.
start_all() {
	local dir=$1 p
	p=$(port)
	start gojaapi "$dir" "$GOJAAPI" "${gojaapi_args[@]}" --port "$p" "$dir"
	PID_gojaapi=$PID URL_gojaapi=http://127.0.0.1:$p
	p=$(port)
	start next "$dir" "${NEXT[@]}" -p "$p"
	PID_next=$PID URL_next=http://127.0.0.1:$p
	p=$(port)
	start raw "$dir" "$BT" raw -addr "127.0.0.1:$p" -upstream "${UPSTREAM_URL:-}"
	PID_raw=$PID URL_raw=http://127.0.0.1:$p
}

# wait_all PATH: every server answers 200 on PATH.
wait_all() {
	local s u
	for s in gojaapi next raw; do
		u=URL_$s
		"$BT" wait -url "${!u}$1" -timeout 120s || die "$s did not start: see $WORK/$s.log"
	done
}

stop_all() {
	stop "$PID_gojaapi"
	stop "$PID_next"
	stop "$PID_raw"
}

# --- load --------------------------------------------------------------------

# load SCENARIO PATH CONNS [VAR=value...]: wrk against each server; appends
# a "load" line per server to the results.
load() {
	local sc=$1 path=$2 conns=$3 s u pid out line rss
	shift 3
	for s in gojaapi next raw; do
		u=URL_$s
		pid=PID_$s
		if [ "$WARMUP" -gt 0 ]; then
			env "$@" timeout -k 5 $((WARMUP + 60)) wrk -t"$THREADS" -c"$conns" -d"${WARMUP}s" --timeout 5s \
				-s "$BENCH/wrk/wrk.lua" "${!u}$path" >/dev/null 2>&1 || true
		fi
		log "$sc: $s, ${DURATION}s, $conns connections"
		out=$(env "$@" timeout -k 5 $((DURATION + 60)) wrk -t"$THREADS" -c"$conns" -d"${DURATION}s" --timeout 5s \
			-s "$BENCH/wrk/wrk.lua" "${!u}$path" 2>&1) || die "wrk failed against $s: $out"
		rss=$("$BT" rss -pid "${!pid}") || rss=0
		line=$(grep '^WRKRESULT' <<<"$out") || die "no result from wrk against $s: $out"
		# WRKRESULT requests duration_us p50_us p99_us errors
		awk -F'\t' -v sc="$sc" -v s="$s" -v c="$conns" -v rss="$rss" \
			'{ printf "load\t%s\t%s\t%d\t%d\t%.1f\t%d\t%d\t%d\t%d\n", sc, s, c, $2, $2 / ($3 / 1e6), $4, $5, $6, rss }' \
			<<<"$line" >>"$RESULTS"
		tail -n 1 "$RESULTS" | awk -F'\t' '{ printf "    %-8s %9.0f req/s  p50 %6.2f ms  p99 %7.2f ms  errors %d  RSS %d MB\n", $3, $6, $7/1000, $8/1000, $9, $10/1024 }' >&2
	done
}

# check PATH WANT [BODYFILE]: one request to each server answers 200 and
# WANT (the servers implement the same scenario).
check() {
	local s u
	for s in gojaapi next raw; do
		u=URL_$s
		"$BT" check -url "${!u}$1" -want "$2" ${3:+-body "$3"} || die "$s fails the scenario: see $WORK/$s.log"
	done
}

loadavg() { cut -d' ' -f1 /proc/loadavg; }
idle() { awk -v l="$(loadavg)" 'BEGIN { exit !(l < 0.5) }'; }
if [ "$WAIT_IDLE" -gt 0 ] && ! idle; then
	log "waiting up to ${WAIT_IDLE}s for the load average ($(loadavg)) to fall below 0.5"
	end=$((SECONDS + WAIT_IDLE))
	while [ "$SECONDS" -lt "$end" ] && ! idle; do sleep 5; done
fi
idle || log "warning: the machine is busy (load average $(loadavg)): the figures will be low and noisy"

meta() { printf 'meta\t%s\t%s\n' "$1" "$2" >>"$RESULTS"; }
meta date "$(date '+%Y-%m-%d %H:%M %Z')"
meta machine "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo) RAM, Linux $(uname -r)"
meta versions "$("$GO" env GOVERSION), node $(node --version), next $(node -p "require('$APP/node_modules/next/package.json').version"), $(wrk --version 2>&1 | head -1 | awk '{ print $1, $2 }')"
meta settings "wrk -t$THREADS, ${DURATION} s per run after ${WARMUP} s of warm-up, $CONNS connections ($FETCH_CONNS for timer and fetch); gojaapi ${gojaapi_args[*]:1}, workers: ${WORKERS:-default (GOMAXPROCS=$(nproc))}"
meta "load average at start" "$(cut -d' ' -f1-3 /proc/loadavg)"

# --- cold start (first, on a quiet machine) -------------------------------

if want cold; then
	for s in gojaapi next raw; do
		log "cold start: $s, $COLD_RUNS runs"
		case $s in
		gojaapi) cmd=("$GOJAAPI" "${gojaapi_args[@]}" --port '{port}' "$APP50") ;;
		next) cmd=("${NEXT[@]}" -p '{port}') ;;
		raw) cmd=("$BT" raw -addr '127.0.0.1:{port}') ;;
		esac
		out=$(timeout 900 "$BT" coldstart -runs "$COLD_RUNS" -timeout 120s -dir "$APP50" -log "$WORK/cold-$s.log" \
			-url 'http://127.0.0.1:{port}/api/r0?x=0' -- "${cmd[@]}") || die "cold start of $s failed: see $WORK/cold-$s.log"
		printf 'cold\t%s\t%s\n' "$s" "$out" >>"$RESULTS"
		log "    median $(cut -f1 <<<"$out") ms (runs: $(cut -f2 <<<"$out"))"
	done
fi

# --- the scenarios of bench/app ----------------------------------------------

main_scenarios=0
for sc in hello dynamic echo big timer fetch; do
	want "$sc" && main_scenarios=1
done
if [ "$main_scenarios" = 1 ]; then
	p=$(port)
	start upstream "$BENCH" "$BT" upstream -addr "127.0.0.1:$p" -delay 20ms
	UPSTREAM_URL=http://127.0.0.1:$p/
	export UPSTREAM_URL
	"$BT" wait -url "$UPSTREAM_URL" -timeout 30s || die "upstream did not start"
	# next start and gojaapi both read .env.local.
	printf 'UPSTREAM_URL=%s\n' "$UPSTREAM_URL" >"$APP/.env.local"
	start_all "$APP"
	wait_all /api/hello
	check /api/hello '"hello":"world"'
	check '/api/users/42?fields=name,email&page=2' '"id":"42","fields":["name","email"],"page":2'
	check /api/echo '"id":"ord_8f3a2c"' "$BENCH/wrk/body1k.json"
	check /api/big '"count":557'
	check /api/timer '"waited":10'
	check /api/fetch '"upstream":{"ok":true'

	want hello && load hello /api/hello "$CONNS"
	want dynamic && load dynamic '/api/users/42?fields=name,email&page=2' "$CONNS"
	want echo && load echo /api/echo "$CONNS" WRK_BODY="$BENCH/wrk/body1k.json"
	want big && load big /api/big "$CONNS"
	want timer && load timer /api/timer "$FETCH_CONNS"
	want fetch && load fetch /api/fetch "$FETCH_CONNS"
	stop_all
fi

# --- memory with 50 routes ---------------------------------------------------

if want mem50; then
	start_all "$APP50"
	wait_all '/api/r0?x=0'
	check '/api/r49?x=49' '"route":49,"name":"r49","x":"49","sum":247500'
	load mem50 /api/r0 "$CONNS" WRK_ROUTES=50
	stop_all
fi

# --- report ------------------------------------------------------------------

meta "load average at end" "$(cut -d' ' -f1-3 /proc/loadavg)"
mkdir -p "$(dirname "$OUT")"
"$BT" report -in "$RESULTS" -out "$OUT" -title "gojaapi benchmark, $(date +%F)"
log "results written to ${OUT#"$ROOT"/}"
OK=1
