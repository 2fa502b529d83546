package compat

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"hash/adler32"
	"hash/crc32"
	"io"
	"runtime"
	"strings"
	"sync"

	"github.com/andybalholm/brotli"
	"github.com/dop251/goja"
)

// Go natives behind node:zlib (compat/js/zlib.js): whole-buffer codecs for
// the *Sync and callback forms, and incremental codec handles for the
// stream classes. Compression uses compress/flate, compress/gzip,
// compress/zlib and github.com/andybalholm/brotli. Decompression parses the
// zlib and gzip framing itself so that bad input fails with zlib's own
// messages and codes (Z_DATA_ERROR "incorrect header check", Z_BUF_ERROR
// "unexpected end of file", ...), and its output is capped by
// maxOutputLength (default defaultMaxOutput) so a small "zip bomb" cannot
// exhaust memory.

// defaultMaxOutput is the decompression cap when maxOutputLength is not
// given: far below Node's 4 GiB, because a worker's heap is shared by many
// requests.
const defaultMaxOutput = 64 << 20

func init() {
	registerGo("internal/zlib", loadZlibNatives)
}

// zlibMode names one codec, as the JS side spells it.
type zlibMode string

const (
	modeDeflate          zlibMode = "deflate"
	modeInflate          zlibMode = "inflate"
	modeGzip             zlibMode = "gzip"
	modeGunzip           zlibMode = "gunzip"
	modeDeflateRaw       zlibMode = "deflateRaw"
	modeInflateRaw       zlibMode = "inflateRaw"
	modeUnzip            zlibMode = "unzip"
	modeBrotliCompress   zlibMode = "brotliCompress"
	modeBrotliDecompress zlibMode = "brotliDecompress"
)

func (m zlibMode) compresses() bool {
	return m == modeDeflate || m == modeGzip || m == modeDeflateRaw || m == modeBrotliCompress
}

func (m zlibMode) valid() bool {
	switch m {
	case modeDeflate, modeInflate, modeGzip, modeGunzip, modeDeflateRaw, modeInflateRaw,
		modeUnzip, modeBrotliCompress, modeBrotliDecompress:
		return true
	}
	return false
}

// codecOptions are the options zlib.js has already validated.
type codecOptions struct {
	level      int
	windowBits int
	dictionary []byte
	maxOutput  int64
	quality    int
	lgwin      int
	// partial: finishFlush was not Z_FINISH, so input that stops short
	// yields what it holds instead of "unexpected end of file".
	partial bool
}

func parseCodecOptions(vm *goja.Runtime, v goja.Value) codecOptions {
	o := codecOptions{level: -1, maxOutput: defaultMaxOutput, quality: 11}
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return o
	}
	obj := v.ToObject(vm)
	num := func(name string, def int64) int64 {
		x := obj.Get(name)
		if x == nil || goja.IsUndefined(x) || goja.IsNull(x) {
			return def
		}
		return x.ToInteger()
	}
	o.level = int(num("level", -1))
	o.windowBits = int(num("windowBits", 0))
	o.maxOutput = num("maxOutputLength", defaultMaxOutput)
	o.quality = int(num("quality", 11))
	o.lgwin = int(num("lgwin", 0))
	o.partial = obj.Get("partial") != nil && obj.Get("partial").ToBoolean()
	if d := obj.Get("dictionary"); d != nil && !goja.IsUndefined(d) && !goja.IsNull(d) {
		var b []byte
		if err := vm.ExportTo(d, &b); err == nil {
			o.dictionary = append([]byte(nil), b...)
		}
	}
	return o
}

// codecError is an error Node reports with errno and code properties
// (rangeErr: a RangeError with only a code, for ERR_BUFFER_TOO_LARGE).
type codecError struct {
	msg      string
	code     string
	errno    int
	rangeErr bool
}

func (e *codecError) Error() string { return e.msg }

func dataError(msg string) error { return &codecError{msg: msg, code: "Z_DATA_ERROR", errno: -3} }

var errUnexpectedEOF = &codecError{msg: "unexpected end of file", code: "Z_BUF_ERROR", errno: -5}

func tooLarge(max int64) error {
	return &codecError{msg: fmt.Sprintf("Cannot create a Buffer larger than %d bytes", max),
		code: "ERR_BUFFER_TOO_LARGE", rangeErr: true}
}

var errCodecAborted = errors.New("zlib: stream closed")

