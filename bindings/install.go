package bindings

import (
	"embed"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/dop251/goja"
	"github.com/gojaapi/gojaapi/compat"
	"github.com/gojaapi/gojaapi/loader"
)

//go:embed js/*.js
var jsFiles embed.FS

// Transport is what the JS req/res objects call into to move bytes. The
// engine implements it for each worker. Every method is called on the
// worker's loop goroutine; the callbacks given to ReadBody and ReadChunk must
// also be called on it (the engine posts them with RunOnLoop).
type Transport interface {
	// Respond sends what res has produced so far: the head (when head is not
	// nil: status, reason phrase and name/value pairs), a body chunk (may be
	// nil), and whether the response is complete. responseLimit, when
	// positive, is the size at which a finished response logs Next.js's
	// "API response ... exceeds" warning. It reports whether the bytes
	// buffered for the client are under the high-water mark (Node's
	// write() return value). noCompress turns off the compression layer's
	// rules (Vary, gzip) for this response. utf8Head says that Node would
	// send the head in one write with this chunk, a string, and so encode
	// it as UTF-8 like the chunk; otherwise it writes the head as Latin-1
	// (one byte per character).
	Respond(id uint64, status int, reason string, head []string, chunk []byte, end bool, responseLimit int64, noCompress, utf8Head bool) bool
	// ReadBody reads the whole request body, at most limit bytes (-1: no
	// limit), and decodes it with charset. done gets the text, or a status:
	// 413 when the body is too large, 400 when it cannot be read or decoded.
	ReadBody(id uint64, limit int64, charset string, done func(text string, status int))
	// ReadChunk reads the next piece of the request body; done gets nil at
	// the end of the body.
	ReadChunk(id uint64, done func(chunk []byte, err error))
	// RequestHeader returns the headers of request id as received (nil if
	// it is gone).
	RequestHeader(id uint64) http.Header
	// RouteConfig tells the engine a route's body settings once its module
	// is loaded: whether the body parser is on, and its limit (-1: none).
	RouteConfig(route int, bodyParser bool, limit int64)
	// Abort drops the connection (res.destroy()).
	Abort(id uint64)
	// Async returns a function that runs fn on the loop goroutine later; it
	// may be called from any goroutine, once. Go work started by a native
	// settles its promise through it.
	Async() func(fn func())
	// HandlerError reports an error thrown by the handler (or by loading its
	// module), for the log.
	HandlerError(id uint64, err goja.Value)
}

// Settings are the per-server facts the resolver needs.
type Settings struct {
	// Dev selects Next.js's development behaviour (warnings, error bodies).
	Dev bool
	// Preview holds the preview and draft mode secrets.
	Preview PreviewKeys
	// Revalidate is called by res.revalidate(path) with a valid path. There
	// are no pages to regenerate under gojaapi, so without it the promise
	// resolves at once; a host may hook in (purge a CDN, warm a cache). An
	// error rejects the promise with Next's "Failed to revalidate" message.
	// It runs on its own goroutine.
	Revalidate func(path string, onlyGenerated bool) error
}

// API is the resolver installed in one runtime.
type API struct {
	vm    *goja.Runtime
	serve goja.Callable
	// common holds the JS values of strings most requests share (methods,
	// "1.1", body modes), made once: each ToValue of a string allocates.
	common map[string]goja.Value
	head   strings.Builder // scratch for the raw head and address
}

var (
	progOnce sync.Once
	progs    map[string]*goja.Program
	progErr  error
)

// programs compiles the JS files once per process.
func programs() (map[string]*goja.Program, error) {
	progOnce.Do(func() {
		progs = map[string]*goja.Program{}
		for _, name := range []string{"http.js", "api.js"} {
			src, err := jsFiles.ReadFile("js/" + name)
			if err != nil {
				progErr = err
				return
			}
			p, err := goja.Compile("gojaapi:"+name, "(function (exports, require, module) {"+string(src)+"\n})", true)
			if err != nil {
				progErr = err
				return
			}
			progs[name] = p
		}
	})
	return progs, progErr
}

