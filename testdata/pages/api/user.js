// The seed's first example: a plain JSON response.
export default function handler(req, res) {
  res.status(200).json({ name: 'John Doe' })
}
