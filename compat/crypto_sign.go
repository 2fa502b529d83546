package compat

import (
	"crypto"
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/rsa"
	"encoding/asn1"
	"hash"
	"math/big"

	"github.com/dop251/goja"
)

// Signatures (RSA PKCS#1 v1.5 and PSS, ECDSA in DER or IEEE P1363 form,
// Ed25519), RSA encryption (OAEP, PKCS#1 v1.5, raw private-key operations)
// and ECDH / X25519 key agreement.

// Node's RSA padding and PSS salt constants.
const (
	rsaPKCS1Padding  = 1
	rsaNoPadding     = 3
	rsaOAEPPadding   = 4
	rsaPSSPadding    = 6
	pssSaltDigest    = -1
	pssSaltMaxOrAuto = -2
)

// crSignOpts are the options of a signature: RSA padding and salt length,
// ECDSA signature encoding ("der" or "ieee-p1363").
type crSignOpts struct {
	padding    int
	saltLength int
	p1363      bool
}

func crErrKeyType(got, want string) error {
	return crErr("TypeError", "ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE", "Invalid key object type "+got+", expected "+want+".")
}

var crErrNotForKeyType = crErr("Error", "ERR_OSSL_EVP_OPERATION_NOT_SUPPORTED_FOR_THIS_KEYTYPE",
	"error:03000096:digital envelope routines::operation not supported for this keytype")

// pssOptions maps Node's salt length to Go's.
func pssOptions(h crypto.Hash, salt int) *rsa.PSSOptions {
	switch salt {
	case pssSaltDigest:
		return &rsa.PSSOptions{SaltLength: rsa.PSSSaltLengthEqualsHash, Hash: h}
	case pssSaltMaxOrAuto:
		return &rsa.PSSOptions{SaltLength: rsa.PSSSaltLengthAuto, Hash: h}
	}
	return &rsa.PSSOptions{SaltLength: salt, Hash: h}
}

// ecdsaSize is the byte length of one P1363 signature half.
func ecdsaSize(pub *ecdsa.PublicKey) int { return (pub.Curve.Params().BitSize + 7) / 8 }

type crECDSASig struct{ R, S *big.Int }

// signDigest signs a message: its digest, or for Ed25519 the message itself.
func signDigest(k *cryptoKey, h crypto.Hash, msg []byte, o crSignOpts) ([]byte, error) {
	if k.kind != "private" {
		return nil, crErrKeyType(k.kind, "private")
	}
	if p, ok := k.priv.(ed25519.PrivateKey); ok {
		return ed25519.Sign(p, msg), nil
	}
	return signPrehashed(k, h, crHashBytes(h, msg), o)
}

// verifySignature checks a signature of a message.
func verifySignature(k *cryptoKey, h crypto.Hash, msg, sig []byte, o crSignOpts) (bool, error) {
	if k.kind == "secret" {
		return false, crErrKeyType("secret", "public or private")
	}
	if p, ok := k.pub.(ed25519.PublicKey); ok {
		return len(sig) == ed25519.SignatureSize && ed25519.Verify(p, msg, sig), nil
	}
	return verifyPrehashed(k, h, crHashBytes(h, msg), sig, o)
}

// crHashBytes digests msg with h.
func crHashBytes(h crypto.Hash, msg []byte) []byte {
	d := crNewHash(h)
	d.Write(msg)
	return d.Sum(nil)
}

