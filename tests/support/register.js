// TypeScript for the test runs (mocha, Cucumber and the children they start), transpiled by
// SWC: about a quarter of the CPU time TypeScript's own transpiler takes, paid once per process,
// and a test run starts six of them. Types are checked apart, by `npm run typecheck`.
require('ts-node').register({ transpileOnly: true, swc: true });
// One DuckDB thread per test process: a run has four or more of them on two cores, and a test's
// tiny query spends more waking a second thread than it gains (15–20 % less CPU, measured).
process.env.JIUZHU_THREADS ??= '1';