// Install runs the resolver's JS in h's runtime. loaders is the bundle's
// route table (one function per route) and pages the routes' Next.js names,
// by route index. Loop goroutine only.
func Install(h *compat.Host, t Transport, s Settings, loaders goja.Value, pages []string) (*API, error) {
	ps, err := programs()
	if err != nil {
		return nil, err
	}
	vm := h.VM
	internal := map[string]goja.Value{}
	require := vm.ToValue(func(call goja.FunctionCall) goja.Value {
		name := call.Argument(0).String()
		if v, ok := internal[name]; ok {
			return v
		}
		v, err := h.Require(name)
		if err != nil {
			panic(vm.NewGoError(err))
		}
		return v
	})
	run := func(file string) (*goja.Object, error) {
		fn, err := vm.RunProgram(ps[file])
		if err != nil {
			return nil, err
		}
		call, _ := goja.AssertFunction(fn)
		module := vm.NewObject()
		exports := vm.NewObject()
		_ = module.Set("exports", exports)
		if _, err := call(goja.Undefined(), exports, require, module); err != nil {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
		return module.Get("exports").ToObject(vm), nil
	}
	httpExports, err := run("http.js")
	if err != nil {
		return nil, err
	}
	internal["internal/http"] = httpExports
	apiExports, err := run("api.js")
	if err != nil {
		return nil, err
	}
	natives := newNatives(h, t, s)
	settings := vm.NewObject()
	_ = settings.Set("dev", s.Dev)
	_ = settings.Set("previewModeId", s.Preview.ID)
	setup, _ := goja.AssertFunction(apiExports.Get("setup"))
	if _, err := setup(goja.Undefined(), natives, settings, loaders, vm.ToValue(pages)); err != nil {
		return nil, err
	}
	serve, ok := goja.AssertFunction(apiExports.Get("serve"))
	if !ok {
		return nil, fmt.Errorf("api.js: serve is not a function")
	}
	a := &API{vm: vm, serve: serve, common: map[string]goja.Value{}}
	for _, s := range []string{"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "1.1", "1.0", "2.0", "none", "pending", ""} {
		a.common[s] = vm.ToValue(s)
	}
	return a, nil
}

// Request is what the engine knows of a request when it hands it to JS.
type Request struct {
	ID          uint64
	Route       int
	Method      string
	URL         string
	HTTPVersion string
	// RawHeaders are name/value pairs in arrival order.
	RawHeaders []string
	RemoteAddr string
	RemotePort int
	LocalAddr  string
	LocalPort  int
	TLS        bool
	// ContentType is the request's Content-Type header (the first one).
	ContentType string
	Query       []Pair
	Params      []loader.Param
	HasBody     bool
	// Body is the body already read and decoded by the engine, or nil for
	// the JS side to ask for it (ReadBody, ReadChunk).
	Body *Body
}

// Body is a request body the engine read before dispatch.
type Body struct {
	Text string
	// Status is 0, or 413 (over the limit) or 400 (unreadable), as ReadBody.
	Status int
}

// Serve starts the handler for r and returns the JS res object, which the
// engine keeps for Drain and Close. Loop goroutine only.
func (a *API) Serve(r *Request) (goja.Value, error) {
	vm := a.vm
	bodyMode := "none"
	if r.HasBody {
		bodyMode = "pending"
	}
	args := []goja.Value{
		vm.ToValue(r.ID), vm.ToValue(r.Route), a.str(r.Method), vm.ToValue(r.URL), a.str(r.HTTPVersion),
		vm.ToValue(a.rawHead(r.RawHeaders)), vm.ToValue(a.addr(r)), a.str(r.ContentType),
		queryArgs(vm, r.Query, r.Params), a.str(bodyMode),
	}
	if r.Body != nil {
		args = append(args, vm.ToValue(r.Body.Status), vm.ToValue(r.Body.Text))
	}
	return a.serve(goja.Undefined(), args...)
}

// str returns the JS value of s, shared when it is a common one.
func (a *API) str(s string) goja.Value {
	if v, ok := a.common[s]; ok {
		return v
	}
	return a.vm.ToValue(s)
}

// rawHead joins raw header pairs as http.js's IncomingMessage takes them:
// "name\x00value\x00...". A pair holding NUL (which net/http never lets
// through, but a Go program may build) is left out.
func (a *API) rawHead(raw []string) string {
	b := &a.head
	b.Reset()
	for i := 0; i+1 < len(raw); i += 2 {
		if strings.IndexByte(raw[i], 0) >= 0 || strings.IndexByte(raw[i+1], 0) >= 0 {
			continue
		}
		b.WriteString(raw[i])
		b.WriteByte(0)
		b.WriteString(raw[i+1])
		b.WriteByte(0)
	}
	return b.String()
}

// addr is the socket facts as http.js takes them: remote address, remote
// port, local address, local port and "1" for TLS, NUL-separated.
func (a *API) addr(r *Request) string {
	b := &a.head
	b.Reset()
	b.WriteString(r.RemoteAddr)
	b.WriteByte(0)
	var n [20]byte
	b.Write(strconv.AppendInt(n[:0], int64(r.RemotePort), 10))
	b.WriteByte(0)
	b.WriteString(r.LocalAddr)
	b.WriteByte(0)
	b.Write(strconv.AppendInt(n[:0], int64(r.LocalPort), 10))
	b.WriteByte(0)
	if r.TLS {
		b.WriteByte('1')
	}
	return b.String()
}

// Drain tells res that the client has caught up ('drain').
func (a *API) Drain(res goja.Value) error {
	return a.callMethod(res, "_gojaDrain")
}

// Close tells res that the exchange is over; aborted means the client went
// away before the response ended.
func (a *API) Close(res goja.Value, aborted bool) error {
	return a.callMethod(res, "_gojaClose", a.vm.ToValue(aborted))
}

func (a *API) callMethod(res goja.Value, name string, args ...goja.Value) error {
	o, ok := res.(*goja.Object)
	if !ok {
		return nil
	}
	fn, ok := goja.AssertFunction(o.Get(name))
	if !ok {
		return nil
	}
	_, err := fn(o, args...)
	return err
}
