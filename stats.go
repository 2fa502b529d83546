package gojaapi

// Stats is a snapshot of a server's worker pool (of its current build), for
// metrics.
type Stats struct {
	// Workers is the number of workers.
	Workers int
	// Busy is the number of workers serving at least one request.
	Busy int
}

// Stats returns a snapshot of the worker pool. It is cheap and safe to call
// from any goroutine.
func (s *Server) Stats() Stats {
	g := s.gen.Load()
	if g == nil {
		return Stats{}
	}
	return Stats{Workers: g.pool.Size(), Busy: g.pool.Busy()}
}
