// Mocha's parallel workers are ended by workerpool with a message, then a SIGTERM if they have not
// exited within a second (mochajs/mocha#6219): V8 writing a worker's coverage at exit may not
// finish in time. So each worker writes its coverage when that message arrives, once, rather
// than after every test file (which wrote ~470 MB of dumps for c8 to merge), and a SIGTERM
// waits for the write instead of cutting it short.
import v8 from 'node:v8';

const TERMINATE = '__workerpool-terminate__';

if (process.env.NODE_V8_COVERAGE && process.send) {
  process.prependListener('message', (message) => {
    if (message === TERMINATE) v8.takeCoverage();
  });
  process.on('SIGTERM', () => process.exit(0));
}
