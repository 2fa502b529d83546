export default (req, res) => res.json({ route: '[id]', query: req.query })
