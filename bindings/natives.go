package bindings

import (
	"strings"

	"github.com/dop251/goja"
	"github.com/gojaapi/gojaapi/compat"
	"github.com/gojaapi/gojaapi/loader"
)

// queryArgs passes the query string's pairs and the route parameters to JS
// as one flat array: the pair count, then key, value... then name, value...
// (a catch-all's value is an array). JS builds req.query from it the way
// Next.js does (see buildQuery in api.js), so that edge cases such as a key
// named "constructor" come out the same. nil when there is nothing.
func queryArgs(vm *goja.Runtime, pairs []Pair, params []loader.Param) goja.Value {
	if len(pairs) == 0 && len(params) == 0 {
		return goja.Undefined()
	}
	flat := make([]any, 0, 1+2*len(pairs)+2*len(params))
	flat = append(flat, len(pairs))
	for _, p := range pairs {
		flat = append(flat, p.Key, p.Value)
	}
	for _, p := range params {
		if p.List {
			vals := make([]any, len(p.Values))
			for i, v := range p.Values {
				vals[i] = v
			}
			flat = append(flat, p.Name, vm.NewArray(vals...))
		} else {
			flat = append(flat, p.Name, p.Values[0])
		}
	}
	return vm.NewArray(flat...)
}

// formObject builds the result of querystring.decode: an object without a
// prototype where repeated keys become arrays.
func formObject(vm *goja.Runtime, pairs []Pair) *goja.Object {
	obj := vm.NewObject()
	_ = obj.SetPrototype(nil)
	if len(pairs) == 0 {
		return obj
	}
	counts := make(map[string]int, len(pairs))
	for _, p := range pairs {
		counts[p.Key]++
	}
	lists := map[string][]any{}
	for _, p := range pairs {
		if counts[p.Key] == 1 {
			define(obj, p.Key, vm.ToValue(p.Value))
			continue
		}
		l, seen := lists[p.Key]
		lists[p.Key] = append(l, p.Value)
		if !seen {
			define(obj, p.Key, goja.Undefined()) // keep first-seen order
		}
	}
	for k, l := range lists {
		define(obj, k, vm.NewArray(l...))
	}
	return obj
}

