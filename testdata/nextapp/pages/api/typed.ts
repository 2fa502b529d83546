import type { NextApiRequest, NextApiResponse } from 'next'

type Data = { name: string; n: number }

export default function handler(req: NextApiRequest, res: NextApiResponse<Data>) {
  const n: number = Number(req.query.n ?? 1)
  res.status(200).json({ name: 'typed', n: n * 2 })
}
