// Package bindings builds the JavaScript objects a handler receives: req (a
// Node http.IncomingMessage plus Next.js's query, cookies and body) and res (a
// Node http.ServerResponse plus status, json, send, redirect and the preview
// helpers), and runs Next.js's API resolver around the handler.
//
// The objects themselves are JavaScript classes shipped in bindings/js, so
// that they behave exactly like Node's (prototypes, events, streams). Parsing
// of untrusted input (query strings, cookies, Content-Type, body charsets,
// size strings) and hashing (ETag) are done in Go by the functions of this
// package, which mirror the npm packages Next.js uses (querystring, cookie,
// content-type, bytes, fresh, fnv-plus) and are fuzzed.
//
// Concurrency: Install and everything it returns belong to one runtime and
// are used only on that runtime's loop goroutine. The parsing functions are
// pure and safe anywhere.
package bindings
