// Echoes what the body parser made of the request.
export default function handler(req, res) {
  res.status(200).json({ type: typeof req.body, body: req.body, query: req.query, cookies: req.cookies })
}
