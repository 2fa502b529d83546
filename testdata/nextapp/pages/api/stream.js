// Streaming with write and end, and the drain contract.
export default function handler(req, res) {
  res.setHeader('Content-Type', 'text/plain; charset=utf-8')
  res.write('one\n')
  setTimeout(() => {
    res.write('two\n')
    res.end('three\n')
  }, 10)
}
