package gojaapi

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"time"

	"github.com/dop251/goja"
	"github.com/gojaapi/gojaapi/compat"
)

// Module is a JavaScript module implemented in Go. Register it in
// Options.Modules and handlers import it by its name:
//
//	import kv from 'gojaapi:kv'           // or: const kv = require('gojaapi:kv')
//	import { get, set } from 'gojaapi:kv' // named imports work too
//
// The bundler leaves the name to the runtime, so any name that is not a Node
// built-in works; a prefix such as "gojaapi:" or "app:" keeps it apart from
// npm packages. Each worker gets its own copy of the module's exports the
// first time it imports it; the Go functions behind them are shared by all
// workers and run concurrently, so they must be safe for concurrent use.
//
// A function's parameters and results cross the boundary by the rules in
// the package documentation ("Values between Go and JavaScript"): a JS
// object becomes the
// parameter's struct or map type, a Uint8Array a []byte, a Date a time.Time,
// and back. Functions may take a context.Context first: it is the context of
// the HTTP request whose handler made the call (cancelled when that request
// ends), or context.Background() when no request is running (module
// initialisation). They may return nothing, a value, an error, or a value
// and an error; a non-nil error becomes a thrown JS Error (rejected promise
// for Async) with the error's message and, when it has one, its code (see
// Error). A panic becomes an Error with code "ERR_GO_PANIC".
type Module struct {
	name    string
	exports []moduleExport
}

// moduleExport is one named export of a Module.
type moduleExport struct {
	name  string
	fn    *goFunc // nil for a value
	async bool
	value any
}

// NewModule returns an empty module that JS imports as name.
func NewModule(name string) *Module {
	return &Module{name: name}
}

// Name returns the name JS imports the module by.
func (m *Module) Name() string { return m.name }

// Func exports fn, a Go function, as a synchronous JS function: the handler
// waits for its result, and so does every other request on the same worker.
// Use it for quick work (computation, a map or cache lookup); use Async for
// anything that waits on I/O. It panics if fn is not a function or has
// results other than (), (T), (error) or (T, error).
func (m *Module) Func(name string, fn any) *Module {
	return m.add(name, fn, false)
}

// Async exports fn as a JS function that returns a Promise. The arguments
// are converted when JS calls it; fn then runs on its own goroutine, and the
// promise settles on the worker's event loop with its result, so the worker
// serves other requests meanwhile. Asynchronous context (AsyncLocalStorage)
// is preserved across the call. Same signatures as Func.
func (m *Module) Async(name string, fn any) *Module {
	return m.add(name, fn, true)
}

// Value exports a constant, converted once per worker.
func (m *Module) Value(name string, v any) *Module {
	m.exports = append(m.exports, moduleExport{name: name, value: v})
	return m
}

func (m *Module) add(name string, fn any, async bool) *Module {
	f, err := newGoFunc(m.name+"."+name, reflect.ValueOf(fn), async)
	if err != nil {
		panic("gojaapi: " + err.Error())
	}
	m.exports = append(m.exports, moduleExport{name: name, fn: f, async: async})
	return m
}

// checkModules validates module names before a build.
func checkModules(mods []*Module) error {
	seen := map[string]bool{}
	for _, m := range mods {
		switch {
		case m == nil || m.name == "":
			return errors.New("gojaapi: a module has no name")
		case strings.HasPrefix(m.name, "node:") || compat.IsBuiltin(m.name):
			return fmt.Errorf("gojaapi: module %q would hide a Node built-in module", m.name)
		case strings.HasPrefix(m.name, internalPrefix):
			return fmt.Errorf("gojaapi: module names starting with %q are reserved", internalPrefix)
		case strings.HasPrefix(m.name, ".") || strings.HasPrefix(m.name, "/"):
			return fmt.Errorf("gojaapi: module %q: a module name cannot be a path", m.name)
		case seen[m.name]:
			return fmt.Errorf("gojaapi: module %q registered twice", m.name)
		}
		seen[m.name] = true
	}
	return nil
}

// loader returns the compat loader that builds m's exports in one runtime.
func (m *Module) loader() compat.Loader {
	return func(h *compat.Host, module *goja.Object) {
		b := bridgeOf(h)
		exports := h.VM.NewObject()
		for _, e := range m.exports {
			var v goja.Value
			switch {
			case e.fn != nil && e.async:
				v = b.wrapAsync(e.fn)
			case e.fn != nil:
				v = b.wrap(e.name, e.fn)
			default:
				var err error
				if v, err = b.toJS(e.value); err != nil {
					h.Throw("TypeError", "ERR_INVALID_ARG_TYPE", m.name+"."+e.name+": "+err.Error())
				}
			}
			_ = exports.Set(e.name, v)
		}
		_ = module.Set("exports", exports)
	}
}

