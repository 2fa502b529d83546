// Module state: one instance per worker, shared by every route that imports it.
let evaluations = 0
let hits = 0
evaluations++
export function hit() {
  hits++
  return { evaluations, hits }
}
