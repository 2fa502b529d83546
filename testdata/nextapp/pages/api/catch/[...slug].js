export default (req, res) => res.json({ route: 'catch', query: req.query })
