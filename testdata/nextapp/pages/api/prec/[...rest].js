export default (req, res) => res.json({ route: 'prec/[...rest]', query: req.query })
