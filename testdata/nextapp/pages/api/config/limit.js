export const config = { api: { bodyParser: { sizeLimit: '10b' } } }
export default (req, res) => res.json({ body: req.body })