// crRSACrypt performs publicEncrypt (op "pe"), privateDecrypt ("pd"),
// privateEncrypt ("se") and publicDecrypt ("sd").
func crRSACrypt(op string, k *cryptoKey, data []byte, padding int, oaepHash crypto.Hash, label []byte) ([]byte, error) {
	var pub *rsa.PublicKey
	if p, ok := k.pub.(*rsa.PublicKey); ok {
		pub = p
	} else {
		return nil, crErrNotForKeyType
	}
	priv, _ := k.priv.(*rsa.PrivateKey)
	if (op == "pd" || op == "se") && priv == nil {
		return nil, crErrKeyType(k.kind, "private")
	}
	switch op {
	case "pe":
		switch padding {
		case rsaOAEPPadding:
			return rsa.EncryptOAEP(crNewHash(oaepHash), rand.Reader, pub, data, label)
		case rsaPKCS1Padding:
			//lint:ignore SA1019 Node's publicEncrypt supports RSA_PKCS1_PADDING
			return rsa.EncryptPKCS1v15(rand.Reader, pub, data)
		case rsaNoPadding:
			return crRSARaw(pub, nil, data)
		}
	case "pd":
		switch padding {
		case rsaOAEPPadding:
			out, err := rsa.DecryptOAEP(crNewHash(oaepHash), nil, priv, data, label)
			if err != nil {
				return nil, crErr("Error", "ERR_OSSL_RSA_OAEP_DECODING_ERROR", "error:02000079:rsa routines::oaep decoding error")
			}
			return out, nil
		case rsaPKCS1Padding:
			return nil, crErr("TypeError", "ERR_INVALID_ARG_VALUE", "RSA_PKCS1_PADDING is no longer supported for private decryption, this can be reverted with --security-revert=CVE-2023-46809")
		case rsaNoPadding:
			return crRSARaw(nil, priv, data)
		}
	case "se":
		switch padding {
		case rsaPKCS1Padding:
			return rsa.SignPKCS1v15(nil, priv, 0, data)
		case rsaNoPadding:
			return crRSARaw(nil, priv, data)
		}
	case "sd":
		em, err := crRSARaw(pub, nil, data)
		if err != nil {
			return nil, err
		}
		switch padding {
		case rsaPKCS1Padding:
			// 00 01 FF..FF 00 message
			if len(em) < 11 || em[0] != 0 || em[1] != 1 {
				return nil, crErr("Error", "ERR_OSSL_RSA_PADDING_CHECK_FAILED", "error:02000072:rsa routines::padding check failed")
			}
			i := 2
			for i < len(em) && em[i] == 0xff {
				i++
			}
			if i < 10 || i >= len(em) || em[i] != 0 {
				return nil, crErr("Error", "ERR_OSSL_RSA_PADDING_CHECK_FAILED", "error:02000072:rsa routines::padding check failed")
			}
			return em[i+1:], nil
		case rsaNoPadding:
			return em, nil
		}
	}
	return nil, crErr("Error", "ERR_OSSL_RSA_UNKNOWN_PADDING_TYPE", "error:1C8000A5:Provider routines::illegal or unsupported padding mode")
}

// crRSARaw applies the bare RSA function: with pub, m^e mod n; with priv,
// c^d mod n. The result is left-padded to the modulus size.
func crRSARaw(pub *rsa.PublicKey, priv *rsa.PrivateKey, data []byte) ([]byte, error) {
	if pub == nil {
		pub = &priv.PublicKey
	}
	size := pub.Size()
	if len(data) != size {
		return nil, crErr("Error", "ERR_OSSL_RSA_DATA_TOO_LARGE_FOR_MODULUS", "error:0200006E:rsa routines::data too large for key size")
	}
	m := new(big.Int).SetBytes(data)
	if m.Cmp(pub.N) >= 0 {
		return nil, crErr("Error", "ERR_OSSL_RSA_DATA_TOO_LARGE_FOR_MODULUS", "error:0200006E:rsa routines::data too large for modulus")
	}
	var r *big.Int
	if priv != nil {
		r = new(big.Int).Exp(m, priv.D, pub.N)
	} else {
		r = new(big.Int).Exp(m, big.NewInt(int64(pub.E)), pub.N)
	}
	return r.FillBytes(make([]byte, size)), nil
}

