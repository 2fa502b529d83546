package compat

import (
	"bytes"
	"crypto"
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/subtle"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"math/big"
	"strings"

	"github.com/dop251/goja"
)

// Keys: the Go side of KeyObject and CryptoKey. A key is a *cryptoKey that
// JS holds as an opaque handle; it is parsed from and exported to PEM, DER
// (PKCS#1, PKCS#8, SEC1, SPKI), JWK and raw bytes, and generated here.

// cryptoKey is a secret, public or private key. Keys are immutable once
// made, so they may be shared with goroutines.
type cryptoKey struct {
	kind   string // "secret", "public" or "private"
	secret []byte
	pub    any // *rsa.PublicKey, *ecdsa.PublicKey, ed25519.PublicKey, *ecdh.PublicKey
	priv   any // *rsa.PrivateKey, *ecdsa.PrivateKey, ed25519.PrivateKey, *ecdh.PrivateKey
}

// crErrNoPassphrase is OpenSSL's error for an encrypted key read without a
// passphrase.
var crErrNoPassphrase = crErr("Error", "ERR_OSSL_CRYPTO_INTERRUPTED_OR_CANCELLED", "error:07880109:common libcrypto routines::interrupted or cancelled")

// crErrKeyDecode is OpenSSL's error for key data it cannot read.
var crErrKeyDecode = crErr("Error", "ERR_OSSL_UNSUPPORTED", "error:1E08010C:DECODER routines::unsupported")

// newPrivateKey wraps a parsed private key, deriving its public half.
func newPrivateKey(priv any) (*cryptoKey, error) {
	k := &cryptoKey{kind: "private", priv: priv}
	switch p := priv.(type) {
	case *rsa.PrivateKey:
		k.pub = &p.PublicKey
	case *ecdsa.PrivateKey:
		k.pub = &p.PublicKey
	case ed25519.PrivateKey:
		k.pub = p.Public()
	case *ecdh.PrivateKey:
		k.pub = p.PublicKey()
	default:
		return nil, crErrKeyDecode
	}
	return k, nil
}

// newPublicKey wraps a parsed public key.
func newPublicKey(pub any) (*cryptoKey, error) {
	switch pub.(type) {
	case *rsa.PublicKey, *ecdsa.PublicKey, ed25519.PublicKey, *ecdh.PublicKey:
		return &cryptoKey{kind: "public", pub: pub}, nil
	}
	return nil, crErrKeyDecode
}

// publicHalf returns the public key of a private key (or the key itself).
func (k *cryptoKey) publicHalf() *cryptoKey {
	if k.kind == "public" {
		return k
	}
	return &cryptoKey{kind: "public", pub: k.pub}
}

// asymType is Node's asymmetricKeyType.
func (k *cryptoKey) asymType() string {
	switch p := k.pub.(type) {
	case *rsa.PublicKey:
		return "rsa"
	case *ecdsa.PublicKey:
		return "ec"
	case ed25519.PublicKey:
		return "ed25519"
	case *ecdh.PublicKey:
		if p.Curve() == ecdh.X25519() {
			return "x25519"
		}
		return "ec"
	}
	return ""
}

// curveNames maps Node's curve names (and Web Crypto's) to Go curves.
var curveNames = map[string]elliptic.Curve{
	"p-256": elliptic.P256(), "prime256v1": elliptic.P256(), "secp256r1": elliptic.P256(),
	"p-384": elliptic.P384(), "secp384r1": elliptic.P384(),
	"p-521": elliptic.P521(), "secp521r1": elliptic.P521(),
}

// crLookupCurve resolves a curve name.
func crLookupCurve(name string) (elliptic.Curve, bool) {
	c, ok := curveNames[strings.ToLower(name)]
	return c, ok
}

// opensslCurveName is the name Node reports in asymmetricKeyDetails.
func opensslCurveName(c elliptic.Curve) string {
	switch c {
	case elliptic.P256():
		return "prime256v1"
	case elliptic.P384():
		return "secp384r1"
	case elliptic.P521():
		return "secp521r1"
	}
	return ""
}

// jwkCurveName is the JWK / Web Crypto name of a curve.
func jwkCurveName(c elliptic.Curve) string {
	return c.Params().Name
}

