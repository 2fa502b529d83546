package compat

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/subtle"
	"encoding/binary"
	"strings"

	"github.com/dop251/goja"
)

// AES ciphers for createCipheriv/createDecipheriv (CBC, ECB, CTR, OFB, CFB
// and GCM, streaming as OpenSSL does) and the one-shot operations Web Crypto
// needs (AES-GCM, AES-CBC, AES-CTR with a counter length, AES-KW).

// cipherSpec describes one supported cipher name.
type cipherSpec struct {
	keyLen int
	mode   string // cbc, ecb, ctr, ofb, cfb, gcm
}

// crLookupCipher resolves a Node cipher name such as "aes-256-gcm" or
// "aes128".
func crLookupCipher(name string) (cipherSpec, bool) {
	n := strings.ToLower(name)
	switch n {
	case "aes128", "aes192", "aes256":
		n = "aes-" + n[3:] + "-cbc"
	case "id-aes128-gcm", "id-aes192-gcm", "id-aes256-gcm":
		n = "aes-" + n[6:9] + "-gcm"
	}
	parts := strings.Split(n, "-")
	if len(parts) != 3 || parts[0] != "aes" {
		return cipherSpec{}, false
	}
	var spec cipherSpec
	switch parts[1] {
	case "128":
		spec.keyLen = 16
	case "192":
		spec.keyLen = 24
	case "256":
		spec.keyLen = 32
	default:
		return cipherSpec{}, false
	}
	switch parts[2] {
	case "cbc", "ecb", "ctr", "ofb", "cfb", "gcm":
		spec.mode = parts[2]
	default:
		return cipherSpec{}, false
	}
	return spec, true
}

// cryptoCipherNames is what getCiphers returns.
var cryptoCipherNames = []string{
	"aes-128-cbc", "aes-128-cfb", "aes-128-ctr", "aes-128-ecb", "aes-128-gcm", "aes-128-ofb",
	"aes-192-cbc", "aes-192-cfb", "aes-192-ctr", "aes-192-ecb", "aes-192-gcm", "aes-192-ofb",
	"aes-256-cbc", "aes-256-cfb", "aes-256-ctr", "aes-256-ecb", "aes-256-gcm", "aes-256-ofb",
	"aes128", "aes192", "aes256", "id-aes128-GCM", "id-aes192-GCM", "id-aes256-GCM",
}

// crCTR32 is the GCM counter mode: only the low 32 bits of the counter block
// are incremented.
type crCTR32 struct {
	block cipher.Block
	ctr   [16]byte
	ks    [16]byte
	used  int
}

func (s *crCTR32) XORKeyStream(dst, src []byte) {
	for i := range src {
		if s.used == 0 || s.used == 16 {
			s.block.Encrypt(s.ks[:], s.ctr[:])
			binary.BigEndian.PutUint32(s.ctr[12:], binary.BigEndian.Uint32(s.ctr[12:])+1)
			s.used = 0
		}
		dst[i] = src[i] ^ s.ks[s.used]
		s.used++
	}
}

// crECBMode encrypts or decrypts independent blocks.
type crECBMode struct {
	b       cipher.Block
	decrypt bool
}

func (m crECBMode) BlockSize() int { return m.b.BlockSize() }

func (m crECBMode) CryptBlocks(dst, src []byte) {
	for i := 0; i < len(src); i += 16 {
		if m.decrypt {
			m.b.Decrypt(dst[i:i+16], src[i:i+16])
		} else {
			m.b.Encrypt(dst[i:i+16], src[i:i+16])
		}
	}
}

// cipherState is one Cipheriv or Decipheriv.
type cipherState struct {
	spec    cipherSpec
	decrypt bool
	block   cipher.Block
	stream  cipher.Stream    // ctr, ofb, cfb, gcm
	mode    cipher.BlockMode // cbc, ecb
	padding bool
	pending []byte // cbc/ecb: bytes not yet processed

	// gcm
	aead     cipher.AEAD
	iv       []byte
	aad      []byte
	plain    []byte // all plaintext so far, to compute the tag
	tag      []byte
	tagLen   int // chosen authTagLength, 0 if none
	started  bool
	finished bool

	outPend []byte // bytes kept back so that string outputs concatenate
}

