// What the body parser made of the request.
export default function handler(req, res) {
  res.status(200).json({
    method: req.method,
    url: req.url,
    type: Array.isArray(req.body) ? 'array' : req.body === null ? 'null' : typeof req.body,
    body: req.body,
    query: req.query,
    protoOfBody: req.body && typeof req.body === 'object' ? Object.getPrototypeOf(req.body) === null ? 'null' : 'object' : 'n/a',
  })
}
