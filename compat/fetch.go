package compat

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"sync"

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

// fetchHost is the per-runtime state of fetch. Its maps are used on the
// loop goroutine only.
type fetchHost struct {
	h         *Host
	opts      FetchOptions
	transport *http.Transport
	sem       chan struct{} // concurrency slots; nil: unlimited
	calls     map[int64]*fetchCall
	nextID    int64
}

// fetchCall is one fetch in flight, from start until its response body is
// finished, failed or abandoned.
type fetchCall struct {
	id     int64
	ctx    context.Context
	cancel context.CancelCauseFunc
	stop   context.CancelFunc // releases the timeout timer
	pw     *io.PipeWriter     // the request body, when JS streams it

	mu       sync.Mutex // guards raw, released, slot (shared with the goroutines)
	raw      io.ReadCloser
	released bool
	slot     bool
	sem      chan struct{}

	body       io.Reader // decoded and size-limited response body
	reading    bool      // a read goroutine is running (loop goroutine)
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
	c.stop()
	if slot {
		<-c.sem
	}
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
	f := &fetchHost{h: h, opts: o, calls: make(map[int64]*fetchCall)}
	// A custom policy gets a transport of its own: pooled connections must
	// not outlive the policy that allowed them.
	f.transport = fetchTransport(o, custom)
	if o.MaxConcurrent > 0 {
		f.sem = make(chan struct{}, o.MaxConcurrent)
	}
	vm := h.VM
	n := vm.NewObject()
	_ = n.Set("start", f.start)
	_ = n.Set("read", f.read)
	_ = n.Set("write", f.write)
	_ = n.Set("end", f.end)
	_ = n.Set("abort", func(id int64) { f.finish(id, errFetchAborted) })
	_ = n.Set("close", func(id int64) { f.finish(id, context.Canceled) })
	_ = n.Set("utf8Encode", func(s string) goja.Value { return vm.ToValue(vm.NewArrayBuffer([]byte(s))) })
	_ = n.Set("utf8Decode", func(b []byte) string { return decodeUTF8(b) })
	_ = n.Set("parseMultipart", f.parseMultipart)
	_ = module.Set("exports", n)
}

// start(spec, callback) begins a fetch and returns its id. spec has method,
// url, headers ([[name, value], ...]), body (a Uint8Array, or undefined),
// stream (true when JS will write the body with write/end) and redirect.
// callback(error, response) runs on the loop once the response head has
// arrived or the fetch has failed; error is {kind, message, code, ...} and
// response is {status, statusText, headers, url, redirected, hasBody}.
func (f *fetchHost) start(call goja.FunctionCall) goja.Value {
	vm := f.h.VM
	spec := call.Argument(0).ToObject(vm)
	cb, ok := goja.AssertFunction(call.Argument(1))
	if !ok {
		panic(vm.NewTypeError("fetch natives: callback required"))
	}
	method := spec.Get("method").String()
	rawURL := spec.Get("url").String()
	redirect := spec.Get("redirect").String()
	var headers [][]string
	if err := vm.ExportTo(spec.Get("headers"), &headers); err != nil {
		panic(vm.NewTypeError("fetch natives: bad headers"))
	}

	f.nextID++
	c := &fetchCall{id: f.nextID, sem: f.sem}
	base, cancel := context.WithCancelCause(context.Background())
	c.ctx, c.cancel, c.stop = base, cancel, func() {}
	if f.opts.Timeout > 0 {
		c.ctx, c.stop = context.WithTimeoutCause(base, f.opts.Timeout, errFetchTimeout)
	}

	var body io.Reader
	if b := spec.Get("body"); b != nil && !goja.IsUndefined(b) && !goja.IsNull(b) {
		var data []byte
		if err := vm.ExportTo(b, &data); err != nil {
			panic(vm.NewTypeError("fetch natives: body must be a Uint8Array"))
		}
		body = bytes.NewReader(append([]byte(nil), data...))
	} else if spec.Get("stream").ToBoolean() {
		pr, pw := io.Pipe()
		body, c.pw = pr, pw
	}
	req, err := http.NewRequestWithContext(c.ctx, method, rawURL, body)
	restore := f.h.CaptureContext()
	deliver := func(fe *fetchErr, res map[string]any) {
		ok := f.h.Loop.RunOnLoop(func() {
			if fe != nil {
				delete(f.calls, c.id)
				c.release(context.Canceled)
			} else if _, live := f.calls[c.id]; !live {
				c.release(context.Canceled) // abandoned while the head was on its way
				return
			}
			if fe == nil && res["hasBody"] == false {
				delete(f.calls, c.id)
				c.release(context.Canceled)
			}
			restore(func() {
				if fe != nil {
					f.h.InvokeMacrotask(cb, vm.ToValue(fe.toMap()))
				} else {
					f.h.InvokeMacrotask(cb, goja.Null(), vm.ToValue(res))
				}
			})
		})
		if !ok {
			c.release(context.Canceled)
		}
	}
	if err != nil {
		go deliver(&fetchErr{Kind: "network", Message: err.Error()}, nil)
		return vm.ToValue(c.id)
	}
	if c.pw != nil {
		req.ContentLength = -1
	}
	for _, kv := range headers {
		if len(kv) != 2 {
			continue
		}
		value := latin1Bytes(kv[1])
		switch name := strings.ToLower(kv[0]); name {
		case "host":
			req.Host = value
		case "content-length", "transfer-encoding", "connection", "keep-alive", "upgrade":
			// The transport manages these.
		default:
			req.Header.Add(name, value)
		}
	}
	f.calls[c.id] = c

	redirected := false
	client := &http.Client{
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
			redirected = true
			return nil
		},
	}
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
				deliver(classifyFetchError(c.ctx, c.ctx.Err(), f.opts.Timeout), nil)
				return
			}
		}
		resp, err := client.Do(req)
		c.freeSlot()
		if err != nil {
			deliver(classifyFetchError(c.ctx, err, f.opts.Timeout), nil)
			return
		}
		c.mu.Lock()
		c.raw = resp.Body
		released := c.released
		c.mu.Unlock()
		if released {
			_ = resp.Body.Close()
			deliver(classifyFetchError(c.ctx, context.Canceled, f.opts.Timeout), nil)
			return
		}
		hasBody := method != "HEAD" && resp.StatusCode >= 200 &&
			resp.StatusCode != 204 && resp.StatusCode != 205 && resp.StatusCode != 304
		var decoded io.Reader = resp.Body
		if hasBody && !(resp.StatusCode >= 300 && resp.StatusCode < 400) {
			decoded = decodeBody(resp.Body, resp.Header.Get("Content-Encoding"))
		}
		c.body = &limitedBody{r: decoded, max: f.opts.MaxResponseBytes}
		// A body JS never reads must not hold its connection forever: when
		// the time limit ends the call, forget it.
		go func() {
			<-c.ctx.Done()
			c.release(context.Canceled)
			f.h.Loop.RunOnLoop(func() {
				if cur := f.calls[c.id]; cur == c && !c.reading {
					delete(f.calls, c.id)
				}
			})
		}()
		deliver(nil, map[string]any{
			"status":     resp.StatusCode,
			"statusText": latin1String(strings.TrimPrefix(resp.Status, strconv.Itoa(resp.StatusCode)+" ")),
			"headers":    headerPairs(resp.Header),
			"url":        resp.Request.URL.String(),
			"redirected": redirected,
			"hasBody":    hasBody,
		})
	}()
	return vm.ToValue(c.id)
}

