package compat

import (
	"encoding/base64"
	"encoding/hex"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/dop251/goja"
)

// Buffer encodings for crypto's string inputs and outputs, with Node's
// lenient decoding rules (hex stops at the first bad pair, base64 skips
// characters outside its alphabets and accepts both alphabets).

// cryptoDecodeString converts a JS string to bytes with a Node encoding
// (utf8 when enc is empty).
func cryptoDecodeString(s goja.String, enc string) ([]byte, error) {
	if enc == "" {
		enc = "utf8"
	}
	switch crNormEncoding(enc) {
	case "utf8":
		return []byte(s.String()), nil
	case "hex":
		str := s.String()
		out := make([]byte, 0, len(str)/2)
		for i := 0; i+1 < len(str); i += 2 {
			b, err := hex.DecodeString(str[i : i+2])
			if err != nil {
				break
			}
			out = append(out, b[0])
		}
		return out, nil
	case "base64", "base64url":
		return cryptoBase64Decode(s.String()), nil
	case "latin1", "ascii":
		n := s.Length()
		out := make([]byte, n)
		for i := 0; i < n; i++ {
			out[i] = byte(s.CharAt(i))
		}
		return out, nil
	case "utf16le":
		n := s.Length()
		out := make([]byte, 2*n)
		for i := 0; i < n; i++ {
			u := s.CharAt(i)
			out[2*i] = byte(u)
			out[2*i+1] = byte(u >> 8)
		}
		return out, nil
	}
	return nil, crErr("TypeError", "ERR_UNKNOWN_ENCODING", "Unknown encoding: "+enc)
}

// cryptoBase64Decode decodes standard or URL-safe base64, with or without
// padding, ignoring characters outside the alphabets, as Node does.
func cryptoBase64Decode(s string) []byte {
	clean := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		ch := s[i]
		switch {
		case ch >= 'A' && ch <= 'Z', ch >= 'a' && ch <= 'z', ch >= '0' && ch <= '9':
			clean = append(clean, ch)
		case ch == '+' || ch == '-':
			clean = append(clean, '+')
		case ch == '/' || ch == '_':
			clean = append(clean, '/')
		case ch == '=':
			i = len(s)
		}
	}
	if len(clean)%4 == 1 {
		clean = clean[:len(clean)-1]
	}
	out, err := base64.RawStdEncoding.DecodeString(string(clean))
	if err != nil {
		return nil
	}
	return out
}

// cryptoEncode converts bytes to a JS string with a Node encoding. ok is
// false when enc is not a string encoding (such as "buffer"), in which case
// the caller returns a Buffer, as Node does.
func cryptoEncode(b []byte, enc string) (goja.Value, bool) {
	switch crNormEncoding(enc) {
	case "hex":
		return crASCIIValue(hex.EncodeToString(b)), true
	case "base64":
		return crASCIIValue(base64.StdEncoding.EncodeToString(b)), true
	case "base64url":
		return crASCIIValue(base64.RawURLEncoding.EncodeToString(b)), true
	case "latin1":
		u := make([]uint16, len(b))
		for i, x := range b {
			u[i] = uint16(x)
		}
		return goja.StringFromUTF16(u), true
	case "ascii":
		u := make([]uint16, len(b))
		for i, x := range b {
			u[i] = uint16(x & 0x7f)
		}
		return goja.StringFromUTF16(u), true
	case "utf16le":
		u := make([]uint16, len(b)/2)
		for i := range u {
			u[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
		}
		return goja.StringFromUTF16(u), true
	case "utf8":
		if utf8.Valid(b) {
			return goja.StringFromUTF16(utf16.Encode([]rune(string(b)))), true
		}
		runes := make([]rune, 0, len(b))
		for len(b) > 0 {
			r, size := utf8.DecodeRune(b)
			runes = append(runes, r)
			b = b[size:]
		}
		return goja.StringFromUTF16(utf16.Encode(runes)), true
	}
	return nil, false
}

// crASCIIValue wraps an ASCII Go string as a JS string.
func crASCIIValue(s string) goja.Value {
	u := make([]uint16, len(s))
	for i := 0; i < len(s); i++ {
		u[i] = uint16(s[i])
	}
	return goja.StringFromUTF16(u)
}

func (c *cryptoHost) installEncoding(n *goja.Object) {
	// decode(string, encoding) -> ArrayBuffer
	c.set(n, "decode", func(call goja.FunctionCall) goja.Value {
		return c.newBuf(append([]byte(nil), c.bytesArg(call.Argument(0), crArgString(call.Argument(1), "utf8"), "data")...))
	})
	// encode(bytes, encoding) -> string, or an ArrayBuffer copy when
	// encoding is not a string encoding.
	c.set(n, "encode", func(call goja.FunctionCall) goja.Value {
		b := c.bytesArg(call.Argument(0), "utf8", "data")
		if v, ok := cryptoEncode(b, crArgString(call.Argument(1), "buffer")); ok {
			return v
		}
		return c.newBuf(append([]byte(nil), b...))
	})
}
