package compat

import (
	"strings"

	"github.com/dop251/goja"
)

// Engine gaps: what V8 (and so Node) has and goja lacks, filled in before any
// user code runs: Error.captureStackTrace and friends, the legacy
// __defineGetter__ family, WeakRef and FinalizationRegistry, a few newer
// builtins, and the Intl object (compat/js/intl.js, loaded lazily) with the
// locale-aware String, Number and Date methods that rely on it.

func init() {
	registerJS("internal/enginegaps", "enginegaps.js")
}

// installEngineGaps runs compat/js/enginegaps.js. Called from Enable, after
// the async context and before the globals.
func installEngineGaps(h *Host) {
	vm := h.VM
	// goja has no Symbol.asyncIterator. It must exist before any module
	// defines [Symbol.asyncIterator], and must be the symbol esbuild's
	// lowered for-await falls back to (Symbol.for("Symbol.asyncIterator")),
	// so that bundles and built-in modules agree on the key.
	if _, err := vm.RunString(`if (typeof Symbol.asyncIterator !== 'symbol') Object.defineProperty(Symbol, 'asyncIterator', { value: Symbol.for('Symbol.asyncIterator') })`); err != nil {
		panic(err)
	}
	natives := vm.NewObject()
	_ = natives.Set("callStack", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(callStack(vm, call.Argument(0), int(call.Argument(1).ToInteger())))
	})
	_ = natives.Set("require", h.requireFn)
	_ = natives.Set("maxAllocation", h.MaxAllocation())
	exports, err := h.Require("internal/enginegaps")
	if err != nil {
		panic(err)
	}
	install, _ := goja.AssertFunction(exports.ToObject(vm).Get("install"))
	if _, err := install(goja.Undefined(), vm.GlobalObject(), natives); err != nil {
		panic(err)
	}
}

// callStack returns the JS call stack of the caller of the JS function that
// called this native (so without the native and enginegaps.js's own frame).
// When fnName is not empty, the frames above and including the most recent
// call of a function with that name are dropped, as V8 does for the second
// argument of captureStackTrace (if no frame has that name, none is dropped).
// At most limit frames are returned (limit < 0: all).
func callStack(vm *goja.Runtime, fnName goja.Value, limit int) []map[string]any {
	frames := vm.CaptureCallStack(0, nil)
	if len(frames) > 2 {
		frames = frames[2:] // this native, then the JS wrapper
	} else {
		frames = nil
	}
	if fnName != nil && !goja.IsUndefined(fnName) && fnName.String() != "" {
		name := fnName.String()
		for i := range frames {
			if frames[i].FuncName() == name {
				frames = frames[i+1:]
				break
			}
		}
	}
	out := make([]map[string]any, 0, len(frames))
	for i := range frames {
		if limit >= 0 && len(out) >= limit {
			break
		}
		f := &frames[i]
		p := f.Position()
		name := f.FuncName()
		native := f.SrcName() == "<native>"
		if name == "<anonymous>" || (native && strings.Contains(name, ".")) {
			name = "" // anonymous, or a Go function's internal name
		}
		out = append(out, map[string]any{
			"func":   name,
			"file":   p.Filename,
			"line":   p.Line,
			"column": p.Column,
			"native": native,
		})
	}
	return out
}
