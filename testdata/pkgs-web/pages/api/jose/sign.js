// jose: generate a key (or secret), sign a JWT, verify it, and hand back the
// token with the public key as a JWK so that the caller can verify it too.
import { SignJWT, jwtVerify, generateKeyPair, exportJWK, decodeProtectedHeader } from 'jose'

const ALGS = ['HS256', 'RS256', 'ES256', 'EdDSA']

export default async function handler(req, res) {
  const alg = req.query.alg
  if (!ALGS.includes(alg)) {
    res.status(400).json({ error: `alg must be one of ${ALGS.join(', ')}` })
    return
  }
  let signKey, verifyKey
  if (alg === 'HS256') {
    // The shared secret comes from the environment, as it would in production.
    signKey = verifyKey = new TextEncoder().encode(process.env.JWT_SECRET)
  } else {
    const pair = await generateKeyPair(alg, alg === 'EdDSA' ? { crv: 'Ed25519' } : {})
    signKey = pair.privateKey
    verifyKey = pair.publicKey
  }
  const token = await new SignJWT({ role: 'admin', sub: req.query.sub || 'user-1' })
    .setProtectedHeader({ alg, kid: 'k1' })
    .setIssuedAt(1700000000)
    .setIssuer('urn:gojaapi:issuer')
    .setAudience('urn:gojaapi:audience')
    .setExpirationTime('2h')
    .sign(signKey)
  const { payload, protectedHeader } = await jwtVerify(token, verifyKey, {
    issuer: 'urn:gojaapi:issuer',
    audience: 'urn:gojaapi:audience',
    currentDate: new Date(1700000100 * 1000),
  })
  // A tampered token must fail.
  const [h, p, s] = token.split('.')
  const forged = [h, Buffer.from(JSON.stringify({ ...payload, role: 'root' })).toString('base64url'), s].join('.')
  let tampered = 'accepted'
  try {
    await jwtVerify(forged, verifyKey, { currentDate: new Date(1700000100 * 1000) })
  } catch (e) {
    tampered = e.code
  }
  res.status(200).json({
    token,
    header: decodeProtectedHeader(token),
    verified: { payload, protectedHeader },
    tampered,
    jwk: alg === 'HS256' ? null : await exportJWK(verifyKey),
  })
}
