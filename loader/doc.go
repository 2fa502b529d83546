// Package loader turns a project folder into something the engine can run:
// it discovers the route files under pages/api (or src/pages/api), maps them
// to URL patterns with Next.js's rules, and bundles them with esbuild into
// one CommonJS program that goja can compile. A production build writes
// that program and its route table to the project's .gojaapi folder
// (output.go), so that a server starts from it without bundling.
//
// Everything here runs at start-up (or on reload in dev mode) on the caller's
// goroutine; the results (Route, Bundle) are immutable once returned and may
// be shared by all workers.
package loader
