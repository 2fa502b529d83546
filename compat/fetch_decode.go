package compat

import (
	"bufio"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"fmt"
	"io"
	"strings"

	"github.com/andybalholm/brotli"
)

// Response body decoding as undici does it: the codings of Content-Encoding
// (gzip, x-gzip, deflate, br) are undone, last applied first; an unknown
// coding leaves the body as it came. The headers are not changed. Decoders
// are built on the first read, because building one reads the stream's
// header and the response must reach JS before its body has arrived.

// decodeBody wraps body with the decoders that contentEncoding asks for.
func decodeBody(body io.Reader, contentEncoding string) io.Reader {
	if contentEncoding == "" {
		return body
	}
	codings := strings.Split(strings.ToLower(contentEncoding), ",")
	for i := range codings {
		codings[i] = strings.TrimSpace(codings[i])
		switch codings[i] {
		case "gzip", "x-gzip", "deflate", "br":
		case "identity", "":
		default:
			return body
		}
	}
	r := body
	for i := len(codings) - 1; i >= 0; i-- {
		src := r
		switch codings[i] {
		case "gzip", "x-gzip":
			r = &lazyReader{open: func() (io.Reader, error) { return gzip.NewReader(src) }}
		case "deflate":
			r = &lazyReader{open: func() (io.Reader, error) { return newDeflateReader(src) }}
		case "br":
			r = &lazyReader{open: func() (io.Reader, error) { return brotli.NewReader(src), nil }}
		}
	}
	return r
}

// newDeflateReader reads "deflate" content, which servers send either as
// zlib (RFC 1950, what the name means) or as raw deflate (RFC 1951).
func newDeflateReader(src io.Reader) (io.Reader, error) {
	br := bufio.NewReader(src)
	head, err := br.Peek(2)
	if err != nil && len(head) < 2 {
		if err == io.EOF {
			return br, nil // empty body
		}
		return nil, err
	}
	if head[0]&0x0f == 8 && (uint16(head[0])<<8|uint16(head[1]))%31 == 0 {
		return zlib.NewReader(br)
	}
	return flate.NewReader(br), nil
}

// lazyReader builds its underlying reader on the first Read.
type lazyReader struct {
	open func() (io.Reader, error)
	r    io.Reader
	err  error
}

func (l *lazyReader) Read(p []byte) (int, error) {
	if l.r == nil && l.err == nil {
		l.r, l.err = l.open()
	}
	if l.err != nil {
		return 0, l.err
	}
	return l.r.Read(p)
}

// limitedBody fails with errFetchTooLarge once more than max bytes have been
// read (max < 0: no limit).
type limitedBody struct {
	r   io.Reader
	n   int64
	max int64
}

func (l *limitedBody) Read(p []byte) (int, error) {
	if l.max >= 0 && l.n > l.max {
		return 0, l.tooLarge()
	}
	n, err := l.r.Read(p)
	l.n += int64(n)
	if l.max >= 0 && l.n > l.max {
		return 0, l.tooLarge()
	}
	return n, err
}

func (l *limitedBody) tooLarge() error {
	return fmt.Errorf("%w: more than %d bytes", errFetchTooLarge, l.max)
}
