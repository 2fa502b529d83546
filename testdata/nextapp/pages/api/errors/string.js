export default function handler() {
  throw 'a plain string'
}
