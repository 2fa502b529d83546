package engine

import (
	"errors"
	"fmt"

	"github.com/dop251/goja"
)

// RouteConfig is a route's `export const config`, read the way the resolver
// reads it (bindings/js/api.js): the settings that change how its requests
// are served, with Next.js's defaults left empty.
type RouteConfig struct {
	// Exported reports whether the module exports a config object at all.
	Exported bool
	// BodyParser is false when config.api.bodyParser is false: the body is
	// left to the handler (req.body stays undefined).
	BodyParser bool
	// SizeLimit is config.api.bodyParser.sizeLimit as written ("5mb", or a
	// number of bytes in digits); "" when not set (Next's 1mb).
	SizeLimit string
	// ResponseLimit is config.api.responseLimit as written: "" when not set
	// or true (the warning past 4 MB), "false" when turned off, otherwise the
	// size.
	ResponseLimit string
	// ExternalResolver is config.api.externalResolver: no "API resolved
	// without sending a response" warning in dev.
	ExternalResolver bool
	// MaxDuration is config.maxDuration in seconds (a Vercel setting; the
	// server's own timeout applies under gojaapi), 0 when not set.
	MaxDuration float64
	// Err is what loading the module threw (its message and stack); the
	// other fields are then unknown. Requests to the route would fail the
	// same way.
	Err error
}

// ReadRouteConfigs loads every route module of cfg.Bundle, as each route's
// first request would, and returns their configs by route index. The
// modules' top-level code runs: they are evaluated on a worker of a pool of
// their own (cfg.Workers is ignored), which is closed before returning, so
// a module stuck in a synchronous loop is interrupted after cfg.BusyLimit
// like any request. The error is about the pool; a module that throws is
// reported in its RouteConfig.Err.
//
// The calling goroutine waits; the modules run on the worker's loop
// goroutine, one job per route.
func ReadRouteConfigs(cfg PoolConfig) ([]RouteConfig, error) {
	cfg.Workers = 1
	p, err := NewPool(cfg)
	if err != nil {
		return nil, err
	}
	defer p.Close()
	p.mu.RLock()
	w := p.workers[0]
	p.mu.RUnlock()

	// A route table of the configs' own: the worker's table belongs to the
	// resolver, and this pool serves nothing.
	var loaders *goja.Object
	if err := onLoop(w, func() error {
		exports, err := runBundle(w, cfg.Bundle)
		if err == nil {
			loaders = exports.ToObject(w.vm)
		}
		return err
	}); err != nil {
		return nil, err
	}
	configs := make([]RouteConfig, len(cfg.Bundle.Routes))
	for i := range configs {
		if err := onLoop(w, func() error {
			configs[i] = readConfig(w, loaders.Get(fmt.Sprint(i)))
			return nil
		}); err != nil {
			return nil, fmt.Errorf("%s: %w", p.routeName(i), err)
		}
	}
	return configs, nil
}

// onLoop runs fn on w's loop goroutine and waits for it, or for the loop to
// stop (the worker retired).
func onLoop(w *Worker, fn func() error) error {
	errc := make(chan error, 1)
	if !w.loop.RunOnLoop(func() { errc <- fn() }) {
		return errors.New("the worker has stopped")
	}
	select {
	case err := <-errc:
		return err
	case <-w.loop.done:
		return errors.New("the worker has stopped")
	}
}

// readConfig loads one route module with its loader and reads its config
// export. Loop goroutine.
func readConfig(w *Worker, load goja.Value) (rc RouteConfig) {
	rc = RouteConfig{BodyParser: true}
	defer func() {
		// A getter that throws (export get config() {...}).
		if v := recover(); v != nil {
			ex, ok := v.(*goja.Exception)
			if !ok {
				panic(v)
			}
			rc = RouteConfig{Err: errors.New(describe(ex))}
		}
	}()
	call, ok := goja.AssertFunction(load)
	if !ok {
		rc.Err = errors.New("no such route in the bundle")
		return rc
	}
	mod, err := call(goja.Undefined())
	if err != nil {
		w.vm.ClearInterrupt()
		rc.Err = errors.New(describe(err))
		return rc
	}
	get := func(v goja.Value, name string) goja.Value {
		if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
			return goja.Undefined()
		}
		o, ok := v.(*goja.Object)
		if !ok {
			return goja.Undefined()
		}
		if x := o.Get(name); x != nil {
			return x
		}
		return goja.Undefined()
	}
	config := get(mod, "config")
	if !config.ToBoolean() {
		return rc
	}
	rc.Exported = true
	api := get(config, "api")
	bp := get(api, "bodyParser")
	rc.BodyParser = !bp.StrictEquals(w.vm.ToValue(false))
	if size := get(bp, "sizeLimit"); bp.ToBoolean() && size.ToBoolean() {
		rc.SizeLimit = size.String()
	}
	switch limit := get(api, "responseLimit"); {
	case goja.IsUndefined(limit) || goja.IsNull(limit):
	case !limit.ToBoolean():
		rc.ResponseLimit = "false"
	case limit.StrictEquals(w.vm.ToValue(true)):
	default:
		rc.ResponseLimit = limit.String()
	}
	rc.ExternalResolver = get(api, "externalResolver").ToBoolean()
	if d := get(config, "maxDuration"); !goja.IsUndefined(d) && !goja.IsNull(d) {
		rc.MaxDuration = d.ToFloat()
	}
	return rc
}
