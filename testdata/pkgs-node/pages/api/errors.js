import createError from 'http-errors'

function findUser(id) {
  if (!/^\d+$/.test(id)) throw createError(400, 'id must be numeric', { expose: true, field: 'id' })
  if (id !== '1') throw new createError.NotFound(`user ${id} not found`)
  return { id: 1, name: 'Ann' }
}

export default function handler(req, res) {
  try {
    if (req.query.crash) throw createError(503)
    res.json(findUser(String(req.query.id ?? '')))
  } catch (err) {
    if (!createError.isHttpError(err)) throw err
    res.status(err.status).json({
      name: err.name,
      message: err.message,
      status: err.status,
      statusCode: err.statusCode,
      expose: err.expose,
      field: err.field ?? null,
      isError: err instanceof Error,
      isNotFound: err instanceof createError.NotFound,
    })
  }
}
