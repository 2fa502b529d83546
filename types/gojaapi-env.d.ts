// TypeScript declarations for a project served by gojaapi, written by
// `gojaapi init` and `gojaapi types`. Do not edit: run `gojaapi types` to
// rewrite it after upgrading gojaapi. Put your own declarations (the shape of
// req.context, other Go modules) in a .d.ts file of your own: see
// RequestContext and Store below for examples.
//
// It declares:
//   - Next.js's API route types (NextApiRequest, NextApiResponse, NextApiHandler,
//     PageConfig) for `import type { ... } from 'next'` when `next` is not
//     installed. When it is, `next`'s own types are used and only gain
//     req.context.
//   - gojaapi's additions: req.context, and the store module "gojaapi:kv".
//
// It needs Node's types (npm install --save-dev @types/node), as Next.js does.

/// <reference types="node" />

/**
 * gojaapi's types. Import them with `import type { ... } from 'gojaapi'`.
 */
declare module 'gojaapi' {
  import type { IncomingMessage, ServerResponse } from 'http'

  /**
   * `req.context`: the values the Go program serving the routes attached to
   * the request (gojaapi.WithValue, Options.RequestValues), copied into a plain
   * object. Empty when there are none; the gojaapi binary attaches none.
   *
   * Every key is `unknown` until you declare it, in a .d.ts file of your own
   * that tsconfig.json includes:
   *
   * ```ts
   * declare module 'gojaapi' {
   *   interface RequestContext {
   *     user?: { id: number; name: string }
   *   }
   * }
   * ```
   */
  export interface RequestContext {
    [key: string]: unknown
  }

  /**
   * A key/value store shared by every worker, as JavaScript sees the module
   * that `Store.Module(name)` returns in Go. Times are in milliseconds. A value
   * is copied in and out (by gojaapi's conversion rules: JSON-like values, Date,
   * Uint8Array, which comes back as a Buffer, and bigint), so mutating what `get`
   * returns does not change the store. Every function is synchronous: it returns
   * its result, not a Promise.
   *
   * The Go program chooses the module's name; "gojaapi:kv" is declared below.
   * For another name, declare it in a .d.ts file of your own (with no top-level
   * import or export):
   *
   * ```ts
   * declare module 'app:cache' {
   *   import type { Store } from 'gojaapi'
   *   const cache: Store<{ html: string }>
   *   export default cache
   * }
   * ```
   *
   * @typeParam V the values this code stores
   */
  export interface Store<V = unknown> {
    /** The value under key, or null if it is missing or expired. */
    get(key: string): V | null
    /**
     * Stores a copy of value under key. With options.ttl (milliseconds) the
     * key expires after that long; without it, it never expires.
     */
    set(key: string, value: V, options?: { ttl?: number }): void
    /** Removes key; true if it existed. */
    delete(key: string): boolean
    /**
     * Adds by (default 1) to the integer under key, atomically, and returns the
     * new value. A missing key counts from 0; an existing key keeps its expiry.
     * Throws an Error with code 'ERR_NOT_INTEGER' if the value is not an integer.
     */
    incr(key: string, by?: number): number
    /**
     * The milliseconds key has left: -1 if it never expires, -2 if it is
     * missing (Redis's PTTL).
     */
    ttl(key: string): number
    /** Makes key expire after ms milliseconds (ms <= 0: never); false if key is missing. */
    expire(key: string, ms: number): boolean
    /** Whether key exists (and has not expired). */
    has(key: string): boolean
  }

  // Next.js's API route types, as next@16 declares them, plus req.context.
  // The module 'next' below re-exports them when `next` is not installed.

  /** The size units of SizeLimit: '1mb', '500kb', '1GB'... */
  export type FileSizeSuffix = `${'k' | 'K' | 'm' | 'M' | 'g' | 'G' | 't' | 'T' | 'p' | 'P'}${'b' | 'B'}`

  /** A number of bytes, or a string such as '500kb' or '4mb'. */
  export type SizeLimit = number | `${number}${FileSizeSuffix}`

  /** A response size past which a warning is logged; true is 4mb, false turns the warning off. */
  export type ResponseLimit = SizeLimit | boolean

  /** The data of Next.js's preview mode. */
  export type PreviewData = string | false | object | undefined

