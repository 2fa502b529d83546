// A Content-Type set before the throw stays on the 500.
export default function handler(req, res) {
  res.setHeader('Content-Type', 'application/json; charset=utf-8')
  throw new Error('typed')
}
