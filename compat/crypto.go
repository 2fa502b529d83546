package compat

import (
	"fmt"
	"strings"

	"github.com/dop251/goja"
)

// node:crypto and Web Crypto. All cryptography is done by Go's standard
// library (and golang.org/x/crypto for scrypt); compat/js/crypto.js and
// compat/js/webcrypto.js shape the results into Node's and the Web's APIs on
// top of the natives that the hidden module internal/crypto exposes.
//
// This file holds what every part shares: the natives object, turning JS
// values into bytes and back, errors, and running heavy work on a goroutine.

func init() {
	registerGo("internal/crypto", loadCryptoNatives)
	registerJS("internal/webcrypto", "webcrypto.js")
	registerJS("crypto", "crypto.js")
	registerGlobal("crypto", "internal/webcrypto", "crypto")
	registerGlobal("CryptoKey", "internal/webcrypto", "CryptoKey")
	registerGlobal("SubtleCrypto", "internal/webcrypto", "SubtleCrypto")
	registerGlobal("Crypto", "internal/webcrypto", "Crypto")
}

// cryptoHost is the per-runtime state of the crypto natives.
type cryptoHost struct {
	h      *Host
	vm     *goja.Runtime
	isView goja.Callable
}

// cryptoError is an error from Go crypto work. It becomes a JS error (of
// constructor ctor, with a Node code when code is set) on the loop goroutine.
type cryptoError struct{ ctor, code, msg string }

func (e *cryptoError) Error() string { return e.msg }

// crErr builds a cryptoError.
func crErr(ctor, code, msg string) error { return &cryptoError{ctor, code, msg} }

// crErrf builds a plain Error with a formatted message and no code.
func crErrf(format string, args ...any) error {
	return &cryptoError{"Error", "", fmt.Sprintf(format, args...)}
}

func loadCryptoNatives(h *Host, module *goja.Object) {
	vm := h.VM
	c := &cryptoHost{h: h, vm: vm}
	ab := vm.Get("ArrayBuffer").ToObject(vm)
	c.isView, _ = goja.AssertFunction(ab.Get("isView"))
	n := vm.NewObject()
	c.installEncoding(n)
	c.installRandom(n)
	c.installHash(n)
	c.installKDF(n)
	c.installCipher(n)
	c.installKeys(n)
	c.installSign(n)
	_ = module.Set("exports", n)
}

// jsErr turns a Go error into the JS error object to throw or reject with.
func (c *cryptoHost) jsErr(err error) goja.Value {
	if ce, ok := err.(*cryptoError); ok {
		return c.h.NewError(ce.ctor, ce.code, ce.msg)
	}
	return c.h.NewError("Error", "", err.Error())
}

// throw raises err in JS.
func (c *cryptoHost) throw(err error) {
	panic(c.jsErr(err))
}

// set defines a native function on the natives object.
func (c *cryptoHost) set(n *goja.Object, name string, fn func(call goja.FunctionCall) goja.Value) {
	_ = n.Set(name, fn)
}

// crArgString returns the string value of an optional argument, or def when it
// is undefined or null.
func crArgString(v goja.Value, def string) string {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return def
	}
	return v.String()
}

// crArgInt returns the integer value of an optional argument, or def.
func crArgInt(v goja.Value, def int64) int64 {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return def
	}
	return v.ToInteger()
}

// crNullish reports whether v is missing, undefined or null.
func crNullish(v goja.Value) bool {
	return v == nil || goja.IsUndefined(v) || goja.IsNull(v)
}

// viewBytes returns the bytes of an ArrayBuffer, TypedArray or DataView,
// sharing memory with JS. ok is false for any other value.
func (c *cryptoHost) viewBytes(v goja.Value) ([]byte, bool) {
	o, isObj := v.(*goja.Object)
	if !isObj {
		return nil, false
	}
	if buf, ok := o.Export().(goja.ArrayBuffer); ok {
		return buf.Bytes(), true
	}
	r, err := c.isView(goja.Undefined(), o)
	if err != nil || !r.ToBoolean() {
		return nil, false
	}
	var b []byte
	if err := c.vm.ExportTo(o, &b); err != nil {
		return nil, false
	}
	return b, true
}

