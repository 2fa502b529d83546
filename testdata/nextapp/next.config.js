// The fixture app is its own workspace (testdata/ has a lockfile of its own).
module.exports = {
  turbopack: { root: __dirname },
  outputFileTracingRoot: __dirname,
}
