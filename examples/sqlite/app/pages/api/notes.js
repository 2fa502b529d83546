// GET /api/notes lists the notes; POST /api/notes {"text": "..."} adds one.
// db is the Go module registered by main.go; req.context.user is set by its
// middleware from the X-User header.
import db from 'app:db';

export default async function handler(req, res) {
  if (req.method === 'GET') {
    const notes = await db.query('SELECT id, text, author, created FROM notes ORDER BY id');
    res.status(200).json(notes);
    return;
  }
  if (req.method === 'POST') {
    const text = req.body && req.body.text;
    if (typeof text !== 'string' || text === '') {
      res.status(400).json({ error: 'text is required' });
      return;
    }
    const { lastInsertId } = await db.exec(
      'INSERT INTO notes (text, author, created) VALUES (?, ?, ?)', text, req.context.user, new Date());
    const [note] = await db.query('SELECT id, text, author, created FROM notes WHERE id = ?', lastInsertId);
    res.status(201).json(note);
    return;
  }
  res.setHeader('Allow', 'GET, POST');
  res.status(405).end(`Method ${req.method} Not Allowed`);
}
