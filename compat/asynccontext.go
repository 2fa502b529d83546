package compat

import (
	"github.com/dop251/goja"
)

// Async context: the value that AsyncLocalStorage reads (a JS Map from
// storage to store, replaced rather than mutated) follows the logical
// request across promise reactions (goja's AsyncContextTracker), timers,
// process.nextTick ticks and callbacks settled from Go goroutines (through
// Host.CaptureContext). The process.nextTick queue lives here too, because
// draining it belongs to the end of every macrotask.

// asyncContext is the per-runtime tracker. Loop goroutine only.
type asyncContext struct {
	h       *Host
	current goja.Value // nil: the empty context
	prev    goja.Value // context saved by Resumed, restored by Exited
	// tag is the Go side of the context: the request the code runs for (set
	// by the engine with Host.SetTag), carried everywhere current is.
	tag     uint64
	prevTag uint64

	ticks      []tick
	draining   bool
	runner     goja.Callable // (body) => { try { body() } finally { drain() } }
	microDrain goja.Callable // () => Promise.resolve().then(drain)
}

// tick is one process.nextTick callback with the context it was queued in.
type tick struct {
	fn   goja.Callable
	args []goja.Value
	ctx  goja.Value
	tag  uint64
}

// snapshot is what Grab hands to goja for a promise reaction.
type snapshot struct {
	ctx goja.Value
	tag uint64
}

// Grab implements goja.AsyncContextTracker: a promise reaction keeps the
// context current when it was queued.
func (a *asyncContext) Grab() interface{} {
	if a.current == nil && a.tag == 0 {
		return nil
	}
	return snapshot{a.current, a.tag}
}

// Resumed implements goja.AsyncContextTracker.
func (a *asyncContext) Resumed(v interface{}) {
	a.prev, a.prevTag = a.current, a.tag
	snap, _ := v.(snapshot)
	a.current, a.tag = snap.ctx, snap.tag
}

// Exited implements goja.AsyncContextTracker.
func (a *asyncContext) Exited() {
	a.current, a.prev = a.prev, nil
	a.tag, a.prevTag = a.prevTag, 0
}

const asyncRunnerSrc = `(function (drain) {
  return [
    function runMacrotask(body) { try { body(); } finally { drain(); } },
    function scheduleDrain() { Promise.resolve().then(drain); },
  ];
})`

// enableAsyncContext installs the async-context tracker into h.VM. It is
// called from Enable before any user code runs.
func enableAsyncContext(h *Host) {
	a := &asyncContext{h: h}
	h.actx = a
	h.VM.SetAsyncContextTracker(a)
	f, err := h.VM.RunString(asyncRunnerSrc)
	if err != nil {
		panic(err)
	}
	mk, _ := goja.AssertFunction(f)
	pair, err := mk(goja.Undefined(), h.VM.ToValue(a.drainTicks))
	if err != nil {
		panic(err)
	}
	po := pair.ToObject(h.VM)
	a.runner, _ = goja.AssertFunction(po.Get("0"))
	a.microDrain, _ = goja.AssertFunction(po.Get("1"))
}

// CaptureContext snapshots the current async context (the one
// AsyncLocalStorage.getStore reads) and returns a function that runs fn with
// that context restored, then puts back whatever was current before. Code
// that settles a JS callback from a Go goroutine captures the context when
// the operation starts (on the loop goroutine) and wraps the callback with
// it inside Loop.RunOnLoop:
//
//	restore := h.CaptureContext()
//	go func() { ...; h.Loop.RunOnLoop(func() { restore(func() { h.Invoke(cb, v) }) }) }()
//
// Loop goroutine only (the returned function too).
func (h *Host) CaptureContext() func(fn func()) {
	a := h.actx
	if a == nil {
		return func(fn func()) { fn() }
	}
	ctx, tag := a.current, a.tag
	return func(fn func()) {
		saved, savedTag := a.current, a.tag
		a.current, a.tag = ctx, tag
		defer func() { a.current, a.tag = saved, savedTag }()
		fn()
	}
}

// SetTag sets the Go-side tag of the current async context: it follows the
// code (promise reactions, timers, ticks, Go completions) like an
// AsyncLocalStorage store. The engine tags each request's code with the
// request's id. Loop goroutine only.
func (h *Host) SetTag(tag uint64) {
	if h.actx != nil {
		h.actx.tag = tag
	}
}

