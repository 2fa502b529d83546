// writeHead in its forms.
export default function handler(req, res) {
  switch (req.query.form) {
    case 'object':
      res.setHeader('X-Before', 'kept')
      res.writeHead(201, { 'Content-Type': 'text/plain', 'X-Head': '1' })
      return res.end('created')
    case 'reason':
      res.writeHead(200, 'Custom Reason', { 'Content-Type': 'text/plain' })
      return res.end('with reason')
    case 'array':
      res.writeHead(202, ['X-A', '1', 'X-B', '2'])
      return res.end('accepted')
    case 'pairs':
      res.writeHead(202, [['X-A', '1'], ['X-B', '2']])
      return res.end('accepted')
    case 'status-message':
      res.statusCode = 400
      res.statusMessage = 'Totally Bad'
      return res.end('bad')
    case 'invalid-status':
      try { res.writeHead(1000) } catch (e) { return res.status(500).json({ name: e.name, code: e.code, message: e.message }) }
      return res.end('no throw')
    case 'invalid-header':
      try { res.setHeader('X-Bad', 'a\r\nInjected: yes') } catch (e) { return res.status(500).json({ name: e.name, code: e.code, message: e.message }) }
      return res.end('no throw')
    case 'invalid-name':
      try { res.setHeader('Bad Name', 'v') } catch (e) { return res.status(500).json({ name: e.name, code: e.code, message: e.message }) }
      return res.end('no throw')
    case 'after-sent':
      res.end('done')
      try { res.setHeader('X-Late', '1') } catch (e) { console.log(e.code) }
      return
    default:
      res.writeHead(418)
      return res.end()
  }
}
