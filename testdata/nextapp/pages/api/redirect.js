export default function handler(req, res) {
  switch (req.query.mode) {
    case 'one': return res.redirect('/login')
    case 'two': return res.redirect(301, '/login')
    case 'absolute': return res.redirect(302, 'https://example.com/a?b=c')
    case 'status-only': return res.redirect(307)
    case 'null': return res.redirect(null)
    default: return res.redirect(308, '/elsewhere')
  }
}