// bytesArg converts a string (decoded with enc), Buffer, TypedArray, DataView
// or ArrayBuffer argument to bytes, throwing Node's ERR_INVALID_ARG_TYPE for
// anything else. The result may share memory with JS: copy it before handing
// it to a goroutine.
func (c *cryptoHost) bytesArg(v goja.Value, enc, name string) []byte {
	if s, ok := v.(goja.String); ok {
		b, err := cryptoDecodeString(s, enc)
		if err != nil {
			c.throw(err)
		}
		return b
	}
	if b, ok := c.viewBytes(v); ok {
		return b
	}
	c.h.Throw("TypeError", "ERR_INVALID_ARG_TYPE", `The "`+name+
		`" argument must be of type string or an instance of Buffer, TypedArray, or DataView. Received `+describeArg(v))
	return nil
}

// bytesCopy is bytesArg with a private copy of the bytes.
func (c *cryptoHost) bytesCopy(v goja.Value, enc, name string) []byte {
	return append([]byte(nil), c.bytesArg(v, enc, name)...)
}

// newBuf returns the bytes as a new ArrayBuffer; the JS side wraps it in a
// Buffer (node) or hands it out as is (Web Crypto).
func (c *cryptoHost) newBuf(b []byte) goja.Value {
	if b == nil {
		b = []byte{}
	}
	return c.vm.ToValue(c.vm.NewArrayBuffer(b))
}

// output returns b encoded as a string when enc names a string encoding,
// else as an ArrayBuffer.
func (c *cryptoHost) output(b []byte, enc goja.Value) goja.Value {
	if !crNullish(enc) {
		if s, ok := cryptoEncode(b, enc.String()); ok {
			return s
		}
	}
	return c.newBuf(b)
}

// runJob runs work synchronously (mode undefined: the result is returned or
// the error thrown), on a goroutine with a Node callback (mode is a function
// called as cb(err, result) on the loop) or on a goroutine behind a promise
// (mode is the string "promise"). conv turns the Go result into a JS value and
// runs on the loop goroutine.
func (c *cryptoHost) runJob(mode goja.Value, work func() (any, error), conv func(any) goja.Value) goja.Value {
	safe := func() (r any, err error) {
		defer func() {
			if p := recover(); p != nil {
				err = crErrf("%v", p)
			}
		}()
		return work()
	}
	if cb, ok := goja.AssertFunction(mode); ok {
		restore := c.h.CaptureContext()
		go func() {
			r, err := safe()
			c.h.Loop.RunOnLoop(func() {
				restore(func() {
					if err != nil {
						c.h.InvokeMacrotask(cb, c.jsErr(err))
						return
					}
					c.h.InvokeMacrotask(cb, goja.Null(), conv(r))
				})
			})
		}()
		return goja.Undefined()
	}
	if !crNullish(mode) && mode.String() == "promise" {
		p, resolve, reject := c.vm.NewPromise()
		restore := c.h.CaptureContext()
		go func() {
			r, err := safe()
			c.h.Loop.RunOnLoop(func() {
				restore(func() {
					var e error
					if err != nil {
						e = reject(c.jsErr(err))
					} else {
						e = resolve(conv(r))
					}
					if e != nil {
						panic(e)
					}
				})
			})
		}()
		return c.vm.ToValue(p)
	}
	r, err := safe()
	if err != nil {
		c.throw(err)
	}
	return conv(r)
}

// bufConv is the runJob conversion for a []byte result.
func (c *cryptoHost) bufConv(r any) goja.Value { return c.newBuf(r.([]byte)) }

// crNormEncoding returns Node's canonical name of a Buffer encoding, or "" if
// enc is not one.
func crNormEncoding(enc string) string {
	switch strings.ToLower(enc) {
	case "utf8", "utf-8":
		return "utf8"
	case "hex":
		return "hex"
	case "base64":
		return "base64"
	case "base64url":
		return "base64url"
	case "latin1", "binary":
		return "latin1"
	case "ascii":
		return "ascii"
	case "ucs2", "ucs-2", "utf16le", "utf-16le":
		return "utf16le"
	}
	return ""
}
