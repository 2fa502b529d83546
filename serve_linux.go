package gojaapi

import (
	"net"

	"golang.org/x/sys/unix"
)

// acceptQueueLen returns how many connections the kernel has completed on
// ln that nobody has accepted yet (Linux reports it in TCP_INFO for a
// listening socket), and false if ln is not a TCP listener.
func acceptQueueLen(ln net.Listener) (int, bool) {
	tl, ok := ln.(*net.TCPListener)
	if !ok {
		return 0, false
	}
	sc, err := tl.SyscallConn()
	if err != nil {
		return 0, false
	}
	var info *unix.TCPInfo
	var ierr error
	if err := sc.Control(func(fd uintptr) {
		info, ierr = unix.GetsockoptTCPInfo(int(fd), unix.IPPROTO_TCP, unix.TCP_INFO)
	}); err != nil || ierr != nil {
		return 0, false
	}
	return int(info.Unacked), true
}
