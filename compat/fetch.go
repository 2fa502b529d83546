package compat

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/dop251/goja"
)

// fetch and its objects. The classes (Headers, Blob, File, FormData,
// Request, Response) are JavaScript, in compat/js/fetch_*.js; the network
// side is Go: a fetch runs on its own goroutine through net/http and
// settles on the runtime's loop, and the response body is pulled from Go a
// chunk at a time as JS reads it. The limits JS cannot lift are
// FetchOptions (fetch_options.go).
func init() {
	registerJS("internal/fetch/util", "fetch_util.js")
	registerJS("internal/fetch/headers", "fetch_headers.js")
	registerJS("internal/fetch/blob", "fetch_blob.js")
	registerJS("internal/fetch/formdata", "fetch_formdata.js")
	registerJS("internal/fetch/body", "fetch_body.js")
	registerJS("internal/fetch/request", "fetch_request.js")
	registerJS("internal/fetch/response", "fetch_response.js")
	registerJS("internal/fetch", "fetch.js")
	registerGo("internal/fetch/natives", loadFetchNatives)
	for _, name := range []string{"fetch", "Headers", "Request", "Response", "Blob", "File", "FormData"} {
		registerGlobal(name, "internal/fetch", name)
	}
}

// fetchHost is the per-runtime state of fetch. Its maps and callbacks are
// used on the loop goroutine only.
type fetchHost struct {
	h         *Host
	opts      FetchOptions
	transport *http.Transport
	sem       chan struct{} // concurrency slots; nil: unlimited
	calls     map[int64]*fetchCall
	clients   map[string]*http.Client // by redirect mode
	nextID    int64
	onHead    goja.Callable // fetch.js onHead(call, err, status, ...)
	onAbort   goja.Callable // fetch.js requestAborted(reason, calls)
}

// fetchCall is one fetch in flight, from start until its response body is
// finished, failed or abandoned. The fetch goroutine, the read goroutines
// and the time limit's timer share the fields under mu; the loop goroutine
// owns js, rs, head, reading and pendingErr; the rest is set before the
// goroutines start, except body and length, which the fetch goroutine sets
// before it hands the head to the loop.
type fetchCall struct {
	id     int64
	js     goja.Value     // fetch.js's FetchCall
	rs     *RequestSignal // the request the fetch was made for, or nil
	ctx    context.Context
	cancel context.CancelCauseFunc
	timer  *time.Timer    // the time limit, or nil; restarted by touch
	limit  time.Duration  // FetchOptions.Timeout
	pw     *io.PipeWriter // the request body, when JS streams it

	mu       sync.Mutex // guards raw, released, slot
	raw      io.ReadCloser
	released bool
	slot     bool
	sem      chan struct{}

	body       io.Reader // decoded and size-limited response body
	length     int64     // the body's size when the head tells it (no Content-Encoding), else -1
	head       bool      // the head has reached JS
	reading    bool      // a read goroutine is running
	pendingErr error     // error (io.EOF included) that came with the last chunk
}

// release ends the call: closes the response body, cancels the context and
// frees the concurrency slot. Safe from any goroutine, idempotent.
func (c *fetchCall) release(cause error) {
	c.mu.Lock()
	if c.released {
		c.mu.Unlock()
		return
	}
	c.released = true
	raw, slot := c.raw, c.slot
	c.slot = false
	c.mu.Unlock()
	if raw != nil {
		_ = raw.Close()
	}
	if c.pw != nil {
		_ = c.pw.CloseWithError(cause)
	}
	c.cancel(cause)
	if c.timer != nil {
		c.timer.Stop()
	}
	if slot {
		<-c.sem
	}
}

// touch restarts the time limit: the response head has arrived, or more of
// the body has (undici's headersTimeout, then bodyTimeout, both measured
// from the last sign of life). A call already released or expired stays so.
// Any goroutine.
func (c *fetchCall) touch() {
	if c.timer == nil {
		return
	}
	c.mu.Lock()
	if !c.released && c.ctx.Err() == nil {
		c.timer.Reset(c.limit)
	}
	c.mu.Unlock()
}

