package compat

import (
	"crypto"
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha3"
	"crypto/sha512"
	"crypto/subtle"
	"encoding"
	"hash"
	"strings"

	"github.com/dop251/goja"
)

// Message digests and HMAC: createHash, createHmac, hash, getHashes and the
// digest natives shared with signatures, key derivation and Web Crypto.

// cryptoHashes maps Node's digest names (lower case) to Go hashes.
var cryptoHashes = map[string]crypto.Hash{
	"md5":        crypto.MD5,
	"sha1":       crypto.SHA1,
	"sha224":     crypto.SHA224,
	"sha256":     crypto.SHA256,
	"sha384":     crypto.SHA384,
	"sha512":     crypto.SHA512,
	"sha512-224": crypto.SHA512_224,
	"sha512-256": crypto.SHA512_256,
	"sha3-224":   crypto.SHA3_224,
	"sha3-256":   crypto.SHA3_256,
	"sha3-384":   crypto.SHA3_384,
	"sha3-512":   crypto.SHA3_512,
}

// cryptoHashNames is what getHashes returns: the digests we implement,
// under the names Node lists for them.
var cryptoHashNames = []string{
	"RSA-MD5", "RSA-SHA1", "RSA-SHA224", "RSA-SHA256", "RSA-SHA3-224", "RSA-SHA3-256",
	"RSA-SHA3-384", "RSA-SHA3-512", "RSA-SHA384", "RSA-SHA512", "RSA-SHA512/224", "RSA-SHA512/256",
	"md5", "md5WithRSAEncryption", "sha1", "sha1WithRSAEncryption", "sha224",
	"sha224WithRSAEncryption", "sha256", "sha256WithRSAEncryption", "sha3-224", "sha3-256",
	"sha3-384", "sha3-512", "sha384", "sha384WithRSAEncryption", "sha512", "sha512-224",
	"sha512-224WithRSAEncryption", "sha512-256", "sha512-256WithRSAEncryption",
	"sha512WithRSAEncryption", "shake128", "shake256",
}

// crLookupHash resolves a Node or Web Crypto digest name ("sha256",
// "SHA-256", "RSA-SHA256", "sha256WithRSAEncryption") to a Go hash.
func crLookupHash(name string) (crypto.Hash, bool) {
	n := strings.ToLower(name)
	n = strings.TrimPrefix(n, "rsa-")
	n = strings.TrimSuffix(n, "withrsaencryption")
	n = strings.Replace(n, "sha512/", "sha512-", 1)
	switch n {
	case "sha-1", "sha-224", "sha-256", "sha-384", "sha-512":
		n = "sha" + n[4:]
	case "sha1-2":
		n = "sha1"
	}
	h, ok := cryptoHashes[n]
	if !ok {
		return 0, false
	}
	return h, true
}

// crNewHash returns a fresh hash.Hash for h.
func crNewHash(h crypto.Hash) hash.Hash {
	switch h {
	case crypto.MD5:
		return md5.New()
	case crypto.SHA1:
		return sha1.New()
	case crypto.SHA224:
		return sha256.New224()
	case crypto.SHA256:
		return sha256.New()
	case crypto.SHA384:
		return sha512.New384()
	case crypto.SHA512:
		return sha512.New()
	case crypto.SHA512_224:
		return sha512.New512_224()
	case crypto.SHA512_256:
		return sha512.New512_256()
	case crypto.SHA3_224:
		return sha3.New224()
	case crypto.SHA3_256:
		return sha3.New256()
	case crypto.SHA3_384:
		return sha3.New384()
	case crypto.SHA3_512:
		return sha3.New512()
	}
	panic("compat: unsupported hash")
}

// crHashFunc returns a constructor for h, as hmac, pbkdf2 and hkdf want.
func crHashFunc(h crypto.Hash) func() hash.Hash {
	return func() hash.Hash { return crNewHash(h) }
}

// cloneHash copies the running state of a hash.
func cloneHash(src hash.Hash, h crypto.Hash) hash.Hash {
	if cl, ok := src.(hash.Cloner); ok {
		if d, err := cl.Clone(); err == nil {
			return d.(hash.Hash)
		}
	}
	m, ok := src.(encoding.BinaryMarshaler)
	if !ok {
		return nil
	}
	st, err := m.MarshalBinary()
	if err != nil {
		return nil
	}
	d := crNewHash(h)
	if err := d.(encoding.BinaryUnmarshaler).UnmarshalBinary(st); err != nil {
		return nil
	}
	return d
}

// hashState is a running Hash or Hmac. shake is set for SHAKE digests,
// whose output length is chosen by the caller.
type hashState struct {
	alg      crypto.Hash
	h        hash.Hash
	shake    *sha3.SHAKE
	shakeLen int
	done     bool
	hmac     bool
}

func (s *hashState) write(b []byte) {
	if s.shake != nil {
		_, _ = s.shake.Write(b)
		return
	}
	_, _ = s.h.Write(b)
}

func (s *hashState) sum() []byte {
	if s.shake != nil {
		out := make([]byte, s.shakeLen)
		_, _ = s.shake.Read(out)
		return out
	}
	return s.h.Sum(nil)
}

