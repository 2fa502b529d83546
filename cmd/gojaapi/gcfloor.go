package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
)

// The heap floor. A gojaapi process keeps little live heap (the workers'
// runtimes: about 5 MB each), and each request allocates a few KB that die at
// once. With Go's default GOGC=100 the collector then runs whenever the heap
// has grown by the small live size: dozens of times a second under load, at
// about a third of the CPU (go test -bench ServeHelloParallel: 46 µs of CPU
// per request at GOGC=100, 31 µs at 400). The floor lets the heap grow to at
// least floor bytes between collections, by raising GOGC while the live heap
// is small; once the live heap is past half the floor, GOGC is back at 100,
// so a big program gets Go's usual behaviour. The price is memory: the
// process's RSS settles near the floor.
//
// Setting GOGC in the environment turns the floor off: the operator decided.

// defaultGCFloor is --gc-floor's default: Go's own behaviour, the lightest.
const defaultGCFloor = "0"

// relaxGCForStartup lets the heap grow without collections while the server
// starts (compiling the built-in modules and the bundle for each worker
// allocates a lot, nearly all of it kept) and returns the function that puts
// GOGC back. Collections during start-up mark a heap that is still growing,
// over and over: they were about 40% of a cold start. Nothing is done when
// GOGC is set in the environment.
func relaxGCForStartup() (restore func()) {
	if os.Getenv("GOGC") != "" {
		return func() {}
	}
	old := debug.SetGCPercent(startupGCPercent)
	return func() { debug.SetGCPercent(old) }
}

// startupGCPercent is GOGC while the server starts.
const startupGCPercent = 800

// gcFloor tunes GOGC after every collection. Its finalizer runs on the
// runtime's finalizer goroutine; stop may be called from any goroutine.
type gcFloor struct {
	floor   uint64
	percent int // last GOGC set; finalizer goroutine only
	stopped atomic.Bool
	sample  []metrics.Sample
}

// startGCFloor keeps the heap's collection target at or above floor bytes
// (0: off) and returns the function that stops doing so.
func startGCFloor(floor int64) (stop func()) {
	if floor <= 0 || os.Getenv("GOGC") != "" {
		return func() {}
	}
	g := &gcFloor{
		floor:  uint64(floor),
		sample: []metrics.Sample{{Name: "/gc/heap/live:bytes"}},
	}
	// Until the first collection measures it, the live heap is taken to be
	// what a started server holds (a few MB), so that start-up itself, which
	// allocates a lot while compiling, is not slowed by collections.
	g.percent = gcPercentFor(startLiveHeap, g.floor)
	debug.SetGCPercent(g.percent)
	g.arm()
	return func() {
		if g.stopped.CompareAndSwap(false, true) {
			debug.SetGCPercent(100)
		}
	}
}

// startLiveHeap is the live heap assumed before the first collection.
const startLiveHeap = 8 << 20

// sentinel is allocated to be collected: its finalizer marks the end of a
// collection.
type sentinel struct{ _ [16]byte }

func (g *gcFloor) arm() {
	runtime.SetFinalizer(&sentinel{}, func(*sentinel) {
		if g.stopped.Load() {
			return
		}
		g.tune()
		g.arm()
	})
}

// tune sets GOGC so that the next collection starts at about floor bytes of
// heap, never below GOGC=100 nor above 1000.
func (g *gcFloor) tune() {
	metrics.Read(g.sample)
	if g.sample[0].Value.Kind() != metrics.KindUint64 {
		return
	}
	live := g.sample[0].Value.Uint64()
	if live == 0 {
		return
	}
	p := gcPercentFor(live, g.floor)
	// Small moves are not worth a call: the live heap wobbles.
	if d := p - g.percent; d > g.percent/10 || -d > g.percent/10 {
		g.percent = p
		debug.SetGCPercent(p)
	}
}

// gcPercentFor is the GOGC that puts the next collection at floor bytes of
// heap for a live heap of live bytes, within [100, 1000].
func gcPercentFor(live, floor uint64) int {
	if live >= floor/2 {
		return 100
	}
	p := int(floor*100/live) - 100
	return min(p, 1000)
}