// parseKeyDER reads DER key data of the given encoding type ("" tries them
// all) as a private or public key.
func parseKeyDER(kind string, der []byte, typ string) (*cryptoKey, error) {
	if kind == "private" {
		var tries []func([]byte) (any, error)
		pkcs1 := func(b []byte) (any, error) { return x509.ParsePKCS1PrivateKey(b) }
		sec1 := func(b []byte) (any, error) { return x509.ParseECPrivateKey(b) }
		switch typ {
		case "pkcs8":
			tries = append(tries, x509.ParsePKCS8PrivateKey)
		case "pkcs1":
			tries = append(tries, pkcs1)
		case "sec1":
			tries = append(tries, sec1)
		default:
			tries = append(tries, x509.ParsePKCS8PrivateKey, pkcs1, sec1)
		}
		for _, f := range tries {
			if p, err := f(der); err == nil {
				return newPrivateKey(p)
			}
		}
		return nil, crErrKeyDecode
	}
	pkcs1 := func(b []byte) (any, error) { return x509.ParsePKCS1PublicKey(b) }
	var tries []func([]byte) (any, error)
	switch typ {
	case "spki":
		tries = append(tries, x509.ParsePKIXPublicKey)
	case "pkcs1":
		tries = append(tries, pkcs1)
	default:
		tries = append(tries, x509.ParsePKIXPublicKey, pkcs1)
	}
	for _, f := range tries {
		if p, err := f(der); err == nil {
			return newPublicKey(p)
		}
	}
	// A private key's public half also does, as in Node.
	if k, err := parseKeyDER("private", der, typ); err == nil {
		return k.publicHalf(), nil
	}
	if cert, err := x509.ParseCertificate(der); err == nil {
		return newPublicKey(cert.PublicKey)
	}
	return nil, crErrKeyDecode
}

// parseKeyPEM reads the first usable PEM block of data.
func parseKeyPEM(kind string, data []byte, passphrase []byte) (*cryptoKey, error) {
	rest := data
	for {
		var block *pem.Block
		block, rest = pem.Decode(rest)
		if block == nil {
			return nil, crErrKeyDecode
		}
		der := block.Bytes
		//lint:ignore SA1019 Node reads legacy encrypted PEM keys
		if x509.IsEncryptedPEMBlock(block) { //nolint:staticcheck // legacy OpenSSL encryption, as Node reads it
			if passphrase == nil {
				return nil, crErrNoPassphrase
			}
			//lint:ignore SA1019 Node reads legacy encrypted PEM keys
			d, err := x509.DecryptPEMBlock(block, passphrase) //nolint:staticcheck // see above
			if err != nil {
				return nil, crErr("Error", "ERR_OSSL_BAD_DECRYPT", "error:1C800064:Provider routines::bad decrypt")
			}
			der = d
		}
		switch block.Type {
		case "ENCRYPTED PRIVATE KEY":
			if passphrase == nil {
				return nil, crErrNoPassphrase
			}
			d, err := decryptPKCS8(der, passphrase)
			if err != nil {
				return nil, err
			}
			k, err := parseKeyDER("private", d, "pkcs8")
			if err == nil && kind == "public" {
				return k.publicHalf(), nil
			}
			return k, err
		case "PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY":
			typ := map[string]string{"PRIVATE KEY": "pkcs8", "RSA PRIVATE KEY": "pkcs1", "EC PRIVATE KEY": "sec1"}[block.Type]
			k, err := parseKeyDER("private", der, typ)
			if err == nil && kind == "public" {
				return k.publicHalf(), nil
			}
			return k, err
		case "PUBLIC KEY", "RSA PUBLIC KEY", "CERTIFICATE":
			if kind == "private" {
				return nil, crErrKeyDecode
			}
			if block.Type == "CERTIFICATE" {
				cert, err := x509.ParseCertificate(der)
				if err != nil {
					return nil, crErrKeyDecode
				}
				return newPublicKey(cert.PublicKey)
			}
			typ := "spki"
			if block.Type == "RSA PUBLIC KEY" {
				typ = "pkcs1"
			}
			return parseKeyDER("public", der, typ)
		}
	}
}

