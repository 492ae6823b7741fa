#!/usr/bin/env node
// Runs the type check of the tests, mocha and Cucumber at the same time: run one after the
// other, the cores sit half idle while tsc checks (one thread) and while each suite's slowest
// files finish. Mocha keeps its two workers; Cucumber runs in one process, as each more
// process of its own costs ~3.5 s of CPU to start (steps, engine, features) on cores mocha keeps
// busy. Mocha prints as it goes; the others' output is held until mocha is done, so they never
// interleave. The exit code is the first failing job's. c8 sees mocha and Cucumber: its
// NODE_V8_COVERAGE reaches every child but tsc, whose coverage nobody reads (and costs tsc a
// quarter more CPU). Node hands NODE_V8_COVERAGE to a child whose env lacks it; empty turns it off.
// `npm test` builds dist/ first (the CLI tests spawn it), so tsc only checks the tests here.
const { spawn } = require('node:child_process');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const bin = (name) => path.join(ROOT, 'node_modules', '.bin', name);

function run(name, args, stdio, env = process.env) {
  const child = spawn(process.execPath, [bin(name), ...args], { cwd: ROOT, stdio, env });
  const done = new Promise((resolve) => {
    child.on('error', (e) => {
      process.stderr.write(`${name}: ${e.message}\n`);
      resolve(1);
    });
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
  return { child, done };
}

/** Output of a job that is not mocha: written after mocha's, then live. */
function held(job) {
  const chunks = [];
  const state = { live: false };
  for (const [from, to] of [[job.child.stdout, process.stdout], [job.child.stderr, process.stderr]])
    from.on('data', (chunk) => (state.live ? to.write(chunk) : chunks.push([to, chunk])));
  return () => {
    for (const [to, chunk] of chunks) to.write(chunk);
    state.live = true;
  };
}

async function main() {
  const tsc = run('tsc', ['-b', 'tsconfig.test.json'], ['ignore', 'pipe', 'pipe'], { ...process.env, NODE_V8_COVERAGE: '' });
  const mocha = run('mocha', [], 'inherit');
  const cucumber = run('cucumber-js', ['--parallel', '0'], ['ignore', 'pipe', 'pipe']);
  const [showTsc, showCucumber] = [held(tsc), held(cucumber)];
  const mochaCode = await mocha.done;
  showCucumber();
  const cucumberCode = await cucumber.done;
  showTsc();
  const tscCode = await tsc.done;
  if (tscCode) process.stderr.write(`tsc -b tsconfig.test.json: exit ${tscCode} (type errors above)\n`);
  process.exitCode = tscCode || mochaCode || cucumberCode;
}

main();
