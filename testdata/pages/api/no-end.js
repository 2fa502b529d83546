// Resolves without ending the response: next start hangs; gojaapi answers
// 504 after --timeout, and in dev warns as next dev does.
export default async function handler(req, res) {
  res.setHeader('X-Started', '1')
}
