// api-routes-rest example: one user, GET and PUT, 405 otherwise.
export default function userHandler(req, res) {
  const { query, method } = req
  const id = parseInt(query.id, 10)
  const name = query.name

  switch (method) {
    case 'GET':
      res.status(200).json({ id, name: `User ${id}` })
      break
    case 'PUT':
      res.status(200).json({ id, name: name || `User ${id}` })
      break
    default:
      res.setHeader('Allow', ['GET', 'PUT'])
      res.status(405).end(`Method ${method} Not Allowed`)
  }
}
