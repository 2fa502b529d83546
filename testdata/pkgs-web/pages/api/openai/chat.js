// openai: one chat completion, answered as JSON.
import { client } from '../../../lib/openai'

export default async function handler(req, res) {
  const completion = await client(req).chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: req.body.prompt }],
  })
  res.status(200).json({
    id: completion.id,
    text: completion.choices[0].message.content,
    tokens: completion.usage.total_tokens,
  })
}
