package loader

import (
	"fmt"
	"strings"
	"time"

	"github.com/evanw/esbuild/pkg/api"
)

// Builder bundles one project again and again (a dev server's saves),
// reusing esbuild's incremental build context: a rebuild reads every input
// again but parses only the files whose contents changed.
//
// esbuild fixes a context's options when it creates it, and the entry module
// lists the route files, so the context is kept while the options (the
// routes included) stay the same and replaced when they change, as when a
// route file is added or removed. BuildOptions.FS must be the same for every
// call.
//
// A Builder is not safe for concurrent use: one goroutine at a time calls
// Build and Close (gojaapi's Server calls them under its reload lock). The
// zero value is ready to use; Close releases the context.
type Builder struct {
	ctx api.BuildContext // nil until the first Build, and after Close
	key string           // what ctx was created for (see builderKey)
}

// Build bundles the project as the package-level Build does, rebuilding
// with the kept context when opts match those of the previous call.
func (b *Builder) Build(opts BuildOptions) (*Bundle, error) {
	opts = opts.withDefaults()
	built := time.Now()
	if key := builderKey(opts); b.ctx == nil || key != b.key {
		b.Close()
		ctx, cerr := api.Context(esbuildOptions(opts))
		if cerr != nil {
			return nil, &BuildError{Messages: cerr.Errors}
		}
		b.ctx, b.key = ctx, key
	}
	return newBundle(opts, b.ctx.Rebuild(), built)
}

// Close disposes of the build context, freeing esbuild's caches. The
// Builder may be used again; its next Build starts afresh.
func (b *Builder) Close() {
	if b.ctx != nil {
		b.ctx.Dispose()
		b.ctx, b.key = nil, ""
	}
}

// builderKey sums up the options a context is created with (all but FS).
func builderKey(opts BuildOptions) string {
	return fmt.Sprintf("%q\x00%q\x00%q\x00%q\x00%s", opts.Dir, opts.NodeEnv,
		strings.Join(opts.External, "\x00"), strings.Join(opts.Conditions, "\x00"), entrySource(opts.Routes))
}
