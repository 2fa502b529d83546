import busboy from 'busboy'
import { createHash } from 'crypto'

export const config = { api: { bodyParser: false } }

function parseForm(req) {
  return new Promise((resolve, reject) => {
    const bb = busboy({ headers: req.headers, limits: { fileSize: 1024 * 1024 } })
    const fields = {}
    const files = []
    bb.on('field', (name, value, info) => {
      fields[name] = value
    })
    bb.on('file', (name, stream, info) => {
      const { filename, encoding, mimeType } = info
      const hash = createHash('sha256')
      let size = 0
      let head = ''
      stream.on('data', (chunk) => {
        if (size === 0) head = chunk.subarray(0, 16).toString('latin1')
        size += chunk.length
        hash.update(chunk)
      })
      stream.on('end', () => {
        files.push({ field: name, filename, encoding, mimeType, size, sha256: hash.digest('hex'), head, truncated: stream.truncated })
      })
    })
    bb.on('error', reject)
    bb.on('close', () => resolve({ fields, files }))
    req.pipe(bb)
  })
}

export default async function handler(req, res) {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST')
    return res.status(405).end()
  }
  try {
    res.status(200).json(await parseForm(req))
  } catch (err) {
    res.status(400).json({ error: err.message })
  }
}