// touchReader restarts its call's time limit whenever bytes arrive.
type touchReader struct {
	r io.Reader
	c *fetchCall
}

func (t *touchReader) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	if n > 0 {
		t.c.touch()
	}
	return n, err
}

// freeSlot gives the concurrency slot back once the response head is in
// (or the request failed). Safe from any goroutine, idempotent.
func (c *fetchCall) freeSlot() {
	c.mu.Lock()
	slot := c.slot
	c.slot = false
	c.mu.Unlock()
	if slot {
		<-c.sem
	}
}

// loadFetchNatives is internal/fetch/natives: the Go half of fetch.js.
func loadFetchNatives(h *Host, module *goja.Object) {
	o, custom := fetchOptionsOf(h)
	f := &fetchHost{h: h, opts: o, calls: make(map[int64]*fetchCall), clients: make(map[string]*http.Client)}
	// A custom policy gets a transport of its own: pooled connections must
	// not outlive the policy that allowed them.
	f.transport = fetchTransport(o, custom)
	if o.MaxConcurrent > 0 {
		f.sem = make(chan struct{}, o.MaxConcurrent)
	}
	vm := h.VM
	n := vm.NewObject()
	_ = n.Set("setup", func(onHead, onAbort goja.Callable) { f.onHead, f.onAbort = onHead, onAbort })
	_ = n.Set("start", f.start)
	_ = n.Set("read", f.read)
	_ = n.Set("readAll", f.readAll)
	_ = n.Set("write", f.write)
	_ = n.Set("end", f.end)
	_ = n.Set("abort", func(id int64) { f.finish(id, errFetchAborted) })
	_ = n.Set("close", func(id int64) { f.finish(id, context.Canceled) })
	_ = n.Set("utf8Encode", func(s string) goja.Value { return vm.ToValue(vm.NewArrayBuffer([]byte(s))) })
	_ = n.Set("utf8Decode", func(b []byte) string { return decodeUTF8(b) })
	_ = n.Set("parseMultipart", f.parseMultipart)
	_ = module.Set("exports", n)
}

