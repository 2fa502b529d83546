import { createRouter, expressWrapper } from 'next-connect'
import cors from 'cors'

const router = createRouter()
const items = [{ id: 1, name: 'first' }]

router
  .use(expressWrapper(cors()))
  .use(async (req, res, next) => {
    const started = Date.now()
    res.setHeader('X-Router', 'next-connect')
    req.user = req.headers['x-user'] ?? 'anonymous'
    await next()
    // Runs after the route handler finished.
    console.log(`${req.method} ${req.url} ${res.statusCode} in ${Date.now() - started >= 0 ? 'ok' : '?'}`)
  })
  .get('/api/connect/items/:id', (req, res) => {
    const item = items.find((i) => i.id === Number(req.params.id))
    if (!item) {
      throw Object.assign(new Error('no item ' + req.params.id), { status: 404 })
    }
    res.json({ item, params: req.params, user: req.user })
  })
  .get((req, res) => {
    res.json({ items, query: req.query, user: req.user })
  })
  .post(async (req, res) => {
    if (!req.body || typeof req.body.name !== 'string') {
      throw Object.assign(new Error('name is required'), { status: 422 })
    }
    const item = { id: items.length + 1, name: req.body.name }
    res.status(201).json({ created: item, user: req.user })
  })

export default router.handler({
  onError(err, req, res) {
    res.status(err.status || 500).json({ error: err.message })
  },
  onNoMatch(req, res) {
    res.status(405).end(`Method ${req.method} Not Allowed`)
  },
})