// crB64url decodes a JWK member.
func crB64url(s string) ([]byte, error) {
	return base64.RawURLEncoding.DecodeString(strings.TrimRight(s, "="))
}

// jwkGet reads a JWK member; missing members are "".
func jwkGet(o *goja.Object, name string) string {
	v := o.Get(name)
	if crNullish(v) {
		return ""
	}
	return v.String()
}

// parseJWK reads a JWK object as a secret, private or public key.
func parseJWK(kind string, o *goja.Object) (*cryptoKey, error) {
	kty := jwkGet(o, "kty")
	bad := crErr("TypeError", "ERR_CRYPTO_INVALID_JWK", "Invalid JWK "+kty+" key")
	num := func(name string) (*big.Int, bool) {
		b, err := crB64url(jwkGet(o, name))
		if err != nil || len(b) == 0 {
			return nil, false
		}
		return new(big.Int).SetBytes(b), true
	}
	isPrivate := jwkGet(o, "d") != ""
	if kind == "private" && !isPrivate && kty != "oct" {
		return nil, crErr("TypeError", "ERR_CRYPTO_INVALID_JWK", "Invalid JWK "+kty+" key")
	}
	switch kty {
	case "oct":
		k, err := crB64url(jwkGet(o, "k"))
		if err != nil {
			return nil, bad
		}
		return &cryptoKey{kind: "secret", secret: k}, nil
	case "RSA":
		n, ok1 := num("n")
		e, ok2 := num("e")
		if !ok1 || !ok2 || !e.IsInt64() {
			return nil, bad
		}
		pub := &rsa.PublicKey{N: n, E: int(e.Int64())}
		if !isPrivate || kind == "public" {
			return newPublicKey(pub)
		}
		d, ok := num("d")
		p, okp := num("p")
		q, okq := num("q")
		if !ok || !okp || !okq {
			return nil, bad
		}
		priv := &rsa.PrivateKey{PublicKey: *pub, D: d, Primes: []*big.Int{p, q}}
		if err := priv.Validate(); err != nil {
			return nil, bad
		}
		priv.Precompute()
		return newPrivateKey(priv)
	case "EC":
		curve, ok := crLookupCurve(jwkGet(o, "crv"))
		if !ok {
			return nil, crErr("TypeError", "ERR_CRYPTO_INVALID_JWK", "Unsupported JWK EC curve: "+jwkGet(o, "crv")+".")
		}
		size := (curve.Params().BitSize + 7) / 8
		x, err1 := crB64url(jwkGet(o, "x"))
		y, err2 := crB64url(jwkGet(o, "y"))
		if err1 != nil || err2 != nil || len(x) != size || len(y) != size {
			return nil, bad
		}
		point := append(append([]byte{4}, x...), y...)
		if !isPrivate || kind == "public" {
			pub, err := ecdsa.ParseUncompressedPublicKey(curve, point)
			if err != nil {
				return nil, bad
			}
			return newPublicKey(pub)
		}
		d, err := crB64url(jwkGet(o, "d"))
		if err != nil || len(d) != size {
			return nil, bad
		}
		priv, err := ecdsa.ParseRawPrivateKey(curve, d)
		if err != nil {
			return nil, bad
		}
		if got, _ := priv.PublicKey.Bytes(); !bytes.Equal(got, point) {
			return nil, bad
		}
		return newPrivateKey(priv)
	case "OKP":
		crv := jwkGet(o, "crv")
		x, err := crB64url(jwkGet(o, "x"))
		if err != nil || len(x) != 32 {
			return nil, bad
		}
		var d []byte
		if isPrivate && kind != "public" {
			if d, err = crB64url(jwkGet(o, "d")); err != nil || len(d) != 32 {
				return nil, bad
			}
		}
		switch crv {
		case "Ed25519":
			if d != nil {
				return newPrivateKey(ed25519.NewKeyFromSeed(d))
			}
			return newPublicKey(ed25519.PublicKey(x))
		case "X25519":
			if d != nil {
				p, err := ecdh.X25519().NewPrivateKey(d)
				if err != nil {
					return nil, bad
				}
				return newPrivateKey(p)
			}
			p, err := ecdh.X25519().NewPublicKey(x)
			if err != nil {
				return nil, bad
			}
			return newPublicKey(p)
		}
		return nil, crErr("TypeError", "ERR_CRYPTO_INVALID_JWK", "Unsupported JWK OKP curve: "+crv+".")
	}
	return nil, crErr("TypeError", "ERR_CRYPTO_INVALID_JWK", "Invalid JWK data")
}