// encodeChunk encodes b for a streaming string output, holding back the
// bytes that cannot be encoded yet (a partial base64 group, an incomplete
// UTF-8 sequence, half a UTF-16 unit).
func (s *cipherState) encodeChunk(b []byte, enc string, final bool) (goja.Value, bool) {
	norm := crNormEncoding(enc)
	if norm == "" {
		return nil, false
	}
	data := append(s.outPend, b...)
	s.outPend = nil
	if !final {
		keep := 0
		switch norm {
		case "base64", "base64url":
			keep = len(data) % 3
		case "utf16le":
			keep = len(data) % 2
		case "utf8":
			keep = crIncompleteUTF8(data)
		}
		if keep > 0 {
			s.outPend = append([]byte(nil), data[len(data)-keep:]...)
			data = data[:len(data)-keep]
		}
	}
	return cryptoEncode(data, enc)
}

// crIncompleteUTF8 returns how many bytes at the end of b start a UTF-8
// sequence that is not complete yet.
func crIncompleteUTF8(b []byte) int {
	for i := 1; i <= 3 && i <= len(b); i++ {
		c := b[len(b)-i]
		if c&0xC0 == 0x80 {
			continue
		}
		if c < 0xC0 {
			return 0
		}
		need := 2
		if c >= 0xF0 {
			need = 4
		} else if c >= 0xE0 {
			need = 3
		}
		if need > i {
			return i
		}
		return 0
	}
	return 0
}

func (s *cipherState) update(in []byte) ([]byte, error) {
	if s.finished {
		return nil, crErr("Error", "", "Trying to add data in unsupported state")
	}
	s.started = true
	switch s.spec.mode {
	case "gcm", "ctr", "ofb", "cfb":
		out := make([]byte, len(in))
		s.stream.XORKeyStream(out, in)
		if s.spec.mode == "gcm" {
			if s.decrypt {
				s.plain = append(s.plain, out...)
			} else {
				s.plain = append(s.plain, in...)
			}
		}
		return out, nil
	}
	s.pending = append(s.pending, in...)
	n := len(s.pending) / 16 * 16
	if s.decrypt && s.padding && n == len(s.pending) && n > 0 {
		n -= 16 // keep the last block: it may hold the padding
	}
	out := make([]byte, n)
	s.mode.CryptBlocks(out, s.pending[:n])
	s.pending = append(s.pending[:0], s.pending[n:]...)
	return out, nil
}

func (s *cipherState) final() ([]byte, error) {
	if s.finished {
		return nil, crErr("Error", "ERR_CRYPTO_INVALID_STATE", "Invalid state")
	}
	s.finished = true
	switch s.spec.mode {
	case "ctr", "ofb", "cfb":
		return []byte{}, nil
	case "gcm":
		sealed := s.aead.Seal(nil, s.iv, s.plain, s.aad)
		full := sealed[len(sealed)-16:]
		s.plain = nil
		if !s.decrypt {
			n := s.tagLen
			if n == 0 {
				n = 16
			}
			s.tag = append([]byte(nil), full[:n]...)
			return []byte{}, nil
		}
		if s.tag == nil || subtle.ConstantTimeCompare(full[:len(s.tag)], s.tag) != 1 {
			return nil, crErr("Error", "", "Unsupported state or unable to authenticate data")
		}
		return []byte{}, nil
	}
	if !s.decrypt {
		if s.padding {
			p := 16 - len(s.pending)%16
			for i := 0; i < p; i++ {
				s.pending = append(s.pending, byte(p))
			}
		} else if len(s.pending)%16 != 0 {
			return nil, crErr("Error", "ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH", "error:1C80006B:Provider routines::wrong final block length")
		}
		out := make([]byte, len(s.pending))
		s.mode.CryptBlocks(out, s.pending)
		return out, nil
	}
	if len(s.pending)%16 != 0 || (s.padding && len(s.pending) == 0) {
		return nil, crErr("Error", "ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH", "error:1C80006B:Provider routines::wrong final block length")
	}
	out := make([]byte, len(s.pending))
	s.mode.CryptBlocks(out, s.pending)
	if s.padding {
		p, ok := crUnpadPKCS7(out)
		if !ok {
			return nil, crErr("Error", "ERR_OSSL_BAD_DECRYPT", "error:1C800064:Provider routines::bad decrypt")
		}
		out = p
	}
	return out, nil
}

