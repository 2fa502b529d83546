package engine

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/dop251/goja"
	"github.com/gojaapi/gojaapi/bindings"
	"github.com/gojaapi/gojaapi/compat"
	"github.com/gojaapi/gojaapi/loader"
)

// maxCallStackSize bounds JS recursion: past it, a RangeError is thrown in JS
// instead of the Go stack growing without bound.
const maxCallStackSize = 4096

// Worker is one goja runtime with its own event loop, like one Node process:
// it serves many requests at once, switching between them whenever a handler
// awaits. Module state (variables at the top of a route file or of a module
// it imports) lives once per worker and is shared by the requests it serves.
type Worker struct {
	id   int
	pool *Pool
	loop *Loop

	// load is the number of exchanges assigned and not finished; the pool
	// dispatches to the least loaded worker.
	load atomic.Int32
	dead atomic.Bool
	// served and failed count finished requests and handler errors, for
	// recycling (PoolConfig.RecycleAfter*). draining is set when the worker
	// is being recycled: it takes no new requests and stops when idle.
	served   atomic.Int64
	failed   atomic.Int64
	draining atomic.Bool

	mu       sync.Mutex
	assigned map[uint64]*Exchange // every exchange dispatched here and not finished

	// Loop goroutine only:
	vm   *goja.Runtime
	host *compat.Host
	api  *bindings.API
	live map[uint64]*liveRequest
}

// liveRequest is the loop side of an exchange: the JS res object, and the
// HTTP request for reading the body.
type liveRequest struct {
	x      *Exchange
	req    *http.Request
	res    goja.Value
	signal *compat.RequestSignal // req.signal and its fetches; nil until asked for
}

// newWorker creates a worker and runs its setup on its loop goroutine.
func newWorker(id int, p *Pool) (*Worker, error) {
	w := &Worker{id: id, pool: p, assigned: map[uint64]*Exchange{}, live: map[uint64]*liveRequest{}}
	w.loop = NewLoop(w.onPanic)
	go w.loop.Run()
	errc := make(chan error, 1)
	w.loop.RunOnLoop(func() { errc <- w.setup() })
	if err := <-errc; err != nil {
		w.loop.Stop()
		return nil, err
	}
	return w, nil
}

// setup builds the runtime: compat, the bundle, the resolver. Loop goroutine.
func (w *Worker) setup() error {
	cfg := w.pool.cfg
	vm := goja.New()
	vm.SetMaxCallStackSize(maxCallStackSize)
	w.vm = vm
	copts := cfg.Compat
	copts.Uncaught = w.uncaught
	copts.ContextOf = w.contextOf
	copts.SignalOf = w.signalOf
	copts.LogContext = w.logContext
	w.host = compat.Enable(vm, w.loop, copts)
	w.loop.afterJob = func() {
		w.host.ReportRejections()
		w.host.SetTag(0)
	}
	routes, err := runBundle(w, cfg.Bundle)
	if err != nil {
		return err
	}
	pages := make([]string, len(cfg.Bundle.Routes))
	for i, r := range cfg.Bundle.Routes {
		pages[i] = r.Page
	}
	api, err := bindings.Install(w.host, w, cfg.Settings, routes, pages)
	if err != nil {
		return err
	}
	w.api = api
	return nil
}

// runBundle runs the bundle in w's runtime and returns its route table: one
// loader function per route, by index. Loop goroutine.
func runBundle(w *Worker, b *loader.Bundle) (goja.Value, error) {
	vm := w.vm
	fn, err := vm.RunProgram(b.Program)
	if err != nil {
		return nil, fmt.Errorf("running the bundle: %w", err)
	}
	call, _ := goja.AssertFunction(fn)
	module := vm.NewObject()
	_ = module.Set("exports", vm.NewObject())
	if _, err := call(goja.Undefined(), module.Get("exports"), w.host.RequireFunc(), module,
		vm.ToValue(loader.BundleName), vm.ToValue(w.host.Options().RootPath)); err != nil {
		return nil, fmt.Errorf("running the bundle: %w", err)
	}
	return module.Get("exports"), nil
}

