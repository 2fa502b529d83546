import { parseCookie, stringifySetCookie, parseSetCookie, stringifyCookie } from 'cookie'

export default function handler(req, res) {
  const cookies = parseCookie(req.headers.cookie || '')
  const visits = Number(cookies.visits || 0) + 1
  const setCookies = [
    stringifySetCookie({ name: 'visits', value: String(visits), path: '/', httpOnly: true, sameSite: 'lax', maxAge: 3600 }),
    stringifySetCookie({
      name: 'theme',
      value: 'dark mode; ☀',
      path: '/api',
      secure: true,
      expires: new Date(Date.UTC(2030, 0, 2, 3, 4, 5)),
      partitioned: true,
      priority: 'high',
    }),
  ]
  res.setHeader('Set-Cookie', setCookies)
  res.json({
    cookies,
    visits,
    parsedBack: parseSetCookie(setCookies[1]),
    header: stringifyCookie({ a: '1', b: 'x y' }),
  })
}
