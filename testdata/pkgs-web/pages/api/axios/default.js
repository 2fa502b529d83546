// axios with its default adapter (Node's http module on the Node platform):
// reports what the user sees.
import axios from 'axios'

export default async function handler(req, res) {
  try {
    const r = await axios.get(req.headers['x-upstream'] + '/items')
    res.status(200).json({ ok: true, data: r.data })
  } catch (e) {
    res.status(502).json({ ok: false, name: e.name, code: e.code, message: e.message })
  }
}