// crDeriveShared computes an ECDH (or X25519) shared secret.
func crDeriveShared(priv, pub *cryptoKey) ([]byte, error) {
	if priv.kind != "private" {
		return nil, crErrKeyType(priv.kind, "private")
	}
	var a *ecdh.PrivateKey
	var b *ecdh.PublicKey
	var err error
	switch p := priv.priv.(type) {
	case *ecdsa.PrivateKey:
		if a, err = p.ECDH(); err != nil {
			return nil, crErrNotForKeyType
		}
	case *ecdh.PrivateKey:
		a = p
	default:
		return nil, crErrNotForKeyType
	}
	switch p := pub.pub.(type) {
	case *ecdsa.PublicKey:
		if b, err = p.ECDH(); err != nil {
			return nil, crErrNotForKeyType
		}
	case *ecdh.PublicKey:
		b = p
	default:
		return nil, crErrNotForKeyType
	}
	if a.Curve() != b.Curve() {
		return nil, crErr("Error", "ERR_CRYPTO_INCOMPATIBLE_KEY", "Incompatible key types for Diffie-Hellman: mismatching curves")
	}
	return a.ECDH(b)
}

// signOptsArg reads padding, saltLength and dsaEncoding arguments.
func signOptsArg(call goja.FunctionCall, from int) crSignOpts {
	return crSignOpts{
		padding:    int(crArgInt(call.Argument(from), rsaPKCS1Padding)),
		saltLength: int(crArgInt(call.Argument(from+1), pssSaltMaxOrAuto)),
		p1363:      crArgString(call.Argument(from+2), "der") == "ieee-p1363",
	}
}

// signHashArg resolves the digest of a signature; null means SHA-256 (what
// OpenSSL picks for RSA and ECDSA) and is ignored for Ed25519.
func (c *cryptoHost) signHashArg(v goja.Value, k *cryptoKey) crypto.Hash {
	if _, ok := k.pub.(ed25519.PublicKey); ok {
		if !crNullish(v) {
			c.throw(crErr("Error", "ERR_OSSL_INVALID_DIGEST", "error:1C80007A:Provider routines::invalid digest"))
		}
		return 0
	}
	if crNullish(v) {
		return crypto.SHA256
	}
	return c.hashArg(v)
}

func (c *cryptoHost) installSign(n *goja.Object) {
	// signer(alg) -> {update(data, enc), sign(key, padding, salt, dsaEnc), verify(key, sig, padding, salt, dsaEnc)}
	c.set(n, "signer", func(call goja.FunctionCall) goja.Value {
		name := crArgString(call.Argument(0), "")
		h, ok := crLookupHash(name)
		if !ok {
			c.h.Throw("TypeError", "ERR_CRYPTO_INVALID_DIGEST", "Invalid digest")
		}
		var run hash.Hash = crNewHash(h)
		o := c.vm.NewObject()
		c.set(o, "update", func(call goja.FunctionCall) goja.Value {
			run.Write(c.bytesArg(call.Argument(0), crArgString(call.Argument(1), "utf8"), "data"))
			return goja.Undefined()
		})
		finish := func(k *cryptoKey) ([]byte, crypto.Hash) {
			if _, ok := k.pub.(ed25519.PublicKey); ok {
				c.throw(crErr("Error", "ERR_CRYPTO_UNSUPPORTED_OPERATION", "Unsupported crypto operation"))
			}
			return run.Sum(nil), h
		}
		c.set(o, "sign", func(call goja.FunctionCall) goja.Value {
			k := c.keyArg(call.Argument(0))
			if k.kind != "private" {
				c.throw(crErrKeyType(k.kind, "private"))
			}
			digest, hh := finish(k)
			sig, err := signPrehashed(k, hh, digest, signOptsArg(call, 1))
			if err != nil {
				c.throw(err)
			}
			return c.newBuf(sig)
		})
		c.set(o, "verify", func(call goja.FunctionCall) goja.Value {
			k := c.keyArg(call.Argument(0))
			sig := c.bytesArg(call.Argument(1), "utf8", "signature")
			digest, hh := finish(k)
			ok, err := verifyPrehashed(k, hh, digest, sig, signOptsArg(call, 2))
			if err != nil {
				c.throw(err)
			}
			return c.vm.ToValue(ok)
		})
		return o
	})
	// sign(alg, data, key, padding, salt, dsaEnc, mode) -> ArrayBuffer
	c.set(n, "sign", func(call goja.FunctionCall) goja.Value {
		k := c.keyArg(call.Argument(2))
		h := c.signHashArg(call.Argument(0), k)
		data := c.bytesCopy(call.Argument(1), "utf8", "data")
		o := signOptsArg(call, 3)
		return c.runJob(call.Argument(6), func() (any, error) {
			return signDigest(k, h, data, o)
		}, c.bufConv)
	})
	// verify(alg, data, key, sig, padding, salt, dsaEnc, mode) -> bool
	c.set(n, "verify", func(call goja.FunctionCall) goja.Value {
		k := c.keyArg(call.Argument(2))
		h := c.signHashArg(call.Argument(0), k)
		data := c.bytesCopy(call.Argument(1), "utf8", "data")
		sig := c.bytesCopy(call.Argument(3), "utf8", "signature")
		o := signOptsArg(call, 4)
		return c.runJob(call.Argument(7), func() (any, error) {
			return verifySignature(k, h, data, sig, o)
		}, func(r any) goja.Value { return c.vm.ToValue(r) })
	})
	// rsaCrypt(op, key, data, padding, oaepHash, label, mode) -> ArrayBuffer
	c.set(n, "rsaCrypt", func(call goja.FunctionCall) goja.Value {
		op := call.Argument(0).String()
		k := c.keyArg(call.Argument(1))
		data := c.bytesCopy(call.Argument(2), "utf8", "buffer")
		padding := int(call.Argument(3).ToInteger())
		oh := crypto.SHA1
		if !crNullish(call.Argument(4)) {
			oh = c.hashArg(call.Argument(4))
		}
		var label []byte
		if !crNullish(call.Argument(5)) {
			label = c.bytesCopy(call.Argument(5), "utf8", "oaepLabel")
		}
		return c.runJob(call.Argument(6), func() (any, error) {
			return crRSACrypt(op, k, data, padding, oh, label)
		}, c.bufConv)
	})
	// deriveShared(privateKey, publicKey) -> ArrayBuffer
	c.set(n, "deriveShared", func(call goja.FunctionCall) goja.Value {
		out, err := crDeriveShared(c.keyArg(call.Argument(0)), c.keyArg(call.Argument(1)))
		if err != nil {
			c.throw(err)
		}
		return c.newBuf(out)
	})
}

