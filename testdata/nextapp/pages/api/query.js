export default (req, res) => res.json({ query: req.query, keys: Object.keys(req.query), proto: Object.getPrototypeOf(req.query) === Object.prototype })
