export default function handler(req, res) {
  res.status(201).send('partial')
  throw new Error('after send')
}