// capWriter collects output and fails once more than max bytes arrive.
type capWriter struct {
	buf   []byte
	count int64
	max   int64
}

func (w *capWriter) Write(p []byte) (int, error) {
	if w.count+int64(len(p)) > w.max {
		return 0, tooLarge(w.max)
	}
	w.count += int64(len(p))
	w.buf = append(w.buf, p...)
	return len(p), nil
}

// take returns the collected output and starts a new collection.
func (w *capWriter) take() []byte {
	b := w.buf
	w.buf = nil
	return b
}

// --- compression -----------------------------------------------------------

// compressor is what every Go encoder offers.
type compressor interface {
	io.Writer
	Flush() error
	Close() error
}

func newCompressor(mode zlibMode, o codecOptions, w io.Writer) (compressor, error) {
	level := o.level
	if level < -1 || level > 9 {
		level = -1
	}
	switch mode {
	case modeDeflate:
		if o.dictionary != nil {
			return zlib.NewWriterLevelDict(w, level, o.dictionary)
		}
		return zlib.NewWriterLevel(w, level)
	case modeGzip:
		g, err := gzip.NewWriterLevel(w, level)
		if err != nil {
			return nil, err
		}
		g.OS = 3 // Unix, as Node writes
		return g, nil
	case modeDeflateRaw:
		if o.dictionary != nil {
			return flate.NewWriterDict(w, level, o.dictionary)
		}
		return flate.NewWriter(w, level)
	case modeBrotliCompress:
		q := o.quality
		if q < 0 || q > 11 {
			q = 11
		}
		return brotli.NewWriterOptions(w, brotli.WriterOptions{Quality: q, LGWin: o.lgwin}), nil
	}
	return nil, fmt.Errorf("zlib: %s is not a compressor", mode)
}

func compressAll(mode zlibMode, data []byte, o codecOptions) ([]byte, error) {
	var out bytes.Buffer
	c, err := newCompressor(mode, o, &out)
	if err != nil {
		return nil, err
	}
	if _, err := c.Write(data); err != nil {
		return nil, err
	}
	if err := c.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// --- decompression ---------------------------------------------------------

// decode reads one compressed stream of the given mode from br and writes
// the plain bytes to out. Errors are *codecError values shaped like zlib's.
func decode(mode zlibMode, br *bufio.Reader, out io.Writer, o codecOptions) error {
	switch mode {
	case modeInflate:
		return decodeZlib(br, out, o)
	case modeGunzip:
		return decodeGzip(br, out)
	case modeUnzip:
		b, err := br.Peek(2)
		if len(b) == 2 && b[0] == 0x1f && b[1] == 0x8b {
			return decodeGzip(br, out)
		}
		if err != nil && (len(b) == 0 || b[0] == 0x1f) {
			return mapReadErr(err)
		}
		return decodeZlib(br, out, o)
	case modeInflateRaw:
		return inflateBody(br, out, o.dictionary)
	case modeBrotliDecompress:
		return decodeBrotli(br, out)
	}
	return fmt.Errorf("zlib: %s is not a decompressor", mode)
}

// mapReadErr turns an input error into zlib's: running out of input is
// Z_BUF_ERROR "unexpected end of file".
func mapReadErr(err error) error {
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		return errUnexpectedEOF
	}
	return err
}

func readFull(br *bufio.Reader, n int) ([]byte, error) {
	b := make([]byte, n)
	if _, err := io.ReadFull(br, b); err != nil {
		return nil, mapReadErr(err)
	}
	return b, nil
}

func decodeZlib(br *bufio.Reader, out io.Writer, o codecOptions) error {
	hdr, err := readFull(br, 2)
	if err != nil {
		return err
	}
	if (uint(hdr[0])<<8|uint(hdr[1]))%31 != 0 {
		return dataError("incorrect header check")
	}
	if hdr[0]&0x0f != 8 {
		return dataError("unknown compression method")
	}
	maxBits := o.windowBits
	if maxBits == 0 {
		maxBits = 15
	}
	if int(hdr[0]>>4)+8 > maxBits {
		return dataError("invalid window size")
	}
	var dict []byte
	if hdr[1]&0x20 != 0 {
		id, err := readFull(br, 4)
		if err != nil {
			return err
		}
		if o.dictionary == nil {
			return &codecError{msg: "Missing dictionary", code: "Z_NEED_DICT", errno: 2}
		}
		want := uint32(id[0])<<24 | uint32(id[1])<<16 | uint32(id[2])<<8 | uint32(id[3])
		if adler32.Checksum(o.dictionary) != want {
			return dataError("Bad dictionary")
		}
		dict = o.dictionary
	}
	sum := adler32.New()
	if err := inflateBody(br, io.MultiWriter(out, sum), dict); err != nil {
		return err
	}
	tr, err := readFull(br, 4)
	if err != nil {
		return err
	}
	if uint32(tr[0])<<24|uint32(tr[1])<<16|uint32(tr[2])<<8|uint32(tr[3]) != sum.Sum32() {
		return dataError("incorrect data check")
	}
	return nil
}