// crUnpadPKCS7 strips PKCS#7 padding from a whole number of blocks.
func crUnpadPKCS7(b []byte) ([]byte, bool) {
	if len(b) == 0 || len(b)%16 != 0 {
		return nil, false
	}
	p := int(b[len(b)-1])
	if p == 0 || p > 16 {
		return nil, false
	}
	for _, x := range b[len(b)-p:] {
		if int(x) != p {
			return nil, false
		}
	}
	return b[:len(b)-p], true
}

// crPadPKCS7 appends PKCS#7 padding to b.
func crPadPKCS7(b []byte) []byte {
	p := 16 - len(b)%16
	out := append([]byte(nil), b...)
	for i := 0; i < p; i++ {
		out = append(out, byte(p))
	}
	return out
}

// gcmCounter returns the counter block GCM encrypts the first plaintext
// block with, for any IV length: it is recovered from the keystream that
// sealing a zero block exposes.
func gcmCounter(block cipher.Block, aead cipher.AEAD, iv []byte) [16]byte {
	var ctr [16]byte
	if len(iv) == 12 {
		copy(ctr[:], iv)
		ctr[15] = 2
		return ctr
	}
	ks := aead.Seal(nil, iv, make([]byte, 16), nil)
	block.Decrypt(ctr[:], ks[:16])
	return ctr
}

// validGCMTagLen reports whether n is a tag length Node accepts.
func validGCMTagLen(n int) bool {
	return n == 4 || n == 8 || (n >= 12 && n <= 16)
}

// newCipherState sets up a cipher, or returns Node's error for a bad name,
// key or IV.
func newCipherState(name string, key, iv []byte, ivNull, decrypt bool, tagLen int) (*cipherState, error) {
	spec, ok := crLookupCipher(name)
	if !ok {
		return nil, crErr("Error", "ERR_CRYPTO_UNKNOWN_CIPHER", "Unknown cipher")
	}
	if len(key) != spec.keyLen {
		return nil, crErr("RangeError", "ERR_CRYPTO_INVALID_KEYLEN", "Invalid key length")
	}
	badIV := crErr("TypeError", "ERR_CRYPTO_INVALID_IV", "Invalid initialization vector")
	switch spec.mode {
	case "ecb":
		if !ivNull && len(iv) != 0 {
			return nil, badIV
		}
	case "gcm":
		if len(iv) == 0 {
			return nil, badIV
		}
	default:
		if len(iv) != 16 {
			return nil, badIV
		}
	}
	block, _ := aes.NewCipher(key)
	s := &cipherState{spec: spec, decrypt: decrypt, block: block, padding: true}
	switch spec.mode {
	case "cbc":
		if decrypt {
			s.mode = cipher.NewCBCDecrypter(block, iv)
		} else {
			s.mode = cipher.NewCBCEncrypter(block, iv)
		}
	case "ecb":
		s.mode = crECBMode{block, decrypt}
	case "ctr":
		s.stream = cipher.NewCTR(block, iv)
	case "ofb":
		//lint:ignore SA1019 Node's crypto offers aes-*-ofb; compatibility requires it
		s.stream = cipher.NewOFB(block, iv) //nolint:staticcheck // Node offers OFB
	case "cfb":
		if decrypt {
			//lint:ignore SA1019 Node's crypto offers aes-*-cfb; compatibility requires it
			s.stream = cipher.NewCFBDecrypter(block, iv) //nolint:staticcheck // Node offers CFB
		} else {
			//lint:ignore SA1019 Node's crypto offers aes-*-cfb; compatibility requires it
			s.stream = cipher.NewCFBEncrypter(block, iv) //nolint:staticcheck // Node offers CFB
		}
	case "gcm":
		if tagLen != 0 && !validGCMTagLen(tagLen) {
			return nil, crErr("TypeError", "ERR_CRYPTO_INVALID_AUTH_TAG", "Invalid authentication tag length: "+crItoa(tagLen))
		}
		var err error
		if len(iv) == 12 {
			s.aead, err = cipher.NewGCM(block)
		} else {
			s.aead, err = cipher.NewGCMWithNonceSize(block, len(iv))
		}
		if err != nil {
			return nil, badIV
		}
		s.iv = append([]byte(nil), iv...)
		s.tagLen = tagLen
		s.stream = &crCTR32{block: block, ctr: gcmCounter(block, s.aead, iv)}
	}
	return s, nil
}

