// Next.js's "API Routes with GraphQL" example (api-routes-graphql), as
// written: a graphql-yoga instance is the default export.
import { createSchema, createYoga } from 'graphql-yoga'
import type { NextApiRequest, NextApiResponse } from 'next'

export const config = {
  api: {
    // Disable body parsing (required for file uploads)
    bodyParser: false,
  },
}

const schema = createSchema({
  typeDefs: /* GraphQL */ `
    type Query {
      users: [User!]!
    }
    type User {
      name: String
    }
  `,
  resolvers: {
    Query: {
      users() {
        return [{ name: 'Nextjs' }]
      },
    },
  },
})

export default createYoga<{
  req: NextApiRequest
  res: NextApiResponse
}>({
  schema,
  // Needed to be defined explicitly because our endpoint lives at a different path other than `/graphql`
  graphqlEndpoint: '/api/graphql',
})
