package main

import (
	"os"
	"runtime"
	"runtime/metrics"
	"testing"
	"time"
)

func TestGCPercentFor(t *testing.T) {
	const mb = 1 << 20
	for _, c := range []struct {
		live, floor uint64
		want        int
	}{
		{10 * mb, 64 * mb, 540},
		{16 * mb, 64 * mb, 300},
		{32 * mb, 64 * mb, 100}, // past half the floor: Go's default
		{200 * mb, 64 * mb, 100},
		{1 * mb, 64 * mb, 1000}, // capped
	} {
		if got := gcPercentFor(c.live, c.floor); got != c.want {
			t.Errorf("gcPercentFor(%d MB, %d MB) = %d, want %d", c.live/mb, c.floor/mb, got, c.want)
		}
	}
}

// TestGCFloorRaisesGOGC runs real collections with a floor far above this
// test's live heap: GOGC must rise after them, and fall back to 100 on stop.
func TestGCFloorRaisesGOGC(t *testing.T) {
	if os.Getenv("GOGC") != "" {
		t.Skip("GOGC is set in the environment: the floor stays off by design")
	}
	gogc := func() uint64 {
		s := []metrics.Sample{{Name: "/gc/gogc:percent"}}
		metrics.Read(s)
		return s[0].Value.Uint64()
	}
	stop := startGCFloor(1 << 30)
	deadline := time.Now().Add(10 * time.Second)
	for gogc() <= 100 && time.Now().Before(deadline) {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	if got := gogc(); got <= 100 {
		t.Fatalf("GOGC = %d after collections with a 1 GB floor, want more than 100", got)
	}
	stop()
	if got := gogc(); got != 100 {
		t.Errorf("GOGC = %d after stop, want 100", got)
	}
}
