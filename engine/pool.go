package engine

import (
	"errors"
	"fmt"
	"log/slog"
	"runtime/metrics"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gojaapi/gojaapi/bindings"
	"github.com/gojaapi/gojaapi/compat"
	"github.com/gojaapi/gojaapi/loader"
)

// PoolConfig configures a Pool.
type PoolConfig struct {
	// Bundle is the compiled code every worker runs.
	Bundle *loader.Bundle
	// Workers is the number of workers (runtimes with their own loop).
	Workers int
	// BusyLimit is how long a worker's loop may run one piece of JS without
	// returning to the loop (a synchronous infinite loop) before the
	// watchdog interrupts it, fails its requests and replaces it.
	BusyLimit time.Duration
	// Compat configures the Node and Web APIs of each runtime.
	Compat compat.Options
	// Settings are passed to the resolver.
	Settings bindings.Settings
	// Logger receives worker events.
	Logger *slog.Logger
	// Observer, if set, is told about requests, worker events and errors.
	Observer Observer
	// RecycleAfter replaces a worker after it has served this many requests
	// (0: never): module state, a polluted prototype or a slow leak in a
	// handler lives only that long. The worker finishes what it is serving.
	RecycleAfter int
	// RecycleAfterErrors replaces a worker after this many handler errors
	// (0: never).
	RecycleAfterErrors int
	// MemoryLimit is the Go heap size, in bytes, past which the watchdog
	// interrupts the workers that are running JavaScript at that moment
	// (they are retired and replaced, their requests get 500). goja has no
	// heap limit of its own; this is the backstop for handlers that
	// allocate without bound. 0 turns it off.
	MemoryLimit int64
}

// Pool is a set of workers, like a Node cluster: requests are spread over
// them, each worker serving many at once.
type Pool struct {
	cfg    PoolConfig
	logger *slog.Logger
	obs    Observer
	// routeBody holds each route's body settings once a worker has loaded
	// its module (bodyUnknown before): read by request goroutines.
	routeBody []atomic.Int64

	mu      sync.RWMutex
	workers []*Worker
	closed  bool
	nextID  int

	stopWatch chan struct{}
	watchDone chan struct{}
	// Replaced counts workers retired and replaced (for tests and metrics).
	replaced int
}

