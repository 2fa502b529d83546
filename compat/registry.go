package compat

import (
	"embed"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/dop251/goja"
)

// Loader fills in module.exports for one runtime. It runs on that runtime's
// loop goroutine the first time the module is required there.
type Loader func(h *Host, module *goja.Object)

//go:embed js/*.js
var jsFiles embed.FS

// builtin is one entry of the module table.
type builtin struct {
	name   string
	load   Loader // Go module, or nil for a JS module
	file   string // js/<file>, for a JS module
	once   sync.Once
	prog   *goja.Program
	err    error
	hidden bool // internal helper, not listed by Builtins
}

var modules = map[string]*builtin{}

// registerGo adds a module implemented in Go. Called from init functions only.
func registerGo(name string, load Loader) {
	if _, dup := modules[name]; dup {
		panic("compat: module registered twice: " + name)
	}
	modules[name] = &builtin{name: name, load: load, hidden: strings.HasPrefix(name, "internal/")}
}

// registerJS adds a module implemented by compat/js/<file>, a CommonJS module
// body that sees exports, require and module. Called from init functions only.
func registerJS(name, file string) {
	if _, dup := modules[name]; dup {
		panic("compat: module registered twice: " + name)
	}
	modules[name] = &builtin{name: name, file: file, hidden: strings.HasPrefix(name, "internal/")}
}

// program compiles the module source once per process.
func (b *builtin) program() (*goja.Program, error) {
	b.once.Do(func() {
		src, err := jsFiles.ReadFile("js/" + b.file)
		if err != nil {
			b.err = err
			return
		}
		// One line, so that line numbers in stack traces match the file.
		wrapped := "(function (exports, require, module) {" + string(src) + "\n})"
		b.prog, b.err = goja.Compile("node:"+b.name, wrapped, true)
	})
	return b.prog, b.err
}

// Builtins lists the names of the built-in modules, sorted, without the
// "node:" prefix. Internal helper modules are left out.
func Builtins() []string {
	names := make([]string, 0, len(modules))
	for n, b := range modules {
		if !b.hidden {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return names
}

// IsBuiltin reports whether name (with or without "node:") is a built-in module.
func IsBuiltin(name string) bool {
	_, ok := modules[strings.TrimPrefix(name, "node:")]
	return ok
}

// Require returns the exports of a built-in module for this runtime,
// evaluating it on first use. Names may carry the "node:" prefix.
func (h *Host) Require(name string) (goja.Value, error) {
	key := strings.TrimPrefix(name, "node:")
	if v, ok := h.cache[key]; ok {
		return v, nil
	}
	if extra, ok := h.opts.Modules[key]; ok {
		return h.evaluate(key, &builtin{name: key, load: extra})
	}
	b, ok := modules[key]
	if !ok {
		//lint:ignore ST1005 this is the message Node gives, which code matches on
		return nil, fmt.Errorf("Cannot find module '%s'", name)
	}
	return h.evaluate(key, b)
}

func (h *Host) evaluate(key string, b *builtin) (goja.Value, error) {
	vm := h.VM
	module := vm.NewObject()
	exports := vm.NewObject()
	_ = module.Set("exports", exports)
	_ = module.Set("id", "node:"+key)
	// Cache the module object before running it so that cycles see the
	// partial exports, as Node does.
	h.cache[key] = exports
	h.loading[key] = module
	defer delete(h.loading, key)
	if b.load != nil {
		b.load(h, module)
	} else {
		prog, err := b.program()
		if err != nil {
			delete(h.cache, key)
			return nil, err
		}
		fnv, err := vm.RunProgram(prog)
		if err != nil {
			delete(h.cache, key)
			return nil, err
		}
		fn, _ := goja.AssertFunction(fnv)
		if _, err := fn(goja.Undefined(), exports, h.requireFn, module); err != nil {
			delete(h.cache, key)
			return nil, err
		}
	}
	v := module.Get("exports")
	h.cache[key] = v
	return v, nil
}
