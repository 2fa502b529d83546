// The request stream's state when the handler runs, after Next's body parser.
export default function handler(req, res) {
  res.json({
    complete: req.complete,
    readable: req.readable,
    readableEnded: req.readableEnded,
    body: req.body,
  })
}
