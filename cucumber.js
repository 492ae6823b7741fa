// Cucumber profiles. `default` is what `npm test` runs: every spec and fixture scenario.
// @audit scenarios need an export under audit and run through `jiuzhu audit`; a @定义 scenario
// defines a vocabulary rule (policies/vocabulary) and is read, not run.
const common = {
  require: ['steps/world.ts', 'steps/parameter-types.ts', 'steps/*.steps.ts'],
  // ts-node with SWC (tests/support/register.js); required by absolute path, as Cucumber requires it from its own folder.
  requireModule: [require('node:path').join(__dirname, 'tests', 'support', 'register.js')],
  strict: true,
};

module.exports = {
  // Two workers: the machine's two cores; each worker shares one DuckDB instance among its scenarios.
  default: { ...common, tags: 'not @audit and not @定义 and not @definition', parallel: 2, format: ['progress', 'junit:reports/cucumber-junit.xml'] },
};
