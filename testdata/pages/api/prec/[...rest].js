export default (req, res) => res.json({ route: '[...rest]', query: req.query })
