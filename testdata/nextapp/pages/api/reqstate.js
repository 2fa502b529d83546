// The request stream's state when the handler runs, after Next's body parser,
// and the classes req and res are instances of.
import http from 'http'

export default function handler(req, res) {
  res.json({
    incomingMessage: req instanceof http.IncomingMessage,
    serverResponse: res instanceof http.ServerResponse,
    nextRuntime: process.env.NEXT_RUNTIME,
    nextRuntimeAtRunTime: process.env['NEXT_' + 'RUNTIME'],
    complete: req.complete,
    readable: req.readable,
    readableEnded: req.readableEnded,
    body: req.body,
  })
}
