// GET /api/notes/:id returns one note; DELETE removes it.
import db from 'app:db';

export default async function handler(req, res) {
  const id = Number(req.query.id);
  if (!Number.isInteger(id)) {
    res.status(400).json({ error: 'id must be an integer' });
    return;
  }
  if (req.method === 'DELETE') {
    const { rowsAffected } = await db.exec('DELETE FROM notes WHERE id = ?', id);
    res.status(rowsAffected ? 204 : 404).end();
    return;
  }
  const [note] = await db.query('SELECT id, text, author, created FROM notes WHERE id = ?', id);
  if (!note) {
    res.status(404).json({ error: `no note ${id}` });
    return;
  }
  res.json(note);
}