// start(method, url, headers, body, stream, redirect, call) begins a fetch
// and returns its id. headers is "name\nvalue\nname\nvalue..." (Headers
// allows no line feed in either); body is a Uint8Array or undefined; stream
// is true when JS will write the body with write/end; call is fetch.js's
// FetchCall, handed back to onHead once the response head has arrived or
// the fetch has failed.
func (f *fetchHost) start(call goja.FunctionCall) goja.Value {
	vm := f.h.VM
	method := call.Argument(0).String()
	rawURL := call.Argument(1).String()
	headerLines := call.Argument(2).String()
	bodyArg := call.Argument(3)
	stream := call.Argument(4).ToBoolean()
	redirect := call.Argument(5).String()

	f.nextID++
	c := &fetchCall{id: f.nextID, js: call.Argument(6), rs: f.requestSignal(), sem: f.sem, length: -1}
	c.ctx, c.cancel = context.WithCancelCause(context.Background())
	if f.opts.Timeout > 0 {
		c.limit = f.opts.Timeout
		c.timer = time.AfterFunc(f.opts.Timeout, func() { f.expire(c) })
	}

	var body io.Reader
	if !goja.IsUndefined(bodyArg) && !goja.IsNull(bodyArg) {
		var data []byte
		if err := vm.ExportTo(bodyArg, &data); err != nil {
			panic(vm.NewTypeError("fetch natives: body must be a Uint8Array"))
		}
		body = bytes.NewReader(append([]byte(nil), data...))
	} else if stream {
		pr, pw := io.Pipe()
		body, c.pw = pr, pw
	}
	req, err := http.NewRequestWithContext(c.ctx, method, rawURL, body)
	restore := f.h.CaptureContext()
	// fail reports a fetch that got no response. Any goroutine.
	fail := func(fe *fetchErr) {
		ok := f.h.Loop.RunOnLoop(func() {
			if f.calls[c.id] == c {
				delete(f.calls, c.id)
			}
			c.release(context.Canceled)
			restore(func() { f.h.InvokeMacrotask(f.onHead, c.js, vm.ToValue(fe.toMap())) })
		})
		if !ok {
			c.release(context.Canceled)
		}
	}
	if err != nil {
		go fail(&fetchErr{Kind: "network", Message: err.Error()})
		return vm.ToValue(c.id)
	}
	if c.pw != nil {
		req.ContentLength = -1
	}
	for rest := headerLines; rest != ""; {
		var name, value string
		name, rest, _ = strings.Cut(rest, "\n")
		value, rest, _ = strings.Cut(rest, "\n")
		switch name = strings.ToLower(name); name {
		case "host":
			req.Host = ByteStringBytes(value)
		case "content-length", "transfer-encoding", "connection", "keep-alive", "upgrade":
			// The transport manages these.
		default:
			req.Header.Add(name, ByteStringBytes(value))
		}
	}
	f.calls[c.id] = c

	client := f.client(redirect)
	go func() {
		if c.sem != nil {
			select {
			case c.sem <- struct{}{}:
				c.mu.Lock()
				if c.released {
					<-c.sem
				} else {
					c.slot = true
				}
				c.mu.Unlock()
			case <-c.ctx.Done():
				fail(classifyFetchError(c.ctx, c.ctx.Err(), f.opts.Timeout))
				return
			}
		}
		resp, err := client.Do(req)
		c.freeSlot()
		redirected := err == nil && resp.Request != req // the client followed a redirect
		if err != nil {
			fail(classifyFetchError(c.ctx, err, f.opts.Timeout))
			return
		}
		c.mu.Lock()
		c.raw = resp.Body
		released := c.released
		c.mu.Unlock()
		c.touch() // the head is in: from now on the limit is between pieces of the body
		if released {
			_ = resp.Body.Close()
			fail(classifyFetchError(c.ctx, context.Canceled, f.opts.Timeout))
			return
		}
		hasBody := method != "HEAD" && resp.StatusCode >= 200 &&
			resp.StatusCode != 204 && resp.StatusCode != 205 && resp.StatusCode != 304
		var decoded io.Reader = &touchReader{r: resp.Body, c: c}
		if hasBody && !(resp.StatusCode >= 300 && resp.StatusCode < 400) {
			encoding := resp.Header.Get("Content-Encoding")
			decoded = decodeBody(decoded, encoding)
			if encoding == "" {
				c.length = resp.ContentLength
			}
		}
		c.body = &limitedBody{r: decoded, max: f.opts.MaxResponseBytes}
		status := resp.StatusCode
		statusText := ByteString(strings.TrimPrefix(resp.Status, strconv.Itoa(status)+" "))
		var finalURL string
		if redirected {
			finalURL = resp.Request.URL.String()
		}
		raw := rawHeaderLines(resp.Header)
		ok := f.h.Loop.RunOnLoop(func() {
			if _, live := f.calls[c.id]; !live {
				// Abandoned while the head was on its way: JS learns why,
				// unless it knows already (an abort).
				c.release(context.Canceled)
				fe := classifyFetchError(c.ctx, context.Canceled, f.opts.Timeout)
				restore(func() { f.h.InvokeMacrotask(f.onHead, c.js, vm.ToValue(fe.toMap())) })
				return
			}
			c.head = true
			if !hasBody {
				delete(f.calls, c.id)
				c.release(context.Canceled)
			}
			url := goja.Undefined()
			if redirected {
				url = vm.ToValue(finalURL)
			}
			restore(func() {
				f.h.InvokeMacrotask(f.onHead, c.js, goja.Null(), vm.ToValue(status), vm.ToValue(statusText), url,
					vm.ToValue(redirected), vm.ToValue(hasBody), vm.ToValue(raw))
			})
		})
		if !ok {
			c.release(context.Canceled)
		}
	}()
	return vm.ToValue(c.id)
}