// assign records x as served by w. It fails if w has died or is being
// recycled. HTTP goroutine.
func (w *Worker) assign(x *Exchange) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.dead.Load() || w.draining.Load() {
		return false
	}
	w.assigned[x.id] = x
	w.load.Add(1)
	return true
}

// release forgets x once the HTTP goroutine is done with it, and recycles
// the worker when it has served enough.
func (w *Worker) release(x *Exchange) {
	w.mu.Lock()
	if _, ok := w.assigned[x.id]; ok {
		delete(w.assigned, x.id)
		w.load.Add(-1)
	}
	idle := len(w.assigned) == 0
	w.mu.Unlock()
	w.served.Add(1)
	if w.draining.Load() {
		if idle {
			w.loop.Stop()
		}
		return
	}
	cfg := w.pool.cfg
	if (cfg.RecycleAfter > 0 && w.served.Load() >= int64(cfg.RecycleAfter)) ||
		(cfg.RecycleAfterErrors > 0 && w.failed.Load() >= int64(cfg.RecycleAfterErrors)) {
		w.pool.recycle(w)
	}
}

// start begins serving r on the loop. Loop goroutine.
func (w *Worker) start(x *Exchange, r *http.Request, br *bindings.Request) {
	lr := &liveRequest{x: x, req: r}
	w.live[x.id] = lr
	w.host.SetTag(x.id) // the request's code, and all it schedules, carries its id
	res, err := w.api.Serve(br)
	if err != nil {
		w.raise(err)
		w.failRequest(x.id, err)
		return
	}
	if _, still := w.live[x.id]; still {
		lr.res = res
	}
}

// closeExchange tells JS that the exchange is over before the handler ended
// it (client gone, timeout). Loop goroutine.
func (w *Worker) closeExchange(id uint64, aborted bool) {
	lr, ok := w.live[id]
	if !ok {
		return
	}
	if aborted && lr.signal != nil {
		lr.signal.Abort() // while still live: code that runs meanwhile sees req.signal aborted
	}
	delete(w.live, id)
	if lr.res != nil {
		if err := w.api.Close(lr.res, aborted); err != nil {
			w.raise(err)
			w.host.ReportUncaught(err)
		}
	}
}

// raise re-panics an interrupt so that the loop retires the worker.
func (w *Worker) raise(err error) {
	var ie *goja.InterruptedError
	if errors.As(err, &ie) {
		panic(ie)
	}
}

// failRequest fails request id after an error JS could not catch: goja's
// stack overflow (which unwinds past every try/catch, unlike V8's
// RangeError) or an exception raised through a native. With id 0 (code tied
// to no request) it only logs.
//
// After a stack overflow the worker is retired: goja drops (or stops
// running) the pending promise jobs of the runtime when its own stack
// overflow unwinds, so the other requests on the worker could never finish.
// They get 500 at once instead of a 504 later, and a fresh worker takes over.
func (w *Worker) failRequest(id uint64, err error) {
	msg := describe(err)
	_, overflow := err.(*goja.StackOverflowError)
	if overflow {
		msg = "RangeError: Maximum call stack size exceeded" + strings.TrimPrefix(msg, "RangeError: Maximum call stack size exceeded")
	}
	lr, ok := w.live[id]
	if !ok {
		w.pool.logger.Error(msg, "route", "")
	} else {
		delete(w.live, id)
		w.failed.Add(1)
		w.pool.logger.Error(msg, "route", w.pool.routeName(lr.x.route), "url", lr.req.URL.RequestURI())
		w.pool.obs.Exception(w.pool.cfg.Bundle.Routes[lr.x.route].Page)
	}
	if overflow {
		// Retire before answering, so that no new request reaches this
		// runtime in between; retire fails this request with the others.
		w.retire("stack overflow (goja cannot continue the runtime's pending promise jobs)")
		return
	}
	if ok {
		lr.x.failWith(failure{status: 500, body: "Internal Server Error"})
	}
}

