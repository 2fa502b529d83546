export default (req, res) => res.json({ cookies: req.cookies, draftMode: req.draftMode === undefined ? 'undefined' : req.draftMode, preview: req.preview === undefined ? 'undefined' : req.preview })
