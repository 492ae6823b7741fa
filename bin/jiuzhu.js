#!/usr/bin/env node
// The `jiuzhu` command. It runs the compiled JavaScript in dist/ (built by `npm ci`/`npm install`
// through the `prepare` script), so no TypeScript is compiled at start-up; a checkout without a
// build falls back to ts-node (transpile only). Types are checked by `npm test`.
const fs = require('node:fs');
const path = require('node:path');
const root = path.join(__dirname, '..');
const compiled = path.join(root, 'dist', 'engine', 'cli', 'main.js');
let entry = compiled;
if (!fs.existsSync(compiled)) {
  require('ts-node').register({ transpileOnly: true, project: path.join(root, 'tsconfig.json') });
  entry = path.join(root, 'engine', 'cli', 'main');
}
require(entry)
  .main(process.argv)
  .then((code) => {
    process.exitCode = code;
  });
