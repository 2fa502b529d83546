package compat

import (
	"container/heap"
	"time"
)

// TimerQueue keeps an event loop's timers in the order Node runs them:
// earliest deadline first, and in creation order for equal deadlines, even
// when the loop was too busy to run them on time and several are due at
// once. One Go timer wakes the loop for the earliest.
//
// Deadlines count from the start of the loop's current job (Tick), as Node
// counts them from the loop's cached time: timers set in one synchronous run
// keep their order however long that run takes between the calls.
//
// All methods except the wake-up belong to the loop goroutine.
type TimerQueue struct {
	post   func(fn func()) bool // the loop's RunOnLoop
	timers timerHeap
	seq    uint64
	wake   *time.Timer
	tick   time.Time // start of the current job; zero: use the clock
}

// Tick tells the queue that the loop starts a job at now: the deadlines of
// timers set during it count from now. A loop that never calls it gets
// deadlines from the clock at each call.
func (q *TimerQueue) Tick(now time.Time) { q.tick = now }

// NewTimerQueue returns a queue whose wake-ups are posted to the loop with
// post (its RunOnLoop).
func NewTimerQueue(post func(fn func()) bool) *TimerQueue {
	return &TimerQueue{post: post}
}

type queuedTimer struct {
	when  time.Time
	seq   uint64
	fn    func()
	index int // in the heap, -1 once run or stopped
}

type timerHeap []*queuedTimer

func (h timerHeap) Len() int { return len(h) }
func (h timerHeap) Less(i, j int) bool {
	if h[i].when.Equal(h[j].when) {
		return h[i].seq < h[j].seq
	}
	return h[i].when.Before(h[j].when)
}
func (h timerHeap) Swap(i, j int) {
	h[i], h[j] = h[j], h[i]
	h[i].index, h[j].index = i, j
}
func (h *timerHeap) Push(x any) {
	t := x.(*queuedTimer)
	t.index = len(*h)
	*h = append(*h, t)
}
func (h *timerHeap) Pop() any {
	old := *h
	t := old[len(old)-1]
	old[len(old)-1] = nil
	*h = old[:len(old)-1]
	t.index = -1
	return t
}

// AfterFunc runs fn on the loop after d. The returned function cancels it
// and reports whether it was still pending.
func (q *TimerQueue) AfterFunc(d time.Duration, fn func()) (stop func() bool) {
	q.seq++
	base := q.tick
	if base.IsZero() {
		base = time.Now()
	}
	t := &queuedTimer{when: base.Add(d), seq: q.seq, fn: fn}
	heap.Push(&q.timers, t)
	if t.index == 0 {
		q.arm()
	}
	return func() bool {
		if t.index < 0 {
			return false
		}
		heap.Remove(&q.timers, t.index)
		return true
	}
}

// arm sets the Go timer for the earliest deadline.
func (q *TimerQueue) arm() {
	if len(q.timers) == 0 {
		return
	}
	d := time.Until(q.timers[0].when)
	if q.wake == nil {
		q.wake = time.AfterFunc(d, func() { q.post(q.fire) })
		return
	}
	q.wake.Reset(d)
}

// fire runs every timer that is due, in order, then re-arms. A callback that
// panics leaves the rest for the next wake-up.
func (q *TimerQueue) fire() {
	defer q.arm()
	now := time.Now()
	for len(q.timers) > 0 && !q.timers[0].when.After(now) {
		t := heap.Pop(&q.timers).(*queuedTimer)
		t.fn()
	}
}
