// openai: a streamed chat completion (server-sent events from the upstream),
// consumed with for await and answered with the assembled text.
import { client } from '../../../lib/openai'

export default async function handler(req, res) {
  const stream = await client(req).chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: req.body.prompt }],
    stream: true,
  })
  let text = ''
  let chunks = 0
  let finish = null
  for await (const chunk of stream) {
    chunks++
    text += chunk.choices[0]?.delta?.content || ''
    finish = chunk.choices[0]?.finish_reason ?? finish
  }
  res.status(200).json({ text, chunks, finish })
}
