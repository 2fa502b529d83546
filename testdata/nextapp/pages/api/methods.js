export default (req, res) => res.json({ method: req.method })
