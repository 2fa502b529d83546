package compat

import (
	"testing"

	"github.com/dop251/goja"
)

// InvokeMacrotask passes every argument through: a Node-style callback gets
// (err, result) with err first.
func TestInvokeMacrotaskArguments(t *testing.T) {
	h, run := newTestHost(t, Options{})
	_ = h.VM.Set("later", func(c goja.FunctionCall) goja.Value {
		cb, _ := goja.AssertFunction(c.Argument(0))
		h.Loop.RunOnLoop(func() { h.InvokeMacrotask(cb, goja.Null(), h.VM.ToValue(5)) })
		return goja.Undefined()
	})
	run(`later(function (err, v) { globalThis.got = [this === undefined || this === globalThis, err, v, arguments.length] })`)
	if got := run(`JSON.stringify(got)`).String(); got != `[true,null,5,2]` {
		t.Fatalf("got %s", got)
	}
}
