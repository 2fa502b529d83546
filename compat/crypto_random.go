package compat

import (
	"crypto/rand"

	"github.com/dop251/goja"
)

// Random bytes for crypto.randomBytes, randomFill, randomUUID and
// getRandomValues, from the operating system's CSPRNG.

func (c *cryptoHost) installRandom(n *goja.Object) {
	// randomFill(view, offset, size): fills size bytes of view from offset.
	c.set(n, "randomFill", func(call goja.FunctionCall) goja.Value {
		b, ok := c.viewBytes(call.Argument(0))
		if !ok {
			c.h.Throw("TypeError", "ERR_INVALID_ARG_TYPE", `The "buf" argument must be an instance of ArrayBuffer or ArrayBufferView. Received `+describeArg(call.Argument(0)))
		}
		off := crArgInt(call.Argument(1), 0)
		size := crArgInt(call.Argument(2), int64(len(b))-off)
		if off < 0 || size < 0 || off+size > int64(len(b)) {
			c.h.Throw("RangeError", "ERR_OUT_OF_RANGE", "The value of \"size + offset\" is out of range.")
		}
		_, _ = rand.Read(b[off : off+size])
		return call.Argument(0)
	})
	// randomBytes(size) -> ArrayBuffer.
	c.set(n, "randomBytes", func(call goja.FunctionCall) goja.Value {
		b := make([]byte, crArgInt(call.Argument(0), 0))
		_, _ = rand.Read(b)
		return c.newBuf(b)
	})
	c.set(n, "randomUUID", func(goja.FunctionCall) goja.Value {
		return c.vm.ToValue(cryptoUUID())
	})
}

// cryptoUUID returns a random (version 4) UUID in its string form.
func cryptoUUID() string {
	var u [16]byte
	_, _ = rand.Read(u[:])
	u[6] = u[6]&0x0f | 0x40
	u[8] = u[8]&0x3f | 0x80
	const hexd = "0123456789abcdef"
	out := make([]byte, 0, 36)
	for i, b := range u {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			out = append(out, '-')
		}
		out = append(out, hexd[b>>4], hexd[b&15])
	}
	return string(out)
}
