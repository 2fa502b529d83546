package gojaapi

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"testing"
	"time"
)

// Client disconnects and fetch: a real gojaapi server on loopback, a real
// upstream that answers only when told to, and a client that goes away
// mid-response. The fetches of a request whose client left are aborted
// (req.signal, AbortError), their upstream requests cancelled and their
// goroutines gone; fetches of a request that ended normally, or started
// after its end, complete although the client is gone.

// signalUpstream is an upstream whose requests wait: /slow until the
// client cancels, /slowbody likewise after sending its head and a first
// chunk, /late until release is closed. Every request reports its name
// (query n) on started and how it ended on ended: "cancelled" or "served".
type signalUpstream struct {
	*httptest.Server
	started chan string
	ended   chan string
	release chan struct{}
}

func newSignalUpstream(t *testing.T) *signalUpstream {
	u := &signalUpstream{started: make(chan string, 16), ended: make(chan string, 16), release: make(chan struct{})}
	backstop := time.After(time.Minute) // never hold the test forever
	u.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := r.URL.Query().Get("n")
		u.started <- n
		switch r.URL.Path {
		case "/slowbody":
			w.Write([]byte("partial"))
			w.(http.Flusher).Flush()
		case "/late":
			select {
			case <-u.release:
				w.Write([]byte("late-ok"))
				u.ended <- n + " served"
				return
			case <-r.Context().Done():
			case <-backstop:
			}
			u.ended <- n + " cancelled"
			return
		}
		select {
		case <-r.Context().Done():
			u.ended <- n + " cancelled"
		case <-backstop:
			u.ended <- n + " timed out"
		}
	}))
	t.Cleanup(u.Close)
	return u
}

// receive receives want (in any order) from ch, or fails after a generous
// deadline.
func receive(t *testing.T, ch chan string, what string, want ...string) {
	t.Helper()
	left := map[string]bool{}
	for _, w := range want {
		left[w] = true
	}
	deadline := time.After(20 * time.Second)
	for len(left) > 0 {
		select {
		case got := <-ch:
			if !left[got] {
				t.Fatalf("%s: got %q, want one of %v", what, got, left)
			}
			delete(left, got)
		case <-deadline:
			t.Fatalf("%s: still waiting for %v", what, left)
		}
	}
}

