package compat

import (
	"runtime"
	"sync"
)

// SetupModules are the built-in modules every runtime loads while Enable
// and gojaapi's bindings set it up, in the order they are first needed.
// Compiling them is most of a cold start (about 17 ms one after the other
// on this project's 2-core machine); see Precompile.
var SetupModules = []string{
	"internal/enginegaps", "internal/globals", "util", "internal/intl", "internal/util/errors",
	"internal/util/comparisons", "stream", "internal/stream_util", "internal/stream_readable", "events",
	"internal/stream_writable", "internal/stream_duplex", "internal/stream_eos", "http", "buffer",
}

// Precompile compiles the named JavaScript built-in modules on all cores at
// once, each at most once per process (the runtimes share the compiled
// programs); it returns when they are compiled. Names that are not
// JavaScript built-ins are skipped. A runtime that needs a module while it
// is being compiled waits for that compilation rather than doing its own, so
// Precompile may run alongside the runtimes' setup.
func Precompile(names ...string) {
	var wg sync.WaitGroup
	slots := make(chan struct{}, runtime.GOMAXPROCS(0))
	for _, name := range names {
		b, ok := modules[name]
		if !ok || b.load != nil {
			continue
		}
		wg.Add(1)
		slots <- struct{}{}
		go func() {
			defer wg.Done()
			_, _ = b.program() // an error is reported to the runtime that requires it
			<-slots
		}()
	}
	wg.Wait()
}