// crItoa formats a small integer.
func crItoa(n int) string {
	if n < 0 {
		return "-" + crItoa(-n)
	}
	if n < 10 {
		return string(rune('0' + n))
	}
	return crItoa(n/10) + string(rune('0'+n%10))
}

// cipherObject exposes a cipherState to JS.
func (c *cryptoHost) cipherObject(s *cipherState) *goja.Object {
	o := c.vm.NewObject()
	result := func(b []byte, err error, enc goja.Value, final bool) goja.Value {
		if err != nil {
			c.throw(err)
		}
		if !crNullish(enc) {
			if v, ok := s.encodeChunk(b, enc.String(), final); ok {
				return v
			}
		}
		return c.newBuf(b)
	}
	c.set(o, "update", func(call goja.FunctionCall) goja.Value {
		in := c.bytesArg(call.Argument(0), crArgString(call.Argument(1), "utf8"), "data")
		out, err := s.update(in)
		return result(out, err, call.Argument(2), false)
	})
	c.set(o, "final", func(call goja.FunctionCall) goja.Value {
		out, err := s.final()
		return result(out, err, call.Argument(0), true)
	})
	c.set(o, "setAutoPadding", func(call goja.FunctionCall) goja.Value {
		if s.finished {
			c.h.Throw("Error", "ERR_CRYPTO_INVALID_STATE", "Invalid state for operation setAutoPadding")
		}
		s.padding = crNullish(call.Argument(0)) || call.Argument(0).ToBoolean()
		return goja.Undefined()
	})
	c.set(o, "setAAD", func(call goja.FunctionCall) goja.Value {
		if s.spec.mode != "gcm" || s.started || s.finished {
			c.h.Throw("Error", "ERR_CRYPTO_INVALID_STATE", "Invalid state for operation setAAD")
		}
		s.aad = append(s.aad, c.bytesArg(call.Argument(0), "utf8", "buffer")...)
		return goja.Undefined()
	})
	c.set(o, "getAuthTag", func(call goja.FunctionCall) goja.Value {
		if s.spec.mode != "gcm" || s.decrypt || !s.finished {
			c.h.Throw("Error", "ERR_CRYPTO_INVALID_STATE", "Invalid state for operation getAuthTag")
		}
		return c.newBuf(append([]byte(nil), s.tag...))
	})
	c.set(o, "setAuthTag", func(call goja.FunctionCall) goja.Value {
		if s.spec.mode != "gcm" || !s.decrypt || s.finished || s.tag != nil {
			c.h.Throw("Error", "ERR_CRYPTO_INVALID_STATE", "Invalid state for operation setAuthTag")
		}
		tag := c.bytesArg(call.Argument(0), crArgString(call.Argument(1), "utf8"), "buffer")
		if !validGCMTagLen(len(tag)) || (s.tagLen != 0 && len(tag) != s.tagLen) {
			c.h.Throw("TypeError", "ERR_CRYPTO_INVALID_AUTH_TAG", "Invalid authentication tag length: "+crItoa(len(tag)))
		}
		s.tag = append([]byte(nil), tag...)
		return goja.Undefined()
	})
	return o
}

// aesBlock returns the AES block cipher for a Web Crypto key.
func aesBlock(key []byte) (cipher.Block, error) {
	b, err := aes.NewCipher(key)
	if err != nil {
		return nil, crErr("Error", "", "Invalid key length")
	}
	return b, nil
}