func decodeGzip(br *bufio.Reader, out io.Writer) error {
	for member := 0; ; member++ {
		if member > 0 {
			// Node goes on with another member unless the input is over
			// or the next byte is zero (padding).
			b, _ := br.Peek(1)
			if len(b) == 0 || b[0] == 0 {
				_, _ = io.Copy(io.Discard, br)
				return nil
			}
		}
		// Check each header byte as it arrives, as zlib does, so that bad
		// input fails before the whole header is there.
		magic, err := readFull(br, 2)
		if err != nil {
			return err
		}
		if magic[0] != 0x1f || magic[1] != 0x8b {
			return dataError("incorrect header check")
		}
		method, err := readFull(br, 1)
		if err != nil {
			return err
		}
		if method[0] != 8 {
			return dataError("unknown compression method")
		}
		rest, err := readFull(br, 7)
		if err != nil {
			return err
		}
		hdr := append(append(magic, method...), rest...)
		flg := hdr[3]
		if flg&0xe0 != 0 {
			return dataError("unknown header flags set")
		}
		hcrc := crc32.NewIEEE()
		hcrc.Write(hdr)
		if flg&0x04 != 0 { // FEXTRA
			l, err := readFull(br, 2)
			if err != nil {
				return err
			}
			extra, err := readFull(br, int(l[0])|int(l[1])<<8)
			if err != nil {
				return err
			}
			hcrc.Write(l)
			hcrc.Write(extra)
		}
		for _, bit := range []byte{0x08, 0x10} { // FNAME, FCOMMENT
			if flg&bit != 0 {
				s, err := br.ReadBytes(0)
				if err != nil {
					return mapReadErr(err)
				}
				hcrc.Write(s)
			}
		}
		if flg&0x02 != 0 { // FHCRC
			c, err := readFull(br, 2)
			if err != nil {
				return err
			}
			if uint16(c[0])|uint16(c[1])<<8 != uint16(hcrc.Sum32()) {
				return dataError("header crc mismatch")
			}
		}
		sum := crc32.NewIEEE()
		size := &countWriter{}
		if err := inflateBody(br, io.MultiWriter(out, sum, size), nil); err != nil {
			return err
		}
		tr, err := readFull(br, 8)
		if err != nil {
			return err
		}
		if le32(tr[0:4]) != sum.Sum32() {
			return dataError("incorrect data check")
		}
		if le32(tr[4:8]) != uint32(size.n) {
			return dataError("incorrect length check")
		}
	}
}

func le32(b []byte) uint32 {
	return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
}

type countWriter struct{ n int64 }

func (w *countWriter) Write(p []byte) (int, error) { w.n += int64(len(p)); return len(p), nil }

// headReader remembers the first bytes read through it, to explain a
// corrupt deflate stream the way zlib would.
type headReader struct {
	br   *bufio.Reader
	head []byte
}

func (r *headReader) Read(p []byte) (int, error) {
	n, err := r.br.Read(p)
	r.note(p[:n])
	return n, err
}

func (r *headReader) ReadByte() (byte, error) {
	b, err := r.br.ReadByte()
	if err == nil {
		r.note([]byte{b})
	}
	return b, err
}

func (r *headReader) note(p []byte) {
	if room := 8 - len(r.head); room > 0 {
		if len(p) > room {
			p = p[:room]
		}
		r.head = append(r.head, p...)
	}
}

// inflateBody decodes raw deflate data from br into out.
func inflateBody(br *bufio.Reader, out io.Writer, dict []byte) error {
	hr := &headReader{br: br}
	fr := flate.NewReaderDict(hr, dict)
	defer fr.Close()
	_, err := io.Copy(out, fr)
	if err == nil {
		return nil
	}
	var ce flate.CorruptInputError
	if errors.As(err, &ce) {
		return dataError(explainDeflate(hr.head))
	}
	return mapReadErr(err)
}

