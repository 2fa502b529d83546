// With the body parser off, the request stream is left to the handler.
export const config = { api: { bodyParser: false } }

export default function handler(req, res) {
  res.json({ complete: req.complete, readable: req.readable, readableEnded: req.readableEnded })
}
