package gojaapi

import (
	"fmt"
	"math"
	"sync"
	"time"
)

// Store is an in-memory key/value store shared by every worker (and by Go
// code), for state that module-level variables cannot hold because each
// worker has its own: counters, rate limits, small caches. It is safe for
// concurrent use; each operation is atomic. Values are copied in and out
// of JavaScript by the conversion rules of this package; a value stored from
// Go must not be modified afterwards.
//
// Expose it to handlers with Module:
//
//	store := gojaapi.NewStore()
//	srv, err := gojaapi.New(gojaapi.Options{Dir: ".", Modules: []*gojaapi.Module{store.Module("gojaapi:kv")}})
//
//	// pages/api/hits.js
//	import kv from 'gojaapi:kv'
//	export default function handler(req, res) {
//	  res.json({ hits: kv.incr('hits') })
//	}
//
// A Store lives as long as the program: it survives Server.Reload. Expired
// keys are dropped when read and by a periodic sweep during writes.
type Store struct {
	mu     sync.Mutex
	items  map[string]storeItem
	writes int
}

type storeItem struct {
	value   any
	expires time.Time // zero: never
}

// NewStore returns an empty store.
func NewStore() *Store {
	return &Store{items: map[string]storeItem{}}
}

// sweepEvery is how many writes pass between sweeps of expired keys.
const sweepEvery = 1024

// live returns the item under key if it exists and has not expired. Caller
// holds s.mu.
func (s *Store) live(key string, now time.Time) (storeItem, bool) {
	it, ok := s.items[key]
	if ok && !it.expires.IsZero() && !now.Before(it.expires) {
		delete(s.items, key)
		return storeItem{}, false
	}
	return it, ok
}

// wrote counts a write and sweeps expired keys now and then. Caller holds s.mu.
func (s *Store) wrote(now time.Time) {
	s.writes++
	if s.writes%sweepEvery != 0 {
		return
	}
	for k, it := range s.items {
		if !it.expires.IsZero() && !now.Before(it.expires) {
			delete(s.items, k)
		}
	}
}

// Get returns the value under key and whether it exists.
func (s *Store) Get(key string) (any, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	it, ok := s.live(key, time.Now())
	return it.value, ok
}

// Set stores value under key. A positive ttl makes the key expire after it;
// zero keeps it until deleted.
func (s *Store) Set(key string, value any, ttl time.Duration) {
	now := time.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	it := storeItem{value: value}
	if ttl > 0 {
		it.expires = now.Add(ttl)
	}
	s.items[key] = it
	s.wrote(now)
}

// Delete removes key and reports whether it existed.
func (s *Store) Delete(key string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.live(key, time.Now())
	delete(s.items, key)
	return ok
}

// Incr adds by to the integer under key, atomically, and returns the new
// value. A missing key counts from 0 (and never expires); an existing key
// keeps its expiry. It fails if the value is not an integer.
func (s *Store) Incr(key string, by int64) (int64, error) {
	now := time.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	it, _ := s.live(key, now)
	var n int64
	switch v := it.value.(type) {
	case nil:
	case int64:
		n = v
	case int:
		n = int64(v)
	case float64:
		if v != math.Trunc(v) || math.Abs(v) > 1<<53 {
			return 0, &Error{Code: "ERR_NOT_INTEGER", Message: fmt.Sprintf("the value of %q is not an integer", key)}
		}
		n = int64(v)
	default:
		return 0, &Error{Code: "ERR_NOT_INTEGER", Message: fmt.Sprintf("the value of %q is not an integer", key)}
	}
	n += by
	it.value = n
	s.items[key] = it
	s.wrote(now)
	return n, nil
}

// TTL returns how long key has left: ok is false if the key does not exist,
// and the duration is negative if it never expires.
func (s *Store) TTL(key string) (ttl time.Duration, ok bool) {
	now := time.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	it, ok := s.live(key, now)
	switch {
	case !ok:
		return 0, false
	case it.expires.IsZero():
		return -1, true
	}
	return it.expires.Sub(now), true
}

// Expire sets key to expire after ttl (ttl <= 0: never) and reports whether
// the key exists.
func (s *Store) Expire(key string, ttl time.Duration) bool {
	now := time.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	it, ok := s.live(key, now)
	if !ok {
		return false
	}
	it.expires = time.Time{}
	if ttl > 0 {
		it.expires = now.Add(ttl)
	}
	s.items[key] = it
	return true
}

// Len returns the number of keys, expired ones not yet swept included.
func (s *Store) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.items)
}

// setOptions are the options of the JS set(key, value, { ttl }).
type setOptions struct {
	TTL float64 `json:"ttl"` // milliseconds
}

// Module returns a module, imported in JS as name, whose synchronous
// functions operate on s (times in milliseconds, as in JS):
//
//	get(key)                  the value, or null when missing or expired
//	set(key, value, {ttl})    stores a copy of value; ttl in ms, optional
//	delete(key)               true if the key existed
//	incr(key, by = 1)         atomic add; the new integer
//	ttl(key)                  ms left; -1 if it never expires, -2 if missing (Redis's PTTL)
//	expire(key, ms)           sets the expiry (ms <= 0: never); false if missing
//	has(key)                  whether the key exists
func (s *Store) Module(name string) *Module {
	ms := func(d float64) time.Duration { return time.Duration(d * float64(time.Millisecond)) }
	return NewModule(name).
		Func("get", func(key string) any {
			v, _ := s.Get(key)
			return v
		}).
		Func("set", func(key string, value any, opts *setOptions) {
			var ttl time.Duration
			if opts != nil {
				ttl = ms(opts.TTL)
			}
			s.Set(key, value, ttl)
		}).
		Func("delete", s.Delete).
		Func("incr", func(key string, by *int64) (int64, error) {
			n := int64(1)
			if by != nil {
				n = *by
			}
			return s.Incr(key, n)
		}).
		Func("ttl", func(key string) int64 {
			d, ok := s.TTL(key)
			switch {
			case !ok:
				return -2
			case d < 0:
				return -1
			}
			return d.Milliseconds()
		}).
		Func("expire", func(key string, d float64) bool { return s.Expire(key, ms(d)) }).
		Func("has", func(key string) bool {
			_, ok := s.Get(key)
			return ok
		})
}
