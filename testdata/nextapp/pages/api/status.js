// res.status(code) with an optional body: 204/304 strip the body and headers.
export default function handler(req, res) {
  const code = Number(req.query.code)
  if (req.query.json) return res.status(code).json({ code })
  if (req.query.body !== undefined) return res.status(code).send(req.query.body)
  res.status(code).end()
}
