// A project's own declarations, as gojaapi-env.d.ts shows them: the shape of
// req.context and a store mounted under another name.
declare module 'gojaapi' {
  interface RequestContext {
    user?: { id: number; name: string }
  }
}

declare module 'app:cache' {
  import type { Store } from 'gojaapi'
  const cache: Store<{ html: string }>
  export default cache
}
