import type { NextApiRequest, NextApiResponse } from 'next'
import { z } from 'zod'

const User = z.object({
  name: z.string().min(2),
  email: z.string().email(),
  age: z.number().int().positive().optional(),
  tags: z.array(z.string()).default([]),
  role: z.enum(['admin', 'user']).default('user'),
})

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  const result = User.safeParse(req.body)
  if (!result.success) {
    return res.status(400).json({
      issues: result.error.issues.map((i) => ({ path: i.path, code: i.code, message: i.message })),
      flat: z.flattenError(result.error).fieldErrors,
    })
  }
  res.json({ user: result.data })
}