// contextOf is compat's hook from a request tag to its context: found while
// the HTTP goroutine still serves the request.
func (w *Worker) contextOf(tag uint64) context.Context {
	w.mu.Lock()
	defer w.mu.Unlock()
	if x, ok := w.assigned[tag]; ok {
		return x.ctx
	}
	return nil
}

// signalOf is compat's hook from a request tag to its abort signal: made on
// first use while the response is unfinished, nil afterwards. Loop goroutine.
func (w *Worker) signalOf(tag uint64) *compat.RequestSignal {
	lr, ok := w.live[tag]
	if !ok {
		return nil
	}
	if lr.signal == nil {
		lr.signal = w.host.NewRequestSignal(tag)
	}
	return lr.signal
}

// logContext is compat's hook for console lines: the route and request ID of
// the request whose code logs.
func (w *Worker) logContext(tag uint64) []any {
	w.mu.Lock()
	x, ok := w.assigned[tag]
	w.mu.Unlock()
	if !ok {
		return nil
	}
	return []any{"route", w.pool.cfg.Bundle.Routes[x.route].Page, "request_id", x.requestID}
}

// uncaught is compat's hook for exceptions no JS code caught: a stack
// overflow fails the request whose code overflowed; anything else is left to
// compat, which logs it as Node would.
func (w *Worker) uncaught(err error, tag uint64) bool {
	if _, ok := err.(*goja.StackOverflowError); ok {
		w.failRequest(tag, err)
		return true
	}
	return false
}

// onPanic runs on the loop goroutine when a job panics. A stack overflow or
// a JS exception raised through a native fails the job's request only. An
// interrupt (the watchdog found the loop stuck, or memory ran over) or any
// other panic retires the worker: its requests fail and the pool starts a
// replacement.
func (w *Worker) onPanic(v any) bool {
	switch e := v.(type) {
	case *goja.StackOverflowError:
		w.failRequest(w.host.Tag(), e)
		return true
	case *goja.Exception:
		w.failRequest(w.host.Tag(), e)
		return true
	}
	reason := fmt.Sprint(v)
	if ie, ok := v.(*goja.InterruptedError); ok {
		reason = fmt.Sprint(ie.Value())
	}
	w.retire(reason)
	return false
}

// retire marks the worker dead, fails its requests and asks for a
// replacement. Any goroutine; idempotent.
func (w *Worker) retire(reason string) {
	if w.dead.Swap(true) {
		return
	}
	w.mu.Lock()
	xs := make([]*Exchange, 0, len(w.assigned))
	for _, x := range w.assigned {
		xs = append(xs, x)
	}
	w.mu.Unlock()
	routes := map[string]bool{}
	for _, x := range xs {
		routes[w.pool.routeName(x.route)] = true
		x.failWith(failure{status: 500, body: "Internal Server Error"})
	}
	names := make([]string, 0, len(routes))
	for r := range routes {
		names = append(names, r)
	}
	w.pool.logger.Error("worker retired", "worker", w.id, "reason", reason, "requests_failed", len(xs), "routes", names)
	w.pool.obs.WorkerEvent(WorkerRetired, w.id)
	w.loop.Stop()
	if !w.draining.Load() {
		w.pool.replace(w) // a draining worker was replaced already
	}
}

// --- bindings.Transport, called on the loop goroutine ---------------------------------

// Respond implements bindings.Transport.
func (w *Worker) Respond(id uint64, status int, reason string, pairs []string, chunk []byte, end bool, responseLimit int64, noCompress, utf8Head bool) bool {
	lr, ok := w.live[id]
	if !ok {
		return true
	}
	var h *head
	if pairs != nil {
		h = &head{status: status, reason: reason, pairs: pairs, endLength: -1, noCompress: noCompress, utf8: utf8Head}
		if end {
			h.endLength = len(chunk)
		}
	}
	below, overflow := lr.x.push(h, chunk, end)
	if overflow {
		w.pool.logger.Error("response aborted: the client is not reading and more than 64 MiB is buffered",
			"route", w.pool.routeName(lr.x.route))
		lr.x.failWith(failure{abort: true})
	}
	if end {
		delete(w.live, id)
		if responseLimit > 0 && lr.x.written >= responseLimit {
			w.host.Warn(fmt.Sprintf("API response for %s exceeds %s. API Routes are meant to respond quickly. https://nextjs.org/docs/messages/api-routes-response-size-limit",
				lr.req.URL.RequestURI(), bindings.FormatBytes(float64(responseLimit))))
		}
	}
	return below
}

