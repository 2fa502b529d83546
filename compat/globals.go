package compat

import (
	"errors"
	"time"

	"github.com/dop251/goja"
)

// lazyGlobal is a global whose value is an export of a module; the module is
// evaluated the first time JS reads the global, so a worker only pays for
// the APIs its handlers use.
type lazyGlobal struct{ name, module, export string }

var lazyGlobals []lazyGlobal

// registerGlobal makes globalThis[name] the export named export of module
// (the module's whole exports when export is ""). Called from init
// functions only.
func registerGlobal(name, module, export string) {
	lazyGlobals = append(lazyGlobals, lazyGlobal{name, module, export})
}

func init() {
	registerJS("internal/globals", "internal_globals.js")
	registerJS("timers", "timers.js")
	registerJS("events", "events.js")
	registerJS("util", "util.js")
}

// installGlobals runs compat/js/internal_globals.js, which defines the
// globals on top of the Go natives below.
func installGlobals(h *Host) {
	vm := h.VM
	g := vm.GlobalObject()
	_ = g.Set("globalThis", g)
	_ = g.Set("global", g)
	_ = g.Set("self", g)

	natives := vm.NewObject()
	timers := make(map[int64]func() bool)
	var nextTimer int64
	// schedule(delayMs, callback) -> handle. A negative delay means "as soon
	// as the loop is free" (setImmediate).
	_ = natives.Set("schedule", func(delay float64, cb goja.Callable) int64 {
		nextTimer++
		id := nextTimer
		restore := h.CaptureContext() // the callback runs in the caller's async context
		fire := func() {
			delete(timers, id)
			restore(func() { h.InvokeMacrotask(cb) })
		}
		if delay < 0 {
			cancelled := false
			timers[id] = func() bool { was := !cancelled; cancelled = true; return was }
			h.Loop.RunOnLoop(func() {
				if !cancelled {
					fire()
				}
			})
			return id
		}
		timers[id] = h.Loop.AfterFunc(time.Duration(delay*float64(time.Millisecond)), fire)
		return id
	})
	_ = natives.Set("cancel", func(id int64) {
		if stop, ok := timers[id]; ok {
			stop()
			delete(timers, id)
		}
	})
	_ = natives.Set("log", func(level string, msg string) { h.log(level, msg) })
	_ = natives.Set("now", func() float64 { return float64(time.Since(h.started).Nanoseconds()) / 1e6 })
	_ = natives.Set("timeOrigin", float64(h.started.UnixNano())/1e6)

	lazy := make([]any, len(lazyGlobals))
	for i, g := range lazyGlobals {
		lazy[i] = []any{g.name, g.module, g.export}
	}
	_ = natives.Set("lazy", lazy)
	_ = natives.Set("require", h.requireFn)

	exports, err := h.Require("internal/globals")
	if err != nil {
		panic(err)
	}
	install, _ := goja.AssertFunction(exports.ToObject(vm).Get("install"))
	if _, err := install(goja.Undefined(), g, natives); err != nil {
		panic(err)
	}
}

// Invoke calls a JS callback on the loop goroutine as the loop itself would
// (timers, I/O completions): an exception it throws is uncaught, so it is
// logged and does not stop the loop. An interrupt is re-raised as a panic so
// that the loop's owner sees it and retires the runtime.
func (h *Host) Invoke(cb goja.Callable, args ...goja.Value) {
	if _, err := cb(goja.Undefined(), args...); err != nil {
		h.ReportUncaught(err)
	}
}

// ReportUncaught handles an exception that no JS code caught: it re-raises
// interrupts (see Invoke) and logs everything else with its stack.
func (h *Host) ReportUncaught(err error) {
	var ie *goja.InterruptedError
	if errors.As(err, &ie) {
		panic(ie)
	}
	if h.opts.Uncaught != nil && h.opts.Uncaught(err, h.Tag()) {
		return
	}
	msg := err.Error()
	if ex, ok := err.(*goja.Exception); ok {
		msg = describeException(ex)
	}
	h.log("error", "Uncaught "+msg)
}

// describeException renders an exception like Node prints it.
func describeException(ex *goja.Exception) string { return ValueText(ex.Value()) }

// DescribeException is describeException for other packages: the text Node
// would print for an uncaught exception.
func DescribeException(ex *goja.Exception) string { return describeException(ex) }

func (h *Host) log(level, msg string) {
	if h.opts.Logger == nil {
		return
	}
	attrs := []any{"source", "console"}
	if h.opts.LogContext != nil {
		attrs = append(attrs, h.opts.LogContext(h.Tag())...)
	}
	switch level {
	case "error":
		h.opts.Logger.Error(msg, attrs...)
	case "warn":
		h.opts.Logger.Warn(msg, attrs...)
	case "debug":
		h.opts.Logger.Debug(msg, attrs...)
	default:
		h.opts.Logger.Info(msg, attrs...)
	}
}
