package gojaapi

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestNodeMethods: methods Node's parser does not know get 400 and a closed
// connection, as from next start; CONNECT is closed without an answer; known
// methods, PURGE among them, reach the handler.
func TestNodeMethods(t *testing.T) {
	dir := projectDir(t, map[string]string{
		"pages/api/m.js": `export default function handler(req, res) { res.status(200).send(req.method) }`,
	})
	base, _, _ := testServer(t, Options{Dir: dir, Workers: 1})
	addr := strings.TrimPrefix(base, "http://")
	raw := func(method string) (string, string) {
		t.Helper()
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		_ = c.SetDeadline(time.Now().Add(5 * time.Second))
		io.WriteString(c, method+" /api/m HTTP/1.1\r\nHost: x\r\n\r\n")
		resp, err := http.ReadResponse(bufio.NewReader(c), nil)
		if err != nil {
			return "", err.Error()
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.Status + " close=" + map[bool]string{true: "yes", false: "no"}[resp.Close], string(b)
	}
	for _, m := range []string{"get", "FOO"} {
		if status, body := raw(m); status != "400 Bad Request close=yes" || body != "" {
			t.Errorf("%s: %s %q", m, status, body)
		}
	}
	if status, body := raw("PURGE"); status != "200 OK close=no" || body != "PURGE" {
		t.Errorf("PURGE: %s %q", status, body)
	}
	if status, errText := raw("CONNECT"); status != "" || !strings.Contains(errText, "EOF") {
		t.Errorf("CONNECT: %q %q", status, errText)
	}
}

// TestReparentedResponse: express re-parents req and res onto objects made
// from http.IncomingMessage.prototype and http.ServerResponse.prototype
// (Object.setPrototypeOf(res, app.response)); res keeps its methods.
func TestReparentedResponse(t *testing.T) {
	dir := projectDir(t, map[string]string{
		"pages/api/x.js": `import http from 'http'
const appResponse = Object.create(http.ServerResponse.prototype)
appResponse.sendText = function (s) { this.setHeader('Content-Type', 'text/plain'); this.end(s) }
const appRequest = Object.create(http.IncomingMessage.prototype)
export default function handler(req, res) {
  Object.setPrototypeOf(req, appRequest)
  Object.setPrototypeOf(res, appResponse)
  res.statusCode = 201
  res.sendText(req.method + ' ' + req.headers['x-a'])
}`,
	})
	base, _, _ := testServer(t, Options{Dir: dir, Workers: 1})
	if got := do(t, "GET", base+"/api/x", "", "X-A", "1"); got.status != 201 || got.body != "GET 1" || got.header.Get("Content-Type") != "text/plain" {
		t.Errorf("%d %q %q", got.status, got.body, got.header.Get("Content-Type"))
	}
}
