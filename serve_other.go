//go:build !linux

package gojaapi

import "net"

// acceptQueueLen is only known on Linux.
func acceptQueueLen(net.Listener) (int, bool) { return 0, false }
