package compat

import (
	"crypto"
	"crypto/aes"
	"crypto/cipher"
	"crypto/des"
	"crypto/pbkdf2"
	"crypto/rand"
	"encoding/asn1"
)

// Encrypted PKCS#8 ("ENCRYPTED PRIVATE KEY", RFC 8018 PBES2), which Node
// writes for privateKeyEncoding {type: 'pkcs8', cipher, passphrase} and
// reads back with createPrivateKey({key, passphrase}).

var (
	oidPBES2          = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 5, 13}
	oidPBKDF2         = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 5, 12}
	oidHMACWithSHA256 = asn1.ObjectIdentifier{1, 2, 840, 113549, 2, 9}
	oidDESEDE3CBC     = asn1.ObjectIdentifier{1, 2, 840, 113549, 3, 7}
)

// pbkdf2PRFs maps PBKDF2 PRF identifiers to hashes.
var pbkdf2PRFs = map[string]crypto.Hash{
	"1.2.840.113549.2.7":  crypto.SHA1,
	"1.2.840.113549.2.8":  crypto.SHA224,
	"1.2.840.113549.2.9":  crypto.SHA256,
	"1.2.840.113549.2.10": crypto.SHA384,
	"1.2.840.113549.2.11": crypto.SHA512,
}

// aesCBCOIDs maps AES-CBC identifiers to key lengths.
var aesCBCOIDs = map[string]int{
	"2.16.840.1.101.3.4.1.2":  16,
	"2.16.840.1.101.3.4.1.22": 24,
	"2.16.840.1.101.3.4.1.42": 32,
}

type pkcs8AlgID struct {
	Algorithm  asn1.ObjectIdentifier
	Parameters asn1.RawValue `asn1:"optional"`
}

type pkcs8Encrypted struct {
	Algorithm pkcs8AlgID
	Data      []byte
}

type pbes2Params struct {
	KDF    pkcs8AlgID
	Scheme pkcs8AlgID
}

type pbkdf2Params struct {
	Salt       []byte
	Iterations int
	KeyLength  int        `asn1:"optional"`
	PRF        pkcs8AlgID `asn1:"optional"`
}

// decryptPKCS8 decrypts an EncryptedPrivateKeyInfo to PKCS#8 DER.
func decryptPKCS8(der, passphrase []byte) ([]byte, error) {
	bad := crErr("Error", "ERR_OSSL_BAD_DECRYPT", "error:1C800064:Provider routines::bad decrypt")
	var enc pkcs8Encrypted
	if _, err := asn1.Unmarshal(der, &enc); err != nil || !enc.Algorithm.Algorithm.Equal(oidPBES2) {
		return nil, crErrKeyDecode
	}
	var params pbes2Params
	if _, err := asn1.Unmarshal(enc.Algorithm.Parameters.FullBytes, &params); err != nil || !params.KDF.Algorithm.Equal(oidPBKDF2) {
		return nil, crErrKeyDecode
	}
	var kdf pbkdf2Params
	if _, err := asn1.Unmarshal(params.KDF.Parameters.FullBytes, &kdf); err != nil {
		return nil, crErrKeyDecode
	}
	prf := crypto.SHA1
	if len(kdf.PRF.Algorithm) > 0 {
		h, ok := pbkdf2PRFs[kdf.PRF.Algorithm.String()]
		if !ok {
			return nil, crErrKeyDecode
		}
		prf = h
	}
	var iv []byte
	if _, err := asn1.Unmarshal(params.Scheme.Parameters.FullBytes, &iv); err != nil {
		return nil, crErrKeyDecode
	}
	var block cipher.Block
	keyLen, isAES := aesCBCOIDs[params.Scheme.Algorithm.String()]
	if !isAES {
		if !params.Scheme.Algorithm.Equal(oidDESEDE3CBC) {
			return nil, crErrKeyDecode
		}
		keyLen = 24
	}
	key, err := pbkdf2.Key(crHashFunc(prf), string(passphrase), kdf.Salt, kdf.Iterations, keyLen)
	if err != nil {
		return nil, bad
	}
	if isAES {
		block, _ = aes.NewCipher(key)
	} else {
		block, _ = des.NewTripleDESCipher(key)
	}
	if len(iv) != block.BlockSize() || len(enc.Data)%block.BlockSize() != 0 || len(enc.Data) == 0 {
		return nil, bad
	}
	out := make([]byte, len(enc.Data))
	cipher.NewCBCDecrypter(block, iv).CryptBlocks(out, enc.Data)
	p := int(out[len(out)-1])
	if p == 0 || p > block.BlockSize() {
		return nil, bad
	}
	for _, x := range out[len(out)-p:] {
		if int(x) != p {
			return nil, bad
		}
	}
	return out[:len(out)-p], nil
}

// encryptPKCS8 encrypts PKCS#8 DER with PBES2 (PBKDF2 with HMAC-SHA256,
// 2048 iterations, as OpenSSL does, and AES-CBC with keyLen bytes).
func encryptPKCS8(der, passphrase []byte, keyLen int) ([]byte, error) {
	salt := make([]byte, 16)
	iv := make([]byte, 16)
	_, _ = rand.Read(salt)
	_, _ = rand.Read(iv)
	const iterations = 2048
	key, err := pbkdf2.Key(crHashFunc(crypto.SHA256), string(passphrase), salt, iterations, keyLen)
	if err != nil {
		return nil, err
	}
	block, _ := aes.NewCipher(key)
	data := crPadPKCS7(der)
	cipher.NewCBCEncrypter(block, iv).CryptBlocks(data, data)

	nullParams := asn1.RawValue{Tag: asn1.TagNull}
	prf := pkcs8AlgID{Algorithm: oidHMACWithSHA256, Parameters: nullParams}
	kdfParams, err := asn1.Marshal(pbkdf2Params{Salt: salt, Iterations: iterations, PRF: prf})
	if err != nil {
		return nil, err
	}
	ivDER, _ := asn1.Marshal(iv)
	var schemeOID asn1.ObjectIdentifier
	for s, n := range aesCBCOIDs {
		if n == keyLen {
			for _, part := range crSplitOID(s) {
				schemeOID = append(schemeOID, part)
			}
		}
	}
	params, err := asn1.Marshal(pbes2Params{
		KDF:    pkcs8AlgID{Algorithm: oidPBKDF2, Parameters: asn1.RawValue{FullBytes: kdfParams}},
		Scheme: pkcs8AlgID{Algorithm: schemeOID, Parameters: asn1.RawValue{FullBytes: ivDER}},
	})
	if err != nil {
		return nil, err
	}
	return asn1.Marshal(pkcs8Encrypted{
		Algorithm: pkcs8AlgID{Algorithm: oidPBES2, Parameters: asn1.RawValue{FullBytes: params}},
		Data:      data,
	})
}

// crSplitOID parses a dotted object identifier.
func crSplitOID(s string) []int {
	var out []int
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '.' {
			out = append(out, n)
			n = 0
			continue
		}
		n = n*10 + int(s[i]-'0')
	}
	return append(out, n)
}
