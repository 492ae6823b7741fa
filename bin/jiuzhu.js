#!/usr/bin/env node
// The `jiuzhu` command. TypeScript runs through ts-node (transpile only); types are checked by `npm test`.
const path = require('node:path');
require('ts-node').register({ transpileOnly: true, project: path.join(__dirname, '..', 'tsconfig.json') });
require('../engine/cli/main')
  .main(process.argv)
  .then((code) => {
    process.exitCode = code;
  });
