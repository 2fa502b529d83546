export default function handler() {
  throw new Error('User error')
}
