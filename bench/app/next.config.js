// The benchmark app is its own workspace (the repository has other lockfiles).
module.exports = {
  turbopack: { root: __dirname },
  outputFileTracingRoot: __dirname,
}
