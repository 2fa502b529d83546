// Awaits a timer: the worker must serve other requests meanwhile.
export default async function handler(req, res) {
  const ms = Number(req.query.ms || 200)
  await new Promise((resolve) => setTimeout(resolve, ms))
  res.status(200).json({ waited: ms })
}
