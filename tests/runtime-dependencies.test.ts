// An agency installs jiuzhu for its gate with `npm ci --omit=dev`: every module an audit loads
// (the command, the loader, Cucumber, the step definitions, the reports) must then be there.
// Checked in a process of its own, whose module cache holds only what the audit loaded.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';

const ROOT = path.join(__dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

/** The packages under node_modules that a `jiuzhu audit` of `exportPath` loads, by package name. */
function packagesAnAuditLoads(exportPath: string): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuzhu-deps-'));
  const loaded = path.join(dir, 'loaded.json');
  // The command as installed runs it (bin/jiuzhu.js: compiled dist/, else ts-node); on exit the
  // process writes every file in its module cache.
  const script = [
    `process.argv = ${JSON.stringify(['node', 'jiuzhu', 'audit', exportPath, '--out', path.join(dir, 'out'), '--fail-on', 'never'])};`,
    `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(loaded)}, JSON.stringify(Object.keys(require.cache))));`,
    `require('./bin/jiuzhu.js');`,
  ].join('\n');
  try {
    // It runs dist/, whose coverage c8 does not count (as the CLI tests' children).
    const r = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_V8_COVERAGE: '' } });
    expect(r.status, r.stderr).to.equal(0);
    const files: string[] = JSON.parse(fs.readFileSync(loaded, 'utf8'));
    const names = files.flatMap((f) => /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(f)?.[1].replace(/\\/g, '/') ?? []);
    return [...new Set(names)];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('what an audit needs at run time', function () {
  this.timeout(120_000);

  it('loads no development dependency, so an install without them (npm ci --omit=dev) can audit', () => {
    const loaded = packagesAnAuditLoads('examples/naiman-2024');
    expect(loaded).to.include('@cucumber/cucumber');
    expect(loaded).to.include('@duckdb/node-api');
    expect(loaded.filter((name) => name in (pkg.devDependencies ?? {}))).to.deep.equal([]);
  });
});
