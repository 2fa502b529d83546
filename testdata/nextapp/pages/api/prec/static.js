export default (req, res) => res.json({ route: 'prec/static' })
