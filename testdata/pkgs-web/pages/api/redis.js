// @upstash/redis over its REST API: count visits and keep the last visitor.
// The REST URL comes from the X-Upstream request header, the token from the
// environment.
import { Redis } from '@upstash/redis'

export default async function handler(req, res) {
  const redis = new Redis({ url: req.headers['x-upstream'], token: process.env.UPSTASH_REDIS_REST_TOKEN })
  const name = req.query.name || 'anonymous'
  await redis.set('last-visitor', { name, at: 1700000000 })
  const visits = await redis.incr('visits')
  const last = await redis.get('last-visitor')
  const missing = await redis.get('no-such-key')
  res.status(200).json({ visits, last, missing })
}
