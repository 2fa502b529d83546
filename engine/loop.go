package engine

import (
	"github.com/gojaapi/gojaapi/compat"
	"sync"
	"sync/atomic"
	"time"
)

// Loop is a single-goroutine event loop, like Node's: callbacks queued from
// any goroutine run one at a time on the loop goroutine. It implements
// compat.Loop.
//
// Every job runs inside run, which records when the loop became busy so the
// pool's watchdog can tell a runaway script (a synchronous infinite loop) from
// an idle loop.
type Loop struct {
	mu      sync.Mutex
	queue   []func()
	wake    chan struct{}
	stopped bool
	done    chan struct{}

	// busySince is the UnixNano time the current job started, or 0 when the
	// loop is idle. Written by the loop goroutine, read by the watchdog.
	busySince atomic.Int64
	// onPanic handles a panic raised by a job (an interrupt, or a bug in a
	// Go native). It runs on the loop goroutine; the loop stops after it if
	// it returns false.
	onPanic func(v any) (keepGoing bool)
	// timers are the loop's timers (loop goroutine only).
	timers *compat.TimerQueue
	// afterJob, if set, runs on the loop goroutine after each job (the
	// runtime reports unhandled rejections there, once microtasks are done).
	afterJob func()
}

// NewLoop returns a loop that is not yet running; call Run on the goroutine
// that should own it.
func NewLoop(onPanic func(v any) bool) *Loop {
	l := &Loop{wake: make(chan struct{}, 1), done: make(chan struct{}), onPanic: onPanic}
	l.timers = compat.NewTimerQueue(l.RunOnLoop)
	return l
}

// RunOnLoop queues fn to run on the loop goroutine. It never blocks and is
// safe from any goroutine. It reports false, and drops fn, once the loop has
// stopped.
func (l *Loop) RunOnLoop(fn func()) bool {
	l.mu.Lock()
	if l.stopped {
		l.mu.Unlock()
		return false
	}
	l.queue = append(l.queue, fn)
	l.mu.Unlock()
	select {
	case l.wake <- struct{}{}:
	default:
	}
	return true
}

// AfterFunc runs fn on the loop goroutine after d. The returned function
// cancels it and reports whether it was still pending. Both must be called on
// the loop goroutine. Timers run in deadline order (creation order for equal
// deadlines), as in Node, even when several are due at once.
func (l *Loop) AfterFunc(d time.Duration, fn func()) (stop func() bool) {
	return l.timers.AfterFunc(d, fn)
}

// Stop makes the loop return from Run after the job in progress; queued jobs
// are dropped. Safe from any goroutine; idempotent.
func (l *Loop) Stop() {
	l.mu.Lock()
	if !l.stopped {
		l.stopped = true
		l.queue = nil
		close(l.done)
	}
	l.mu.Unlock()
}

// Stopped reports whether Stop has been called.
func (l *Loop) Stopped() bool {
	select {
	case <-l.done:
		return true
	default:
		return false
	}
}

// BusyFor returns how long the current job has been running, or 0 if the loop
// is idle. Safe from any goroutine.
func (l *Loop) BusyFor(now time.Time) time.Duration {
	s := l.busySince.Load()
	if s == 0 {
		return 0
	}
	return now.Sub(time.Unix(0, s))
}

// Run runs jobs until Stop. It must be called once, on the goroutine that
// will own the loop (and the runtime it serves).
func (l *Loop) Run() {
	var batch []func()
	for {
		select {
		case <-l.wake:
		case <-l.done:
			return
		}
		for {
			l.mu.Lock()
			if l.stopped {
				l.mu.Unlock()
				return
			}
			batch, l.queue = l.queue, batch[:0]
			l.mu.Unlock()
			if len(batch) == 0 {
				break
			}
			for i, job := range batch {
				batch[i] = nil
				if !l.exec(job) {
					l.Stop()
					return
				}
				if l.Stopped() {
					return
				}
			}
		}
	}
}

// exec runs one job, recording the busy time and recovering a panic.
func (l *Loop) exec(job func()) (keepGoing bool) {
	now := time.Now()
	l.busySince.Store(now.UnixNano())
	l.timers.Tick(now)
	defer func() {
		l.busySince.Store(0)
		if v := recover(); v != nil {
			keepGoing = l.onPanic != nil && l.onPanic(v)
		}
	}()
	job()
	if l.afterJob != nil {
		l.afterJob()
	}
	return true
}
