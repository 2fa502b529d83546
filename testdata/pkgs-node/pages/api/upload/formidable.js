import formidable from 'formidable'
import { Writable } from 'stream'
import { readFile, unlink } from 'fs/promises'
import { createHash } from 'crypto'

export const config = { api: { bodyParser: false } }

// Keeps each upload in memory (the usual choice where the disk is not
// writable, or to stream files on to object storage).
function memoryUploads() {
  const buffers = new Map()
  const handler = (file) => {
    const chunks = []
    buffers.set(file, chunks)
    return new Writable({
      write(chunk, encoding, cb) {
        chunks.push(chunk)
        cb()
      },
    })
  }
  return { handler, read: (file) => Buffer.concat(buffers.get(file)) }
}

export default async function handler(req, res) {
  const disk = req.query.store === 'disk'
  const memory = memoryUploads()
  const form = formidable({
    maxFileSize: 1024 * 1024,
    keepExtensions: true,
    ...(disk ? {} : { fileWriteStreamHandler: memory.handler }),
  })
  try {
    const [fields, files] = await form.parse(req)
    const out = []
    for (const [field, list] of Object.entries(files)) {
      for (const f of list) {
        const data = disk ? await readFile(f.filepath) : memory.read(f)
        if (disk) await unlink(f.filepath)
        out.push({
          field,
          originalFilename: f.originalFilename,
          mimetype: f.mimetype,
          size: f.size,
          sha256: createHash('sha256').update(data).digest('hex'),
          text: f.mimetype === 'text/plain' ? data.toString('utf8') : null,
        })
      }
    }
    res.status(200).json({ fields, files: out })
  } catch (err) {
    res.status(err.httpCode || 500).json({ error: err.message.replace(/'[^']*'/, "'<tmp file>'"), code: err.code })
  }
}
