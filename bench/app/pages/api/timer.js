// An async handler that awaits a 10 ms timer.
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

export default async function handler(req, res) {
  await sleep(10)
  res.status(200).json({ waited: 10 })
}
