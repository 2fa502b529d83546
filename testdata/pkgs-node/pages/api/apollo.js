import { ApolloServer } from '@apollo/server'
import { startServerAndCreateNextHandler } from '@as-integrations/next'
import { typeDefs, resolvers } from '../../lib/schema'

const server = new ApolloServer({ typeDefs, resolvers })

export default startServerAndCreateNextHandler(server, {
  context: async (req) => ({ user: req.headers['x-user'] ?? null }),
})
