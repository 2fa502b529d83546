// A TypeScript route with Next's types; `next` need not be installed.
import type { NextApiRequest, NextApiResponse } from 'next'
import { greet } from '../../lib/greet'

type Data = { message: string; length: number }

export default function handler(req: NextApiRequest, res: NextApiResponse<Data>) {
  const name = (req.query.name as string | undefined) ?? 'world'
  const message: string = greet(name)
  res.status(200).json({ message, length: message.length })
}
