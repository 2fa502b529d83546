package bindings

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"strings"
	"time"
)

// PreviewKeys are the secrets of Next.js's preview and draft modes: the value
// of the __prerender_bypass cookie, and the keys that encrypt and sign the
// __next_preview_data cookie. next build makes them per build; gojaapi makes
// them per process (NewPreviewKeys) unless the embedder supplies them.
type PreviewKeys struct {
	ID            string
	EncryptionKey string
	SigningKey    string
}

// NewPreviewKeys returns random keys, hex-encoded like Next's.
func NewPreviewKeys() PreviewKeys {
	r := func(n int) string {
		b := make([]byte, n)
		_, _ = rand.Read(b)
		return hex.EncodeToString(b)
	}
	return PreviewKeys{ID: r(16), EncryptionKey: r(32), SigningKey: r(32)}
}

// Next's crypto-utils constants.
const (
	previewSaltLen   = 64
	previewIVLen     = 16
	previewTagLen    = 16
	previewKeyLen    = 32
	previewPBKDF2Its = 100000
)

// encryptPreviewData is Next's encryptWithSecret: PBKDF2-SHA512 of the
// secret with a random salt, AES-256-GCM with a 16-byte IV, and
// hex(salt | iv | tag | ciphertext).
func encryptPreviewData(secret, data string) (string, error) {
	salt := make([]byte, previewSaltLen)
	iv := make([]byte, previewIVLen)
	_, _ = rand.Read(salt)
	_, _ = rand.Read(iv)
	gcm, err := previewCipher(secret, salt)
	if err != nil {
		return "", err
	}
	sealed := gcm.Seal(nil, iv, []byte(data), nil)
	ct, tag := sealed[:len(sealed)-previewTagLen], sealed[len(sealed)-previewTagLen:]
	out := make([]byte, 0, previewSaltLen+previewIVLen+previewTagLen+len(ct))
	out = append(append(append(append(out, salt...), iv...), tag...), ct...)
	return hex.EncodeToString(out), nil
}

// decryptPreviewData is Next's decryptWithSecret.
func decryptPreviewData(secret, encoded string) (string, error) {
	buf, err := hex.DecodeString(encoded)
	if err != nil || len(buf) < previewSaltLen+previewIVLen+previewTagLen {
		return "", errors.New("malformed preview data")
	}
	salt := buf[:previewSaltLen]
	iv := buf[previewSaltLen : previewSaltLen+previewIVLen]
	tag := buf[previewSaltLen+previewIVLen : previewSaltLen+previewIVLen+previewTagLen]
	ct := buf[previewSaltLen+previewIVLen+previewTagLen:]
	gcm, err := previewCipher(secret, salt)
	if err != nil {
		return "", err
	}
	plain, err := gcm.Open(nil, iv, append(append([]byte{}, ct...), tag...), nil)
	if err != nil {
		return "", err
	}
	return string(plain), nil
}

func previewCipher(secret string, salt []byte) (cipher.AEAD, error) {
	key, err := pbkdf2.Key(sha512.New, secret, salt, previewPBKDF2Its, previewKeyLen)
	if err != nil {
		return nil, err
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCMWithNonceSize(block, previewIVLen)
}

var b64 = base64.RawURLEncoding

// PreviewToken makes the __next_preview_data cookie value for res.setPreviewData:
// an HS256 JWT whose "data" claim is the encrypted JSON of the preview data,
// with "exp" when maxAge (seconds) is not negative.
func (k PreviewKeys) PreviewToken(dataJSON string, maxAge float64) (string, error) {
	enc, err := encryptPreviewData(k.EncryptionKey, dataJSON)
	if err != nil {
		return "", err
	}
	now := time.Now().Unix()
	claims := map[string]any{"data": enc, "iat": now}
	if maxAge >= 0 {
		claims["exp"] = now + int64(maxAge)
	}
	payload, _ := json.Marshal(claims)
	head := b64.EncodeToString([]byte(`{"alg":"HS256","typ":"JWT"}`))
	unsigned := head + "." + b64.EncodeToString(payload)
	return unsigned + "." + b64.EncodeToString(k.sign(unsigned)), nil
}

func (k PreviewKeys) sign(s string) []byte {
	m := hmac.New(sha256.New, []byte(k.SigningKey))
	m.Write([]byte(s))
	return m.Sum(nil)
}

// PreviewData verifies a __next_preview_data token and returns the JSON of
// the preview data; ok is false for a bad signature, an expired token or
// data that does not decrypt.
func (k PreviewKeys) PreviewData(token string) (string, bool) {
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return "", false
	}
	sig, err := b64.DecodeString(parts[2])
	if err != nil || !hmac.Equal(sig, k.sign(parts[0]+"."+parts[1])) {
		return "", false
	}
	payload, err := b64.DecodeString(parts[1])
	if err != nil {
		return "", false
	}
	var claims struct {
		Data string `json:"data"`
		Exp  *int64 `json:"exp"`
	}
	if json.Unmarshal(payload, &claims) != nil {
		return "", false
	}
	if claims.Exp != nil && time.Now().Unix() >= *claims.Exp {
		return "", false
	}
	data, err := decryptPreviewData(k.EncryptionKey, claims.Data)
	if err != nil {
		return "", false
	}
	return data, true
}