// ReadBody implements bindings.Transport.
func (w *Worker) ReadBody(id uint64, limit int64, charset string, done func(string, int)) {
	lr, ok := w.live[id]
	if !ok {
		return
	}
	r := lr.req
	if r.ContentLength == 0 || r.Body == nil || r.Body == http.NoBody {
		done(readBody(r, limit, charset))
		return
	}
	settle := w.Async()
	go func() {
		text, status := readBody(r, limit, charset)
		settle(func() {
			if _, ok := w.live[id]; ok {
				done(text, status)
			}
		})
	}()
}

// RouteConfig implements bindings.Transport: the route's body settings, so
// that the request goroutine can read the next bodies before dispatch.
func (w *Worker) RouteConfig(route int, bodyParser bool, limit int64) {
	v := int64(bodyParserOff)
	if bodyParser {
		v = limit
		if limit < 0 {
			v = bodyNoLimit
		}
	}
	if route >= 0 && route < len(w.pool.routeBody) {
		w.pool.routeBody[route].Store(v)
	}
}

// ReadChunk implements bindings.Transport.
func (w *Worker) ReadChunk(id uint64, done func([]byte, error)) {
	lr, ok := w.live[id]
	if !ok {
		return
	}
	r := lr.req
	if r.Body == nil || r.Body == http.NoBody {
		done(nil, nil)
		return
	}
	settle := w.Async()
	go func() {
		buf := make([]byte, 64<<10)
		n, err := r.Body.Read(buf)
		settle(func() {
			if _, ok := w.live[id]; !ok {
				return
			}
			switch {
			case n > 0:
				done(buf[:n], nil)
			case err == io.EOF || err == nil:
				done(nil, nil)
			default:
				done(nil, err)
			}
		})
	}()
}

// RequestHeader implements bindings.Transport.
func (w *Worker) RequestHeader(id uint64) http.Header {
	if lr, ok := w.live[id]; ok {
		return lr.req.Header
	}
	return nil
}

// Abort implements bindings.Transport.
func (w *Worker) Abort(id uint64) {
	if lr, ok := w.live[id]; ok {
		lr.x.failWith(failure{abort: true})
	}
}

// HandlerError implements bindings.Transport: it logs the error as Next.js
// does (console.error of the error, its stack pointing at the user's source)
// with the route it came from.
func (w *Worker) HandlerError(id uint64, v goja.Value) {
	route, url := "", ""
	var x *Exchange
	if lr, ok := w.live[id]; ok {
		x, url = lr.x, lr.req.URL.RequestURI()
	} else {
		// The response has ended (an error after send): the exchange may
		// still be assigned.
		w.mu.Lock()
		x = w.assigned[id]
		w.mu.Unlock()
	}
	if x != nil {
		route = w.pool.routeName(x.route)
		w.pool.obs.Exception(w.pool.cfg.Bundle.Routes[x.route].Page)
		w.failed.Add(1)
	}
	w.pool.logger.Error(compat.ValueText(v), "route", route, "url", url)
}

func describe(err error) string {
	if ex, ok := err.(*goja.Exception); ok {
		return compat.DescribeException(ex)
	}
	return err.Error()
}

// remote splits a "host:port" address into its parts for req.socket.
func remote(addr string) (string, int) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return addr, 0
	}
	p, _ := strconv.Atoi(port)
	return host, p
}

var _ bindings.Transport = (*Worker)(nil)
var _ = slog.Default

// Async implements bindings.Transport: the returned function posts fn to the
// loop, where it runs unless the worker has died meanwhile.
func (w *Worker) Async() func(fn func()) {
	inContext := w.host.CaptureContext()
	return func(fn func()) { w.loop.RunOnLoop(func() { inContext(fn) }) }
}