// parseRawKey reads raw key bytes for Web Crypto: an uncompressed or
// compressed EC point, an Ed25519 or X25519 public key.
func parseRawKey(alg, curveName string, data []byte) (*cryptoKey, error) {
	bad := crErr("Error", "", "Invalid keyData")
	switch alg {
	case "ec":
		curve, ok := crLookupCurve(curveName)
		if !ok {
			return nil, bad
		}
		if len(data) > 0 && (data[0] == 2 || data[0] == 3) {
			x, y := elliptic.UnmarshalCompressed(curve, data)
			if x == nil {
				return nil, bad
			}
			//lint:ignore SA1019 uncompressed point encoding for any curve Node supports
			data = elliptic.Marshal(curve, x, y) //nolint:staticcheck // only to re-encode a checked point
		}
		pub, err := ecdsa.ParseUncompressedPublicKey(curve, data)
		if err != nil {
			return nil, bad
		}
		return newPublicKey(pub)
	case "ed25519":
		if len(data) != 32 {
			return nil, bad
		}
		return newPublicKey(ed25519.PublicKey(append([]byte(nil), data...)))
	case "x25519":
		p, err := ecdh.X25519().NewPublicKey(data)
		if err != nil {
			return nil, bad
		}
		return newPublicKey(p)
	}
	return nil, bad
}

// rawPublic returns a public key's raw bytes (EC points uncompressed).
func (k *cryptoKey) rawPublic() ([]byte, error) {
	switch p := k.pub.(type) {
	case *ecdsa.PublicKey:
		return p.Bytes()
	case ed25519.PublicKey:
		return append([]byte(nil), p...), nil
	case *ecdh.PublicKey:
		return p.Bytes(), nil
	}
	return nil, crErr("Error", "", "Unable to export a raw key of this type")
}

// pemTypes is the PEM label of each encoding type.
var pemTypes = map[string]string{
	"private/pkcs8": "PRIVATE KEY", "private/pkcs1": "RSA PRIVATE KEY", "private/sec1": "EC PRIVATE KEY",
	"public/spki": "PUBLIC KEY", "public/pkcs1": "RSA PUBLIC KEY",
}

// exportDER encodes a key as DER of the given encoding type.
func (k *cryptoKey) exportDER(typ string) ([]byte, error) {
	incompatible := func(enc, kind string) error {
		return crErr("Error", "ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS",
			"The selected key encoding "+enc+" can only be used for "+kind+" keys.")
	}
	if k.kind == "private" {
		switch typ {
		case "pkcs8":
			return x509.MarshalPKCS8PrivateKey(k.priv)
		case "pkcs1":
			p, ok := k.priv.(*rsa.PrivateKey)
			if !ok {
				return nil, incompatible("pkcs1", "RSA")
			}
			return x509.MarshalPKCS1PrivateKey(p), nil
		case "sec1":
			p, ok := k.priv.(*ecdsa.PrivateKey)
			if !ok {
				return nil, incompatible("sec1", "EC")
			}
			return x509.MarshalECPrivateKey(p)
		}
	} else {
		switch typ {
		case "spki":
			return x509.MarshalPKIXPublicKey(k.pub)
		case "pkcs1":
			p, ok := k.pub.(*rsa.PublicKey)
			if !ok {
				return nil, incompatible("pkcs1", "RSA")
			}
			return x509.MarshalPKCS1PublicKey(p), nil
		}
	}
	return nil, crErr("TypeError", "ERR_INVALID_ARG_VALUE", "The property 'options.type' is invalid. Received '"+typ+"'")
}

