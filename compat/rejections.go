package compat

import (
	"strings"

	"github.com/dop251/goja"
)

// rejections tracks promises rejected with no handler, as Node does: a
// rejection that is still unhandled once the current job and its microtasks
// are done is reported (process 'unhandledRejection' listeners get it, or it
// is logged). Unlike Node 15+, the process is not taken down.
type rejections struct {
	pending []*goja.Promise
}

func enableRejectionTracking(h *Host) {
	h.rej = &rejections{}
	h.VM.SetPromiseRejectionTracker(func(p *goja.Promise, op goja.PromiseRejectionOperation) {
		switch op {
		case goja.PromiseRejectionReject:
			h.rej.pending = append(h.rej.pending, p)
		case goja.PromiseRejectionHandle:
			for i, q := range h.rej.pending {
				if q == p {
					h.rej.pending = append(h.rej.pending[:i], h.rej.pending[i+1:]...)
					break
				}
			}
		}
	})
}

// ReportRejections reports the promises rejected without a handler since the
// last call. The event loop calls it after each job. Loop goroutine only.
func (h *Host) ReportRejections() {
	if h.rej == nil || len(h.rej.pending) == 0 {
		return
	}
	pending := h.rej.pending
	h.rej.pending = nil
	for _, p := range pending {
		reason := p.Result()
		if h.isRequestAbort(reason) {
			// A fetch aborted because its request was abandoned (req.signal):
			// the code that started it is not at fault, and nobody waits.
			h.log("debug", "fetch aborted with its abandoned request, rejection not handled")
			continue
		}
		if h.emitProcessEvent("unhandledRejection", reason, h.VM.ToValue(p)) {
			continue
		}
		h.log("error", "Unhandled Rejection: "+ValueText(reason))
	}
}

// isRequestAbort reports whether v is the reason of an abandoned request's
// signal (fetch_signal.go). Without fetch loaded, no such reason exists.
func (h *Host) isRequestAbort(v goja.Value) bool {
	util, ok := h.cache["internal/fetch/util"].(*goja.Object)
	if !ok {
		return false
	}
	is, ok := goja.AssertFunction(util.Get("isRequestAbort"))
	if !ok {
		return false
	}
	r, err := is(goja.Undefined(), v)
	return err == nil && r.ToBoolean()
}

// emitProcessEvent emits name on the process object if the process module is
// loaded and has listeners for it; it reports whether anyone listened.
func (h *Host) emitProcessEvent(name string, args ...goja.Value) bool {
	pv, ok := h.cache["process"]
	if !ok || pv == nil {
		return false
	}
	proc, ok := pv.(*goja.Object)
	if !ok {
		return false
	}
	count, ok := goja.AssertFunction(proc.Get("listenerCount"))
	if !ok {
		return false
	}
	n, err := count(proc, h.VM.ToValue(name))
	if err != nil || n.ToInteger() == 0 {
		return false
	}
	emit, _ := goja.AssertFunction(proc.Get("emit"))
	if _, err := emit(proc, append([]goja.Value{h.VM.ToValue(name)}, args...)...); err != nil {
		h.ReportUncaught(err)
	}
	return true
}

// ValueText renders a thrown or rejected value as Node prints it: an Error's
// stack (without gojaapi's own frames, so that it points at the user's
// source), or the value itself.
func ValueText(v goja.Value) string {
	if o, ok := v.(*goja.Object); ok {
		if s := o.Get("stack"); s != nil && !goja.IsUndefined(s) && !goja.IsNull(s) {
			lines := strings.Split(s.String(), "\n")
			kept := lines[:0]
			for _, l := range lines {
				if !strings.Contains(l, "(gojaapi:") && !strings.Contains(l, "at gojaapi:") {
					kept = append(kept, l)
				}
			}
			return strings.Join(kept, "\n")
		}
	}
	if v == nil {
		return "undefined"
	}
	return v.String()
}
