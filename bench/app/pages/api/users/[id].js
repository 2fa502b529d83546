// Dynamic route with a query string: /api/users/42?fields=name,email&page=2
export default function handler(req, res) {
  const { id, fields, page } = req.query
  res.status(200).json({ id, fields: fields ? fields.split(',') : [], page: Number(page || 1) })
}
