// axios with its fetch adapter: GET and POST JSON against an upstream whose
// base URL comes from the X-Upstream request header.
import axios from 'axios'

export default async function handler(req, res) {
  const api = axios.create({
    adapter: 'fetch',
    baseURL: req.headers['x-upstream'],
    headers: { 'X-Api-Key': process.env.ITEMS_API_KEY },
    timeout: 5000,
  })
  const list = await api.get('/items', { params: { limit: 2 } })
  const created = await api.post('/items', { name: req.body.name, tags: ['a', 'b'] })
  let missing
  try {
    await api.get('/missing')
  } catch (e) {
    missing = { status: e.response.status, code: e.code, data: e.response.data }
  }
  res.status(200).json({
    list: { status: list.status, type: list.headers['content-type'], data: list.data },
    created: { status: created.status, data: created.data },
    missing,
  })
}
