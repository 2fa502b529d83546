export default (req, res) => res.json({ route: 'blog index' })
