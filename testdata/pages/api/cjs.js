// CommonJS: module.exports = handler.
module.exports = function handler(req, res) {
  res.status(200).json({ style: 'commonjs' })
}
