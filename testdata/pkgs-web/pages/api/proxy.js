// Masks an external service: fetches the upstream named in the environment
// (with a secret key the client never sees) and streams its body back to the
// client chunk by chunk, as it arrives. ?mode= picks one of the usual ways to
// write it.
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'

export default async function handler(req, res) {
  const upstream = await fetch(process.env.UPSTREAM_URL + (req.query.path || ''), {
    headers: { Authorization: `Bearer ${process.env.UPSTREAM_KEY}` },
  })
  res.statusCode = upstream.status
  res.setHeader('Content-Type', upstream.headers.get('content-type') || 'application/octet-stream')
  res.setHeader('Cache-Control', 'no-store')
  switch (req.query.mode) {
    case 'for-await':
      for await (const chunk of upstream.body) {
        res.write(chunk)
      }
      res.end()
      break
    case 'from-web':
      Readable.fromWeb(upstream.body).pipe(res)
      break
    case 'pipeline':
      await pipeline(Readable.fromWeb(upstream.body), res)
      break
    default: {
      const reader = upstream.body.getReader()
      for (;;) {
        const { done, value } = await reader.read()
        if (done) break
        res.write(value)
      }
      res.end()
    }
  }
}
