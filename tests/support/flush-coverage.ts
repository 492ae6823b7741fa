// Mocha's parallel workers are killed, not exited, when the run ends, so V8 never writes their
// coverage (mochajs/mocha#6219): each worker writes it after every test file instead.
import v8 from 'node:v8';

export const mochaHooks = {
  afterAll(): void {
    if (process.env.NODE_V8_COVERAGE) v8.takeCoverage();
  },
};
