export default (req, res) => res.json({ route: '[post]/[comment]', query: req.query })
