#!/usr/bin/env node
// Runs mocha and Cucumber at the same time, each with its own two workers: run one after the
// other, the cores sit half idle while each suite's slowest files finish. Mocha prints as it
// goes; Cucumber's output is held until mocha is done, so the two never interleave. The exit
// code is the first failing suite's. c8 sees both: its NODE_V8_COVERAGE reaches every child.
const { spawn } = require('node:child_process');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const bin = (name) => path.join(ROOT, 'node_modules', '.bin', name);

function run(name, args, stdio) {
  const child = spawn(process.execPath, [bin(name), ...args], { cwd: ROOT, stdio });
  const done = new Promise((resolve) => {
    child.on('error', (e) => {
      process.stderr.write(`${name}: ${e.message}\n`);
      resolve(1);
    });
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
  return { child, done };
}

async function main() {
  const mocha = run('mocha', [], 'inherit');
  const cucumber = run('cucumber-js', [], ['ignore', 'pipe', 'pipe']);
  const held = [];
  let live = false;
  for (const [from, to] of [[cucumber.child.stdout, process.stdout], [cucumber.child.stderr, process.stderr]])
    from.on('data', (chunk) => (live ? to.write(chunk) : held.push([to, chunk])));
  const mochaCode = await mocha.done;
  for (const [to, chunk] of held) to.write(chunk);
  live = true;
  const cucumberCode = await cucumber.done;
  process.exitCode = mochaCode || cucumberCode;
}

main();
