// hello JSON: the smallest useful handler.
export default function handler(req, res) {
  res.status(200).json({ hello: 'world' })
}
