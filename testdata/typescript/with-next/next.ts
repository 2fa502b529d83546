// Checked only with `next` installed. NextConfig is next's own: the
// declarations for projects without next must not hide next's types. And
// next's own NextApiRequest, where next declares it, has gained req.context.
import type { NextConfig } from 'next'
import type { NextApiRequest } from 'next/dist/shared/lib/utils'

export const nextConfig: NextConfig = { reactStrictMode: true }

export function userName(req: NextApiRequest): string | undefined {
  return req.context.user?.name
}
