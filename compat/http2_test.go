package compat

import "testing"

// TestHTTP2Unavailable: node:http2 loads (axios's http adapter destructures
// its constants at load time), its constants are Node 20's, and its functions
// throw ERR_GOJAAPI_UNAVAILABLE.
func TestHTTP2Unavailable(t *testing.T) {
	runNodeCases(t, []nodeCase{
		{"constants", `const c = require('http2').constants;
const s = JSON.stringify(Object.keys(c).sort().map((k) => [k, c[k]]));
log(Object.keys(c).length, require('crypto').createHash('sha256').update(s).digest('hex'));
log(c.HTTP2_HEADER_STATUS, c.HTTP2_HEADER_CONTENT_TYPE, c.HTTP2_METHOD_GET, c.HTTP_STATUS_TEAPOT, c.NGHTTP2_CANCEL);`,
			`240 4b4f0beb048d2689167f104d61b3d7a4284d3be702daa12c99e855e1fa27eb1f
:status content-type GET 418 8`},
		{"connect", `try { require('node:http2').connect('https://example.com') } catch (e) { log(e.code) }`,
			`ERR_GOJAAPI_UNAVAILABLE`},
	})
}