// headerPairs flattens a header map into [name, value] pairs, names sorted,
// values in the order received.
func headerPairs(h http.Header) [][]string {
	names := make([]string, 0, len(h))
	for k := range h {
		names = append(names, k)
	}
	sort.Strings(names)
	var out [][]string
	for _, k := range names {
		for _, v := range h[k] {
			out = append(out, []string{strings.ToLower(k), latin1String(v)})
		}
	}
	return out
}

// read(id, callback) pulls the next chunk of a response body:
// callback(null, ArrayBuffer) for data, callback(null) at the end,
// callback(error) when the body fails (error as in start).
func (f *fetchHost) read(id int64, cb goja.Callable) {
	vm := f.h.VM
	c := f.calls[id]
	if c == nil {
		// Only the time limit forgets a call JS may still read from.
		fe := classifyFetchError(context.TODO(), errFetchTimeout, f.opts.Timeout)
		f.h.Invoke(cb, vm.ToValue(fe.toMap()))
		return
	}
	if c.reading {
		panic(vm.NewTypeError("fetch natives: concurrent read"))
	}
	if c.pendingErr != nil {
		f.settleRead(c, cb, c.pendingErr)
		return
	}
	c.reading = true
	restore := f.h.CaptureContext()
	go func() {
		buf := make([]byte, 64<<10)
		var n int
		var err error
		for n == 0 && err == nil {
			n, err = c.body.Read(buf)
		}
		ok := f.h.Loop.RunOnLoop(func() {
			c.reading = false
			if _, live := f.calls[id]; !live {
				return // aborted or closed meanwhile: JS has moved on
			}
			restore(func() {
				if n > 0 {
					c.pendingErr = err
					f.h.InvokeMacrotask(cb, goja.Null(), vm.ToValue(vm.NewArrayBuffer(buf[:n])))
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

// latin1Bytes turns a JS ByteString (every character below 256, as Headers
// guarantees) into the bytes it stands for, as Node writes header values.
func latin1Bytes(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	b := make([]byte, 0, len(s))
	for _, r := range s {
		b = append(b, byte(r))
	}
	return string(b)
}

// latin1String turns raw header bytes into the ByteString JS sees: one
// character per byte, as undici decodes header values.
func latin1String(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			r := make([]rune, len(s))
			for j := 0; j < len(s); j++ {
				r[j] = rune(s[j])
			}
			return string(r)
		}
	}
	return s
}
