import jwt from 'jsonwebtoken'
import { privateKey, publicKey } from '../../lib/keys'

const secret = 'a-very-secret-secret-of-32-bytes'

function verify(token, key, options) {
  try {
    return { ok: true, payload: jwt.verify(token, key, options) }
  } catch (err) {
    return { ok: false, name: err.name, message: err.message, expiredAt: err.expiredAt }
  }
}

export default function handler(req, res) {
  const iat = 1700000000
  const claims = { sub: 'user-42', role: 'admin', iat }
  const hs = jwt.sign(claims, secret, { algorithm: 'HS256', expiresIn: '1h', issuer: 'gojaapi' })
  const rs = jwt.sign(claims, privateKey, { algorithm: 'RS256', expiresIn: 3600, keyid: 'k1' })
  const expired = jwt.sign({ sub: 'old', exp: Math.floor(Date.now() / 1000) - 60 }, secret)
  res.json({
    hs,
    rs,
    hsVerified: verify(hs, secret, { algorithms: ['HS256'], issuer: 'gojaapi', clockTimestamp: iat + 10 }),
    rsVerified: verify(rs, publicKey, { algorithms: ['RS256'], clockTimestamp: iat + 10 }),
    rsHeader: jwt.decode(rs, { complete: true }).header,
    expired: { ...verify(expired, secret), expiredAt: undefined, isDate: verify(expired, secret).expiredAt instanceof Date },
    wrongSecret: verify(hs, 'other-secret', { clockTimestamp: iat + 10 }),
    wrongAlg: verify(rs, publicKey, { algorithms: ['HS256'], clockTimestamp: iat + 10 }),
    bearer: req.headers.authorization ? verify(req.headers.authorization.replace(/^Bearer /, ''), secret) : null,
  })
}
