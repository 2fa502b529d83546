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
    case 'zero':
      return res.end(0)
    case 'false':
      return res.end(false)
    case 'write-null':
      // Next's compression wrapper fixes the head before Node rejects the
      // chunk: the error is appended to a 200.
      return res.write(null)
    case 'status-after-head':
      res.writeHead(201)
      res.statusCode = 500
      res.statusMessage = 'Changed'
      return res.end('x')
    case 'no-content':
      res.status(204)
      res.setHeader('Content-Type', 'text/plain')
      return res.end('dropped')
    case 'latin1-head-end':
      res.setHeader('X-Lat', 'caf\u00e9')
      return res.end('utf-8 head')
    case 'latin1-head-writehead':
      res.writeHead(200, 'R\u00e9ason', { 'X-Lat': 'caf\u00e9' })
      return res.end('latin-1 head')
    case 'latin1-head-write':
      res.setHeader('X-Lat', 'caf\u00e9')
      res.write('latin-1 head')
      return res.end()
    case 'latin1-head-length':
      res.setHeader('X-Lat', 'caf\u00e9')
      res.setHeader('Content-Length', '10')
      res.write('utf-8 head')
      return res.end()
    case 'latin1-head-buffer':
      res.setHeader('X-Lat', 'caf\u00e9')
      return res.end(Buffer.from('latin-1 head'))
    default:
      return res.end('ok')
  }
}