// exportPEM encodes a key as PEM, encrypting private keys when a cipher is
// given (PKCS#8 as PBES2, PKCS#1 and SEC1 with OpenSSL's legacy headers).
func (k *cryptoKey) exportPEM(typ, cipherName string, passphrase []byte) (string, error) {
	der, err := k.exportDER(typ)
	if err != nil {
		return "", err
	}
	label := pemTypes[k.kind+"/"+typ]
	if cipherName == "" || k.kind != "private" {
		return string(pem.EncodeToMemory(&pem.Block{Type: label, Bytes: der})), nil
	}
	spec, ok := crLookupCipher(cipherName)
	if !ok || spec.mode != "cbc" {
		return "", crErr("Error", "ERR_CRYPTO_UNKNOWN_CIPHER", "Unknown cipher")
	}
	if typ == "pkcs8" {
		enc, err := encryptPKCS8(der, passphrase, spec.keyLen)
		if err != nil {
			return "", err
		}
		return string(pem.EncodeToMemory(&pem.Block{Type: "ENCRYPTED PRIVATE KEY", Bytes: enc})), nil
	}
	alg := map[int]x509.PEMCipher{16: x509.PEMCipherAES128, 24: x509.PEMCipherAES192, 32: x509.PEMCipherAES256}[spec.keyLen]
	//lint:ignore SA1019 Node writes legacy encrypted PEM keys when asked to
	block, err := x509.EncryptPEMBlock(rand.Reader, label, der, passphrase, alg) //nolint:staticcheck // Node writes this legacy format
	if err != nil {
		return "", err
	}
	return string(pem.EncodeToMemory(block)), nil
}

// jwkOf returns the JWK members of a key, in Node's order.
func (k *cryptoKey) jwkOf() ([][2]string, error) {
	enc := func(b []byte) string { return base64.RawURLEncoding.EncodeToString(b) }
	benc := func(n *big.Int) string { return enc(n.Bytes()) }
	if k.kind == "secret" {
		return [][2]string{{"kty", "oct"}, {"k", enc(k.secret)}}, nil
	}
	switch p := k.pub.(type) {
	case *rsa.PublicKey:
		out := [][2]string{{"kty", "RSA"}, {"n", benc(p.N)}, {"e", benc(big.NewInt(int64(p.E)))}}
		if priv, ok := k.priv.(*rsa.PrivateKey); ok && k.kind == "private" {
			if priv.Precomputed.Dp == nil {
				priv.Precompute()
			}
			out = append(out, [2]string{"d", benc(priv.D)}, [2]string{"p", benc(priv.Primes[0])},
				[2]string{"q", benc(priv.Primes[1])}, [2]string{"dp", benc(priv.Precomputed.Dp)},
				[2]string{"dq", benc(priv.Precomputed.Dq)}, [2]string{"qi", benc(priv.Precomputed.Qinv)})
		}
		return out, nil
	case *ecdsa.PublicKey:
		raw, err := p.Bytes()
		if err != nil {
			return nil, err
		}
		size := (len(raw) - 1) / 2
		out := [][2]string{{"kty", "EC"}, {"x", enc(raw[1 : 1+size])}, {"y", enc(raw[1+size:])}, {"crv", jwkCurveName(p.Curve)}}
		if priv, ok := k.priv.(*ecdsa.PrivateKey); ok && k.kind == "private" {
			d, err := priv.Bytes()
			if err != nil {
				return nil, err
			}
			out = append(out, [2]string{"d", enc(d)})
		}
		return out, nil
	case ed25519.PublicKey:
		if priv, ok := k.priv.(ed25519.PrivateKey); ok && k.kind == "private" {
			return [][2]string{{"crv", "Ed25519"}, {"d", enc(priv.Seed())}, {"x", enc(p)}, {"kty", "OKP"}}, nil
		}
		return [][2]string{{"crv", "Ed25519"}, {"x", enc(p)}, {"kty", "OKP"}}, nil
	case *ecdh.PublicKey:
		if priv, ok := k.priv.(*ecdh.PrivateKey); ok && k.kind == "private" {
			return [][2]string{{"crv", "X25519"}, {"d", enc(priv.Bytes())}, {"x", enc(p.Bytes())}, {"kty", "OKP"}}, nil
		}
		return [][2]string{{"crv", "X25519"}, {"x", enc(p.Bytes())}, {"kty", "OKP"}}, nil
	}
	return nil, crErr("Error", "ERR_CRYPTO_JWK_UNSUPPORTED_KEY_TYPE", "Unsupported JWK Key Type.")
}

