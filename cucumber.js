// Cucumber profiles. `default` is what `npm test` runs: every spec and fixture scenario.
// @audit scenarios need an export under audit and run through `jiuzhu audit`; a @定义 scenario
// defines a vocabulary rule (policies/vocabulary) and is read, not run.
const common = {
  require: ['steps/world.ts', 'steps/parameter-types.ts', 'steps/*.steps.ts'],
  requireModule: ['ts-node/register/transpile-only'],
  strict: true,
};

module.exports = {
  // Two workers: the machine's two cores; each worker shares one DuckDB instance among its scenarios.
  default: { ...common, tags: 'not @audit and not @定义 and not @definition', parallel: 2, format: ['progress', 'junit:reports/cucumber-junit.xml'] },
};