// signPrehashed signs a digest computed by a streaming Sign object.
func signPrehashed(k *cryptoKey, h crypto.Hash, digest []byte, o crSignOpts) ([]byte, error) {
	switch p := k.priv.(type) {
	case *rsa.PrivateKey:
		if o.padding == rsaPSSPadding {
			return rsa.SignPSS(rand.Reader, p, h, digest, pssOptions(h, o.saltLength))
		}
		return rsa.SignPKCS1v15(rand.Reader, p, h, digest)
	case *ecdsa.PrivateKey:
		der, err := ecdsa.SignASN1(rand.Reader, p, digest)
		if err != nil || !o.p1363 {
			return der, err
		}
		var sig crECDSASig
		if _, err := asn1.Unmarshal(der, &sig); err != nil {
			return nil, err
		}
		n := ecdsaSize(&p.PublicKey)
		out := make([]byte, 2*n)
		sig.R.FillBytes(out[:n])
		sig.S.FillBytes(out[n:])
		return out, nil
	}
	return nil, crErrNotForKeyType
}

// verifyPrehashed checks a signature of a digest.
func verifyPrehashed(k *cryptoKey, h crypto.Hash, digest, sig []byte, o crSignOpts) (bool, error) {
	switch p := k.pub.(type) {
	case *rsa.PublicKey:
		if o.padding == rsaPSSPadding {
			return rsa.VerifyPSS(p, h, digest, sig, pssOptions(h, o.saltLength)) == nil, nil
		}
		return rsa.VerifyPKCS1v15(p, h, digest, sig) == nil, nil
	case *ecdsa.PublicKey:
		if o.p1363 {
			n := ecdsaSize(p)
			if len(sig) != 2*n {
				return false, nil
			}
			return ecdsa.Verify(p, digest, new(big.Int).SetBytes(sig[:n]), new(big.Int).SetBytes(sig[n:])), nil
		}
		return ecdsa.VerifyASN1(p, digest, sig), nil
	}
	return false, crErrNotForKeyType
}
