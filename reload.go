package gojaapi

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"

	"github.com/gojaapi/gojaapi/engine"
	"github.com/gojaapi/gojaapi/loader"
)

// ErrServerClosed is returned by Reload after Shutdown or Close.
var ErrServerClosed = errors.New("gojaapi: server closed")

// generation is one build of the project: routes, bundle, workers and the
// handler over them. A request acquires the current generation and runs on it
// to the end; once a newer one has replaced it and its last request has
// finished, its workers are stopped.
type generation struct {
	routes  []*loader.Route
	pool    *engine.Pool
	handler *engine.Handler

	active    atomic.Int64 // requests running on this generation
	retired   atomic.Bool  // no new requests may start on it
	closeOnce sync.Once
	drained   chan struct{} // closed when retired and idle
}

// acquire counts a request in, unless g is retired.
func (g *generation) acquire() bool {
	g.active.Add(1)
	if g.retired.Load() {
		g.release()
		return false
	}
	return true
}

// release counts a request out; the last one out of a retired generation
// signals that it has drained.
func (g *generation) release() {
	if g.active.Add(-1) == 0 && g.retired.Load() {
		g.closeOnce.Do(func() { close(g.drained) })
	}
}

// retire stops new requests from starting on g.
func (g *generation) retire() {
	g.retired.Store(true)
	if g.active.Load() == 0 {
		g.closeOnce.Do(func() { close(g.drained) })
	}
}

// acquire returns the generation a new request runs on, or nil once the
// server is shut down.
func (s *Server) acquire() *generation {
	for !s.closed.Load() {
		if g := s.gen.Load(); g.acquire() {
			return g
		}
	}
	return nil
}

// closeWhenDrained stops g's workers once its last request is done.
func (s *Server) closeWhenDrained(g *generation) {
	go func() {
		<-g.drained
		s.closeGeneration(g)
	}()
}

// closeGeneration stops g's workers now.
func (s *Server) closeGeneration(g *generation) {
	s.mu.Lock()
	live := s.gens[g]
	delete(s.gens, g)
	s.mu.Unlock()
	if live {
		g.pool.Close()
	}
}

// Reload rebuilds the project (routes, bundle, environment files), or with
// Options.UseBuildOutput reads its build output again, and swaps the new
// build in atomically: requests that arrive afterwards run on it, while
// requests already running finish on the old one, whose workers stop once
// the last of them is done. Module-level JavaScript state starts afresh
// in the new workers; a Store does not. If the build fails, Reload returns
// the error and the server keeps serving the old build.
//
// Reload is safe to call concurrently with requests and with itself. In dev
// mode (and under Watch) it rebuilds incrementally: esbuild parses again only
// the files that changed.
func (s *Server) Reload() error {
	s.reloadMu.Lock()
	defer s.reloadMu.Unlock()
	if s.closed.Load() {
		return ErrServerClosed
	}
	g, err := s.build()
	if err != nil {
		return err
	}
	s.mu.Lock()
	s.gens[g] = true
	s.mu.Unlock()
	old := s.gen.Swap(g)
	old.retire()
	s.closeWhenDrained(old)
	return nil
}

// Shutdown stops the Server gracefully: new requests get 503, requests in
// flight (on every generation) may finish, then the workers stop. If ctx ends
// first, the remaining requests fail, the workers stop, and Shutdown returns
// ctx.Err(). It does not close listeners: when the Server runs behind an
// http.Server, call that server's Shutdown first (Serve does both).
func (s *Server) Shutdown(ctx context.Context) error {
	s.reloadMu.Lock()
	defer s.reloadMu.Unlock()
	s.closed.Store(true)
	s.builder.Close()
	s.gen.Load().retire()
	s.mu.Lock()
	pending := make([]*generation, 0, len(s.gens))
	for g := range s.gens {
		pending = append(pending, g)
	}
	s.mu.Unlock()
	for _, g := range pending {
		select {
		case <-g.drained:
			s.closeGeneration(g)
		case <-ctx.Done():
			s.closeAll()
			return ctx.Err()
		}
	}
	return nil
}

// Close stops the workers at once. Requests still in flight fail; to let them
// finish first, use Shutdown (or shut the http.Server down before calling
// Close).
func (s *Server) Close() error {
	s.reloadMu.Lock()
	defer s.reloadMu.Unlock()
	s.closed.Store(true)
	s.builder.Close()
	s.gen.Load().retire()
	s.closeAll()
	return nil
}

// closeAll stops the workers of every generation.
func (s *Server) closeAll() {
	s.mu.Lock()
	gens := make([]*generation, 0, len(s.gens))
	for g := range s.gens {
		gens = append(gens, g)
	}
	s.gens = map[*generation]bool{}
	s.mu.Unlock()
	for _, g := range gens {
		g.pool.Close()
	}
}

// currentPool gives access to the current generation's pool.
type currentPool struct{ s *Server }

// Replaced returns how many workers of the current generation have been
// retired and replaced.
func (p currentPool) Replaced() int { return p.s.gen.Load().pool.Replaced() }
