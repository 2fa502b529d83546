package difftest

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/gojaapi/gojaapi/bindings"
)

// Case is one request sent to both servers.
type Case struct {
	Name    string
	Method  string
	Path    string
	Body    string
	Headers []string // name, value, ...
	// Differs, when set, is the reason gojaapi differs on purpose; Only
	// then lists what is still compared ("status", "headers", "body").
	Differs string
	Only    []string
}

// response is what is compared of one answer.
type response struct {
	status  int
	reason  string
	headers map[string][]string
	body    string
}

// compared are the response headers that carry API meaning.
var compared = []string{"content-type", "etag", "location", "set-cookie", "allow", "cache-control", "refresh",
	"vary", "content-encoding", "content-length"}

var client = &http.Client{
	Transport:     &http.Transport{DisableCompression: true, MaxIdleConnsPerHost: 4},
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
}

var previewID = regexp.MustCompile(`__prerender_bypass=[0-9a-f]{16,}`)

func fetch(t *testing.T, base string, c Case) response {
	t.Helper()
	var body io.Reader
	if c.Body != "" {
		body = strings.NewReader(c.Body)
	}
	method := c.Method
	if method == "" {
		method = "GET"
	}
	req, err := http.NewRequest(method, base+c.Path, body)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(c.Headers); i += 2 {
		req.Header.Add(c.Headers[i], c.Headers[i+1])
	}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, c.Path, err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	switch resp.Header.Get("Content-Encoding") {
	case "gzip":
		if zr, err := gzip.NewReader(bytes.NewReader(raw)); err == nil {
			raw, _ = io.ReadAll(zr)
		}
	case "deflate":
		if zr, err := zlib.NewReader(bytes.NewReader(raw)); err == nil {
			raw, _ = io.ReadAll(zr)
		}
	}
	r := response{status: resp.StatusCode, reason: strings.TrimPrefix(resp.Status, fmt.Sprint(resp.StatusCode)+" "), headers: map[string][]string{}, body: string(raw)}
	for k, vs := range resp.Header {
		lk := strings.ToLower(k)
		if strings.HasPrefix(lk, "x-") || contains(compared, lk) {
			for _, v := range vs {
				r.headers[lk] = append(r.headers[lk], previewID.ReplaceAllString(v, "__prerender_bypass=<id>"))
			}
		}
	}
	if len(resp.TransferEncoding) > 0 {
		r.headers["transfer-encoding"] = resp.TransferEncoding
	}
	return r
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func (c Case) compares(what string) bool {
	return c.Differs == "" || contains(c.Only, what)
}

// diff lists the differences between Next's answer and gojaapi's.
func diff(c Case, next, goja response) []string {
	var d []string
	if c.compares("status") {
		if next.status != goja.status {
			d = append(d, fmt.Sprintf("status: next %d, gojaapi %d", next.status, goja.status))
		} else if next.reason != goja.reason {
			d = append(d, fmt.Sprintf("reason: next %q, gojaapi %q", next.reason, goja.reason))
		}
	}
	if c.compares("headers") {
		keys := map[string]bool{}
		for k := range next.headers {
			keys[k] = true
		}
		for k := range goja.headers {
			keys[k] = true
		}
		var names []string
		for k := range keys {
			names = append(names, k)
		}
		sort.Strings(names)
		for _, k := range names {
			n, g := strings.Join(next.headers[k], " | "), strings.Join(goja.headers[k], " | ")
			if n != g {
				d = append(d, fmt.Sprintf("header %s: next %q, gojaapi %q", k, n, g))
			}
		}
	}
	if c.compares("body") && next.body != goja.body {
		d = append(d, fmt.Sprintf("body: next %q, gojaapi %q", clip(next.body), clip(goja.body)))
	}
	return d
}

func clip(s string) string {
	if len(s) > 300 {
		return s[:300] + "..."
	}
	return s
}

func TestDifferential(t *testing.T) {
	next, nextLogs := startNext(t)
	goja, gojaLogs := startGojaapi(t)
	cs := cases()
	t.Logf("%d cases", len(cs))
	failed := 0
	for _, c := range cs {
		n := fetch(t, next, c)
		g := fetch(t, goja, c)
		if d := diff(c, n, g); len(d) > 0 {
			failed++
			t.Errorf("%s (%s %s):\n  %s", c.Name, c.Method, c.Path, strings.Join(d, "\n  "))
		}
	}
	if failed > 0 {
		t.Logf("next log:\n%s\ngojaapi log:\n%s", nextLogs.String(), gojaLogs.String())
	}
}

// etagOf is Next.js's ETag of a body (checked against Next itself by the
// cases that use it).
func etagOf(s string) string { return bindings.ETag(s) }
