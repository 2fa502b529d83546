export default function handler(req, res) {
  if (req.query.clear) {
    res.clearPreviewData()
    res.clearPreviewData()
    return res.end('cleared')
  }
  res.setHeader('Set-Cookie', 'existing=1')
  res.setDraftMode({ enable: req.query.enable !== 'false' })
  res.end('draft')
}
