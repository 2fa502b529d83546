package compat

import (
	"slices"

	"github.com/dop251/goja"
)

// The abort signal of a request. Each request has one, exposed to its
// handler as req.signal (not in Node: gojaapi's own), that aborts when the
// request is abandoned before its response has ended: the client went away,
// or the request's time limit passed (the moments req emits 'aborted').
// Every fetch made by the request's code (its async context carries the
// request's tag, see Host.SetTag) follows it as it follows its own signal:
// it rejects, or its body errors, with the signal's reason, an AbortError
// DOMException. A fetch made once the response has ended is left alone, so
// fire-and-forget work after res.end() keeps going; so is one made after the
// abort (pass it signal: req.signal to have it rejected at once).
//
// Nothing is made for a request that neither reads req.signal nor fetches:
// the engine keeps the RequestSignal with the request and makes it the first
// time compat asks (Options.SignalOf); its JS AbortSignal is made only when
// req.signal is read.

func init() {
	registerGo("internal/fetch/signal", loadSignalNatives)
}

// RequestSignal is the abort signal of one request: what req.signal
// returns, and what the fetch calls made by the request's code follow. The
// engine makes it with NewRequestSignal and calls Abort when the request is
// abandoned before its response has ended. Loop goroutine only, like the
// runtime it belongs to.
type RequestSignal struct {
	h       *Host
	tag     uint64
	ctl     *goja.Object // the AbortController behind req.signal, once read
	f       *fetchHost   // the runtime's fetch, once a fetch has followed the signal
	aborted bool
}

// NewRequestSignal makes the signal of the request tagged tag. It makes no
// JS object. Loop goroutine only.
func (h *Host) NewRequestSignal(tag uint64) *RequestSignal {
	return &RequestSignal{h: h, tag: tag}
}

// Signal returns the JS AbortSignal (req.signal), making it on first use.
func (s *RequestSignal) Signal() goja.Value {
	if s.ctl == nil {
		s.ctl = newAbortController(s.h, s.aborted)
	}
	return s.ctl.Get("signal")
}

// Abort aborts the signal, once: req.signal (if it was read) aborts with an
// AbortError DOMException, running its 'abort' listeners, then the fetch
// calls that follow the signal and are still in flight are aborted with the
// same reason (one isRequestAbort recognises). Their Go side ends at once: connection closed, goroutines
// gone. JS runs as the request's code (with its tag).
func (s *RequestSignal) Abort() {
	if s.aborted {
		return
	}
	s.aborted = true
	h := s.h
	saved := h.Tag()
	h.SetTag(s.tag)
	defer h.SetTag(saved)
	reason := requestAbortError(h)
	if s.ctl != nil {
		abort, _ := goja.AssertFunction(s.ctl.Get("abort"))
		h.InvokeMacrotask(func(goja.Value, ...goja.Value) (goja.Value, error) { return abort(s.ctl, reason) })
	}
	if s.f == nil {
		return
	}
	var calls []*fetchCall
	for _, c := range s.f.calls {
		if c.rs == s {
			calls = append(calls, c)
		}
	}
	if len(calls) == 0 {
		return
	}
	slices.SortFunc(calls, func(a, b *fetchCall) int { return int(a.id - b.id) })
	list := make([]any, len(calls))
	for i, c := range calls {
		list[i] = c.js
	}
	h.InvokeMacrotask(s.f.onAbort, reason, h.VM.NewArray(list...))
}

// requestSignal returns the signal of the request whose code is running,
// for a fetch that starts now: nil outside a request, once its response has
// ended, and once it has been aborted (such a fetch follows req.signal only
// if passed it as its signal).
func (f *fetchHost) requestSignal() *RequestSignal {
	get := f.h.opts.SignalOf
	tag := f.h.Tag()
	if get == nil || tag == 0 {
		return nil
	}
	s := get(tag)
	if s == nil || s.aborted {
		return nil // a fetch started once the request is abandoned is left alone
	}
	s.f = f
	return s
}

// newAbortController makes a JS AbortController, aborted (with a request
// abort reason) if aborted is true.
func newAbortController(h *Host, aborted bool) *goja.Object {
	mod, err := h.Require("internal/web_abort")
	if err != nil {
		panic(err)
	}
	ctl, err := h.VM.New(mod.ToObject(h.VM).Get("AbortController"))
	if err != nil {
		panic(err)
	}
	if aborted {
		abort, _ := goja.AssertFunction(ctl.Get("abort"))
		if _, err := abort(ctl, requestAbortError(h)); err != nil {
			panic(err)
		}
	}
	return ctl
}

// fetchUtil returns the exports of internal/fetch/util.
func fetchUtil(h *Host) *goja.Object {
	mod, err := h.Require("internal/fetch/util")
	if err != nil {
		panic(err)
	}
	return mod.ToObject(h.VM)
}

// requestAbortError makes the reason of an abandoned request: an
// AbortError DOMException that isRequestAbort recognises.
func requestAbortError(h *Host) goja.Value {
	newReason, _ := goja.AssertFunction(fetchUtil(h).Get("requestAbortError"))
	v, err := newReason(goja.Undefined())
	if err != nil {
		panic(err)
	}
	return v
}

// loadSignalNatives is internal/fetch/signal, for req.signal and the
// resolver:
//
//   - forRequest(tag, aborted) returns the signal of request tag while its
//     response is unfinished, and otherwise a signal that stays as the
//     request ended: aborted if aborted is true (req.aborted), else never
//     aborted.
//   - isRequestAbort(value) reports whether value is the reason of an
//     abandoned request's signal: what its fetches reject with, and so what
//     a handler that does not catch them fails with, at no fault of its own.
func loadSignalNatives(h *Host, module *goja.Object) {
	exports := h.VM.NewObject()
	_ = exports.Set("isRequestAbort", fetchUtil(h).Get("isRequestAbort"))
	_ = exports.Set("forRequest", func(tag int64, aborted bool) goja.Value {
		if get := h.opts.SignalOf; get != nil && tag > 0 {
			if s := get(uint64(tag)); s != nil {
				return s.Signal()
			}
		}
		return newAbortController(h, aborted).Get("signal")
	})
	_ = module.Set("exports", exports)
}
