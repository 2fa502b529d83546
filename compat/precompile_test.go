package compat

import (
	"testing"

	"github.com/dop251/goja"
)

// TestSetupModules checks SetupModules against what Enable and a require of
// the modules gojaapi's bindings use actually compile: a module missing from
// the list would be compiled on the start-up path, one after the other.
func TestSetupModules(t *testing.T) {
	listed := map[string]bool{}
	for _, name := range SetupModules {
		b, ok := modules[name]
		if !ok || b.load != nil {
			t.Errorf("SetupModules lists %q, which is no JavaScript built-in", name)
		}
		listed[name] = true
	}
	Precompile(SetupModules...)
	h := Enable(goja.New(), &testLoop{jobs: make(chan func(), 16)}, Options{})
	for _, name := range []string{"stream", "events", "http", "buffer"} { // bindings/js/http.js and api.js
		if _, err := h.Require(name); err != nil {
			t.Fatal(err)
		}
	}
	for name := range h.cache {
		if b, ok := modules[name]; ok && b.load == nil && !listed[name] {
			t.Errorf("setting up a runtime loads %q, which SetupModules does not list", name)
		}
	}
}
