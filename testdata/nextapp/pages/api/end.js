// Plain Node: res.end, res.write.
export default function handler(req, res) {
  switch (req.query.mode) {
    case 'write':
      res.write('a')
      res.write(Buffer.from('b'))
      return res.end('c')
    case 'empty':
      res.statusCode = 418
      return res.end()
    case 'buffer':
      return res.end(Buffer.from('raw buffer'))
    case 'callback':
      return res.end('with callback', () => {})
    case 'latin1':
      return res.end('caf\u00e9', 'latin1')
    default:
      return res.end('ok')
  }
}
