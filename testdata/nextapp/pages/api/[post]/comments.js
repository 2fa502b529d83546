export default (req, res) => res.json({ route: '[post]/comments', query: req.query })
