package compat

import (
	"bytes"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"strings"
	"unicode/utf8"

	"github.com/dop251/goja"
)

// Text and form decoding for the Body mixin: UTF-8 decoding as the Encoding
// standard defines it, and multipart/form-data parsing.

// decodeUTF8 decodes b as the Encoding standard's "UTF-8 decode": a leading
// BOM is dropped and every maximal ill-formed subsequence becomes one
// U+FFFD (Go's own conversion would give one per byte).
func decodeUTF8(b []byte) string {
	b = bytes.TrimPrefix(b, []byte{0xef, 0xbb, 0xbf})
	if utf8.Valid(b) {
		return string(b)
	}
	var sb strings.Builder
	sb.Grow(len(b) + 8)
	for i := 0; i < len(b); {
		c := b[i]
		if c < 0x80 {
			sb.WriteByte(c)
			i++
			continue
		}
		need, lo, hi := 0, byte(0x80), byte(0xbf)
		switch {
		case c >= 0xc2 && c <= 0xdf:
			need = 1
		case c == 0xe0:
			need, lo = 2, 0xa0
		case c >= 0xe1 && c <= 0xec, c == 0xee, c == 0xef:
			need = 2
		case c == 0xed:
			need, hi = 2, 0x9f
		case c == 0xf0:
			need, lo = 3, 0x90
		case c >= 0xf1 && c <= 0xf3:
			need = 3
		case c == 0xf4:
			need, hi = 3, 0x8f
		default:
			sb.WriteRune(utf8.RuneError)
			i++
			continue
		}
		j := i + 1
		for k := 0; k < need; k++ {
			if j >= len(b) || b[j] < lo || b[j] > hi {
				break
			}
			lo, hi = 0x80, 0xbf
			j++
		}
		if j-i == need+1 {
			sb.Write(b[i:j])
		} else {
			sb.WriteRune(utf8.RuneError)
		}
		i = j
	}
	return sb.String()
}

// parseMultipart(bytes, boundary) parses a multipart/form-data body into
// [[name, value], ...] where value is a string, or {data: ArrayBuffer,
// filename, type} for a file part. It throws TypeError "Failed to parse
// body as FormData." on malformed input, as undici does.
func (f *fetchHost) parseMultipart(b []byte, boundary string) goja.Value {
	vm := f.h.VM
	entries, err := parseFormData(b, boundary)
	if err != nil {
		panic(vm.NewTypeError("Failed to parse body as FormData."))
	}
	out := make([]any, len(entries))
	for i, e := range entries {
		if !e.file {
			out[i] = []any{e.name, decodeUTF8(e.data)}
			continue
		}
		out[i] = []any{e.name, map[string]any{
			"data":     vm.NewArrayBuffer(e.data),
			"filename": e.filename,
			"type":     e.ctype,
		}}
	}
	return vm.ToValue(out)
}

// formEntry is one part of a multipart/form-data body.
type formEntry struct {
	name, filename, ctype string
	file                  bool
	data                  []byte
}

// formNameUnescaper undoes the escapes that form serialisers apply to
// names and file names (and only those, as undici does).
var formNameUnescaper = strings.NewReplacer("%0A", "\n", "%0a", "\n", "%0D", "\r", "%0d", "\r", "%22", `"`)

// parseFormData parses body with the given boundary.
func parseFormData(body []byte, boundary string) ([]formEntry, error) {
	if boundary == "" {
		return nil, errors.New("no boundary")
	}
	r := multipart.NewReader(bytes.NewReader(body), boundary)
	var out []formEntry
	for {
		p, err := r.NextRawPart()
		if err == io.EOF {
			if out == nil && !bytes.Contains(body, []byte("--"+boundary+"--")) {
				return nil, errors.New("no closing boundary")
			}
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		disp, params, err := mime.ParseMediaType(p.Header.Get("Content-Disposition"))
		if err != nil || disp != "form-data" {
			return nil, errors.New("bad content-disposition")
		}
		name, ok := params["name"]
		if !ok {
			return nil, errors.New("part without a name")
		}
		data, err := io.ReadAll(p)
		if err != nil {
			return nil, err
		}
		e := formEntry{name: formNameUnescaper.Replace(name), data: data}
		if fn, ok := params["filename"]; ok {
			e.file = true
			e.filename = formNameUnescaper.Replace(fn)
			e.ctype = strings.ToLower(p.Header.Get("Content-Type"))
			if e.ctype == "" {
				e.ctype = "text/plain" // undici's default for a file part
			}
		}
		out = append(out, e)
	}
}
