export default (req, res) => res.json({ route: 'index' })
