package gojaapi

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/gojaapi/gojaapi/compat"
	"github.com/gojaapi/gojaapi/loader"
)

// WriteBuild bundles the project for production and writes the build output
// to the .gojaapi folder in opts.Dir (see loader.WriteOutput), for servers
// started later with Options.UseBuildOutput: those need neither node_modules
// nor esbuild's work. The output is swapped in whole, so a server reloading
// meanwhile reads the old output or the new one.
//
// The options that shape the bundle are used: Dir, Conditions and the names
// of Modules (the server must then provide the same modules). NODE_ENV is
// "production"; .env files are not read (servers read them when they
// start). opts.FS cannot be written to, so it is an error, as is Dev. The
// returned manifest lists the routes, inputs and warnings.
func WriteBuild(opts Options) (*loader.Manifest, error) {
	if opts.FS != nil {
		return nil, errors.New("gojaapi: WriteBuild writes to Options.Dir; Options.FS is not supported")
	}
	if opts.Dev {
		return nil, errors.New("gojaapi: WriteBuild builds for production; Options.Dev is not supported")
	}
	if err := checkModules(opts.Modules); err != nil {
		return nil, err
	}
	dir := opts.Dir
	if dir == "" {
		dir = "."
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	routes, err := loader.Discover(os.DirFS(abs))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", dir, err)
	}
	b, err := loader.Build(buildOptions(opts, abs, routes, "production"))
	if err != nil {
		return nil, err
	}
	return loader.WriteOutput(abs, b)
}

// readOutputOnce reads the project's build output from the FS, or on disk
// through the open output folder, so that it sees one output even if a new
// build is swapped in meanwhile.
func (s *Server) readOutputOnce() (*loader.Bundle, *loader.Manifest, error) {
	if s.opts.FS != nil {
		out, err := fs.Sub(s.fsys, loader.OutputDir)
		if err != nil {
			return nil, nil, err
		}
		return loader.ReadOutput(out)
	}
	root, err := os.OpenRoot(filepath.Join(s.dir, loader.OutputDir))
	if err != nil {
		return nil, nil, err
	}
	defer root.Close()
	return loader.ReadOutput(root.FS())
}

// readOutput reads the project's build output for a generation and checks
// that this server can run it: the NODE_ENV it was built for, and the modules
// it requires. It logs which build it is, and warns when the sources look
// newer than it.
func (s *Server) readOutput(nodeEnv string, modules map[string]compat.Loader) (*loader.Bundle, error) {
	b, m, err := s.readOutputOnce()
	if err != nil && s.opts.FS == nil && !errors.Is(err, fs.ErrNotExist) {
		// A build swapped in while we read removes the folder being read:
		// the new one is complete, read it.
		b, m, err = s.readOutputOnce()
	}
	if err != nil {
		return nil, err
	}
	if b.NodeEnv != nodeEnv {
		return nil, fmt.Errorf("%s/ was built with NODE_ENV=%s, not %s; run gojaapi build again", loader.OutputDir, b.NodeEnv, nodeEnv)
	}
	for _, name := range b.External {
		if _, ok := modules[name]; !ok {
			return nil, fmt.Errorf("%s/ was built for a server providing the module %q (Options.Modules), which this one lacks; build it with the same modules", loader.OutputDir, name)
		}
	}
	s.opts.Logger.Info("using build output "+loader.OutputDir+"/", "built", m.Built.Local().Format(time.DateTime), "routes", len(b.Routes), "by", m.Gojaapi)
	if file := m.StaleSource(s.fsys); file != "" {
		s.opts.Logger.Warn("the build output is stale: the sources changed since it was built; run gojaapi build again", "newer", file)
	}
	return b, nil
}
