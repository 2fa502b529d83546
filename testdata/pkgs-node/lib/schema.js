// A small schema shared by the graphql-js and Apollo Server routes.
export const typeDefs = /* GraphQL */ `
  type Book {
    id: ID!
    title: String!
    author: Author!
  }
  type Author {
    name: String!
    books: [Book!]!
  }
  type Query {
    books(first: Int): [Book!]!
    book(id: ID!): Book
    hello(name: String = "world"): String!
  }
  type Mutation {
    addBook(title: String!, author: String!): Book!
  }
`

const authors = { tolkien: { name: 'J. R. R. Tolkien' }, herbert: { name: 'Frank Herbert' } }
const books = [
  { id: '1', title: 'The Hobbit', author: 'tolkien' },
  { id: '2', title: 'Dune', author: 'herbert' },
  { id: '3', title: 'The Silmarillion', author: 'tolkien' },
]

export const resolvers = {
  Query: {
    books: (_, { first }) => (first == null ? books : books.slice(0, first)),
    book: async (_, { id }) => books.find((b) => b.id === id) ?? null,
    hello: (_, { name }) => `Hello, ${name}!`,
  },
  Mutation: {
    addBook: (_, { title, author }) => ({ id: String(books.length + 1), title, author: author }),
  },
  Book: {
    author: (book) => authors[book.author] ?? { name: book.author },
  },
  Author: {
    books: (author) => books.filter((b) => authors[b.author] === author),
  },
}
