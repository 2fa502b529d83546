import type { NextApiRequest, NextApiResponse } from 'next'
import { getIronSession, sealData, unsealData } from 'iron-session'

type SessionData = { user?: { id: number; name: string }; views?: number }

const sessionOptions = {
  password: 'complex_password_at_least_32_characters_long',
  cookieName: 'app_session',
  cookieOptions: { secure: false },
}

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const session = await getIronSession<SessionData>(req, res, sessionOptions)
  switch (req.method) {
    case 'POST':
      session.user = { id: 7, name: req.body.name }
      session.views = 0
      await session.save()
      return res.json({ loggedIn: true })
    case 'PUT': {
      // Open a seal made elsewhere (by another server sharing the password).
      try {
        return res.json({ data: await unsealData(req.body.seal, { password: sessionOptions.password, ttl: 0 }) })
      } catch (err) {
        return res.status(400).json({ error: (err as Error).message })
      }
    }
    case 'DELETE':
      session.destroy()
      return res.json({ loggedIn: false })
    default: {
      if (!session.user) {
        return res.status(401).json({ loggedIn: false })
      }
      session.views = (session.views ?? 0) + 1
      await session.save()
      // sealData/unsealData round trip, as used for magic links.
      const seal = await sealData({ ticket: 'abc' }, { password: sessionOptions.password, ttl: 60 })
      const opened = await unsealData<{ ticket: string }>(seal, { password: sessionOptions.password, ttl: 60 })
      return res.json({ loggedIn: true, user: session.user, views: session.views, opened, sealPrefix: seal.slice(0, 7) })
    }
  }
}
