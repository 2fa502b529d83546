// stripe: create a customer through the API. The API host comes from the
// X-Upstream request header (a local fake in the tests). ?client=fetch uses
// the SDK's fetch-based HTTP client; otherwise the default one of the Node
// build (Node's https module).
import Stripe from 'stripe'

export default async function handler(req, res) {
  const url = new URL(req.headers['x-upstream'])
  const stripe = new Stripe(process.env.STRIPE_SECRET_KEY, {
    host: url.hostname,
    port: url.port,
    protocol: url.protocol.replace(':', ''),
    maxNetworkRetries: 0,
    telemetry: false,
    ...(req.query.client === 'fetch' ? { httpClient: Stripe.createFetchHttpClient() } : {}),
  })
  try {
    const customer = await stripe.customers.create({ email: req.body.email, metadata: { plan: 'pro' } })
    res.status(200).json({ id: customer.id, email: customer.email, object: customer.object })
  } catch (e) {
    res.status(502).json({ type: e.type, message: e.message, cause: e.detail?.code })
  }
}
