export default async function handler() {
  await null
  throw new Error('Async user error')
}
