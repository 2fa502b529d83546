// @supabase/supabase-js: select rows from a table through PostgREST. The
// project URL comes from the X-Upstream request header, the anon key from the
// environment.
//
// supabase-js creates its realtime client eagerly and needs a global
// WebSocket for it (Node 22+; Node 20, like this runtime, has none). A route
// that does not use realtime passes a transport that fails only if a channel
// is ever opened; ?as-written=1 calls createClient without it.
import { createClient } from '@supabase/supabase-js'

class NoWebSocket {
  constructor() {
    throw new Error('realtime needs a WebSocket, which this runtime does not have')
  }
}

export default async function handler(req, res) {
  let supabase
  try {
    supabase = createClient(req.headers['x-upstream'], process.env.SUPABASE_ANON_KEY, {
      auth: { persistSession: false, autoRefreshToken: false },
      ...(req.query['as-written'] ? {} : { realtime: { transport: NoWebSocket } }),
    })
  } catch (e) {
    res.status(500).json({ createClient: e.message })
    return
  }
  const { data, error } = await supabase
    .from('countries')
    .select('id, name')
    .eq('continent', req.query.continent)
    .order('name')
    .limit(2)
  if (error) {
    res.status(500).json({ error })
    return
  }
  const { error: missing } = await supabase.from('nope').select()
  res.status(200).json({ data, missing })
}
