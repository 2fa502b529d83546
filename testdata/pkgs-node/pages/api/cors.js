import Cors from 'cors'
import { runMiddleware } from '../../lib/middleware'

const cors = Cors({
  origin: ['https://app.example.com', /\.example\.org$/],
  methods: ['GET', 'POST', 'PUT'],
  allowedHeaders: ['Content-Type', 'Authorization'],
  exposedHeaders: ['X-Request-Id'],
  credentials: true,
  maxAge: 600,
})

export default async function handler(req, res) {
  await runMiddleware(req, res, cors)
  res.setHeader('X-Request-Id', 'req-1')
  res.status(200).json({ method: req.method, origin: req.headers.origin ?? null })
}
