// jose: verify a bearer token against the JWKS of an identity provider,
// fetched (and cached) with createRemoteJWKSet. The JWKS URL comes from the
// environment, as in production.
import { createRemoteJWKSet, jwtVerify, errors } from 'jose'

let jwks
function keySet() {
  jwks ??= createRemoteJWKSet(new URL(process.env.JWKS_URL))
  return jwks
}

export default async function handler(req, res) {
  const auth = req.headers.authorization || ''
  const token = auth.startsWith('Bearer ') ? auth.slice(7) : ''
  try {
    const { payload, protectedHeader } = await jwtVerify(token, keySet(), {
      issuer: 'https://issuer.example',
      audience: 'gojaapi',
    })
    res.status(200).json({ sub: payload.sub, alg: protectedHeader.alg, kid: protectedHeader.kid })
  } catch (e) {
    res.status(401).json({ code: e.code, jose: e instanceof errors.JOSEError, message: e.message })
  }
}
