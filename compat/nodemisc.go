package compat

import (
	"os"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/dop251/goja"
)

// This file registers the smaller Node modules written in JavaScript (util's
// helpers, path, querystring, assert, os, http, perf_hooks,
// diagnostics_channel, tty) and the Go natives two of them need. "util" itself is
// registered in globals.go because console depends on it.

func init() {
	registerGo("internal/util", loadUtilNatives)
	registerJS("internal/util/comparisons", "util_comparisons.js")
	registerJS("internal/util/errors", "util_errors.js")
	registerGo("util/types", reexport("util", "types"))

	registerJS("path", "path.js")
	registerGo("path/posix", reexport("path", "posix"))
	registerGo("path/win32", reexport("path", "win32"))
	registerJS("querystring", "querystring.js")
	registerJS("assert", "assert.js")
	registerGo("assert/strict", reexport("assert", "strict"))

	registerGo("internal/os", loadOSNatives)
	registerJS("os", "os.js")

	registerJS("http", "http.js")
	registerGo("https", reexport("http", "https"))
	registerJS("perf_hooks", "perf_hooks.js")
	registerGlobal("performance", "perf_hooks", "performance")
	registerGlobal("PerformanceEntry", "perf_hooks", "PerformanceEntry")
	registerGlobal("PerformanceMark", "perf_hooks", "PerformanceMark")
	registerGlobal("PerformanceMeasure", "perf_hooks", "PerformanceMeasure")
	registerGlobal("PerformanceObserver", "perf_hooks", "PerformanceObserver")
	registerGlobal("PerformanceObserverEntryList", "perf_hooks", "PerformanceObserverEntryList")
	registerJS("diagnostics_channel", "diagnostics_channel.js")
	registerJS("tty", "tty.js")
	registerJS("constants", "constants.js")
	registerJS("console", "console.js")
	registerGo("internal/module", loadModuleNatives)
	registerJS("module", "module.js")
}

// loadModuleNatives gives node:module the built-in module names and a
// require that reaches them.
func loadModuleNatives(h *Host, module *goja.Object) {
	exports := h.VM.NewObject()
	names := Builtins()
	list := make([]any, 0, len(names))
	for _, n := range names {
		list = append(list, n)
	}
	_ = exports.Set("builtins", list)
	_ = exports.Set("isBuiltin", func(name string) bool { return IsBuiltin(name) })
	_ = exports.Set("require", h.requireFn)
	_ = module.Set("exports", exports)
}

// reexport builds a module whose exports are one property of another
// module's exports ("assert/strict" is require("assert").strict).
func reexport(module, prop string) Loader {
	return func(h *Host, m *goja.Object) {
		v, err := h.Require(module)
		if err != nil {
			panic(h.VM.NewGoError(err))
		}
		_ = m.Set("exports", v.ToObject(h.VM).Get(prop))
	}
}

// loadUtilNatives exposes what util.inspect and util.types cannot learn from
// JavaScript: a promise's state and a proxy's target.
func loadUtilNatives(h *Host, module *goja.Object) {
	vm := h.VM
	exports := vm.NewObject()
	// promiseState(v) is undefined for non-promises, else [state, result].
	_ = exports.Set("promiseState", func(v goja.Value) goja.Value {
		o, ok := v.(*goja.Object)
		if !ok {
			return goja.Undefined()
		}
		if o.ExportType() != promiseType {
			return goja.Undefined()
		}
		p, ok := o.Export().(*goja.Promise)
		if !ok {
			return goja.Undefined()
		}
		state := "pending"
		switch p.State() {
		case goja.PromiseStateFulfilled:
			state = "fulfilled"
		case goja.PromiseStateRejected:
			state = "rejected"
		}
		res := p.Result()
		if res == nil {
			res = goja.Undefined()
		}
		return vm.NewArray(state, res)
	})
	// proxyDetails(v) is undefined for non-proxies, else [target, handler]
	// (null entries once revoked).
	_ = exports.Set("proxyDetails", func(v goja.Value) goja.Value {
		o, ok := v.(*goja.Object)
		if !ok || o.ExportType() != proxyType {
			return goja.Undefined()
		}
		p := o.Export().(goja.Proxy)
		t, hd := p.Target(), p.Handler()
		if t == nil || hd == nil {
			return vm.NewArray(goja.Null(), goja.Null())
		}
		return vm.NewArray(t, hd)
	})
	// now() is milliseconds since the runtime started (performance.now);
	// timeOrigin is that start as milliseconds since the Unix epoch.
	_ = exports.Set("now", func() float64 { return float64(time.Since(h.started).Nanoseconds()) / 1e6 })
	_ = exports.Set("timeOrigin", float64(h.started.UnixNano())/1e6)
	_ = module.Set("exports", exports)
}

