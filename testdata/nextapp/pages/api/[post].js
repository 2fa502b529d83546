export default (req, res) => res.json({ route: '[post]', query: req.query })