// client returns the HTTP client for a redirect mode ("follow", "manual" or
// "error"), made on first use. Loop goroutine.
func (f *fetchHost) client(redirect string) *http.Client {
	if c := f.clients[redirect]; c != nil {
		return c
	}
	c := &http.Client{
		Transport: f.transport,
		CheckRedirect: func(_ *http.Request, via []*http.Request) error {
			switch redirect {
			case "manual":
				return http.ErrUseLastResponse
			case "error":
				return errRedirectError
			}
			if len(via) > 20 {
				return errRedirectCount
			}
			return nil
		},
	}
	f.clients[redirect] = c
	return c
}

// expire ends a call whose time limit has passed. Timer goroutine.
func (f *fetchHost) expire(c *fetchCall) {
	c.cancel(errFetchTimeout) // first, so that the cause is the time limit
	c.release(errFetchTimeout)
	// A body JS never reads must not hold its call forever: forget it (a
	// later read reports the time limit).
	f.h.Loop.RunOnLoop(func() {
		if cur := f.calls[c.id]; cur == c && c.head && !c.reading {
			delete(f.calls, c.id)
		}
	})
}

// rawHeaderLines flattens a header map into "name\nvalue\nname\nvalue...":
// values of one name in the order received, names as Go spells them (JS
// lower-cases them; Headers sorts them). No name or value holds a line
// feed: the HTTP parser splits lines there.
func rawHeaderLines(h http.Header) string {
	n := 0
	for k, vs := range h {
		for _, v := range vs {
			n += len(k) + len(v) + 2
		}
	}
	var b strings.Builder
	b.Grow(n)
	for k, vs := range h {
		for _, v := range vs {
			if b.Len() > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(k)
			b.WriteByte('\n')
			b.WriteString(v)
		}
	}
	return ByteString(b.String())
}

// fetchBuffers holds the 64 KiB buffers that body reads fill before the
// bytes are copied into a chunk of their exact size.
var fetchBuffers = sync.Pool{New: func() any { b := make([]byte, 64<<10); return &b }}

// read(id, callback) pulls the next chunk of a response body:
// callback(null, ArrayBuffer) for data, callback(null) at the end,
// callback(error) when the body fails (error as in onHead).
func (f *fetchHost) read(id int64, cb goja.Callable) {
	vm := f.h.VM
	c := f.readable(id, cb)
	if c == nil {
		return
	}
	if c.pendingErr != nil {
		f.settleRead(c, cb, c.pendingErr)
		return
	}
	c.reading = true
	restore := f.h.CaptureContext()
	go func() {
		bp := fetchBuffers.Get().(*[]byte)
		var n int
		var err error
		for n == 0 && err == nil {
			n, err = c.body.Read(*bp)
		}
		chunk := append([]byte(nil), (*bp)[:n]...)
		fetchBuffers.Put(bp)
		ok := f.h.Loop.RunOnLoop(func() {
			c.reading = false
			if _, live := f.calls[id]; !live {
				return // aborted or closed meanwhile: JS has moved on
			}
			restore(func() {
				if n > 0 {
					c.pendingErr = err
					f.h.InvokeMacrotask(cb, goja.Null(), vm.ToValue(vm.NewArrayBuffer(chunk)))
					return
				}
				f.settleRead(c, cb, err)
			})
		})
		if !ok {
			c.release(context.Canceled)
		}
	}()
}

// readAll(id, asText, callback) reads the rest of a response body at once:
// callback(null, text) when asText (decoded as UTF-8 here, off the loop),
// callback(null, ArrayBuffer) otherwise, callback(error) when the body fails.
func (f *fetchHost) readAll(id int64, asText bool, cb goja.Callable) {
	vm := f.h.VM
	c := f.readable(id, cb)
	if c == nil {
		return
	}
	c.reading = true
	restore := f.h.CaptureContext()
	go func() {
		var data []byte
		err := c.pendingErr
		if err == nil {
			data, err = readRest(c.body, c.length)
		} else if err == io.EOF {
			err = nil
		}
		var text string
		if err == nil && asText {
			text = decodeUTF8(data)
		}
		ok := f.h.Loop.RunOnLoop(func() {
			c.reading = false
			if _, live := f.calls[id]; !live {
				return // aborted meanwhile: JS has moved on
			}
			delete(f.calls, id)
			if err != nil {
				fe := classifyFetchError(c.ctx, err, f.opts.Timeout)
				c.release(context.Canceled)
				restore(func() { f.h.InvokeMacrotask(cb, vm.ToValue(fe.toMap())) })
				return
			}
			c.release(context.Canceled)
			var v goja.Value
			if asText {
				v = vm.ToValue(text)
			} else {
				v = vm.ToValue(vm.NewArrayBuffer(data))
			}
			restore(func() { f.h.InvokeMacrotask(cb, goja.Null(), v) })
		})
		if !ok {
			c.release(context.Canceled)
		}
	}()
}

