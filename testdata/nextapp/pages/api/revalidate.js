export default async function handler(req, res) {
  try {
    await res.revalidate(req.query.path)
    res.json({ revalidated: true })
  } catch (e) {
    res.status(500).json({ message: e.message })
  }
}
