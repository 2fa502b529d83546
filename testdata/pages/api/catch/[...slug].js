// A catch-all: one or more segments.
export default function handler(req, res) {
  res.json(req.query)
}
