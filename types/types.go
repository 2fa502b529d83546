// Package types holds the TypeScript declarations that gojaapi writes into a
// project (gojaapi init, gojaapi types), so that its routes typecheck with
// the real TypeScript compiler:
//
//   - Next.js's API route types (NextApiRequest, NextApiResponse<T>,
//     NextApiHandler<T>, PageConfig) for `import type { ... } from 'next'`
//     when `next` is not installed. When it is, next's own types are used
//     unchanged and only gain req.context.
//   - gojaapi's additions: req.context (the values a Go program attached to
//     the request, see gojaapi.WithValue) and the store module (see
//     gojaapi.Store.Module), declared as "gojaapi:kv" with a generic Store
//     interface to declare it under another name.
//
// The declarations are one script file (FileName), the counterpart of
// Next.js's next-env.d.ts: the project's tsconfig.json includes it, and
// `gojaapi types` rewrites it after an upgrade. It references Node's types,
// so a project that typechecks needs @types/node, as a Next.js project does.
// gojaapi itself never reads it: esbuild drops types without checking them.
package types

import _ "embed"

// FileName is the name of the declaration file in a project's folder, next
// to tsconfig.json.
const FileName = "gojaapi-env.d.ts"

//go:embed gojaapi-env.d.ts
var source []byte

// Source returns the contents of the declaration file (a copy: the caller
// may modify it).
func Source() []byte {
	return append([]byte(nil), source...)
}
