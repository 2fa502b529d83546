package gojaapi

import (
	"context"
	"maps"
	"net/http"
)

// Per-request values: a Go program attaches values to a request before the
// Server sees it, and the handler reads them as req.context, a plain object
// built (by the conversion rules of this package) the first time the handler
// reads it:
//
//	// Go, in a middleware in front of the Server:
//	r = gojaapi.WithValue(r, "user", User{ID: 7, Name: "ann"})
//
//	// JS, in pages/api/me.js:
//	export default function handler(req, res) {
//	  res.json(req.context.user) // {"id":7,"name":"ann"}
//	}
//
// req.context is an empty object when there are no values. Options.
// RequestValues computes values for every request instead; values set with
// WithValue win over it for the same key. Go functions called by the handler
// read the same values from their context with Value.

// valuesKey is the context key of a request's values.
type valuesKey struct{}

// WithValue returns a shallow copy of r whose context carries key=val for the
// JS handler (req.context[key]) and for Go functions it calls (Value). The
// value must not be modified after the call: workers read it concurrently.
func WithValue(r *http.Request, key string, val any) *http.Request {
	return r.WithContext(withValues(r.Context(), map[string]any{key: val}, true))
}

// withValues returns ctx carrying add merged with the values it already has:
// on a shared key, add wins if override, else the existing value stays.
func withValues(ctx context.Context, add map[string]any, override bool) context.Context {
	old := valuesFrom(ctx)
	merged := make(map[string]any, len(old)+len(add))
	if override {
		maps.Copy(merged, old)
		maps.Copy(merged, add)
	} else {
		maps.Copy(merged, add)
		maps.Copy(merged, old)
	}
	return context.WithValue(ctx, valuesKey{}, merged)
}

// valuesFrom returns the values ctx carries (nil if none). The map must not be
// modified.
func valuesFrom(ctx context.Context) map[string]any {
	if ctx == nil {
		return nil
	}
	m, _ := ctx.Value(valuesKey{}).(map[string]any)
	return m
}

// Value returns the per-request value stored under key (see WithValue and
// Options.RequestValues), or nil. A Go function called from a handler reads
// it from the context.Context it receives.
func Value(ctx context.Context, key string) any {
	return valuesFrom(ctx)[key]
}
