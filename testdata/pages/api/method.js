// A method switch, as in the Next.js docs.
export default function handler(req, res) {
  if (req.method === 'POST') {
    res.status(201).json({ created: req.body })
  } else if (req.method === 'GET') {
    res.status(200).json({ method: 'GET', query: req.query })
  } else {
    res.status(200).json({ method: req.method })
  }
}