// goFunc is a Go function callable from JS, with its signature analysed once.
type goFunc struct {
	name     string
	fn       reflect.Value
	withCtx  bool
	in       []reflect.Type // parameters after the context
	variadic bool
	value    bool // has a value result
	err      bool // has an error result (last)
}

func newGoFunc(name string, fn reflect.Value, async bool) (*goFunc, error) {
	if !fn.IsValid() || fn.Kind() != reflect.Func || fn.IsNil() {
		return nil, fmt.Errorf("%s: not a function", name)
	}
	t := fn.Type()
	f := &goFunc{name: name, fn: fn, variadic: t.IsVariadic()}
	for i := 0; i < t.NumIn(); i++ {
		if i == 0 && t.In(0) == typeContext {
			f.withCtx = true
			continue
		}
		f.in = append(f.in, t.In(i))
	}
	switch t.NumOut() {
	case 0:
	case 1:
		f.err = t.Out(0) == typeError
		f.value = !f.err
	case 2:
		if t.Out(1) != typeError {
			return nil, fmt.Errorf("%s: the second result must be an error", name)
		}
		f.value, f.err = true, true
	default:
		return nil, fmt.Errorf("%s: a function may return (), (T), (error) or (T, error)", name)
	}
	return f, nil
}

// args converts JS arguments to f's parameter types. Missing, undefined and
// null arguments become zero values; extra arguments are ignored unless f is
// variadic.
func (b *bridge) args(f *goFunc, js []goja.Value) ([]reflect.Value, error) {
	n := len(f.in)
	if f.variadic {
		n--
	}
	out := make([]reflect.Value, 0, len(f.in)+1)
	for i := 0; i < n; i++ {
		var v goja.Value
		if i < len(js) {
			v = js[i]
		}
		x, err := b.fromJS(v, f.in[i])
		if err != nil {
			return nil, fmt.Errorf("argument %d: %w", i+1, err)
		}
		out = append(out, x)
	}
	if f.variadic {
		et := f.in[n].Elem()
		for i := n; i < len(js); i++ {
			x, err := b.fromJS(js[i], et)
			if err != nil {
				return nil, fmt.Errorf("argument %d: %w", i+1, err)
			}
			out = append(out, x)
		}
	}
	return out, nil
}

// call runs f, turning a panic into an error with code ERR_GO_PANIC.
func (f *goFunc) call(ctx context.Context, args []reflect.Value) (result reflect.Value, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = &Error{Code: "ERR_GO_PANIC", Message: fmt.Sprintf("%s: panic: %v", f.name, p)}
		}
	}()
	if f.withCtx {
		args = append([]reflect.Value{reflect.ValueOf(ctx)}, args...)
	}
	out := f.fn.Call(args)
	if f.err {
		if e, _ := out[len(out)-1].Interface().(error); e != nil {
			return reflect.Value{}, e
		}
	}
	if f.value {
		return out[0], nil
	}
	return reflect.Value{}, nil
}

// result converts a function's result for JS: undefined when it has none.
func (b *bridge) result(f *goFunc, v reflect.Value) (goja.Value, error) {
	if !f.value {
		return goja.Undefined(), nil
	}
	return b.valueToJS(v, 0)
}

// wrap makes f a synchronous JS function.
func (b *bridge) wrap(name string, f *goFunc) goja.Value {
	fn := b.vm.ToValue(func(call goja.FunctionCall) goja.Value {
		args, err := b.args(f, call.Arguments)
		if err != nil {
			panic(b.typeError(f, err))
		}
		res, err := f.call(b.requestContext(), args)
		if err != nil {
			panic(b.newError(err))
		}
		v, err := b.result(f, res)
		if err != nil {
			panic(b.typeError(f, err))
		}
		return v
	})
	b.setName(fn, name)
	return fn
}