var (
	promiseType = reflect.TypeOf((*goja.Promise)(nil))
	proxyType   = reflect.TypeOf(goja.Proxy{})
)

// loadOSNatives gives os.js the few facts it reports honestly: CPU count,
// memory, load and uptime. Nothing that identifies the machine (host name,
// addresses, user) is exposed.
func loadOSNatives(h *Host, module *goja.Object) {
	vm := h.VM
	exports := vm.NewObject()
	_ = exports.Set("cpuCount", runtime.NumCPU())
	_ = exports.Set("arch", nodeArch(runtime.GOARCH))
	_ = exports.Set("machine", unameMachine(runtime.GOARCH))
	_ = exports.Set("release", readTrimmed("/proc/sys/kernel/osrelease"))
	_ = exports.Set("version", readTrimmed("/proc/sys/kernel/version"))
	_ = exports.Set("endianness", "LE")
	_ = exports.Set("memory", func() goja.Value {
		total, free := memInfo()
		return vm.NewArray(total, free)
	})
	_ = exports.Set("loadavg", func() goja.Value {
		fields := strings.Fields(readTrimmed("/proc/loadavg"))
		out := []any{0.0, 0.0, 0.0}
		for i := 0; i < 3 && i < len(fields); i++ {
			if f, err := strconv.ParseFloat(fields[i], 64); err == nil {
				out[i] = f
			}
		}
		return vm.NewArray(out...)
	})
	start := time.Now()
	_ = exports.Set("uptime", func() float64 {
		if f := strings.Fields(readTrimmed("/proc/uptime")); len(f) > 0 {
			if v, err := strconv.ParseFloat(f[0], 64); err == nil {
				return v
			}
		}
		return time.Since(start).Seconds()
	})
	_ = module.Set("exports", exports)
}

func readTrimmed(path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(b))
}

// memInfo returns total and available memory in bytes from /proc/meminfo,
// or zeros where that file does not exist.
func memInfo() (total, free float64) {
	for _, line := range strings.Split(readTrimmed("/proc/meminfo"), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		kb, err := strconv.ParseFloat(f[1], 64)
		if err != nil {
			continue
		}
		switch f[0] {
		case "MemTotal:":
			total = kb * 1024
		case "MemAvailable:":
			free = kb * 1024
		}
	}
	return total, free
}

// nodeArch maps GOARCH to the names process.arch and os.arch() use.
func nodeArch(goarch string) string {
	switch goarch {
	case "amd64":
		return "x64"
	case "386":
		return "ia32"
	case "ppc64le":
		return "ppc64"
	case "mips64le":
		return "mips64el"
	case "mipsle":
		return "mipsel"
	case "loong64":
		return "loong64"
	}
	return goarch
}

// unameMachine maps GOARCH to what uname -m prints.
func unameMachine(goarch string) string {
	switch goarch {
	case "amd64":
		return "x86_64"
	case "386":
		return "i686"
	case "arm64":
		return "aarch64"
	case "arm":
		return "armv7l"
	}
	return goarch
}
