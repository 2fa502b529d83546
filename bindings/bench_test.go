package bindings_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/gojaapi/gojaapi/bindings"
)

// Benchmarks of the Go parsers and hashes on the per-request path, with the
// inputs of the benchmark suite's scenarios (bench/run.sh). Each checks its
// result once against what Next.js (or Node) gives for the same input.

var (
	sinkString string
	sinkPairs  []bindings.Pair
	sinkCT     bindings.ContentType
)

// bigBody is 65,528 bytes of JSON.
var bigBody = `{"s":"` + strings.Repeat("x", 65520) + `"}`

func benchETag(b *testing.B, body, want string) {
	if got := bindings.ETag(body); got != want {
		b.Fatalf("ETag = %s, want %s (next/dist/server/lib/etag generateETag)", got, want)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(body)))
	for i := 0; i < b.N; i++ {
		sinkString = bindings.ETag(body)
	}
}

// BenchmarkETagHello hashes the hello scenario's body.
func BenchmarkETagHello(b *testing.B) {
	benchETag(b, `{"hello":"world"}`, `"kxl31zjxesh"`)
}

// BenchmarkETag64KB hashes a 64 KB body (the big scenario's size).
func BenchmarkETag64KB(b *testing.B) {
	benchETag(b, bigBody, `"zcmn4l91b51ek8"`)
}

func benchSearchParams(b *testing.B, raw string, want []bindings.Pair) {
	if got := bindings.ParseSearchParams(raw); !reflect.DeepEqual(got, want) {
		b.Fatalf("ParseSearchParams(%q) = %q, want %q (Node's URLSearchParams)", raw, got, want)
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		sinkPairs = bindings.ParseSearchParams(raw)
	}
}

// BenchmarkParseSearchParamsDynamic parses the dynamic scenario's query.
func BenchmarkParseSearchParamsDynamic(b *testing.B) {
	benchSearchParams(b, "fields=name,email&page=2", []bindings.Pair{{Key: "fields", Value: "name,email"}, {Key: "page", Value: "2"}})
}

// BenchmarkParseSearchParamsEscaped parses a query with escapes, "+" and a
// repeated key.
func BenchmarkParseSearchParamsEscaped(b *testing.B) {
	benchSearchParams(b, "fields=name,email&page=2&q=caf%C3%A9+au+lait&tag=a&tag=b", []bindings.Pair{
		{Key: "fields", Value: "name,email"}, {Key: "page", Value: "2"}, {Key: "q", Value: "café au lait"},
		{Key: "tag", Value: "a"}, {Key: "tag", Value: "b"},
	})
}

// BenchmarkParseSearchParamsEmpty is a request without a query string.
func BenchmarkParseSearchParamsEmpty(b *testing.B) {
	benchSearchParams(b, "", nil)
}

// BenchmarkParseCookies parses a typical Cookie header: a session, a
// quoted value, an encoded value and analytics cookies.
func BenchmarkParseCookies(b *testing.B) {
	header := `session=abc123def456; theme="dark"; name=Ada%20Lovelace; _ga=GA1.2.1234567890.1700000000; _gid=GA1.2.987654321.1700000000`
	want := []bindings.Pair{
		{Key: "session", Value: "abc123def456"}, {Key: "theme", Value: "dark"}, {Key: "name", Value: "Ada Lovelace"},
		{Key: "_ga", Value: "GA1.2.1234567890.1700000000"}, {Key: "_gid", Value: "GA1.2.987654321.1700000000"},
	}
	if got := bindings.ParseCookies(header); !reflect.DeepEqual(got, want) {
		b.Fatalf("ParseCookies = %q, want %q", got, want)
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		sinkPairs = bindings.ParseCookies(header)
	}
}

func benchContentType(b *testing.B, header string, want bindings.ContentType) {
	got, err := bindings.ParseContentType(header)
	if err != nil || !reflect.DeepEqual(got, want) {
		b.Fatalf("ParseContentType(%q) = %+v, %v; want %+v", header, got, err, want)
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		sinkCT, _ = bindings.ParseContentType(header)
	}
}

// BenchmarkParseContentTypeJSON is the echo scenario's request type.
func BenchmarkParseContentTypeJSON(b *testing.B) {
	benchContentType(b, "application/json", bindings.ContentType{Type: "application/json", Params: map[string]string{}})
}

// BenchmarkParseContentTypeCharset has a parameter.
func BenchmarkParseContentTypeCharset(b *testing.B) {
	benchContentType(b, "application/json; charset=UTF-8", bindings.ContentType{Type: "application/json", Params: map[string]string{"charset": "UTF-8"}})
}

// BenchmarkParseContentTypeTextPlain is what the body parser falls back to
// when a request has no Content-Type (every GET).
func BenchmarkParseContentTypeTextPlain(b *testing.B) {
	benchContentType(b, "text/plain", bindings.ContentType{Type: "text/plain", Params: map[string]string{}})
}

// BenchmarkDecodeBodyEmpty is the body parser's decoding of a GET's empty
// body, which runs on every request.
func BenchmarkDecodeBodyEmpty(b *testing.B) {
	if got, err := bindings.DecodeBody(nil, "utf-8"); got != "" || err != nil {
		b.Fatalf("DecodeBody(nil) = %q, %v", got, err)
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		sinkString, _ = bindings.DecodeBody(nil, "utf-8")
	}
}

// BenchmarkDecodeBody1KB decodes the echo scenario's 1 KB UTF-8 body.
func BenchmarkDecodeBody1KB(b *testing.B) {
	body := []byte(`{"notes":"` + strings.Repeat("é", 507) + `"}`)
	if got, err := bindings.DecodeBody(body, "utf-8"); got != string(body) || err != nil {
		b.Fatalf("DecodeBody = %.40q, %v", got, err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(body)))
	for i := 0; i < b.N; i++ {
		sinkString, _ = bindings.DecodeBody(body, "utf-8")
	}
}
