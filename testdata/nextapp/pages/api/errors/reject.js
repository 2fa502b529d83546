export default async function handler() {
  await new Promise((r) => setTimeout(r, 5))
  throw new Error('Async user error')
}
