package gojaapi

import (
	"strings"
	"testing"
)

// TestDeclaredContentLength: a body longer than the Content-Length the
// handler declared reaches the client cut at that length, as the client
// reads it from Node; the response is not aborted. A 204 drops its body and
// keeps its one Content-Type.
func TestDeclaredContentLength(t *testing.T) {
	dir := projectDir(t, map[string]string{
		"pages/api/short.js": `export default function handler(req, res) {
  res.setHeader('Content-Length', 2)
  res.write('hel')
  res.end('lo')
}`,
		"pages/api/nocontent.js": `export default function handler(req, res) {
  res.status(204)
  res.setHeader('Content-Type', 'text/plain')
  res.end('dropped')
}`,
	})
	base, logs, _ := testServer(t, Options{Dir: dir, Workers: 1})
	for i := 0; i < 2; i++ { // the connection stays usable
		if got := do(t, "GET", base+"/api/short", ""); got.status != 200 || got.body != "he" {
			t.Errorf("short: %d %q", got.status, got.body)
		}
	}
	got := do(t, "GET", base+"/api/nocontent", "")
	if got.status != 204 || got.body != "" || len(got.header.Values("Content-Type")) != 1 {
		t.Errorf("204: %d %q %q", got.status, got.body, got.header.Values("Content-Type"))
	}
	if strings.Contains(logs.String(), "outcome=aborted") {
		t.Errorf("a response was aborted:\n%s", logs)
	}
}
