// A 64 KB JSON response: 557 records (65,533 bytes) built once, serialised per request.
const items = []
for (let i = 0; i < 557; i++) {
  items.push({
    id: i,
    name: 'item-' + i,
    email: 'user' + i + '@example.com',
    active: i % 2 === 0,
    score: (i * 37) % 1000 / 10,
    tags: ['alpha', 'beta', 'gamma'],
  })
}

export default function handler(req, res) {
  res.status(200).json({ count: items.length, items })
}