// equal reports whether two keys are the same key.
func (k *cryptoKey) equal(o *cryptoKey) bool {
	if k.kind != o.kind {
		return false
	}
	if k.kind == "secret" {
		return len(k.secret) == len(o.secret) && subtle.ConstantTimeCompare(k.secret, o.secret) == 1
	}
	if k.kind == "private" {
		if e, ok := k.priv.(interface{ Equal(crypto.PrivateKey) bool }); ok {
			return e.Equal(o.priv)
		}
		return false
	}
	if e, ok := k.pub.(interface{ Equal(crypto.PublicKey) bool }); ok {
		return e.Equal(o.pub)
	}
	return false
}

// crGenerateKeyPair makes a new key pair of a Node key type.
func crGenerateKeyPair(typ string, bits int, exponent int64, curveName string) (*cryptoKey, error) {
	var priv any
	var err error
	switch typ {
	case "rsa":
		if exponent != 65537 {
			return nil, crErr("Error", "ERR_FEATURE_UNAVAILABLE_ON_PLATFORM", "Only the public exponent 65537 is supported")
		}
		priv, err = rsa.GenerateKey(rand.Reader, bits)
	case "ec":
		curve, ok := crLookupCurve(curveName)
		if !ok {
			return nil, crErr("TypeError", "ERR_CRYPTO_INVALID_CURVE", "Invalid EC curve name")
		}
		priv, err = ecdsa.GenerateKey(curve, rand.Reader)
	case "ed25519":
		_, priv, err = ed25519.GenerateKey(rand.Reader)
	case "x25519":
		priv, err = ecdh.X25519().GenerateKey(rand.Reader)
	default:
		return nil, crErr("TypeError", "ERR_INVALID_ARG_VALUE", "The argument 'type' must be a supported key type. Received '"+typ+"'")
	}
	if err != nil {
		return nil, crErrf("%v", err)
	}
	return newPrivateKey(priv)
}

// keyArg returns the *cryptoKey behind a handle argument, or throws.
func (c *cryptoHost) keyArg(v goja.Value) *cryptoKey {
	if o, ok := v.(*goja.Object); ok {
		if k, ok := o.Export().(*cryptoKey); ok {
			return k
		}
	}
	c.h.Throw("TypeError", "ERR_INVALID_ARG_TYPE", "Invalid key object")
	return nil
}

// keyValue wraps a key as an opaque JS handle.
func (c *cryptoHost) keyValue(k *cryptoKey) goja.Value {
	return c.vm.ToValue(k)
}