  /**
   * A route's `export const config`:
   *
   * ```ts
   * export const config: PageConfig = { api: { bodyParser: { sizeLimit: '4mb' } } }
   * ```
   */
  export type PageConfig = {
    api?: {
      /**
       * The response size past which a warning is logged (a number of bytes,
       * or a string such as '8mb'); true (the default) is 4mb, false turns the
       * warning off. The response is sent either way.
       */
      responseLimit?: ResponseLimit
      /**
       * The request body parser: false leaves the body unread (to stream it
       * yourself); sizeLimit (default '1mb') is the largest body accepted,
       * answered with 413 past it.
       */
      bodyParser?:
        | {
            sizeLimit?: SizeLimit
          }
        | false
      /**
       * true: the handler ends the response through another library (such as
       * express), so no warning when it returns before the response is sent.
       */
      externalResolver?: true
    }
    /** Not used by API routes. */
    env?: Array<string>
    /**
     * The longest time in seconds a request may take on platforms that honour
     * it. gojaapi uses its --timeout flag instead.
     */
    maxDuration?: number
    /** Next.js's runtime choice; gojaapi runs every route the same way. */
    runtime?: 'nodejs' | 'experimental-edge' | 'edge' | undefined
    /** Not used by API routes. */
    unstable_runtimeJS?: false
    /** Not used by API routes. */
    unstable_JsPreload?: false
  }

  /** The request of an API route: Node's IncomingMessage with Next.js's helpers. */
  export interface NextApiRequest extends IncomingMessage {
    /** The query string and the dynamic route parameters. */
    query: Partial<{
      [key: string]: string | string[]
    }>
    /** The cookies of the Cookie header. */
    cookies: Partial<{
      [key: string]: string
    }>
    /** The parsed body: an object for JSON, strings for forms, a string for text. */
    body: any
    env: {
      [key: string]: string | undefined
    }
    draftMode?: boolean
    preview?: boolean
    /** The preview data set on the request, if any. */
    previewData?: PreviewData
    /** Values the Go program attached to the request; see RequestContext. */
    context: RequestContext
  }

  type Send<T> = (body: T) => void

  /** The response of an API route: Node's ServerResponse with Next.js's helpers. */
  export type NextApiResponse<Data = any> = ServerResponse & {
    /** Sends body (a string, Buffer, stream or object) and ends the response. */
    send: Send<Data>
    /** Sends body as JSON and ends the response. */
    json: Send<Data>
    /** Sets the status code. */
    status: (statusCode: number) => NextApiResponse<Data>
    redirect(url: string): NextApiResponse<Data>
    redirect(status: number, url: string): NextApiResponse<Data>
    /** Turns draft mode on or off. */
    setDraftMode: (options: { enable: boolean }) => NextApiResponse<Data>
    /** Sets preview data for Next.js's preview mode. */
    setPreviewData: (
      data: object | string,
      options?: {
        /** The seconds the preview session lasts (default: until the browser closes). */
        maxAge?: number
        /** The path the preview session applies to. */
        path?: string
      },
    ) => NextApiResponse<Data>
    /** Clears preview data for Next.js's preview mode. */
    clearPreviewData: (options?: { path?: string }) => NextApiResponse<Data>
    /**
     * Validates urlPath as Next.js does and resolves: there are no pages to
     * regenerate (an embedding Go program may hook it).
     */
    revalidate: (
      urlPath: string,
      opts?: {
        unstable_onlyGenerated?: boolean
      },
    ) => Promise<void>
  }

  /** An API route handler: the default export of a file under pages/api. */
  export type NextApiHandler<T = any> = (req: NextApiRequest, res: NextApiResponse<T>) => unknown | Promise<unknown>

  // When `next` is installed, its own NextApiRequest gains req.context. (An
  // augmentation of a module that is not installed is ignored.)
  module 'next/dist/shared/lib/utils' {
    interface NextApiRequest {
      /** Values the Go program attached to the request; see RequestContext. */
      context: import('gojaapi').RequestContext
    }
  }
}

// `next` when it is not installed. TypeScript prefers an installed package to
// a wildcard declaration, so this applies only without `next`; the wildcard
// matches 'next' and, in practice, nothing else ('ne' + anything + 'xt').
declare module 'ne*xt' {
  export type {
    FileSizeSuffix,
    NextApiHandler,
    NextApiRequest,
    NextApiResponse,
    PageConfig,
    PreviewData,
    ResponseLimit,
    SizeLimit,
  } from 'gojaapi'
}

/**
 * The store module as Go programs usually mount it:
 * `store.Module("gojaapi:kv")`. The gojaapi binary does not mount it; a Go
 * program that serves the routes does.
 *
 * ```ts
 * import kv from 'gojaapi:kv'
 * const hits = kv.incr('hits')
 * ```
 */
declare module 'gojaapi:kv' {
  import type { Store } from 'gojaapi'
  const kv: Store
  export default kv
  export const get: Store['get']
  export const set: Store['set']
  export const has: Store['has']
  export const incr: Store['incr']
  export const ttl: Store['ttl']
  export const expire: Store['expire']
  const del: Store['delete']
  export { del as delete }
}
