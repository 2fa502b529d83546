// Facts about req that handlers read.
export default function handler(req, res) {
  res.json({
    httpVersion: req.httpVersion,
    url: req.url,
    method: req.method,
    host: typeof req.headers.host,
    forwardedHostMatches: req.headers['x-forwarded-host'] === req.headers.host,
    accept: req.headers.accept,
    custom: req.headers['x-custom'],
    multi: req.headers['x-multi'],
    forwardedProto: req.headers['x-forwarded-proto'],
    hasSocket: typeof req.socket === 'object',
    remoteFamily: typeof req.socket.remoteAddress,
    readable: typeof req.on === 'function',
  })
}