func (c *cryptoHost) invalidDigest(name string) {
	c.h.Throw("TypeError", "ERR_CRYPTO_INVALID_DIGEST", "Invalid digest: "+name)
}

// hashObject exposes a hashState to JS as {update, digest, copy}.
func (c *cryptoHost) hashObject(s *hashState) *goja.Object {
	o := c.vm.NewObject()
	c.set(o, "update", func(call goja.FunctionCall) goja.Value {
		if s.done {
			c.h.Throw("Error", "ERR_CRYPTO_HASH_FINALIZED", "Digest already called")
		}
		s.write(c.bytesArg(call.Argument(0), crArgString(call.Argument(1), "utf8"), "data"))
		return goja.Undefined()
	})
	c.set(o, "digest", func(call goja.FunctionCall) goja.Value {
		if s.done {
			if s.hmac {
				return c.output(nil, call.Argument(0))
			}
			c.h.Throw("Error", "ERR_CRYPTO_HASH_FINALIZED", "Digest already called")
		}
		s.done = true
		return c.output(s.sum(), call.Argument(0))
	})
	c.set(o, "copy", func(call goja.FunctionCall) goja.Value {
		if s.done {
			c.h.Throw("Error", "ERR_CRYPTO_HASH_FINALIZED", "Digest already called")
		}
		d := &hashState{alg: s.alg, shakeLen: s.shakeLen}
		if !crNullish(call.Argument(0)) {
			d.shakeLen = int(call.Argument(0).ToInteger())
		}
		if s.shake != nil {
			st, _ := s.shake.MarshalBinary()
			d.shake = newShake(s.shakeLen)
			_ = d.shake.UnmarshalBinary(st)
		} else {
			d.h = cloneHash(s.h, s.alg)
		}
		return c.hashObject(d)
	})
	return o
}

// newShake returns SHAKE128 for a 16-byte default output, else SHAKE256.
func newShake(defLen int) *sha3.SHAKE {
	if defLen == 16 {
		return sha3.NewSHAKE128()
	}
	return sha3.NewSHAKE256()
}

// hashArg resolves a digest name argument or throws ERR_CRYPTO_INVALID_DIGEST.
func (c *cryptoHost) hashArg(v goja.Value) crypto.Hash {
	h, ok := crLookupHash(crArgString(v, ""))
	if !ok {
		c.invalidDigest(crArgString(v, "undefined"))
	}
	return h
}

func (c *cryptoHost) installHash(n *goja.Object) {
	_ = n.Set("hashes", cryptoHashNames)
	// createHash(alg, outputLength?) -> {update, digest, copy}
	c.set(n, "createHash", func(call goja.FunctionCall) goja.Value {
		name := crArgString(call.Argument(0), "")
		switch strings.ToLower(name) {
		case "shake128", "shake256":
			def := 16
			if strings.ToLower(name) == "shake256" {
				def = 32
			}
			s := &hashState{shake: newShake(def), shakeLen: def}
			if !crNullish(call.Argument(1)) {
				s.shakeLen = int(call.Argument(1).ToInteger())
			}
			return c.hashObject(s)
		}
		h, ok := crLookupHash(name)
		if !ok {
			c.h.Throw("Error", "", "Digest method not supported")
		}
		return c.hashObject(&hashState{alg: h, h: crNewHash(h)})
	})
	// createHmac(alg, key) -> {update, digest}
	c.set(n, "createHmac", func(call goja.FunctionCall) goja.Value {
		h := c.hashArg(call.Argument(0))
		key := c.bytesCopy(call.Argument(1), "utf8", "key")
		return c.hashObject(&hashState{alg: h, h: hmac.New(crHashFunc(h), key), hmac: true})
	})
	// digest(alg, data) -> ArrayBuffer: one-shot digest.
	c.set(n, "digest", func(call goja.FunctionCall) goja.Value {
		h := c.hashArg(call.Argument(0))
		d := crNewHash(h)
		d.Write(c.bytesArg(call.Argument(1), crArgString(call.Argument(2), "utf8"), "data"))
		return c.output(d.Sum(nil), call.Argument(3))
	})
	// hmac(alg, key, data) -> ArrayBuffer: one-shot HMAC.
	c.set(n, "hmac", func(call goja.FunctionCall) goja.Value {
		h := c.hashArg(call.Argument(0))
		m := hmac.New(crHashFunc(h), c.bytesArg(call.Argument(1), "utf8", "key"))
		m.Write(c.bytesArg(call.Argument(2), "utf8", "data"))
		return c.newBuf(m.Sum(nil))
	})
	// hashInfo(alg) -> [digest size, block size] or null.
	c.set(n, "hashInfo", func(call goja.FunctionCall) goja.Value {
		h, ok := crLookupHash(crArgString(call.Argument(0), ""))
		if !ok {
			return goja.Null()
		}
		return c.vm.ToValue([]int{h.Size(), crNewHash(h).BlockSize()})
	})
	// timingSafeEqual(a, b) -> bool, lengths already checked by JS.
	c.set(n, "timingSafeEqual", func(call goja.FunctionCall) goja.Value {
		a, _ := c.viewBytes(call.Argument(0))
		b, _ := c.viewBytes(call.Argument(1))
		return c.vm.ToValue(subtle.ConstantTimeCompare(a, b) == 1)
	})
}
