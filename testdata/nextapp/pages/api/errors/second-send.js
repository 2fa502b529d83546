export default function handler(req, res) {
  res.send('first')
  res.send('second')
}
