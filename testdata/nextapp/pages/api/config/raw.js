// bodyParser off: the handler reads the stream itself.
export const config = { api: { bodyParser: false } }

export default function handler(req, res) {
  const chunks = []
  req.on('data', (c) => chunks.push(c))
  req.on('end', () => {
    const buf = Buffer.concat(chunks)
    res.json({ body: req.body === undefined ? 'undefined' : req.body, length: buf.length, text: buf.toString('utf8') })
  })
}
