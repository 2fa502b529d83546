// CommonJS with module.exports.config.
module.exports = function handler(req, res) {
  res.json({ body: req.body === undefined ? 'undefined' : req.body })
}
module.exports.config = { api: { bodyParser: false } }