// define sets an own enumerable data property, even for "__proto__".
func define(o *goja.Object, key string, v goja.Value) {
	_ = o.DefineDataProperty(key, v, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
}

// pairsObject builds a plain object from pairs, first value winning.
func pairsObject(vm *goja.Runtime, pairs []Pair) *goja.Object {
	obj := vm.NewObject()
	for _, p := range pairs {
		define(obj, p.Key, vm.ToValue(p.Value))
	}
	return obj
}

// chunkBytes copies the bytes of a string or Uint8Array chunk: the copy goes
// to the HTTP goroutine, and JS may reuse its buffer.
func chunkBytes(vm *goja.Runtime, v goja.Value) []byte {
	if v == nil || goja.IsNull(v) || goja.IsUndefined(v) {
		return nil
	}
	if _, ok := v.(*goja.Object); ok {
		var b []byte
		if err := vm.ExportTo(v, &b); err == nil {
			return append([]byte(nil), b...)
		}
	}
	return []byte(v.String())
}

func newNatives(h *compat.Host, t Transport, s Settings) *goja.Object {
	vm := h.VM
	n := vm.NewObject()
	set := func(name string, fn func(goja.FunctionCall) goja.Value) { _ = n.Set(name, fn) }
	id := func(c goja.FunctionCall) uint64 { return uint64(c.Argument(0).ToInteger()) }

	set("respond", func(c goja.FunctionCall) goja.Value {
		var head []string
		if h := c.Argument(3); !goja.IsNull(h) && !goja.IsUndefined(h) {
			head = splitHead(h.String())
		}
		below := t.Respond(id(c), int(c.Argument(1).ToInteger()), c.Argument(2).String(), head,
			chunkBytes(vm, c.Argument(4)), c.Argument(5).ToBoolean(), c.Argument(6).ToInteger(), c.Argument(7).ToBoolean(), c.Argument(8).ToBoolean())
		return vm.ToValue(below)
	})
	set("readBody", func(c goja.FunctionCall) goja.Value {
		cb, _ := goja.AssertFunction(c.Argument(3))
		limit := c.Argument(1).ToInteger()
		if goja.IsNull(c.Argument(1)) || goja.IsUndefined(c.Argument(1)) {
			limit = -1
		}
		t.ReadBody(id(c), limit, c.Argument(2).String(), func(text string, status int) {
			var err error
			if status != 0 {
				_, err = cb(goja.Undefined(), vm.ToValue(status))
			} else {
				_, err = cb(goja.Undefined(), goja.Null(), vm.ToValue(text))
			}
			if err != nil {
				h.ReportUncaught(err)
			}
		})
		return goja.Undefined()
	})
	set("readChunk", func(c goja.FunctionCall) goja.Value {
		cb, _ := goja.AssertFunction(c.Argument(1))
		t.ReadChunk(id(c), func(chunk []byte, rerr error) {
			var err error
			switch {
			case rerr != nil:
				_, err = cb(goja.Undefined(), vm.NewGoError(rerr))
			case chunk == nil:
				_, err = cb(goja.Undefined(), goja.Null(), goja.Null())
			default:
				u8, _ := goja.AssertConstructor(vm.Get("Uint8Array"))
				arr, cerr := u8(nil, vm.ToValue(vm.NewArrayBuffer(chunk)))
				if cerr != nil {
					panic(cerr)
				}
				_, err = cb(goja.Undefined(), goja.Null(), arr)
			}
			if err != nil {
				h.ReportUncaught(err)
			}
		})
		return goja.Undefined()
	})
	set("routeConfig", func(c goja.FunctionCall) goja.Value {
		limit := int64(-1)
		if v := c.Argument(2); !goja.IsNull(v) && !goja.IsUndefined(v) {
			limit = v.ToInteger()
		}
		t.RouteConfig(int(c.Argument(0).ToInteger()), c.Argument(1).ToBoolean(), limit)
		return goja.Undefined()
	})
	set("abort", func(c goja.FunctionCall) goja.Value {
		t.Abort(id(c))
		return goja.Undefined()
	})
	set("handlerError", func(c goja.FunctionCall) goja.Value {
		t.HandlerError(id(c), c.Argument(1))
		return goja.Undefined()
	})
	set("stringify", func(c goja.FunctionCall) goja.Value {
		if s, ok := Stringify(vm, c.Argument(0)); ok {
			return vm.ToValue(s)
		}
		return goja.Null()
	})
	set("etag", func(c goja.FunctionCall) goja.Value {
		return vm.ToValue(ETag(c.Argument(0).String()))
	})
	set("byteLength", func(c goja.FunctionCall) goja.Value {
		return vm.ToValue(len(c.Argument(0).String()))
	})
	set("fresh", func(c goja.FunctionCall) goja.Value {
		str := func(i int) string {
			v := c.Argument(i)
			if goja.IsUndefined(v) || goja.IsNull(v) {
				return ""
			}
			return v.String()
		}
		return vm.ToValue(Fresh(str(0), str(1), str(2), str(3)))
	})
	set("freshFor", func(c goja.FunctionCall) goja.Value {
		h := t.RequestHeader(id(c))
		if h == nil {
			return vm.ToValue(false)
		}
		return vm.ToValue(Fresh(strings.Join(h.Values("If-None-Match"), ", "), h.Get("If-Modified-Since"),
			strings.Join(h.Values("Cache-Control"), ", "), c.Argument(1).String()))
	})
	set("validToken", func(c goja.FunctionCall) goja.Value {
		return vm.ToValue(isToken(c.Argument(0).String()))
	})
	set("validHeaderValue", func(c goja.FunctionCall) goja.Value {
		return vm.ToValue(validHeaderValue(c.Argument(0).String()))
	})
	set("contentType", func(c goja.FunctionCall) goja.Value {
		ct, err := ParseContentType(c.Argument(0).String())
		if err != nil {
			return goja.Null()
		}
		o := vm.NewObject()
		_ = o.Set("type", ct.Type)
		if cs, ok := ct.Params["charset"]; ok {
			_ = o.Set("charset", cs)
		}
		return o
	})
	set("parseQuery", func(c goja.FunctionCall) goja.Value {
		return formObject(vm, ParseQuery(c.Argument(0).String()))
	})
	set("parseCookies", func(c goja.FunctionCall) goja.Value {
		return pairsObject(vm, ParseCookies(c.Argument(0).String()))
	})
	set("parseBytes", func(c goja.FunctionCall) goja.Value {
		v := c.Argument(0)
		if f, ok := v.Export().(float64); ok {
			return vm.ToValue(f)
		}
		if i, ok := v.Export().(int64); ok {
			return vm.ToValue(i)
		}
		n, ok := ParseBytes(v.String())
		if !ok {
			return goja.Null()
		}
		return vm.ToValue(n)
	})
	set("previewToken", func(c goja.FunctionCall) goja.Value {
		tok, err := s.Preview.PreviewToken(c.Argument(0).String(), c.Argument(1).ToFloat())
		if err != nil {
			panic(vm.NewGoError(err))
		}
		return vm.ToValue(tok)
	})
	set("previewVerify", func(c goja.FunctionCall) goja.Value {
		data, ok := s.Preview.PreviewData(c.Argument(0).String())
		if !ok {
			return goja.Null()
		}
		return vm.ToValue(data)
	})
	set("revalidate", func(c goja.FunctionCall) goja.Value {
		p, resolve, reject := vm.NewPromise()
		if s.Revalidate == nil {
			_ = resolve(goja.Undefined())
			return vm.ToValue(p)
		}
		path, only := c.Argument(0).String(), c.Argument(1).ToBoolean()
		settle := t.Async()
		go func() {
			err := s.Revalidate(path, only)
			settle(func() {
				if err != nil {
					_ = reject(vm.NewGoError(err))
				} else {
					_ = resolve(goja.Undefined())
				}
			})
		}()
		return vm.ToValue(p)
	})
	return n
}

// validHeaderValue reports whether s (a JS string, as UTF-8) holds only what
// Node accepts in a header value: tab, and characters 0x20-0x7E and
// 0x80-0xFF.
func validHeaderValue(s string) bool {
	for _, r := range s {
		if r != '\t' && (r < 0x20 || r == 0x7f || r > 0xff) {
			return false
		}
	}
	return true
}

// splitHead turns the head res sends ("name\x00value\x00...") into
// name/value pairs. Values keep their UTF-8 bytes, as next start sends them
// (checked by the differential test).
func splitHead(s string) []string {
	if s == "" {
		return []string{}
	}
	return strings.Split(strings.TrimSuffix(s, "\x00"), "\x00")
}
