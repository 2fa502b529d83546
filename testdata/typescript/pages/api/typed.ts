// Every type gojaapi-env.d.ts declares, used as a handler would. The lines
// marked ts-expect-error are mistakes the types must reject: were a type `any`,
// tsc would fail with "Unused '@ts-expect-error' directive".
import type { NextApiHandler, NextApiRequest, NextApiResponse, PageConfig } from 'next'
import type { RequestContext, Store } from 'gojaapi'
import kv, { incr, delete as remove } from 'gojaapi:kv'
import cache from 'app:cache'
import { greeting } from '@/lib/greeting'

type Data = { message: string; hits: number; user: string | null; theme: string | undefined }

export const config: PageConfig = {
  api: { bodyParser: { sizeLimit: '2mb' }, responseLimit: false, externalResolver: true },
  maxDuration: 10,
}

// @ts-expect-error: a size needs a unit Next.js knows
export const badConfig: PageConfig = { api: { bodyParser: { sizeLimit: '2 megs' } } }

export default function handler(req: NextApiRequest, res: NextApiResponse<Data>) {
  const name = req.query.name // string | string[] | undefined
  const first: string = Array.isArray(name) ? name[0] : (name ?? 'world')
  const theme: string | undefined = req.cookies.theme
  const body: { n?: number } = req.body
  const host: string | undefined = req.headers.host
  const method: string | undefined = req.method

  const ctx: RequestContext = req.context
  const user = req.context.user // declared in lib/context.d.ts
  const tenant: unknown = req.context.tenant // not declared: unknown
  // @ts-expect-error: an undeclared value is unknown, not any
  const tenantName: string = req.context.tenant
  // @ts-expect-error: a declared value keeps its type
  const userId: string = req.context.user?.id

  const hits: number = kv.incr('hits') + incr('all', 2)
  kv.set('last', { first, at: new Date() }, { ttl: 60_000 })
  const last: unknown = kv.get('last')
  const existed: boolean = remove('old') || kv.has('x') || kv.expire('hits', 1000)
  const left: number = kv.ttl('hits')
  // @ts-expect-error: the store is synchronous, its results are not Promises
  kv.incr('hits').then(() => {})
  // @ts-expect-error: ttl is an option object in milliseconds
  kv.set('k', 1, 60)

  cache.set('home', { html: '<p>' })
  const page: { html: string } | null = cache.get('home')
  // @ts-expect-error: app:cache stores { html: string }
  cache.set('home', 'text')

  res.setHeader('Cache-Control', 'no-store')
  res.setHeader('Set-Cookie', ['a=1', 'b=2'])
  res.status(200).json({ message: greeting(first), hits, user: user?.name ?? null, theme })
  // @ts-expect-error: the body must match NextApiResponse<Data>
  res.status(200).json({ message: 42 })
  // @ts-expect-error: status takes a number
  res.status('200')
  // @ts-expect-error: NextApiRequest has no such field
  req.params

  void [ctx, tenant, tenantName, userId, body, host, method, last, existed, left, page]
}

export const asHandler: NextApiHandler<{ ok: boolean }> = async (req, res) => {
  res.redirect(307, '/api/typed')
  await res.revalidate('/')
  res.json({ ok: true })
}
