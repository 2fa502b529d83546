// bodyParser off, read with for await.
export const config = { api: { bodyParser: false } }
export default async function handler(req, res) {
  let text = ''
  for await (const chunk of req) text += chunk
  res.json({ text })
}
