// A synchronous infinite loop: the worker must be interrupted and replaced.
export default function handler(req, res) {
  // eslint-disable-next-line no-constant-condition
  while (true) {}
}
