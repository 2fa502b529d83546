// A throw once the head is fixed: Next still sends its error, appended to
// the status already chosen.
export default function handler(req, res) {
  switch (req.query.m) {
    case 'write':
      res.write('partial ')
      break
    case 'flush':
      res.setHeader('Content-Type', 'text/plain')
      res.flushHeaders()
      break
    case 'async':
      res.writeHead(202, { 'Content-Type': 'text/plain' })
      return Promise.resolve().then(() => { throw new Error('late') })
    default:
      res.writeHead(202, { 'Content-Type': 'text/plain' })
  }
  throw new Error('after head')
}
