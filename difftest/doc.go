// Package difftest compares gojaapi with real Next.js: it serves the fixture
// app in testdata/nextapp with `next start` (next@16.4.6, installed from the
// committed lockfile) and with gojaapi, sends both the same requests, and
// compares what carries API meaning: status, reason phrase, the headers
// content-type, etag, location, set-cookie, allow, cache-control, refresh,
// vary, content-encoding, content-length and custom x-* headers, and the body.
//
// Run it with `make difftest` (it is part of `make test`). Cases where
// gojaapi differs on purpose say so in their Differs field, with the reason.
package difftest
