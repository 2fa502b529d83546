// Package compat gives every worker runtime the Node.js and Web platform APIs
// that handlers and npm packages expect: built-in modules reached through
// require("events") or require("node:events"), and globals such as
// setTimeout, queueMicrotask and TextEncoder.
//
// A module is written either in Go (where speed or correctness needs it) or in
// JavaScript shipped inside the binary (compat/js). JavaScript modules are
// compiled once per process into a *goja.Program and evaluated at most once per
// runtime, on first require. Go modules are plain Loader functions.
//
// Concurrency: a Host belongs to exactly one goja.Runtime and must only be used
// on that runtime's event-loop goroutine. The module table is built at init
// time and read-only afterwards, so it is shared by all runtimes.
package compat
