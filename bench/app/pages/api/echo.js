// POST echo: Next parses the JSON body, the handler sends it back.
export default function handler(req, res) {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST')
    res.status(405).end()
    return
  }
  res.status(200).json(req.body)
}