func (c *cryptoHost) installKeys(n *goja.Object) {
	// keyImport(kind, data, format, type, passphrase) -> handle.
	// format is pem, der or jwk; data is an object for jwk.
	c.set(n, "keyImport", func(call goja.FunctionCall) goja.Value {
		kind := call.Argument(0).String()
		format := crArgString(call.Argument(2), "pem")
		typ := crArgString(call.Argument(3), "")
		var pass []byte
		if !crNullish(call.Argument(4)) {
			pass = c.bytesCopy(call.Argument(4), "utf8", "passphrase")
		}
		var k *cryptoKey
		var err error
		switch format {
		case "jwk":
			o, ok := call.Argument(1).(*goja.Object)
			if !ok {
				c.h.Throw("TypeError", "ERR_INVALID_ARG_TYPE", `The "key.key" property must be of type object. Received `+describeArg(call.Argument(1)))
			}
			k, err = parseJWK(kind, o)
		case "der":
			k, err = parseKeyDER(kind, c.bytesArg(call.Argument(1), "utf8", "key"), typ)
		default:
			k, err = parseKeyPEM(kind, c.bytesArg(call.Argument(1), "utf8", "key"), pass)
		}
		if err != nil {
			c.throw(err)
		}
		return c.keyValue(k)
	})
	// keySecret(bytes) -> handle.
	c.set(n, "keySecret", func(call goja.FunctionCall) goja.Value {
		return c.keyValue(&cryptoKey{kind: "secret", secret: c.bytesCopy(call.Argument(0), crArgString(call.Argument(1), "utf8"), "key")})
	})
	// keyRaw(alg, curve, bytes) -> public key handle (Web Crypto raw import).
	c.set(n, "keyRaw", func(call goja.FunctionCall) goja.Value {
		k, err := parseRawKey(call.Argument(0).String(), crArgString(call.Argument(1), ""), c.bytesArg(call.Argument(2), "", "keyData"))
		if err != nil {
			c.throw(err)
		}
		return c.keyValue(k)
	})
	// keyInfo(handle) -> {type, asymmetricKeyType, details, size, curve}
	c.set(n, "keyInfo", func(call goja.FunctionCall) goja.Value {
		k := c.keyArg(call.Argument(0))
		o := c.vm.NewObject()
		_ = o.Set("type", k.kind)
		if k.kind == "secret" {
			_ = o.Set("size", len(k.secret))
			return o
		}
		_ = o.Set("asymmetricKeyType", k.asymType())
		d := c.vm.NewObject()
		switch p := k.pub.(type) {
		case *rsa.PublicKey:
			_ = d.Set("modulusLength", p.N.BitLen())
			_ = d.Set("publicExponent", big.NewInt(int64(p.E)))
		case *ecdsa.PublicKey:
			_ = d.Set("namedCurve", opensslCurveName(p.Curve))
			_ = o.Set("curve", jwkCurveName(p.Curve))
		}
		_ = o.Set("details", d)
		return o
	})
	// keyExport(handle, format, type, cipher, passphrase) -> string, ArrayBuffer or JWK object
	c.set(n, "keyExport", func(call goja.FunctionCall) goja.Value {
		k := c.keyArg(call.Argument(0))
		format := crArgString(call.Argument(1), "pem")
		typ := crArgString(call.Argument(2), "")
		var out any
		var err error
		switch format {
		case "raw":
			if k.kind == "secret" {
				return c.newBuf(append([]byte(nil), k.secret...))
			}
			var b []byte
			b, err = k.rawPublic()
			if err == nil {
				return c.newBuf(b)
			}
		case "jwk":
			var members [][2]string
			members, err = k.jwkOf()
			if err == nil {
				o := c.vm.NewObject()
				for _, m := range members {
					_ = o.Set(m[0], m[1])
				}
				return o
			}
		case "der":
			if k.kind == "secret" {
				return c.newBuf(append([]byte(nil), k.secret...))
			}
			var b []byte
			b, err = k.exportDER(typ)
			out = b
			if err == nil {
				return c.newBuf(b)
			}
		default:
			var pass []byte
			if !crNullish(call.Argument(4)) {
				pass = c.bytesCopy(call.Argument(4), "utf8", "passphrase")
			}
			out, err = k.exportPEM(typ, crArgString(call.Argument(3), ""), pass)
		}
		if err != nil {
			c.throw(err)
		}
		return c.vm.ToValue(out)
	})
	// keyPublic(handle) -> public key handle.
	c.set(n, "keyPublic", func(call goja.FunctionCall) goja.Value {
		return c.keyValue(c.keyArg(call.Argument(0)).publicHalf())
	})
	c.set(n, "keyEquals", func(call goja.FunctionCall) goja.Value {
		return c.vm.ToValue(c.keyArg(call.Argument(0)).equal(c.keyArg(call.Argument(1))))
	})
	// generateKeyPair(type, modulusLength, publicExponent, namedCurve, mode) -> private key handle
	c.set(n, "generateKeyPair", func(call goja.FunctionCall) goja.Value {
		typ := call.Argument(0).String()
		bits := int(crArgInt(call.Argument(1), 2048))
		exp := crArgInt(call.Argument(2), 65537)
		curve := crArgString(call.Argument(3), "")
		return c.runJob(call.Argument(4), func() (any, error) {
			return crGenerateKeyPair(typ, bits, exp, curve)
		}, func(r any) goja.Value { return c.keyValue(r.(*cryptoKey)) })
	})
}
