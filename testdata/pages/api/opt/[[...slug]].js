// An optional catch-all: zero or more segments; the key is absent for zero.
export default function handler(req, res) {
  res.json({ query: req.query, has: 'slug' in req.query })
}
