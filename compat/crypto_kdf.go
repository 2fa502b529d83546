package compat

import (
	"crypto/hkdf"
	"crypto/pbkdf2"

	"github.com/dop251/goja"
	"golang.org/x/crypto/scrypt"
)

// Key derivation: PBKDF2, HKDF and scrypt, for node:crypto and Web Crypto.
// Argument checks with Node's messages are done by crypto.js; the natives
// take validated numbers and run on a goroutine unless called synchronously.

// scryptMemory is the memory OpenSSL reckons scrypt needs, which Node
// compares with maxmem.
func scryptMemory(n, r, p uint64) uint64 {
	return 128*r*p + 128*r*(n+2)
}

func (c *cryptoHost) installKDF(n *goja.Object) {
	// pbkdf2(password, salt, iterations, keylen, digest, mode)
	c.set(n, "pbkdf2", func(call goja.FunctionCall) goja.Value {
		pw := c.bytesCopy(call.Argument(0), "utf8", "password")
		salt := c.bytesCopy(call.Argument(1), "utf8", "salt")
		iter := int(call.Argument(2).ToInteger())
		keylen := int(call.Argument(3).ToInteger())
		h := c.hashArg(call.Argument(4))
		return c.runJob(call.Argument(5), func() (any, error) {
			if keylen == 0 {
				return []byte{}, nil
			}
			return pbkdf2.Key(crHashFunc(h), string(pw), salt, iter, keylen)
		}, c.bufConv)
	})
	// hkdf(digest, ikm, salt, info, keylen, mode)
	c.set(n, "hkdf", func(call goja.FunctionCall) goja.Value {
		h := c.hashArg(call.Argument(0))
		ikm := c.bytesCopy(call.Argument(1), "utf8", "ikm")
		salt := c.bytesCopy(call.Argument(2), "utf8", "salt")
		info := c.bytesCopy(call.Argument(3), "utf8", "info")
		keylen := int(call.Argument(4).ToInteger())
		if keylen > 255*h.Size() {
			c.h.Throw("RangeError", "ERR_CRYPTO_INVALID_KEYLEN", "Invalid key length")
		}
		return c.runJob(call.Argument(5), func() (any, error) {
			if keylen == 0 {
				return []byte{}, nil
			}
			return hkdf.Key(crHashFunc(h), ikm, salt, string(info), keylen)
		}, c.bufConv)
	})
	// scrypt(password, salt, keylen, N, r, p, maxmem, mode)
	c.set(n, "scrypt", func(call goja.FunctionCall) goja.Value {
		pw := c.bytesCopy(call.Argument(0), "utf8", "password")
		salt := c.bytesCopy(call.Argument(1), "utf8", "salt")
		keylen := int(call.Argument(2).ToInteger())
		N := call.Argument(3).ToInteger()
		r := call.Argument(4).ToInteger()
		p := call.Argument(5).ToInteger()
		maxmem := call.Argument(6).ToFloat()
		if N < 2 || N&(N-1) != 0 || r < 1 || p < 1 || r*p >= 1<<30 {
			c.h.Throw("RangeError", "ERR_CRYPTO_INVALID_SCRYPT_PARAMS", "Invalid scrypt params")
		}
		if float64(scryptMemory(uint64(N), uint64(r), uint64(p))) > maxmem {
			c.h.Throw("RangeError", "ERR_CRYPTO_INVALID_SCRYPT_PARAMS", "Invalid scrypt params: error:030000AC:digital envelope routines::memory limit exceeded")
		}
		return c.runJob(call.Argument(7), func() (any, error) {
			if keylen == 0 {
				return []byte{}, nil
			}
			return scrypt.Key(pw, salt, int(N), int(r), int(p), keylen)
		}, c.bufConv)
	})
}
