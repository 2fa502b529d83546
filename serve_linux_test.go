package gojaapi

import (
	"net"
	"testing"
	"time"
)

// TestAcceptQueueLen: the kernel's count of connections not yet accepted,
// which ServeWith waits to see at 0 before it closes its listener.
func TestAcceptQueueLen(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	if n, ok := acceptQueueLen(ln); !ok || n != 0 {
		t.Fatalf("empty queue: %d %v", n, ok)
	}
	for i := 0; i < 3; i++ {
		c, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
	}
	var n int
	for i := 0; i < 100 && n != 3; i++ {
		n, _ = acceptQueueLen(ln)
		time.Sleep(time.Millisecond)
	}
	if n != 3 {
		t.Fatalf("3 unaccepted connections: queue %d", n)
	}
	c, err := ln.Accept()
	if err != nil {
		t.Fatal(err)
	}
	c.Close()
	if n, _ := acceptQueueLen(ln); n != 2 {
		t.Fatalf("after one Accept: %d", n)
	}
}