// explainDeflate names what is wrong with a corrupt deflate stream from its
// first block header, using zlib's wording where that header tells.
func explainDeflate(head []byte) string {
	if len(head) > 0 {
		switch (head[0] >> 1) & 3 {
		case 3:
			return "invalid block type"
		case 0:
			if len(head) >= 5 && (uint16(head[1])|uint16(head[2])<<8) != ^(uint16(head[3])|uint16(head[4])<<8) {
				return "invalid stored block lengths"
			}
		case 2:
			if len(head) >= 3 {
				hlit := int(head[0]>>3) + 257
				hdist := int(head[1]&0x1f) + 1
				if hlit > 286 || hdist > 30 {
					return "too many length or distance symbols"
				}
			}
		}
	}
	return "invalid distance too far back"
}

// brotliErrnos maps the decoder's error names to Node's errno values.
var brotliErrnos = map[string]int{
	"EXUBERANT_NIBBLE": -1, "RESERVED": -2, "EXUBERANT_META_NIBBLE": -3, "SIMPLE_HUFFMAN_ALPHABET": -4,
	"SIMPLE_HUFFMAN_SAME": -5, "CL_SPACE": -6, "HUFFMAN_SPACE": -7, "CONTEXT_MAP_REPEAT": -8,
	"BLOCK_LENGTH_1": -9, "BLOCK_LENGTH_2": -10, "TRANSFORM": -11, "DICTIONARY": -12,
	"WINDOW_BITS": -13, "PADDING_1": -14, "PADDING_2": -15, "DISTANCE": -16, "BLOCK_SWITCH": -17,
	"DICTIONARY_NOT_SET": -19, "INVALID_ARGUMENTS": -20, "CONTEXT_MODES": -21, "TREE_GROUPS": -22,
	"CONTEXT_MAP": -25, "RING_BUFFER_1": -26, "RING_BUFFER_2": -27, "BLOCK_TYPE_TREES": -30,
	"UNREACHABLE": -31,
}

func decodeBrotli(br *bufio.Reader, out io.Writer) error {
	_, err := io.Copy(out, brotli.NewReader(br))
	if err == nil {
		return nil
	}
	var ce *codecError
	if errors.As(err, &ce) || errors.Is(err, errCodecAborted) {
		return err
	}
	if err == io.ErrUnexpectedEOF || err == io.EOF {
		return errUnexpectedEOF
	}
	name := strings.TrimPrefix(err.Error(), "brotli: ")
	if name == "excessive input" {
		// Bytes after the end of the stream: Node ignores them.
		return nil
	}
	errno, ok := brotliErrnos[name]
	if !ok {
		return &codecError{msg: "Decompression failed", code: "ERR_BROTLI_DECOMPRESSION_FAILED", errno: -31}
	}
	kind := "_ERROR_FORMAT_"
	if errno <= -19 && errno > -21 {
		kind = "_ERROR_"
	} else if errno <= -21 {
		kind = "_ERROR_ALLOC_"
	}
	if name == "UNREACHABLE" {
		kind = "_ERROR_"
	}
	return &codecError{msg: "Decompression failed", code: "ERR_" + kind + name, errno: errno}
}

func decompressAll(mode zlibMode, data []byte, o codecOptions) ([]byte, error) {
	out := &capWriter{max: o.maxOutput}
	err := decode(mode, bufio.NewReader(bytes.NewReader(data)), out, o)
	if err == errUnexpectedEOF && o.partial {
		err = nil
	}
	return out.buf, err
}

func codecAll(mode zlibMode, data []byte, o codecOptions) ([]byte, error) {
	if mode.compresses() {
		return compressAll(mode, data, o)
	}
	return decompressAll(mode, data, o)
}

// --- incremental decoding --------------------------------------------------

// decodePump runs decode on a goroutine fed one chunk at a time, so that a
// pull-based Go decoder can serve a push-based Node stream. The loop
// goroutine hands a chunk over and waits until the decoder has used it all
// (it asks for more) or has finished; the two never run at the same time,
// which is what makes sharing out safe.
type decodePump struct {
	mode     zlibMode
	opts     codecOptions
	in       chan []byte
	want     chan struct{}
	done     chan error
	quit     chan struct{}
	quitOnce sync.Once
	out      *capWriter
	started  bool
	finished bool
	closedIn bool
	err      error
}