// readable returns the call JS reads the body of. A call the time limit
// made Go forget gets the time-limit error (through cb) and nil.
func (f *fetchHost) readable(id int64, cb goja.Callable) *fetchCall {
	c := f.calls[id]
	if c == nil {
		fe := classifyFetchError(context.TODO(), errFetchTimeout, f.opts.Timeout)
		f.h.Invoke(cb, f.h.VM.ToValue(fe.toMap()))
		return nil
	}
	if c.reading {
		panic(f.h.VM.NewTypeError("fetch natives: concurrent read"))
	}
	return c
}

// readRest reads r to its end. size, when not negative, is how much to
// expect.
func readRest(r io.Reader, size int64) ([]byte, error) {
	n := 512
	if size >= 0 && size < 64<<20 {
		n = int(size)
	}
	buf := make([]byte, 0, n)
	for {
		if len(buf) == cap(buf) {
			buf = slices.Grow(buf, 512)
		}
		m, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+m]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// settleRead ends a body with err: io.EOF is the normal end.
func (f *fetchHost) settleRead(c *fetchCall, cb goja.Callable, err error) {
	delete(f.calls, c.id)
	if err == io.EOF {
		c.release(context.Canceled)
		f.h.InvokeMacrotask(cb, goja.Null())
		return
	}
	fe := classifyFetchError(c.ctx, err, f.opts.Timeout)
	c.release(context.Canceled)
	f.h.InvokeMacrotask(cb, f.h.VM.ToValue(fe.toMap()))
}

// write(id, chunk, callback) sends a chunk (Uint8Array) of a streamed
// request body; callback(error?) runs once Go has taken it, which is the
// back-pressure JS waits for.
func (f *fetchHost) write(id int64, chunk []byte, cb goja.Callable) {
	c := f.calls[id]
	if c == nil || c.pw == nil {
		f.h.Invoke(cb, f.h.VM.ToValue("fetch is over"))
		return
	}
	data := append([]byte(nil), chunk...)
	restore := f.h.CaptureContext()
	go func() {
		_, err := c.pw.Write(data)
		f.h.Loop.RunOnLoop(func() {
			restore(func() {
				if err != nil {
					f.h.InvokeMacrotask(cb, f.h.VM.ToValue(err.Error()))
				} else {
					f.h.InvokeMacrotask(cb, goja.Null())
				}
			})
		})
	}()
}

// end(id, message?) finishes a streamed request body, failing it when
// message is given (the JS stream errored).
func (f *fetchHost) end(id int64, msg goja.Value) {
	c := f.calls[id]
	if c == nil || c.pw == nil {
		return
	}
	if msg != nil && !goja.IsUndefined(msg) && !goja.IsNull(msg) {
		_ = c.pw.CloseWithError(&fetchBodyError{msg.String()})
		return
	}
	_ = c.pw.Close()
}

// fetchBodyError is the failure of a request body stream.
type fetchBodyError struct{ msg string }

func (e *fetchBodyError) Error() string { return e.msg }

// finish abandons a call: abort (errFetchAborted) when its signal fires,
// context.Canceled when JS cancels the response body.
func (f *fetchHost) finish(id int64, cause error) {
	c := f.calls[id]
	if c == nil {
		return
	}
	delete(f.calls, id)
	c.release(cause)
}
