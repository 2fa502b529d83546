import bcrypt from 'bcryptjs'

// bcryptjs's default cost is 10; the tests run with BCRYPT_ROUNDS=4.
const ROUNDS = Number(process.env.BCRYPT_ROUNDS || 10)

export default async function handler(req, res) {
  const { password = 'hunter2', hash } = req.body || {}
  if (hash) {
    return res.json({ match: await bcrypt.compare(password, hash) })
  }
  const salt = await bcrypt.genSalt(ROUNDS)
  const hashed = await bcrypt.hash(password, salt)
  res.json({
    rounds: bcrypt.getRounds(hashed),
    prefix: hashed.slice(0, 7),
    length: hashed.length,
    saltMatches: hashed.startsWith(salt),
    match: await bcrypt.compare(password, hashed),
    mismatch: bcrypt.compareSync(password + '!', hashed),
    known: bcrypt.compareSync('hunter2', '$2b$04$frDe.JmUd6YRkgVlaQL1s.kuWfaCcLTXnvMlgjTSTD/0pTfbiqt1u'),
    fixedSalt: bcrypt.hashSync('hunter2', '$2b$04$frDe.JmUd6YRkgVlaQL1s.'),
  })
}
