package compat

import (
	"strings"
	"testing"
)

// TestHTTPMatchesNode compares http's tables, Agent fields and header validation with Node's.
// Every expected value was printed by Node 20 for the same source.
func TestHTTPMatchesNode(t *testing.T) {
	runMiscCases(t, []miscCase{
		{
			"const h = require('http'); JSON.stringify([h.STATUS_CODES, h.METHODS, h.maxHeaderSize])",
			"[{\"100\":\"Continue\",\"101\":\"Switching Protocols\",\"102\":\"Processing\",\"103\":\"Early Hints\",\"200\":\"OK\",\"201\":\"Created\",\"202\":\"Accepted\",\"203\":\"Non-Authoritative Information\",\"204\":\"No Content\",\"205\":\"Reset Content\",\"206\":\"Partial Content\",\"207\":\"Multi-Status\",\"208\":\"Already Reported\",\"226\":\"IM Used\",\"300\":\"Multiple Choices\",\"301\":\"Moved Permanently\",\"302\":\"Found\",\"303\":\"See Other\",\"304\":\"Not Modified\",\"305\":\"Use Proxy\",\"307\":\"Temporary Redirect\",\"308\":\"Permanent Redirect\",\"400\":\"Bad Request\",\"401\":\"Unauthorized\",\"402\":\"Payment Required\",\"403\":\"Forbidden\",\"404\":\"Not Found\",\"405\":\"Method Not Allowed\",\"406\":\"Not Acceptable\",\"407\":\"Proxy Authentication Required\",\"408\":\"Request Timeout\",\"409\":\"Conflict\",\"410\":\"Gone\",\"411\":\"Length Required\",\"412\":\"Precondition Failed\",\"413\":\"Payload Too Large\",\"414\":\"URI Too Long\",\"415\":\"Unsupported Media Type\",\"416\":\"Range Not Satisfiable\",\"417\":\"Expectation Failed\",\"418\":\"I'm a Teapot\",\"421\":\"Misdirected Request\",\"422\":\"Unprocessable Entity\",\"423\":\"Locked\",\"424\":\"Failed Dependency\",\"425\":\"Too Early\",\"426\":\"Upgrade Required\",\"428\":\"Precondition Required\",\"429\":\"Too Many Requests\",\"431\":\"Request Header Fields Too Large\",\"451\":\"Unavailable For Legal Reasons\",\"500\":\"Internal Server Error\",\"501\":\"Not Implemented\",\"502\":\"Bad Gateway\",\"503\":\"Service Unavailable\",\"504\":\"Gateway Timeout\",\"505\":\"HTTP Version Not Supported\",\"506\":\"Variant Also Negotiates\",\"507\":\"Insufficient Storage\",\"508\":\"Loop Detected\",\"509\":\"Bandwidth Limit Exceeded\",\"510\":\"Not Extended\",\"511\":\"Network Authentication Required\"},[\"ACL\",\"BIND\",\"CHECKOUT\",\"CONNECT\",\"COPY\",\"DELETE\",\"GET\",\"HEAD\",\"LINK\",\"LOCK\",\"M-SEARCH\",\"MERGE\",\"MKACTIVITY\",\"MKCALENDAR\",\"MKCOL\",\"MOVE\",\"NOTIFY\",\"OPTIONS\",\"PATCH\",\"POST\",\"PROPFIND\",\"PROPPATCH\",\"PURGE\",\"PUT\",\"QUERY\",\"REBIND\",\"REPORT\",\"SEARCH\",\"SOURCE\",\"SUBSCRIBE\",\"TRACE\",\"UNBIND\",\"UNLINK\",\"UNLOCK\",\"UNSUBSCRIBE\"],16384]",
		},
		{
			"const h = require('http'); const r = []; for (const f of [() => h.validateHeaderName('a b'), () => h.validateHeaderName(5), () => h.validateHeaderName(''), () => h.validateHeaderValue('x', 'a\\nb'), () => h.validateHeaderValue('x', undefined), () => h.validateHeaderValue('x', 'ok\\tvalue é'), () => h.validateHeaderName('X-Custom_Header!')]) { try { f(); r.push('ok'); } catch (e) { r.push(e.name + ' ' + e.code + ' ' + e.message); } } JSON.stringify(r)",
			"[\"TypeError ERR_INVALID_HTTP_TOKEN Header name must be a valid HTTP token [\\\"a b\\\"]\",\"TypeError ERR_INVALID_HTTP_TOKEN Header name must be a valid HTTP token [\\\"5\\\"]\",\"TypeError ERR_INVALID_HTTP_TOKEN Header name must be a valid HTTP token [\\\"\\\"]\",\"TypeError ERR_INVALID_CHAR Invalid character in header content [\\\"x\\\"]\",\"TypeError ERR_HTTP_INVALID_HEADER_VALUE Invalid value \\\"undefined\\\" for header \\\"x\\\"\",\"ok\",\"ok\"]",
		},
		{
			"const h = require('http'); const a = new h.Agent({ keepAlive: true }); JSON.stringify([a.keepAlive, a.maxSockets, a.maxFreeSockets, a.defaultPort, a.protocol, h.globalAgent.defaultPort, require('https').globalAgent.defaultPort, require('https').globalAgent.protocol, a.getName({ host: 'x', port: 8 }), new (require('https').Agent)().defaultPort, h.globalAgent instanceof h.Agent, require('https').Agent.name, a.scheduling, a.keepAliveMsecs])",
			"[true,null,256,80,\"http:\",80,443,\"https:\",\"x:8:\",443,true,\"Agent\",\"lifo\",1000]",
		},
		{
			"JSON.stringify([Object.keys(require('https')).sort(), ['request', 'get', 'createServer', 'Agent', 'Server', 'IncomingMessage', 'ServerResponse', 'ClientRequest', 'OutgoingMessage'].map((k) => typeof require('http')[k])])",
			"[[\"Agent\",\"Server\",\"createServer\",\"get\",\"globalAgent\",\"request\"],[\"function\",\"function\",\"function\",\"function\",\"function\",\"function\",\"function\",\"function\",\"function\"]]",
		},
	})
}

func TestHTTPNetworkCallsThrowAtCallTime(t *testing.T) {
	_, run := newTestHost(t, Options{})
	v := run(`
		const http = require('http');
		const https = require('node:https');
		const out = [];
		for (const f of [() => http.request('http://x'), () => http.get('http://x'), () => http.createServer(), () => https.request({}), () => new http.Server()]) {
			try { f(); out.push('no throw'); } catch (e) { out.push(e.code + ': ' + e.message); }
		}
		JSON.stringify(out);
	`).String()
	for _, want := range []string{
		`ERR_GOJAAPI_UNAVAILABLE: http.request() is not available in gojaapi: handlers cannot open sockets or start servers. Use fetch() for outgoing HTTP requests.`,
		`ERR_GOJAAPI_UNAVAILABLE: http.get() is not available`,
		`ERR_GOJAAPI_UNAVAILABLE: http.createServer() is not available`,
		`ERR_GOJAAPI_UNAVAILABLE: https.request() is not available`,
		`ERR_GOJAAPI_UNAVAILABLE: http.Server is not available`,
	} {
		if !strings.Contains(v, want) {
			t.Errorf("%s lacks %q", v, want)
		}
	}
}