// Tag returns the tag of the current async context (see SetTag).
func (h *Host) Tag() uint64 {
	if h.actx == nil {
		return 0
	}
	return h.actx.tag
}

// InvokeMacrotask calls cb like Invoke, as the body of a macrotask: the
// process.nextTick queue is drained right after cb returns, before promise
// reactions run, as in Node.
func (h *Host) InvokeMacrotask(cb goja.Callable, args ...goja.Value) {
	a := h.actx
	if a == nil || a.runner == nil {
		h.Invoke(cb, args...)
		return
	}
	var cbErr error
	body := func() {
		_, cbErr = cb(goja.Undefined(), args...)
		if ie, ok := cbErr.(*goja.InterruptedError); ok {
			panic(ie) // let the interrupt unwind the runner too
		}
	}
	if _, err := a.runner(goja.Undefined(), h.VM.ToValue(body)); err != nil {
		h.ReportUncaught(err)
	}
	if cbErr != nil {
		h.ReportUncaught(cbErr)
	}
}

// queueTick implements process.nextTick(fn, ...args).
func (a *asyncContext) queueTick(fn goja.Callable, args []goja.Value) {
	a.ticks = append(a.ticks, tick{fn: fn, args: args, ctx: a.current, tag: a.tag})
	if len(a.ticks) == 1 && !a.draining {
		// Fallback when no macrotask wrapper will drain the queue (the
		// first run of a script, a promise reaction): drain as a microtask.
		if _, err := a.microDrain(goja.Undefined()); err != nil {
			panic(err)
		}
	}
}

// drainTicks runs queued nextTick callbacks, including ones they queue.
// An exception from one callback is reported as uncaught and the others
// still run.
func (a *asyncContext) drainTicks() {
	if a.draining {
		return
	}
	a.draining = true
	defer func() { a.draining = false }()
	for len(a.ticks) > 0 {
		t := a.ticks[0]
		a.ticks[0] = tick{}
		a.ticks = a.ticks[1:]
		saved, savedTag := a.current, a.tag
		a.current, a.tag = t.ctx, t.tag
		_, err := t.fn(goja.Undefined(), t.args...)
		a.current, a.tag = saved, savedTag
		if err != nil {
			a.h.ReportUncaught(err)
		}
	}
	a.ticks = nil
}

func init() {
	registerJS("async_hooks", "async_hooks.js")
	// internal/async_context: what async_hooks.js and process.js need.
	registerGo("internal/async_context", func(h *Host, module *goja.Object) {
		vm := h.VM
		a := h.actx
		exports := vm.NewObject()
		_ = exports.Set("get", func() goja.Value {
			if a.current == nil {
				return goja.Undefined()
			}
			return a.current
		})
		_ = exports.Set("set", func(v goja.Value) {
			if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
				a.current = nil
				return
			}
			a.current = v
		})
		_ = exports.Set("nextTick", func(call goja.FunctionCall) goja.Value {
			fn, ok := goja.AssertFunction(call.Argument(0))
			if !ok {
				h.Throw("TypeError", "ERR_INVALID_ARG_TYPE",
					`The "callback" argument must be of type function. Received `+describeArg(call.Argument(0)))
			}
			var args []goja.Value
			if len(call.Arguments) > 1 {
				args = append(args, call.Arguments[1:]...)
			}
			a.queueTick(fn, args)
			return goja.Undefined()
		})
		_ = module.Set("exports", exports)
	})
}

// describeArg renders a received value the way Node's ERR_INVALID_ARG_TYPE
// messages do (the common cases).
func describeArg(v goja.Value) string {
	switch {
	case v == nil || goja.IsUndefined(v):
		return "undefined"
	case goja.IsNull(v):
		return "null"
	}
	switch x := v.Export().(type) {
	case string:
		s := x
		if len(s) > 25 {
			s = s[:25] + "..."
		}
		return "type string ('" + s + "')"
	case bool:
		if x {
			return "type boolean (true)"
		}
		return "type boolean (false)"
	case int64, float64:
		return "type number (" + v.String() + ")"
	}
	if o, ok := v.(*goja.Object); ok {
		if _, isFn := goja.AssertFunction(o); isFn {
			return "function " + o.Get("name").String()
		}
		if c := o.Get("constructor"); c != nil {
			if co, ok := c.(*goja.Object); ok {
				if n := co.Get("name"); n != nil && n.String() != "" {
					return "an instance of " + n.String()
				}
			}
		}
		return "an instance of Object"
	}
	return "type " + v.ExportType().String()
}