// NewPool starts cfg.Workers workers and the watchdog.
func NewPool(cfg PoolConfig) (*Pool, error) {
	if cfg.Workers < 1 {
		cfg.Workers = 1
	}
	if cfg.BusyLimit <= 0 {
		cfg.BusyLimit = 10 * time.Second
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Compat.Logger == nil {
		cfg.Compat.Logger = cfg.Logger
	}
	if cfg.Observer == nil {
		cfg.Observer = nopObserver{}
	}
	p := &Pool{cfg: cfg, logger: cfg.Logger, obs: cfg.Observer, stopWatch: make(chan struct{}), watchDone: make(chan struct{}),
		routeBody: newRouteBodies(len(cfg.Bundle.Routes))}
	go p.watch()
	// Compiling the built-in modules is most of a cold start: spread it over
	// the cores while the workers start (they wait for what they need).
	go compat.Precompile(compat.SetupModules...)
	// The workers start side by side (each sets up its runtime on its own
	// loop goroutine): on several cores a cold start waits for one setup,
	// not for one per worker.
	type started struct {
		w   *Worker
		err error
	}
	results := make([]chan started, cfg.Workers)
	for i := range results {
		results[i] = make(chan started, 1)
		go func() {
			w, err := newWorker(i, p)
			results[i] <- started{w, err}
		}()
	}
	var firstErr error
	for i, ch := range results {
		r := <-ch
		if r.err != nil {
			if firstErr == nil {
				firstErr = fmt.Errorf("starting worker %d: %w", i, r.err)
			}
			continue
		}
		p.mu.Lock()
		p.workers = append(p.workers, r.w)
		p.nextID = i + 1
		p.mu.Unlock()
		p.obs.WorkerEvent(WorkerStarted, r.w.id)
	}
	if firstErr != nil {
		p.Close()
		return nil, firstErr
	}
	return p, nil
}

// Size returns the number of workers.
func (p *Pool) Size() int {
	p.mu.RLock()
	defer p.mu.RUnlock()
	return len(p.workers)
}

// Replaced returns how many workers have been retired and replaced.
func (p *Pool) Replaced() int {
	p.mu.RLock()
	defer p.mu.RUnlock()
	return p.replaced
}

// errPoolClosed is returned by pick after Close.
var errPoolClosed = errors.New("pool is closed")

// pickWait bounds how long pick waits for a worker to become available
// (every worker being replaced at once, e.g. a one-worker pool).
const pickWait = 5 * time.Second

// pick returns the least loaded live worker and assigns x to it, waiting for
// a replacement when no worker is live.
func (p *Pool) pick(x *Exchange) (*Worker, error) {
	deadline := time.Now().Add(pickWait)
	for time.Now().Before(deadline) {
		p.mu.RLock()
		if p.closed {
			p.mu.RUnlock()
			return nil, errPoolClosed
		}
		var best *Worker
		for _, w := range p.workers {
			if w.dead.Load() || w.draining.Load() {
				continue
			}
			if best == nil || w.load.Load() < best.load.Load() {
				best = w
			}
		}
		p.mu.RUnlock()
		if best != nil && best.assign(x) {
			return best, nil
		}
		time.Sleep(2 * time.Millisecond)
	}
	return nil, errors.New("no live worker")
}

// recycle replaces w gracefully: a fresh worker takes its slot at once, and w
// stops once the requests it is serving are done. Any goroutine; once per
// worker.
func (p *Pool) recycle(w *Worker) {
	if w.draining.Swap(true) {
		return
	}
	p.logger.Info("recycling worker", "worker", w.id, "served", w.served.Load(), "errors", w.failed.Load())
	w.mu.Lock()
	idle := len(w.assigned) == 0
	w.mu.Unlock()
	if idle {
		w.loop.Stop()
	}
	p.replace(w)
}

// replace swaps a retired worker for a fresh one, in the background.
func (p *Pool) replace(old *Worker) {
	go func() {
		p.mu.Lock()
		if p.closed {
			p.mu.Unlock()
			return
		}
		id := p.nextID
		p.nextID++
		p.mu.Unlock()
		w, err := newWorker(id, p)
		if err != nil {
			p.logger.Error("could not start a replacement worker", "error", err)
			return
		}
		p.mu.Lock()
		defer p.mu.Unlock()
		if p.closed {
			w.loop.Stop()
			return
		}
		for i, cur := range p.workers {
			if cur == old {
				p.workers[i] = w
				p.replaced++
				p.obs.WorkerEvent(WorkerStarted, w.id)
				return
			}
		}
		w.loop.Stop()
	}()
}

// watch is the watchdog goroutine: it interrupts loops that have been busy
// longer than BusyLimit.
func (p *Pool) watch() {
	defer close(p.watchDone)
	tick := p.cfg.BusyLimit / 10
	if tick > 100*time.Millisecond {
		tick = 100 * time.Millisecond
	}
	if tick < time.Millisecond {
		tick = time.Millisecond
	}
	t := time.NewTicker(tick)
	defer t.Stop()
	for {
		select {
		case <-p.stopWatch:
			return
		case now := <-t.C:
			p.mu.RLock()
			ws := append([]*Worker(nil), p.workers...)
			p.mu.RUnlock()
			if p.cfg.MemoryLimit > 0 {
				p.checkMemory(ws, now)
			}
			for _, w := range ws {
				if busy := w.loop.BusyFor(now); busy > p.cfg.BusyLimit && !w.dead.Load() {
					p.logger.Warn("interrupting a worker stuck in synchronous JavaScript", "worker", w.id, "busy", busy.Round(time.Millisecond))
					p.obs.WorkerEvent(WorkerInterrupted, w.id)
					w.vm.Interrupt(fmt.Sprintf("script ran for more than %s without yielding", p.cfg.BusyLimit))
				}
			}
		}
	}
}

// heapSample reads the bytes of live and not yet swept heap objects.
var heapSample = []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}

// checkMemory interrupts the workers running JavaScript when the heap is over
// the limit: they are the ones allocating. Watchdog goroutine.
func (p *Pool) checkMemory(ws []*Worker, now time.Time) {
	metrics.Read(heapSample)
	if heapSample[0].Value.Kind() != metrics.KindUint64 {
		return
	}
	heap := heapSample[0].Value.Uint64()
	if heap <= uint64(p.cfg.MemoryLimit) {
		return
	}
	for _, w := range ws {
		if w.loop.BusyFor(now) > 0 && !w.dead.Load() {
			p.logger.Error("interrupting a worker: the heap is over the memory limit", "worker", w.id,
				"heap", heap, "limit", p.cfg.MemoryLimit)
			p.obs.WorkerEvent(WorkerInterrupted, w.id)
			w.vm.Interrupt(fmt.Sprintf("memory limit of %d bytes exceeded", p.cfg.MemoryLimit))
		}
	}
}

// routeName names route i for logs.
func (p *Pool) routeName(i int) string {
	if i >= 0 && i < len(p.cfg.Bundle.Routes) {
		r := p.cfg.Bundle.Routes[i]
		return r.Page + " (" + r.File + ")"
	}
	return "?"
}

// Close stops the watchdog and every worker. Requests still running fail
// at once with 503.
func (p *Pool) Close() {
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		return
	}
	p.closed = true
	ws := p.workers
	p.mu.Unlock()
	close(p.stopWatch)
	<-p.watchDone
	for _, w := range ws {
		w.loop.Stop()
		w.mu.Lock()
		xs := make([]*Exchange, 0, len(w.assigned))
		for _, x := range w.assigned {
			xs = append(xs, x)
		}
		w.mu.Unlock()
		for _, x := range xs {
			x.failWith(failure{status: 503, body: "Service Unavailable"})
		}
	}
}

// Busy returns how many live workers are serving at least one request.
func (p *Pool) Busy() int {
	p.mu.RLock()
	defer p.mu.RUnlock()
	n := 0
	for _, w := range p.workers {
		if !w.dead.Load() && w.load.Load() > 0 {
			n++
		}
	}
	return n
}
