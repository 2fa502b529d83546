// res.send and res.json with every kind of value.
import { Readable } from 'stream'

export default function handler(req, res) {
  const kind = req.query.kind
  switch (kind) {
    case 'string': return res.send('hello')
    case 'empty-string': return res.send('')
    case 'unicode': return res.send('€ and 😀')
    case 'object': return res.send({ a: 1, b: [true, null] })
    case 'array': return res.send([1, 'two'])
    case 'number': return res.send(42)
    case 'zero': return res.send(0)
    case 'boolean': return res.send(false)
    case 'null': return res.send(null)
    case 'undefined': return res.send(undefined)
    case 'buffer': return res.send(Buffer.from('bytes!'))
    case 'buffer-typed': res.setHeader('Content-Type', 'image/png'); return res.send(Buffer.from([137, 80, 78, 71]))
    case 'stream': return res.send(Readable.from(['chunk1,', 'chunk2']))
    case 'typed-string': res.setHeader('Content-Type', 'text/html; charset=utf-8'); return res.send('<b>hi</b>')
    case 'json-string': return res.json('Hello world!')
    case 'json-true': return res.json(true)
    case 'json-null': return res.json(null)
    case 'json-undefined': return res.json(undefined)
    case 'json-number': return res.json(3.5)
    case 'json-nested': return res.json({ list: [{ id: 1 }, { id: 2 }], nested: { deep: { ok: true } } })
    case 'json-bigint': return res.json({ n: 1n })
    case 'json-circular': { const o = {}; o.self = o; return res.json(o) }
    case 'json-after-type': res.setHeader('Content-Type', 'text/plain'); return res.json({ typed: 'overwritten' })
    case 'big': return res.json({ data: 'x'.repeat(2000) })
    default: return res.status(400).json({ error: `unknown kind ${kind}` })
  }
}
