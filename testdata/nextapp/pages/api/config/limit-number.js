export const config = { api: { bodyParser: { sizeLimit: 20 } } }
export default (req, res) => res.json({ body: req.body })
