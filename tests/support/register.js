// TypeScript for the test runs (mocha, Cucumber and the children they start), transpiled by
// SWC: about a quarter of the CPU time TypeScript's own transpiler takes, paid once per process,
// and a test run starts six of them. Types are checked apart, by `npm run typecheck`.
require('ts-node').register({ transpileOnly: true, swc: true });
