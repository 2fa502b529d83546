// An async handler that awaits a local upstream (bench/benchtool upstream,
// which answers after 20 ms). bench/run.sh puts its URL in .env.local.
export default async function handler(req, res) {
  const r = await fetch(process.env.UPSTREAM_URL)
  const data = await r.json()
  res.status(200).json({ upstream: data })
}
