package compat

import (
	"os"
	"runtime"
	"syscall"
	"time"

	"github.com/dop251/goja"
)

// processStart anchors process.hrtime: a monotonic clock shared by all the
// runtimes of this Go process.
var processStart = time.Now()

func init() {
	registerJS("process", "process.js")
	registerGlobal("process", "process", "")
	registerGo("internal/process", loadProcessNatives)
}

// loadProcessNatives exposes what process.js cannot compute in JS. The
// environment comes only from Options.Env, never from os.Environ.
func loadProcessNatives(h *Host, module *goja.Object) {
	vm := h.VM
	n := vm.NewObject()
	env := vm.NewObject()
	for k, v := range h.opts.Env {
		_ = env.Set(k, v)
	}
	_ = n.Set("env", env)
	cwd := h.opts.RootPath
	if cwd == "" {
		cwd = "/"
	}
	_ = n.Set("cwd", cwd)
	_ = n.Set("pid", os.Getpid())
	_ = n.Set("ppid", os.Getppid())
	// hrtime returns [seconds, nanoseconds] since an arbitrary fixed point.
	_ = n.Set("hrtime", func() []int64 {
		ns := time.Since(processStart).Nanoseconds() + int64(time.Hour) // never near zero
		return []int64{ns / 1e9, ns % 1e9}
	})
	_ = n.Set("uptime", func() float64 { return time.Since(processStart).Seconds() })
	_ = n.Set("memoryUsage", func() map[string]any {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return map[string]any{
			"rss":          float64(m.Sys),
			"heapTotal":    float64(m.HeapSys),
			"heapUsed":     float64(m.HeapAlloc),
			"external":     float64(0),
			"arrayBuffers": float64(0),
		}
	})
	_ = n.Set("cpuUsage", func() map[string]any {
		var ru syscall.Rusage
		if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
			return map[string]any{"user": 0, "system": 0}
		}
		return map[string]any{
			"user":   float64(ru.Utime.Sec)*1e6 + float64(ru.Utime.Usec),
			"system": float64(ru.Stime.Sec)*1e6 + float64(ru.Stime.Usec),
		}
	})
	_ = n.Set("uid", os.Getuid())
	_ = n.Set("gid", os.Getgid())
	_ = n.Set("log", func(level, msg string) { h.log(level, msg) })
	_ = module.Set("exports", n)
}