// awaitLog polls the log until it holds every line in want.
func awaitLog(t *testing.T, logs *logBuffer, want ...string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		out := logs.String()
		missing := ""
		for _, w := range want {
			if !strings.Contains(out, w) {
				missing = w
				break
			}
		}
		if missing == "" {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("log lacks %q:\n%s", missing, out)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// awaitGoroutines polls until no more goroutines run than base.
func awaitGoroutines(t *testing.T, base int) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for runtime.NumGoroutine() > base {
		if time.Now().After(deadline) {
			var b strings.Builder
			_ = pprof.Lookup("goroutine").WriteTo(&b, 1)
			t.Fatalf("goroutines: %d, want at most %d as before the request:\n%s", runtime.NumGoroutine(), base, b.String())
		}
		runtime.GC()
		time.Sleep(20 * time.Millisecond)
	}
}

// rawGet sends GET path on a connection of its own and returns it with a
// reader positioned after the response head.
func rawGet(t *testing.T, base, path string) (net.Conn, *bufio.Reader) {
	t.Helper()
	conn, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	if _, err := io.WriteString(conn, "GET "+path+" HTTP/1.1\r\nHost: test\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	br := bufio.NewReader(conn)
	for {
		line, err := br.ReadString('\n')
		if err != nil {
			t.Fatalf("reading the head of %s: %v", path, err)
		}
		if line == "\r\n" {
			return conn, br
		}
	}
}

// readUntil reads from br until the text read so far contains want.
func readUntil(t *testing.T, br *bufio.Reader, want string) {
	t.Helper()
	var seen strings.Builder
	for !strings.Contains(seen.String(), want) {
		line, err := br.ReadString('\n')
		seen.WriteString(line)
		if err != nil {
			t.Fatalf("reading %q: %v (got %q)", want, err, seen.String())
		}
	}
}

func writePages(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		p := filepath.Join(dir, "pages", "api", name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// The handlers: watch reads req.signal and fetches three ways (awaited with
// a signal of its own, from a timer, and one whose body it is reading when
// the client goes); plain never reads
// req.signal; uncaught lets the abort escape; after fetches once before and
// once after res.end().
var signalPages = map[string]string{
	"watch.js": `
export default async function handler(req, res) {
  const signal = req.signal;
  const up = process.env.UPSTREAM;
  signal.addEventListener('abort', () => console.log('signal abort', signal.reason.name, signal.reason.message));
  req.on('aborted', () => console.log('req aborted', req.aborted, signal.aborted));
  req.on('close', () => console.log('req close'));
  res.on('close', () => console.log('res close'));
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.write('started\n');
  const own = new AbortController();
  const fromTimer = new Promise((resolve) => setTimeout(() => {
    fetch(up + '/slow?n=timer').then(
      (r) => console.log('timer fetch resolved', r.status),
      (e) => console.log('timer fetch rejected', e.name, e === signal.reason),
    ).then(resolve);
  }, 1));
  const reading = Promise.resolve().then(async () => {
    const r = await fetch(up + '/slowbody?n=body');
    res.write('body head\n');
    try { console.log('body read', await r.text()); } catch (e) { console.log('body rejected', e.name, e === signal.reason); }
  });
  try {
    const r = await fetch(up + '/slow?n=main', { signal: own.signal });
    console.log('main fetch resolved', r.status);
  } catch (e) {
    console.log('main fetch rejected', e.name, e instanceof DOMException, e === signal.reason, signal.aborted, own.signal.aborted);
  }
  await Promise.all([fromTimer, reading]);
  console.log('handler done', req.signal === signal);
}`,
	"plain.js": `
export default async function handler(req, res) {
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.write('started\n');
  try {
    await fetch(process.env.UPSTREAM + '/slow?n=plain');
  } catch (e) {
    console.log('plain fetch rejected', e.name, e.message, e instanceof DOMException, req.signal.aborted);
  }
}`,
	"uncaught.js": `
export default async function handler(req, res) {
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.write('started\n');
  await fetch(process.env.UPSTREAM + '/slow?n=uncaught'); // rejects when the client goes
  res.end('never');
}`,
	"floating.js": `
export default function handler(req, res) {
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.write('started\n');
  fetch(process.env.UPSTREAM + '/slow?n=floating').then(() => console.log('floating resolved')); // no catch
}`,
	"sentinel.js": `export default (req, res) => { console.log('sentinel'); res.end('ok') }`,
	"after.js": `
export default async function handler(req, res) {
  const up = process.env.UPSTREAM;
  const early = fetch(up + '/late?n=early');
  res.end('done');
  const late = fetch(up + '/late?n=late');
  for (const [name, p] of [['early', early], ['late', late]]) {
    try {
      const r = await p;
      console.log(name + ' fetch', r.status, await r.text(), req.signal.aborted);
    } catch (e) {
      console.log(name + ' fetch rejected', e.name);
    }
  }
}`,
}

func TestDisconnectAbortsFetch(t *testing.T) {
	up := newSignalUpstream(t)
	base, logs, _ := testServer(t, Options{Dir: writePages(t, signalPages), Workers: 1, Env: map[string]string{"UPSTREAM": up.URL}})

	goBase := runtime.NumGoroutine()
	conn, br := rawGet(t, base, "/api/watch")
	readUntil(t, br, "body head") // the body fetch has its head; the others wait for theirs
	receive(t, up.started, "upstream requests", "main", "timer", "body")
	conn.Close() // the client goes away mid-response

	receive(t, up.ended, "upstream cancellations", "main cancelled", "timer cancelled", "body cancelled")
	awaitLog(t, logs,
		`msg="signal abort AbortError This operation was aborted"`,
		`msg="main fetch rejected AbortError true true true false"`,
		`msg="timer fetch rejected AbortError true"`,
		`msg="body rejected AbortError true"`,
		`msg="req aborted true true"`,
		`msg="res close"`,
		`msg="req close"`,
		`msg="handler done true"`,
	)
	if out := logs.String(); strings.Contains(out, "resolved") || strings.Contains(out, "body read") {
		t.Errorf("a fetch completed although its client went away:\n%s", out)
	}

	// A request that never reads req.signal: its fetch is aborted all the same.
	conn, br = rawGet(t, base, "/api/plain")
	readUntil(t, br, "started")
	receive(t, up.started, "upstream request", "plain")
	conn.Close()
	receive(t, up.ended, "upstream cancellation", "plain cancelled")
	awaitLog(t, logs, `msg="plain fetch rejected AbortError This operation was aborted true true"`)

	// A handler that lets the abort escape is not at fault: nothing is
	// logged. The sentinel runs on the same worker after the abort's job.
	conn, br = rawGet(t, base, "/api/uncaught")
	readUntil(t, br, "started")
	receive(t, up.started, "upstream request", "uncaught")
	conn.Close()
	receive(t, up.ended, "upstream cancellation", "uncaught cancelled")
	// Nor is a fetch nobody awaits or catches: its rejection is no
	// "Unhandled Rejection" error.
	conn, br = rawGet(t, base, "/api/floating")
	readUntil(t, br, "started")
	receive(t, up.started, "upstream request", "floating")
	conn.Close()
	receive(t, up.ended, "upstream cancellation", "floating cancelled")
	if r := do(t, "GET", base+"/api/sentinel", ""); r.status != 200 {
		t.Fatalf("sentinel: %d", r.status)
	}
	http.DefaultTransport.(*http.Transport).CloseIdleConnections() // do's connection
	awaitLog(t, logs, `msg=sentinel`)
	if out := logs.String(); strings.Contains(out, "level=ERROR") {
		t.Errorf("an abandoned request's abort was logged as an error:\n%s", out)
	}

	awaitGoroutines(t, goBase)
}

func TestFetchOutlivesFinishedRequest(t *testing.T) {
	up := newSignalUpstream(t)
	base, logs, _ := testServer(t, Options{Dir: writePages(t, signalPages), Workers: 1, Env: map[string]string{"UPSTREAM": up.URL}})

	conn, br := rawGet(t, base, "/api/after")
	readUntil(t, br, "done")
	receive(t, up.started, "upstream requests", "early", "late")
	conn.Close() // gone after the response ended: nothing is aborted
	close(up.release)
	receive(t, up.ended, "upstream answers", "early served", "late served")
	awaitLog(t, logs, `msg="early fetch 200 late-ok false"`, `msg="late fetch 200 late-ok false"`)
}
