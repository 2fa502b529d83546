// Package engine runs handlers: it owns the workers (a goja runtime plus its
// event loop each), the pool that spreads requests over them, and the
// http.Handler that turns an HTTP request into a call of a route's handler
// and its writes into an HTTP response.
//
// Goroutines and ownership:
//   - Each Worker has one loop goroutine. Only that goroutine touches the
//     worker's goja.Runtime and every JS value in it.
//   - Each request is served by its net/http goroutine, which owns the
//     http.ResponseWriter. It hands the request to a worker's loop and then
//     waits on the request's Exchange for what the handler writes; it is the
//     only goroutine that writes to the client.
//   - An Exchange is the meeting point of the two: the loop appends events
//     (head, body chunks, end) under its mutex; the HTTP goroutine drains them.
//     Neither side ever blocks on the other.
//   - The Pool's watchdog goroutine interrupts a worker whose loop has been
//     busy for too long, and replaces it.
package engine
