// process.env: the .env files, NODE_ENV, and only the server variables exposed.
export default function handler(req, res) {
  res.json({
    greeting: process.env.GREETING,
    loud: process.env.GREETING_LOUD,
    nodeEnv: process.env.NODE_ENV,
    pathVisible: process.env.PATH !== undefined,
    exposed: process.env.GOJAAPI_TEST_EXPOSED,
  })
}