// ctrBits is AES-CTR as Web Crypto defines it: the low `bits` bits of the
// counter block are a counter that wraps around.
func ctrBits(block cipher.Block, counter []byte, bits int, data []byte) []byte {
	var ctr [16]byte
	copy(ctr[:], counter)
	out := make([]byte, len(data))
	var ks [16]byte
	for i := 0; i < len(data); i += 16 {
		block.Encrypt(ks[:], ctr[:])
		end := min(i+16, len(data))
		for j := i; j < end; j++ {
			out[j] = data[j] ^ ks[j-i]
		}
		// increment the low bits, carrying within them only
		carry := 1
		for k := 0; k < bits && carry > 0; k += 8 {
			idx := 15 - k/8
			width := min(8, bits-k)
			mask := byte(1<<width - 1)
			if width == 8 {
				mask = 0xff
			}
			v := int(ctr[idx]&mask) + carry
			carry = v >> width
			ctr[idx] = ctr[idx]&^mask | byte(v)&mask
		}
	}
	return out
}

// aesKWIV is the default initial value of RFC 3394.
var aesKWIV = [8]byte{0xA6, 0xA6, 0xA6, 0xA6, 0xA6, 0xA6, 0xA6, 0xA6}

// aesKeyWrap wraps key data (a multiple of 8 bytes, at least 16) per RFC 3394.
func aesKeyWrap(block cipher.Block, p []byte) ([]byte, error) {
	if len(p) < 16 || len(p)%8 != 0 {
		return nil, crErr("Error", "", "AES-KW data must be a multiple of 8 bytes, at least 16")
	}
	n := len(p) / 8
	r := append([]byte(nil), p...)
	a := aesKWIV
	var b [16]byte
	for j := 0; j < 6; j++ {
		for i := 0; i < n; i++ {
			copy(b[:8], a[:])
			copy(b[8:], r[i*8:i*8+8])
			block.Encrypt(b[:], b[:])
			t := uint64(n*j + i + 1)
			binary.BigEndian.PutUint64(a[:], binary.BigEndian.Uint64(b[:8])^t)
			copy(r[i*8:], b[8:])
		}
	}
	return append(a[:], r...), nil
}

// aesKeyUnwrap reverses aesKeyWrap, checking the integrity value.
func aesKeyUnwrap(block cipher.Block, c []byte) ([]byte, error) {
	if len(c) < 24 || len(c)%8 != 0 {
		return nil, crErr("Error", "", "AES-KW data must be a multiple of 8 bytes, at least 24")
	}
	n := len(c)/8 - 1
	var a [8]byte
	copy(a[:], c[:8])
	r := append([]byte(nil), c[8:]...)
	var b [16]byte
	for j := 5; j >= 0; j-- {
		for i := n - 1; i >= 0; i-- {
			t := uint64(n*j + i + 1)
			binary.BigEndian.PutUint64(b[:8], binary.BigEndian.Uint64(a[:])^t)
			copy(b[8:], r[i*8:i*8+8])
			block.Decrypt(b[:], b[:])
			copy(a[:], b[:8])
			copy(r[i*8:], b[8:])
		}
	}
	if subtle.ConstantTimeCompare(a[:], aesKWIV[:]) != 1 {
		return nil, crErr("Error", "", "AES-KW integrity check failed")
	}
	return r, nil
}

