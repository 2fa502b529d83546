export default (req, res) => res.json({ route: 'opt', query: req.query, has: 'slug' in req.query })
