package compat

import (
	"testing"
	"time"

	"github.com/dop251/goja"
)

// testLoop is a minimal event loop for compat's own tests: one goroutine
// running queued jobs and timers, like the engine's loop.
type testLoop struct {
	jobs   chan func()
	timers *TimerQueue
}

func (l *testLoop) RunOnLoop(fn func()) bool { l.jobs <- fn; return true }

func (l *testLoop) AfterFunc(d time.Duration, fn func()) func() bool {
	return l.timers.AfterFunc(d, fn)
}

// newTestHost builds a runtime with compat enabled and returns a function
// that runs JS source on its loop, waiting until quiet: no job for 50 ms and
// no timer due within the next 2 s (so a slow machine cannot end the wait
// between a test's short timers).
func newTestHost(t *testing.T, opts Options) (*Host, func(src string) goja.Value) {
	t.Helper()
	vm := goja.New()
	loop := &testLoop{jobs: make(chan func(), 1024)}
	loop.timers = NewTimerQueue(loop.RunOnLoop)
	h := Enable(vm, loop, opts)
	run := func(src string) goja.Value {
		t.Helper()
		loop.timers.Tick(time.Now())
		v, err := vm.RunString(src)
		if err != nil {
			t.Fatalf("run: %v", err)
		}
		for {
			select {
			case fn := <-loop.jobs:
				loop.timers.Tick(time.Now())
				fn()
			case <-time.After(50 * time.Millisecond):
				if ts := loop.timers.timers; len(ts) > 0 && time.Until(ts[0].when) < 2*time.Second {
					continue
				}
				return v
			}
		}
	}
	_ = vm.Set("require", h.RequireFunc())
	return h, run
}