func (c *cryptoHost) installCipher(n *goja.Object) {
	_ = n.Set("ciphers", cryptoCipherNames)
	// cipherInfo(name) -> [keyLen, mode] or null
	c.set(n, "cipherInfo", func(call goja.FunctionCall) goja.Value {
		spec, ok := crLookupCipher(crArgString(call.Argument(0), ""))
		if !ok {
			return goja.Undefined()
		}
		return c.vm.ToValue([]any{spec.keyLen, spec.mode})
	})
	// createCipher(name, key, iv, decrypt, authTagLength)
	c.set(n, "createCipher", func(call goja.FunctionCall) goja.Value {
		key := c.bytesArg(call.Argument(1), "utf8", "key")
		ivNull := crNullish(call.Argument(2))
		var iv []byte
		if !ivNull {
			iv = c.bytesArg(call.Argument(2), "utf8", "iv")
		}
		s, err := newCipherState(crArgString(call.Argument(0), ""), key, iv, ivNull,
			call.Argument(3).ToBoolean(), int(crArgInt(call.Argument(4), 0)))
		if err != nil {
			c.throw(err)
		}
		return c.cipherObject(s)
	})
	// aesGcm(decrypt, key, iv, data, aad, tagBytes) -> ArrayBuffer
	c.set(n, "aesGcm", func(call goja.FunctionCall) goja.Value {
		block, err := aesBlock(c.bytesArg(call.Argument(1), "", "key"))
		if err != nil {
			c.throw(err)
		}
		iv := c.bytesArg(call.Argument(2), "", "iv")
		data := c.bytesArg(call.Argument(3), "", "data")
		var aad []byte
		if !crNullish(call.Argument(4)) {
			aad = c.bytesArg(call.Argument(4), "", "additionalData")
		}
		tagLen := int(call.Argument(5).ToInteger())
		if len(iv) == 0 {
			c.throw(crErr("Error", "", "The iv length must not be zero"))
		}
		aead, err := cipher.NewGCMWithNonceSize(block, len(iv))
		if err != nil {
			c.throw(err)
		}
		if !call.Argument(0).ToBoolean() {
			sealed := aead.Seal(nil, iv, data, aad)
			return c.newBuf(sealed[:len(sealed)-16+tagLen])
		}
		if len(data) < tagLen {
			c.throw(crErr("Error", "", "The provided data is too small."))
		}
		ct := data[:len(data)-tagLen]
		tag := data[len(data)-tagLen:]
		stream := &crCTR32{block: block, ctr: gcmCounter(block, aead, iv)}
		plain := make([]byte, len(ct))
		stream.XORKeyStream(plain, ct)
		sealed := aead.Seal(nil, iv, plain, aad)
		if subtle.ConstantTimeCompare(sealed[len(ct):len(ct)+tagLen], tag) != 1 {
			c.throw(crErr("Error", "", "The operation failed for an operation-specific reason"))
		}
		return c.newBuf(plain)
	})
	// aesCbc(decrypt, key, iv, data) -> ArrayBuffer, with PKCS#7 padding.
	c.set(n, "aesCbc", func(call goja.FunctionCall) goja.Value {
		block, err := aesBlock(c.bytesArg(call.Argument(1), "", "key"))
		if err != nil {
			c.throw(err)
		}
		iv := c.bytesArg(call.Argument(2), "", "iv")
		data := c.bytesArg(call.Argument(3), "", "data")
		if len(iv) != 16 {
			c.throw(crErr("Error", "", "algorithm.iv must contain exactly 16 bytes"))
		}
		if !call.Argument(0).ToBoolean() {
			p := crPadPKCS7(data)
			cipher.NewCBCEncrypter(block, iv).CryptBlocks(p, p)
			return c.newBuf(p)
		}
		if len(data) == 0 || len(data)%16 != 0 {
			c.throw(crErr("Error", "", "The operation failed for an operation-specific reason"))
		}
		out := make([]byte, len(data))
		cipher.NewCBCDecrypter(block, iv).CryptBlocks(out, data)
		p, ok := crUnpadPKCS7(out)
		if !ok {
			c.throw(crErr("Error", "", "The operation failed for an operation-specific reason"))
		}
		return c.newBuf(p)
	})
	// aesCtr(key, counter, lengthBits, data) -> ArrayBuffer
	c.set(n, "aesCtr", func(call goja.FunctionCall) goja.Value {
		block, err := aesBlock(c.bytesArg(call.Argument(0), "", "key"))
		if err != nil {
			c.throw(err)
		}
		counter := c.bytesArg(call.Argument(1), "", "counter")
		bits := int(call.Argument(2).ToInteger())
		data := c.bytesArg(call.Argument(3), "", "data")
		return c.newBuf(ctrBits(block, counter, bits, data))
	})
	// aesKw(unwrap, key, data) -> ArrayBuffer
	c.set(n, "aesKw", func(call goja.FunctionCall) goja.Value {
		block, err := aesBlock(c.bytesArg(call.Argument(1), "", "key"))
		if err != nil {
			c.throw(err)
		}
		data := c.bytesArg(call.Argument(2), "", "data")
		var out []byte
		if call.Argument(0).ToBoolean() {
			out, err = aesKeyUnwrap(block, data)
		} else {
			out, err = aesKeyWrap(block, data)
		}
		if err != nil {
			c.throw(err)
		}
		return c.newBuf(out)
	})
}