// wrapAsync makes f a JS function returning a promise that settles on the
// loop once f has run on its own goroutine.
func (b *bridge) wrapAsync(f *goFunc) goja.Value {
	fn := b.vm.ToValue(func(call goja.FunctionCall) goja.Value {
		p, resolve, reject := b.vm.NewPromise()
		args, err := b.args(f, call.Arguments)
		if err != nil {
			if e := reject(b.typeError(f, err)); e != nil {
				panic(e)
			}
			return b.vm.ToValue(p)
		}
		ctx := b.requestContext()
		restore := b.h.CaptureContext()
		go func() {
			res, err := f.call(ctx, args)
			b.h.Loop.RunOnLoop(func() {
				restore(func() {
					var e error
					if err != nil {
						e = reject(b.newError(err))
					} else if v, cerr := b.result(f, res); cerr != nil {
						e = reject(b.typeError(f, cerr))
					} else {
						e = resolve(v)
					}
					if e != nil {
						panic(e) // an interrupt: the worker is being retired
					}
				})
			})
		}()
		return b.vm.ToValue(p)
	})
	b.setName(fn, f.name[strings.LastIndex(f.name, ".")+1:])
	return fn
}

func (b *bridge) setName(fn goja.Value, name string) {
	if o, ok := fn.(*goja.Object); ok {
		_ = o.DefineDataProperty("name", b.vm.ToValue(name), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	}
}

// typeError is the TypeError for arguments or results that do not convert.
func (b *bridge) typeError(f *goFunc, err error) *goja.Object {
	return b.h.NewError("TypeError", "ERR_INVALID_ARG_TYPE", f.name+": "+err.Error())
}

// newError turns a Go error into a JS Error with its message and code.
func (b *bridge) newError(err error) *goja.Object {
	return b.h.NewError("Error", errorCode(err), err.Error())
}

// internalPrefix starts the names of gojaapi's own hidden modules.
const internalPrefix = "gojaapi:internal/"

// requestModule is the hidden module that api.js uses to build req.context,
// and that holds the per-runtime bridge of the Go modules.
const requestModule = internalPrefix + "request"

// bridge is the per-runtime state of the conversions and Go modules. It lives
// in the hidden request module's exports. Loop goroutine only.
type bridge struct {
	h          *compat.Host
	vm         *goja.Runtime
	buffer     goja.Value    // the Buffer constructor
	bufferFrom goja.Callable // Buffer.from
	date       goja.Value    // the Date constructor
}

// loadRequestModule is the compat loader of requestModule: its export
// values(requestID) builds req.context.
func loadRequestModule(h *compat.Host, module *goja.Object) {
	vm := h.VM
	b := &bridge{h: h, vm: vm, date: vm.Get("Date")}
	bufMod, err := h.Require("buffer")
	if err != nil {
		panic(err)
	}
	b.buffer = bufMod.ToObject(vm).Get("Buffer")
	b.bufferFrom, _ = goja.AssertFunction(b.buffer.ToObject(vm).Get("from"))
	exports := vm.NewObject()
	_ = exports.Set("values", func(call goja.FunctionCall) goja.Value {
		vals := valuesFrom(h.ContextFor(uint64(call.Argument(0).ToInteger())))
		o := vm.NewObject()
		for k, v := range vals {
			x, err := b.toJS(v)
			if err != nil {
				h.Throw("TypeError", "ERR_INVALID_ARG_TYPE", "req.context."+k+": "+err.Error())
			}
			_ = o.Set(k, x)
		}
		return o
	})
	_ = exports.DefineDataProperty("bridge", vm.ToValue(b), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	_ = module.Set("exports", exports)
}

// bridgeOf returns h's bridge, creating it on first use.
func bridgeOf(h *compat.Host) *bridge {
	v, err := h.Require(requestModule)
	if err != nil {
		panic(err)
	}
	return v.ToObject(h.VM).Get("bridge").Export().(*bridge)
}

// requestContext is the context.Context of the request whose code is
// running (the engine tags each request's async context), or
// context.Background().
func (b *bridge) requestContext() context.Context {
	return b.h.RequestContext()
}

// newBuffer returns a Buffer holding a copy of p.
func (b *bridge) newBuffer(p []byte) goja.Value {
	ab := b.vm.NewArrayBuffer(append([]byte{}, p...))
	v, err := b.bufferFrom(b.buffer, b.vm.ToValue(ab))
	if err != nil {
		panic(err)
	}
	return v
}

// newDate returns a Date for t (JS dates have millisecond precision).
func (b *bridge) newDate(t time.Time) (goja.Value, error) {
	return b.vm.New(b.date, b.vm.ToValue(t.UnixMilli()))
}
