package compat

import (
	"context"
	"io/fs"
	"log/slog"
	"time"

	"github.com/dop251/goja"
)

// Loop is what compat needs from the event loop that owns a runtime. The
// engine package implements it; tests use a small loop of their own.
type Loop interface {
	// RunOnLoop queues fn to run on the loop goroutine. It is safe to call
	// from any goroutine. It reports false if the loop has stopped, in which
	// case fn never runs.
	RunOnLoop(fn func()) bool
	// AfterFunc runs fn on the loop goroutine after d. The returned stop
	// function cancels it and reports whether it was still pending. Loop
	// goroutine only.
	AfterFunc(d time.Duration, fn func()) (stop func() bool)
}

// Options configure the APIs a Host exposes. The zero value is usable: no
// environment, no file access, default limits.
type Options struct {
	// Env is the whole of process.env as JS sees it. The host process's own
	// environment is never exposed unless the caller copies it in here.
	Env map[string]string
	// Root is the project folder that fs may read, and what process.cwd()
	// returns as a path (RootPath).
	Root     fs.FS
	RootPath string
	// Logger receives console output. Nil discards it.
	Logger *slog.Logger
	// Fetch limits what fetch may do: time, size, concurrency and which
	// addresses it may reach.
	Fetch FetchOptions
	// MaxAllocation caps one allocation made through the APIs compat
	// provides (Buffer.alloc, ArrayBuffer, String.prototype.repeat and
	// padStart/padEnd) in bytes; past it they throw a RangeError, as Node
	// does when an allocation fails. 0 means DefaultMaxAllocation.
	MaxAllocation int64
	// Uncaught, if set, is offered every exception no JS code caught, with
	// the tag of the code that threw (see Host.SetTag); if it returns true
	// the exception is handled, otherwise it is logged.
	Uncaught func(err error, tag uint64) bool
	// ContextOf, if set, returns the context.Context of the request tagged
	// tag (see Host.SetTag), or nil once that request is over.
	ContextOf func(tag uint64) context.Context
	// SignalOf, if set, returns the abort signal of the request tagged tag
	// (see RequestSignal), making it on first use, while the request's
	// response is unfinished, and nil once it has ended or been abandoned.
	// fetch and req.signal call it on the loop goroutine.
	SignalOf func(tag uint64) *RequestSignal
	// LogContext, if set, gives the log attributes of the request tagged tag
	// (its route, its request ID) for console output made by its code.
	LogContext func(tag uint64) []any
	// Modules are extra modules registered by an embedding Go program,
	// keyed by the name JS requires (for example "gojaapi:kv").
	Modules map[string]Loader
}

// RequestContext returns the context.Context of the request whose code is
// running (the current async context's tag), or context.Background() outside
// a request. Loop goroutine only.
func (h *Host) RequestContext() context.Context {
	return h.ContextFor(h.Tag())
}

// ContextFor returns the context.Context of request tag, or
// context.Background() if it is unknown or over.
func (h *Host) ContextFor(tag uint64) context.Context {
	if tag != 0 && h.opts.ContextOf != nil {
		if ctx := h.opts.ContextOf(tag); ctx != nil {
			return ctx
		}
	}
	return context.Background()
}

// DefaultMaxAllocation is the default for Options.MaxAllocation: 256 MiB.
const DefaultMaxAllocation = 256 << 20

// MaxAllocation returns the per-allocation cap in bytes.
func (h *Host) MaxAllocation() int64 {
	if h.opts.MaxAllocation > 0 {
		return h.opts.MaxAllocation
	}
	return DefaultMaxAllocation
}

// Host is the per-runtime state of compat: the module cache and the natives.
// It is owned by the runtime's loop goroutine.
type Host struct {
	// VM is the runtime this Host serves.
	VM *goja.Runtime
	// Loop is the event loop that owns VM.
	Loop Loop

	opts      Options
	cache     map[string]goja.Value
	loading   map[string]*goja.Object
	requireFn goja.Value
	started   time.Time
	rej       *rejections
	actx      *asyncContext // async context and nextTick queue (asynccontext.go)
}

// Enable installs require, the globals and the process object into vm, and
// returns the Host that serves them. Loop goroutine only.
func Enable(vm *goja.Runtime, loop Loop, opts Options) *Host {
	h := &Host{
		VM:      vm,
		Loop:    loop,
		opts:    opts,
		cache:   make(map[string]goja.Value),
		loading: make(map[string]*goja.Object),
		started: time.Now(),
	}
	h.requireFn = vm.ToValue(func(call goja.FunctionCall) goja.Value {
		name := call.Argument(0).String()
		v, err := h.Require(name)
		if err != nil {
			h.throwModuleError(name, err)
		}
		return v
	})
	enableAsyncContext(h) // asynccontext.go
	installEngineGaps(h)  // enginegaps.go
	installJSONParse(vm)  // jsonparse.go
	enableRejectionTracking(h)
	installGlobals(h)
	return h
}

// RequireFunc is the require function given to user bundles: it resolves
// built-in modules only (esbuild has already bundled everything else).
func (h *Host) RequireFunc() goja.Value { return h.requireFn }

// Options returns the options the Host was enabled with.
func (h *Host) Options() Options { return h.opts }

func (h *Host) throwModuleError(name string, err error) {
	if ex, ok := err.(*goja.Exception); ok {
		panic(ex)
	}
	e := h.VM.NewGoError(err)
	_ = e.Set("code", "MODULE_NOT_FOUND")
	panic(e)
}

// Throw raises a JS error of the given constructor ("TypeError", "RangeError",
// ...) with a Node-style code property when code is not empty.
func (h *Host) Throw(ctor, code, msg string) {
	panic(h.NewError(ctor, code, msg))
}

// NewError builds a JS error of the given constructor with an optional code.
func (h *Host) NewError(ctor, code, msg string) *goja.Object {
	c, _ := goja.AssertConstructor(h.VM.Get(ctor))
	if c == nil {
		c, _ = goja.AssertConstructor(h.VM.Get("Error"))
	}
	o, err := c(nil, h.VM.ToValue(msg))
	if err != nil {
		panic(err)
	}
	if code != "" {
		_ = o.Set("code", code)
	}
	return o
}

// Warn writes a warning to the log as console.warn would.
func (h *Host) Warn(msg string) { h.log("warn", msg) }
