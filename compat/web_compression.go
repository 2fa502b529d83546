package compat

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"io"
	"runtime"

	"github.com/dop251/goja"
)

// This file holds the Go side of CompressionStream and DecompressionStream
// (compat/js/web_streams_compression.js). Each coder is a JS object with
// push(bytes) and finish(), returning an ArrayBuffer of output or null.

// newCompressorObject returns the coder for CompressionStream(format).
// Compression is push-based in Go, so it runs synchronously.
func newCompressorObject(h *Host, format string) *goja.Object {
	vm := h.VM
	var buf bytes.Buffer
	var w io.WriteCloser
	switch format {
	case "gzip":
		w = gzip.NewWriter(&buf)
	case "deflate":
		w = zlib.NewWriter(&buf)
	default:
		w, _ = flate.NewWriter(&buf, flate.DefaultCompression)
	}
	take := func() goja.Value {
		if buf.Len() == 0 {
			return goja.Null()
		}
		out := bytes.Clone(buf.Bytes())
		buf.Reset()
		return vm.ToValue(vm.NewArrayBuffer(out))
	}
	finished := false
	o := vm.NewObject()
	_ = o.Set("push", func(data []byte) goja.Value {
		if finished {
			return goja.Null()
		}
		if _, err := w.Write(data); err != nil {
			panic(h.NewError("Error", "", err.Error()))
		}
		return take()
	})
	_ = o.Set("finish", func() goja.Value {
		if finished {
			return goja.Null()
		}
		finished = true
		if err := w.Close(); err != nil {
			panic(h.NewError("Error", "", err.Error()))
		}
		return take()
	})
	return o
}

// decEvent is what a decompressing goroutine reports to the loop: output
// bytes, a request for more input, or the end (with an error or not).
type decEvent struct {
	data []byte
	need bool
	end  bool
	err  error
}

// chanSource feeds a Go decompressor from chunks sent by the loop. Before it
// blocks for more input it reports "need", which tells the loop that the
// chunk it pushed has been consumed.
type chanSource struct {
	in   <-chan []byte
	out  chan<- decEvent
	quit <-chan struct{}
	cur  []byte
	eof  bool
}

func (s *chanSource) fill() bool {
	for len(s.cur) == 0 {
		if s.eof {
			return false
		}
		select {
		case s.out <- decEvent{need: true}:
		case <-s.quit:
			s.eof = true
			return false
		}
		select {
		case chunk, ok := <-s.in:
			if !ok {
				s.eof = true
				return false
			}
			s.cur = chunk
		case <-s.quit:
			s.eof = true
			return false
		}
	}
	return true
}

func (s *chanSource) Read(p []byte) (int, error) {
	if !s.fill() {
		return 0, io.EOF
	}
	n := copy(p, s.cur)
	s.cur = s.cur[n:]
	return n, nil
}

func (s *chanSource) ReadByte() (byte, error) {
	if !s.fill() {
		return 0, io.EOF
	}
	b := s.cur[0]
	s.cur = s.cur[1:]
	return b, nil
}

// decompress runs in its own goroutine for the life of one
// DecompressionStream. It refers only to channels, never to the coder, so
// that a coder JS drops can be collected and its cleanup can stop us.
func decompress(format string, in <-chan []byte, out chan<- decEvent, quit <-chan struct{}) {
	send := func(ev decEvent) bool {
		select {
		case out <- ev:
			return true
		case <-quit:
			return false
		}
	}
	src := &chanSource{in: in, out: out, quit: quit}
	var r io.Reader
	var err error
	switch format {
	case "gzip":
		r, err = gzip.NewReader(src)
	case "deflate":
		r, err = zlib.NewReader(src)
	default:
		r = flate.NewReader(src)
	}
	if err != nil {
		send(decEvent{end: true, err: err})
		return
	}
	buf := make([]byte, 32*1024)
	for {
		n, err := r.Read(buf)
		if n > 0 && !send(decEvent{data: bytes.Clone(buf[:n])}) {
			return
		}
		if err == io.EOF {
			send(decEvent{end: true})
			return
		}
		if err != nil {
			send(decEvent{end: true, err: err})
			return
		}
	}
}

// decoder is the loop side of a DecompressionStream.
type decoder struct {
	in    chan []byte
	out   chan decEvent
	ended bool
	err   error
}

// collect gathers output until the goroutine wants input or ends.
func (d *decoder) collect() []byte {
	var got []byte
	for ev := range d.out {
		switch {
		case ev.data != nil:
			got = append(got, ev.data...)
		case ev.need:
			return got
		case ev.end:
			d.ended = true
			d.err = ev.err
			return got
		}
	}
	return got
}

// newDecompressorObject returns the coder for DecompressionStream(format).
func newDecompressorObject(h *Host, format string) *goja.Object {
	vm := h.VM
	d := &decoder{in: make(chan []byte), out: make(chan decEvent)}
	quit := make(chan struct{})
	go decompress(format, d.in, d.out, quit)
	runtime.AddCleanup(d, func(q chan struct{}) { close(q) }, quit)
	d.collect() // the goroutine's first request for input
	result := func(got []byte) goja.Value {
		if d.err != nil {
			panic(zlibError(h, d.err))
		}
		if len(got) == 0 {
			return goja.Null()
		}
		return vm.ToValue(vm.NewArrayBuffer(got))
	}
	finished := false
	o := vm.NewObject()
	_ = o.Set("push", func(data []byte) goja.Value {
		if d.ended {
			return result(nil)
		}
		d.in <- bytes.Clone(data)
		return result(d.collect())
	})
	_ = o.Set("finish", func() goja.Value {
		if finished {
			return goja.Null()
		}
		finished = true
		var got []byte
		if !d.ended {
			close(d.in)
			got = d.collect()
		}
		return result(got)
	})
	return o
}

// zlibError turns a Go decompression error into the error Node's zlib
// gives for the same input.
func zlibError(h *Host, err error) *goja.Object {
	msg, code, errno := "invalid compressed data", "Z_DATA_ERROR", -3
	var corrupt flate.CorruptInputError
	switch {
	case errors.Is(err, gzip.ErrHeader), errors.Is(err, zlib.ErrHeader):
		msg = "incorrect header check"
	case errors.Is(err, io.ErrUnexpectedEOF):
		msg, code, errno = "unexpected end of file", "Z_BUF_ERROR", -5
	case errors.Is(err, gzip.ErrChecksum), errors.Is(err, zlib.ErrChecksum):
		msg = "incorrect data check"
	case errors.Is(err, zlib.ErrDictionary):
		msg, code, errno = "Missing dictionary", "Z_NEED_DICT", 2
	case errors.As(err, &corrupt):
		msg = "invalid block type"
	}
	e := h.NewError("Error", code, msg)
	_ = e.Set("errno", errno)
	return e
}
