// Headers set by the handler: arrays give several lines; getters see them.
export default function handler(req, res) {
  res.setHeader('Set-Cookie', ['a=1; Path=/', 'b=2; HttpOnly'])
  res.setHeader('X-Custom', 'custom-value')
  res.setHeader('X-Latin1', 'caf\u00e9')
  res.setHeader('X-Number', 42)
  res.setHeader('Allow', ['GET', 'PUT'])
  res.setHeader('Cache-Control', 'public, max-age=60')
  res.setHeader('X-Removed', 'gone')
  res.removeHeader('x-removed')
  res.status(200).json({
    custom: res.getHeader('x-custom'),
    number: res.getHeader('X-Number'),
    names: res.getHeaderNames(),
    has: res.hasHeader('SET-COOKIE'),
    removed: res.getHeader('x-removed') === undefined,
    headers: res.getHeaders(),
    sent: res.headersSent,
  })
}
