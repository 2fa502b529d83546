export default (req, res) => res.json({ route: 'prec/[id]', query: req.query })