type pumpReader struct {
	p   *decodePump
	cur []byte
	eof bool
}

func (r *pumpReader) Read(b []byte) (int, error) {
	for len(r.cur) == 0 {
		if r.eof {
			return 0, io.EOF
		}
		select {
		case r.p.want <- struct{}{}:
		case <-r.p.quit:
			return 0, errCodecAborted
		}
		select {
		case c, ok := <-r.p.in:
			if !ok {
				r.eof = true
				return 0, io.EOF
			}
			r.cur = c
		case <-r.p.quit:
			return 0, errCodecAborted
		}
	}
	n := copy(b, r.cur)
	r.cur = r.cur[n:]
	return n, nil
}

func newDecodePump(mode zlibMode, o codecOptions) *decodePump {
	return &decodePump{
		mode: mode, opts: o,
		in:   make(chan []byte),
		want: make(chan struct{}),
		done: make(chan error, 1),
		quit: make(chan struct{}),
		out:  &capWriter{max: o.maxOutput},
	}
}

func (p *decodePump) start() {
	p.started = true
	go func() {
		var err error
		func() {
			defer func() {
				if r := recover(); r != nil {
					err = dataError(fmt.Sprint(r))
				}
			}()
			err = decode(p.mode, bufio.NewReader(&pumpReader{p: p}), p.out, p.opts)
			if err == nil {
				// Node ignores whatever follows the end of the stream.
				_, _ = io.Copy(io.Discard, &pumpReader{p: p})
			}
		}()
		p.done <- err
	}()
	p.wait()
}

// wait blocks until the decoder wants input or is done.
func (p *decodePump) wait() {
	select {
	case <-p.want:
	case err := <-p.done:
		p.finished = true
		p.err = err
	}
}

// write decodes one chunk; the output cap applies to each write.
func (p *decodePump) write(chunk []byte) ([]byte, error) {
	if !p.started {
		p.start()
	}
	p.out.count = 0
	if !p.finished && len(chunk) > 0 {
		select {
		case p.in <- append([]byte(nil), chunk...):
			p.wait()
		case err := <-p.done: // aborted
			p.finished = true
			p.err = err
		}
	}
	return p.out.take(), p.err
}

// end tells the decoder the input is over and returns the rest.
func (p *decodePump) end() ([]byte, error) {
	if !p.started {
		p.start()
	}
	p.out.count = 0
	if !p.finished && !p.closedIn {
		p.closedIn = true
		close(p.in)
		p.wait()
		if !p.finished {
			// It asked for more after EOF: cannot happen with pumpReader,
			// but never leave the goroutine behind.
			p.abort()
		}
	}
	if p.err == errUnexpectedEOF && p.opts.partial {
		return p.out.take(), nil
	}
	return p.out.take(), p.err
}

func (p *decodePump) abort() {
	p.quitOnce.Do(func() { close(p.quit) })
}

// pumpRef is what a JS stream handle holds on to (see open).
type pumpRef struct{ p *decodePump }

// --- JS bindings -------------------------------------------------------------

// zlibBytes copies nothing: it views the bytes of a Uint8Array, DataView or
// ArrayBuffer (zlib.js turns strings into Buffers first).
func zlibBytes(vm *goja.Runtime, v goja.Value) []byte {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return nil
	}
	if ab, ok := v.Export().(goja.ArrayBuffer); ok {
		return ab.Bytes()
	}
	var b []byte
	if err := vm.ExportTo(v, &b); err != nil {
		panic(vm.NewTypeError("zlib: expected bytes"))
	}
	return b
}

func (h *Host) zlibError(err error) *goja.Object {
	var ce *codecError
	if !errors.As(err, &ce) {
		return h.NewError("Error", "", err.Error())
	}
	if ce.rangeErr {
		return h.NewError("RangeError", ce.code, ce.msg)
	}
	e := h.NewError("Error", "", ce.msg)
	_ = e.Set("errno", ce.errno)
	_ = e.Set("code", ce.code)
	return e
}

