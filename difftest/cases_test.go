package difftest

import "strings"

const (
	jsonCT = "application/json"
	formCT = "application/x-www-form-urlencoded"
)

// cases are the requests of the differential suite, by spec section.
func cases() []Case {
	hello := etagOf(`{"hello":"world"}`)
	var cs []Case
	add := func(c ...Case) { cs = append(cs, c...) }

	// §1 Routing.
	add(
		Case{Name: "static route", Path: "/api/hello"},
		Case{Name: "index route", Path: "/api"},
		Case{Name: "nested index", Path: "/api/blog"},
		Case{Name: "dynamic", Path: "/api/post-1"},
		Case{Name: "static child beats dynamic", Path: "/api/post-1/comments"},
		Case{Name: "two dynamic segments", Path: "/api/post-1/c-1"},
		Case{Name: "percent-decoded param", Path: "/api/%E2%82%AC"},
		Case{Name: "encoded slash stays in one segment", Path: "/api/a%2Fb"},
		Case{Name: "dot kept in param", Path: "/api/hello.json"},
		Case{Name: "catch-all", Path: "/api/catch/a/b%20c/d%2Fe"},
		Case{Name: "catch-all with one segment", Path: "/api/catch/x"},
		Case{Name: "catch-all needs a segment: falls to [post]", Path: "/api/catch"},
		Case{Name: "optional catch-all empty", Path: "/api/opt"},
		Case{Name: "optional catch-all", Path: "/api/opt/a/b"},
		Case{Name: "precedence static", Path: "/api/prec/static"},
		Case{Name: "precedence dynamic", Path: "/api/prec/other"},
		Case{Name: "precedence catch-all", Path: "/api/prec/a/b"},
		Case{Name: "params win over query", Path: "/api/post-1?val=1&post=override"},
		Case{Name: "catch-all query merge", Path: "/api/catch/a?slug=q&z=1"},
		Case{Name: "trailing slash redirects", Path: "/api/hello/"},
		Case{Name: "root trailing slash", Path: "/api/"},
		Case{Name: "double slash redirects", Path: "/api//hello"},
		Case{Name: "trailing slash keeps query", Path: "/api/hello/?a=1"},
		Case{Name: "case-sensitive", Path: "/API/hello", Differs: "Next renders its HTML 404 page; gojaapi answers a plain 404", Only: []string{"status"}},
		Case{Name: "no route", Path: "/api/blog/543/comment/x", Differs: "Next renders its HTML 404 page; gojaapi answers a plain 404", Only: []string{"status"}},
		Case{Name: "too deep for [post]/[comment]", Path: "/api/a/b/c", Differs: "Next renders its HTML 404 page; gojaapi answers a plain 404", Only: []string{"status"}},
	)

	// §1 req.query.
	add(
		Case{Name: "query arrays", Path: "/api/query?a=1&b=2&a=3"},
		Case{Name: "query empty values", Path: "/api/query?c&d="},
		Case{Name: "query plus and %20", Path: "/api/query?x=a+b%20c"},
		Case{Name: "query no nesting", Path: "/api/query?a[]=1&a[]=2&b.c=3"},
		Case{Name: "query bad escapes", Path: "/api/query?bad=%zz&half=%4"},
		Case{Name: "query utf-8", Path: "/api/query?u=%E2%82%AC&v=%FF"},
		Case{Name: "query empty", Path: "/api/query"},
		Case{Name: "query __proto__", Path: "/api/query?__proto__=x&constructor=y"},
		Case{Name: "query empty pairs", Path: "/api/query?&&a=1&"},
		Case{Name: "query equals in value", Path: "/api/query?k=v=w"},
	)

	// §1 other request facts.
	add(
		Case{Name: "request facts", Path: "/api/request?x=1", Headers: []string{"X-Custom", "yes", "Accept", "text/plain"}},
		Case{Name: "repeated header joined", Path: "/api/request", Headers: []string{"X-Multi", "a", "X-Multi", "b"}},
		Case{Name: "request stream after the body parser, GET", Path: "/api/reqstate"},
		Case{Name: "request stream after the body parser, POST", Method: "POST", Path: "/api/reqstate", Body: `{"a":1}`, Headers: []string{"Content-Type", jsonCT}},
		Case{Name: "request stream without the body parser, GET", Path: "/api/config/rawstate"},
	)
	for _, m := range []string{"GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"} {
		add(Case{Name: "method " + m, Method: m, Path: "/api/methods"})
	}
	add(Case{Name: "HEAD has GET's headers", Method: "HEAD", Path: "/api/hello"})

	// §2 cookies.
	add(
		Case{Name: "no cookies", Path: "/api/cookies"},
		Case{Name: "cookie rules", Path: "/api/cookies", Headers: []string{"Cookie", `a=1; b="quoted"; c=x%20y; a=2; bad`}},
		Case{Name: "cookie trailing semicolon", Path: "/api/cookies", Headers: []string{"Cookie", "nextjs=cool;"}},
		Case{Name: "cookie bad escape kept", Path: "/api/cookies", Headers: []string{"Cookie", "x=%E0%A4%A; y=%41"}},
		Case{Name: "cookie names on Object.prototype", Path: "/api/cookies", Headers: []string{"Cookie", "toString=1; ok=2"}},
	)

	// §2 body parser.
	add(
		Case{Name: "json body", Method: "POST", Path: "/api/echo", Body: `{"a":[1,2,{"b":null}]}`, Headers: []string{"Content-Type", jsonCT}},
		Case{Name: "empty json body is {}", Method: "POST", Path: "/api/echo", Headers: []string{"Content-Type", jsonCT, "Content-Length", "0"}},
		Case{Name: "json string body", Method: "POST", Path: "/api/echo", Body: `"str"`, Headers: []string{"Content-Type", jsonCT}},
		Case{Name: "json zero body", Method: "POST", Path: "/api/echo", Body: `0`, Headers: []string{"Content-Type", jsonCT}},
		Case{Name: "json array body", Method: "PUT", Path: "/api/echo", Body: `[1,"2"]`, Headers: []string{"Content-Type", jsonCT}},
		Case{Name: "ld+json body", Method: "POST", Path: "/api/echo", Body: `{"@id":"x"}`, Headers: []string{"Content-Type", "application/ld+json"}},
		Case{Name: "json with charset", Method: "POST", Path: "/api/echo", Body: `{"a":"é"}`, Headers: []string{"Content-Type", "application/json; charset=utf-8"}},
		Case{Name: "invalid json", Method: "POST", Path: "/api/echo", Body: `{bad`, Headers: []string{"Content-Type", jsonCT}},
		Case{Name: "urlencoded body", Method: "POST", Path: "/api/echo", Body: "a=1&b=x+y&a=2&c", Headers: []string{"Content-Type", formCT}},
		Case{Name: "urlencoded media type case", Method: "POST", Path: "/api/echo", Body: "k=v", Headers: []string{"Content-Type", "application/x-www-Form-urlencoded"}},
		Case{Name: "text body", Method: "POST", Path: "/api/echo", Body: "plain text", Headers: []string{"Content-Type", "text/plain"}},
		Case{Name: "no content type is text", Method: "POST", Path: "/api/echo", Body: `{"not":"parsed"}`},
		Case{Name: "GET without body", Path: "/api/echo"},
		Case{Name: "GET with json type and no body", Path: "/api/echo", Headers: []string{"Content-Type", jsonCT}},
		Case{Name: "unparseable content type is text", Method: "POST", Path: "/api/echo", Body: `{"a":1}`, Headers: []string{"Content-Type", "application/json;"}},
		Case{Name: "garbage content type is text", Method: "POST", Path: "/api/echo", Body: `x`, Headers: []string{"Content-Type", ";;;garbage"}},
		Case{Name: "multipart is text", Method: "POST", Path: "/api/echo", Body: "--b\r\n\r\nx\r\n--b--", Headers: []string{"Content-Type", "multipart/form-data; boundary=b"}},
		Case{Name: "octet-stream is text", Method: "POST", Path: "/api/echo", Body: "bytes", Headers: []string{"Content-Type", "application/octet-stream"}},
		Case{Name: "vnd.api+json is text", Method: "POST", Path: "/api/echo", Body: `{"a":1}`, Headers: []string{"Content-Type", "application/vnd.api+json"}},
		Case{Name: "unsupported charset", Method: "POST", Path: "/api/echo", Body: "x", Headers: []string{"Content-Type", "text/plain; charset=bogus"}},
		Case{Name: "latin1 charset", Method: "POST", Path: "/api/echo", Body: "caf\xe9", Headers: []string{"Content-Type", "text/plain; charset=latin1"}},
		Case{Name: "utf-8 BOM dropped", Method: "POST", Path: "/api/echo", Body: "\xef\xbb\xbfbom", Headers: []string{"Content-Type", "text/plain"}},
		Case{Name: "body over 1mb", Method: "POST", Path: "/api/echo", Body: strings.Repeat("x", 1<<20+1), Headers: []string{"Content-Type", "text/plain"}},
		Case{Name: "body at 1mb", Method: "POST", Path: "/api/echo", Body: strings.Repeat("y", 1<<20), Headers: []string{"Content-Type", "text/plain"}},
		Case{Name: "DELETE with body", Method: "DELETE", Path: "/api/echo", Body: `{"id":1}`, Headers: []string{"Content-Type", jsonCT}},
	)

	// §2 config.
	add(
		Case{Name: "bodyParser false: raw stream", Method: "POST", Path: "/api/config/raw", Body: `{"raw":true}`, Headers: []string{"Content-Type", jsonCT}},
		Case{Name: "bodyParser false: GET", Path: "/api/config/raw"},
		Case{Name: "bodyParser false: for await", Method: "POST", Path: "/api/config/iterate", Body: "streamed text", Headers: []string{"Content-Type", "text/plain"}},
		Case{Name: "module.exports.config", Method: "POST", Path: "/api/config/cjs", Body: "x=1", Headers: []string{"Content-Type", formCT}},
		Case{Name: "sizeLimit 10b over", Method: "POST", Path: "/api/config/limit", Body: "12345678901", Headers: []string{"Content-Type", "text/plain"}},
		Case{Name: "sizeLimit 10b under", Method: "POST", Path: "/api/config/limit", Body: "12345", Headers: []string{"Content-Type", "text/plain"}},
		Case{Name: "sizeLimit number over", Method: "POST", Path: "/api/config/limit-number", Body: strings.Repeat("z", 25), Headers: []string{"Content-Type", "text/plain"}},
	)

	// §3 res.send / res.json.
	for _, k := range []string{"string", "empty-string", "unicode", "object", "array", "number", "zero", "boolean",
		"null", "undefined", "buffer", "buffer-typed", "stream", "typed-string", "json-string", "json-true", "json-null",
		"json-undefined", "json-number", "json-nested", "json-bigint", "json-circular", "json-after-type", "big"} {
		add(Case{Name: "send " + k, Path: "/api/send/" + k})
	}
	add(
		Case{Name: "big json gzipped", Path: "/api/send/big", Headers: []string{"Accept-Encoding", "gzip"}},
		Case{Name: "small json not gzipped", Path: "/api/hello", Headers: []string{"Accept-Encoding", "gzip, deflate"}},
		Case{Name: "big json deflate", Path: "/api/send/big", Headers: []string{"Accept-Encoding", "deflate"}},
	)

	// §3 ETag and 304.
	add(
		Case{Name: "etag match gives 304", Path: "/api/hello", Headers: []string{"If-None-Match", hello}},
		Case{Name: "weak etag matches", Path: "/api/hello", Headers: []string{"If-None-Match", "W/" + hello}},
		Case{Name: "etag list", Path: "/api/hello", Headers: []string{"If-None-Match", `"nope", ` + hello}},
		Case{Name: "etag star", Path: "/api/hello", Headers: []string{"If-None-Match", "*"}},
		Case{Name: "etag mismatch", Path: "/api/hello", Headers: []string{"If-None-Match", `"nope"`}},
		Case{Name: "no-cache disables 304", Path: "/api/hello", Headers: []string{"If-None-Match", hello, "Cache-Control", "no-cache"}},
		Case{Name: "POST gets 304 too", Method: "POST", Path: "/api/hello", Headers: []string{"If-None-Match", hello}},
		Case{Name: "if-modified-since alone", Path: "/api/hello", Headers: []string{"If-Modified-Since", "Wed, 21 Oct 2015 07:28:00 GMT"}},
		Case{Name: "string etag 304", Path: "/api/send/string", Headers: []string{"If-None-Match", etagOf("hello")}},
	)

	// §3 status, 204/304 stripping.
	add(
		Case{Name: "204 with body", Path: "/api/status?code=204&body=ignored"},
		Case{Name: "204 json", Path: "/api/status?code=204&json=1"},
		Case{Name: "304 send", Path: "/api/status?code=304&body=x"},
		Case{Name: "418 end", Path: "/api/status?code=418"},
		Case{Name: "201 body", Path: "/api/status?code=201&body=made"},
		Case{Name: "500 json", Path: "/api/status?code=500&json=1"},
		Case{Name: "404 from handler", Path: "/api/status?code=404&body=missing"},
	)

	// §3 redirect.
	for _, m := range []string{"one", "two", "absolute", "status-only", "null", "default"} {
		add(Case{Name: "redirect " + m, Path: "/api/redirect?mode=" + m})
	}

	// §3 headers, writeHead, end.
	add(Case{Name: "headers set by the handler", Path: "/api/headers"})
	for _, f := range []string{"object", "reason", "array", "pairs", "status-message", "invalid-status", "invalid-header", "invalid-name", "after-sent", "default"} {
		add(Case{Name: "writeHead " + f, Path: "/api/writehead?form=" + f})
	}
	for _, m := range []string{"write", "empty", "buffer", "callback", "latin1", "zero", "false", "write-null", "status-after-head",
		"no-content", "latin1-head-end", "latin1-head-writehead", "latin1-head-write", "latin1-head-length", "latin1-head-buffer", "default"} {
		add(Case{Name: "end " + m, Path: "/api/end?mode=" + m})
	}
	add(Case{Name: "streamed writes", Path: "/api/stream"})

	// §3 preview helpers and revalidate.
	add(
		Case{Name: "setDraftMode", Path: "/api/preview"},
		Case{Name: "setDraftMode disable", Path: "/api/preview?enable=false"},
		Case{Name: "clearPreviewData twice", Path: "/api/preview?clear=1"},
		Case{Name: "revalidate bad path", Path: "/api/revalidate?path=bad"},
		Case{Name: "draft cookie with a wrong id", Path: "/api/cookies", Headers: []string{"Cookie", "__prerender_bypass=0123456789abcdef0123"}},
	)

	// §4 errors.
	add(
		Case{Name: "throw", Path: "/api/errors/throw"},
		Case{Name: "async rejection", Path: "/api/errors/reject"},
		Case{Name: "throw a string", Path: "/api/errors/string"},
		Case{Name: "error after send", Path: "/api/errors/after-send"},
		Case{Name: "error after writeHead", Path: "/api/errors/after-head"},
		Case{Name: "error after write", Path: "/api/errors/after-head?m=write"},
		Case{Name: "error after flushHeaders", Path: "/api/errors/after-head?m=flush"},
		Case{Name: "rejection after writeHead", Path: "/api/errors/after-head?m=async"},
		Case{Name: "second send", Path: "/api/errors/second-send"},
		Case{Name: "content type kept on 500", Path: "/api/errors/typed"},
		Case{Name: "default export not a function", Path: "/api/errors/notfn", Differs: "Next renders its HTML 500 page; gojaapi answers a plain 500", Only: []string{"status"}},
	)

	// TypeScript.
	add(Case{Name: "typescript route", Path: "/api/typed?n=21"})
	return cs
}
