import { graphql, buildSchema, GraphQLSchema, GraphQLObjectType, GraphQLString, GraphQLInt, GraphQLList } from 'graphql'

// Schema-first, with a root value.
const sdl = buildSchema(`
  type Query {
    hello(name: String): String
    sum(a: Int!, b: Int!): Int
  }
`)
const root = {
  hello: ({ name }) => `Hello, ${name ?? 'world'}!`,
  sum: ({ a, b }) => a + b,
}

// Code-first, with async resolvers.
const Point = new GraphQLObjectType({
  name: 'Point',
  fields: { x: { type: GraphQLInt }, y: { type: GraphQLInt } },
})
const codeFirst = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      points: {
        type: new GraphQLList(Point),
        args: { n: { type: GraphQLInt } },
        resolve: async (_, { n }) => Array.from({ length: n }, (_, i) => ({ x: i, y: i * i })),
      },
      greeting: { type: GraphQLString, resolve: () => 'hi' },
    },
  }),
})

export default async function handler(req, res) {
  const { query, variables, schema } = req.method === 'POST' ? req.body : req.query
  const result = await graphql({
    schema: schema === 'code' ? codeFirst : sdl,
    source: query,
    rootValue: root,
    variableValues: typeof variables === 'string' ? JSON.parse(variables) : variables,
  })
  res.status(result.errors ? 400 : 200).json(result)
}