func loadZlibNatives(h *Host, module *goja.Object) {
	vm := h.VM
	exports := vm.NewObject()
	modeOf := func(v goja.Value) zlibMode {
		m := zlibMode(v.String())
		if !m.valid() {
			panic(vm.NewTypeError("zlib: unknown mode " + string(m)))
		}
		return m
	}

	// sync(mode, data, opts) -> ArrayBuffer, or throws.
	_ = exports.Set("sync", func(call goja.FunctionCall) goja.Value {
		mode := modeOf(call.Argument(0))
		out, err := codecAll(mode, zlibBytes(vm, call.Argument(1)), parseCodecOptions(vm, call.Argument(2)))
		if err != nil {
			panic(h.zlibError(err))
		}
		return vm.ToValue(vm.NewArrayBuffer(out))
	})

	// async(mode, data, opts, cb): the work runs on a goroutine and cb(err,
	// arrayBuffer) is called on the loop.
	_ = exports.Set("async", func(call goja.FunctionCall) goja.Value {
		mode := modeOf(call.Argument(0))
		data := append([]byte(nil), zlibBytes(vm, call.Argument(1))...)
		opts := parseCodecOptions(vm, call.Argument(2))
		cb, ok := goja.AssertFunction(call.Argument(3))
		if !ok {
			panic(vm.NewTypeError("zlib: callback must be a function"))
		}
		restore := h.CaptureContext()
		go func() {
			var out []byte
			var err error
			func() {
				defer func() {
					if r := recover(); r != nil {
						err = dataError(fmt.Sprint(r))
					}
				}()
				out, err = codecAll(mode, data, opts)
			}()
			h.Loop.RunOnLoop(func() {
				restore(func() {
					// Invoke, not InvokeMacrotask: the latter drops the
					// first argument (see the report); nextTick callbacks
					// still run, as microtasks.
					if err != nil {
						h.Invoke(cb, h.zlibError(err))
						return
					}
					h.Invoke(cb, goja.Null(), vm.ToValue(vm.NewArrayBuffer(out)))
				})
			})
		}()
		return goja.Undefined()
	})

	// open(mode, opts) -> handle with write(chunk), flush(), end(), close(),
	// each returning an ArrayBuffer of new output (or throwing).
	_ = exports.Set("open", func(call goja.FunctionCall) goja.Value {
		mode := modeOf(call.Argument(0))
		opts := parseCodecOptions(vm, call.Argument(1))
		handle := vm.NewObject()
		result := func(b []byte, err error) goja.Value {
			if err != nil {
				panic(h.zlibError(err))
			}
			return vm.ToValue(vm.NewArrayBuffer(b))
		}
		if mode.compresses() {
			out := &bytes.Buffer{}
			c, err := newCompressor(mode, opts, out)
			if err != nil {
				panic(h.zlibError(err))
			}
			take := func(err error) goja.Value {
				b := append([]byte(nil), out.Bytes()...)
				out.Reset()
				return result(b, err)
			}
			closed := false
			_ = handle.Set("write", func(chunk goja.Value) goja.Value {
				if closed {
					return take(nil)
				}
				_, err := c.Write(zlibBytes(vm, chunk))
				return take(err)
			})
			_ = handle.Set("flush", func() goja.Value {
				if closed {
					return take(nil)
				}
				return take(c.Flush())
			})
			_ = handle.Set("end", func() goja.Value {
				if closed {
					return take(nil)
				}
				closed = true
				return take(c.Close())
			})
			_ = handle.Set("close", func() { closed = true })
			return handle
		}
		// The closures hold ref, the decoder goroutine only p: a stream
		// dropped without close() lets ref be collected, which stops p.
		ref := &pumpRef{p: newDecodePump(mode, opts)}
		runtime.AddCleanup(ref, func(p *decodePump) { p.abort() }, ref.p)
		_ = handle.Set("write", func(chunk goja.Value) goja.Value { return result(ref.p.write(zlibBytes(vm, chunk))) })
		_ = handle.Set("flush", func() goja.Value { return result(ref.p.out.take(), nil) })
		_ = handle.Set("end", func() goja.Value { return result(ref.p.end()) })
		_ = handle.Set("close", func() { ref.p.abort() })
		return handle
	})

	_ = exports.Set("crc32", func(data goja.Value, value int64) uint32 {
		return crc32.Update(uint32(value), crc32.IEEETable, zlibBytes(vm, data))
	})
	_ = exports.Set("defaultMaxOutputLength", defaultMaxOutput)
	_ = module.Set("exports", exports)
}
