// One OpenAI client per upstream. The API key comes from the environment;
// the base URL from the X-Upstream request header (a test points it at a
// local fake of the API; in production it would be an env variable too).
import OpenAI from 'openai'

const clients = new Map()

export function client(req) {
  const baseURL = req.headers['x-upstream']
  if (!clients.has(baseURL)) {
    clients.set(baseURL, new OpenAI({ apiKey: process.env.OPENAI_API_KEY, baseURL, maxRetries: 0 }))
  }
  return clients.get(baseURL)
}
