import { v4 as uuidv4, v5 as uuidv5, v7 as uuidv7, validate, version } from 'uuid'
import { nanoid, customAlphabet } from 'nanoid'

const DNS = '6ba7b810-9dad-11d1-80b4-00c04fd430c8'

export default function handler(req, res) {
  const v4 = uuidv4()
  const v7 = uuidv7()
  const id = nanoid()
  const short = customAlphabet('0123456789abcdef', 10)()
  res.json({
    v4: { valid: validate(v4), version: version(v4), unique: v4 !== uuidv4() },
    v4pattern: /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(v4),
    v5: uuidv5('example.com', DNS),
    v5url: uuidv5('https://example.com/a', uuidv5.URL),
    v7: { valid: validate(v7), version: version(v7) },
    nanoid: { length: id.length, ok: /^[A-Za-z0-9_-]{21}$/.test(id), sized: nanoid(10).length },
    custom: /^[0-9a-f]{10}$/.test(short),
  })
}
