import { json, text, buffer, createError } from 'micro'

export const config = { api: { bodyParser: false } }

export default async function handler(req, res) {
  try {
    switch (req.query.as) {
      case 'text':
        return res.json({ text: await text(req, { limit: '1kb' }) })
      case 'buffer': {
        const buf = await buffer(req)
        return res.json({ isBuffer: Buffer.isBuffer(buf), length: buf.length, hex: buf.toString('hex') })
      }
      default: {
        const body = await json(req)
        // micro caches the raw body: reading it again works.
        const again = await json(req)
        return res.json({ body, same: JSON.stringify(body) === JSON.stringify(again) })
      }
    }
  } catch (err) {
    res.status(err.statusCode || 500).json({ error: err.message, statusCode: err.statusCode })
  }
}
