import { ApolloServer } from '@apollo/server'
import { typeDefs, resolvers } from '../../lib/schema'

const server = new ApolloServer({ typeDefs, resolvers })

export default async function handler(req, res) {
  const response = await server.executeOperation({
    query: 'query Book($id: ID!) { book(id: $id) { title author { name } } }',
    variables: { id: String(req.query.id ?? '1') },
  })
  res.json(response.body)
}
