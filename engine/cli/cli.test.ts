// The command line as a CI system sees it: exit codes and what lands in stdout, stderr and
// the report folder. Cases about the process boundary itself (exit status 0, 1 and 2, stderr
// without a stack trace, two processes writing one folder) run the real `bin/jiuzhu.js` in a
// child process; the rest call the same entry point in this process, which is the same code
// minus the start-up.
import { expect } from 'chai';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../tests/support/cli';

const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'jiuzhu.js');
const FIX = (p: string) => path.join(ROOT, 'tests', 'fixtures', 'exports', p);

// A child runs the compiled dist/, which the coverage report does not count (it counts the
// TypeScript sources), so it writes no coverage for c8 to merge. Node passes NODE_V8_COVERAGE to
// a child whose env lacks it: an empty value is what turns it off.
const CHILD_ENV = { ...process.env, NODE_V8_COVERAGE: '' };

/** Runs in a child process: for what only a process shows (its exit status, its streams). */
function spawned(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...CHILD_ENV, FORCE_COLOR: '0' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const made: string[] = [];
after(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function tmp(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuzhu-cli-'));
  made.push(dir);
  return dir;
}

function writeExport(files: Record<string, string>): string {
  const dir = tmp();
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

const META = JSON.stringify({ schema_version: '1.0', exported_at: '2024-12-31T18:00:00+08:00', source_system: 't', region_code: '150525', region_name: '奈曼旗', period: { from: '2024-01-01', to: '2024-12-31' } });

describe('jiuzhu audit', function () {
  this.timeout(120_000);
  // `audit notices-basic.json --out <dir>` with the defaults, run once: the two tests below read it.
  let basic: { out: string; run: Awaited<ReturnType<typeof runCli>> };
  before(async () => {
    const out = tmp();
    basic = { out, run: await runCli('audit', FIX('notices-basic.json'), '--out', out) };
  });

  it('exits 1 and writes every report format when findings reach --fail-on', async () => {
    const { out, run: r } = basic;
    expect(r.code, r.stderr).to.equal(1);
    expect(fs.readdirSync(out).sort()).to.deep.equal(['compliance-junit.xml', 'compliance.html', 'compliance.json', 'compliance.md']);
    const report = JSON.parse(fs.readFileSync(path.join(out, 'compliance.json'), 'utf8'));
    expect(report.summary.verdict).to.equal('fail');
    expect(report.profile.chain).to.deep.equal(['neimenggu-naiman', 'national']);
  });

  it('masks ID and phone numbers in every report unless --show-personal-data is given', async () => {
    const masked = basic.out;
    for (const f of fs.readdirSync(masked)) {
      const text = fs.readFileSync(path.join(masked, f), 'utf8');
      expect(text, f).not.to.include('150525197503010112');
      expect(text, f).not.to.include('13912345678');
    }
    const shown = tmp();
    await runCli('audit', FIX('notices-basic.json'), '--out', shown, '--format', 'json', '--show-personal-data');
    expect(fs.readFileSync(path.join(shown, 'compliance.json'), 'utf8')).to.include('150525197503010112');
  });

  it('exits 0 with --fail-on never, and the verdict and the JUnit say pass', async () => {
    const out = tmp();
    const r = await runCli('audit', FIX('notices-basic.json'), '--out', out, '--format', 'json,junit', '--fail-on', 'never');
    expect(r.code, r.stderr).to.equal(0);
    expect(JSON.parse(fs.readFileSync(path.join(out, 'compliance.json'), 'utf8')).summary.verdict).to.equal('pass');
    const junit = fs.readFileSync(path.join(out, 'compliance-junit.xml'), 'utf8');
    expect(junit).to.match(/<testsuites [^>]*failures="0" errors="0"/);
    expect(junit).not.to.include('<failure');
  });

  // Two real processes: also the exit status a CI system sees, 1 with findings at --fail-on and 0 without.
  it('leaves every report whole and from one run when two audits write into one --out at once, each process exiting with its own status', async () => {
    const out = tmp();
    const run = (fixture: string) =>
      new Promise<number | null>((resolve) => spawn(process.execPath, [BIN, 'audit', FIX(fixture), '--out', out], { cwd: ROOT, stdio: 'ignore', env: CHILD_ENV }).on('exit', resolve));
    const codes = await Promise.all([run('notices-basic.json'), run('notices-clean.json')]);
    expect(codes).to.deep.equal([1, 0]);
    expect(fs.readdirSync(out).sort()).to.deep.equal(['compliance-junit.xml', 'compliance.html', 'compliance.json', 'compliance.md']);
    const read = (f: string) => fs.readFileSync(path.join(out, f), 'utf8');
    const json = JSON.parse(read('compliance.json'));
    const junit = read('compliance-junit.xml');
    expect(junit).to.match(/<\/testsuites>\n$/);
    expect(junit).to.include(`timestamp="${json.generated_at}"`).and.to.include(`<property name="export" value="${json.export.path}"/>`);
    expect(read('compliance.md')).to.include(`生成时间 / generated: ${json.generated_at}`).and.to.include(`\`${json.export.path}\``);
    expect(read('compliance.html')).to.include(json.generated_at).and.to.match(/<\/html>\s*$/);
  });

  it('exits 0 on an export with nothing at or above --fail-on', async () => {
    const r = await runCli('audit', FIX('notices-clean.json'), '--out', tmp(), '--format', 'json');
    expect(r.code, r.stdout + r.stderr).to.equal(0);
    expect(r.stdout).to.match(/^通过 PASS/);
  });

  it('runs only the rules a tag expression selects', async () => {
    const out = tmp();
    const r = await runCli('audit', FIX('notices-basic.json'), '--out', out, '--format', 'json', '--tags', '@NOTICE-MINORS');
    expect(r.code).to.equal(1);
    const report = JSON.parse(fs.readFileSync(path.join(out, 'compliance.json'), 'utf8'));
    expect(report.rules.map((x: { id: string }) => x.id)).to.deep.equal(['NOTICE-MINORS']);
  });

  it('exits 2 when a tag expression selects no rule: an empty run is never a pass', async () => {
    const r = await runCli('audit', FIX('notices-basic.json'), '--out', tmp(), '--tags', '@NO-SUCH-RULE');
    expect(r.code).to.equal(2);
    expect(r.stderr).to.include('no rule ran');
  });

  it('exits 2 on a path that does not exist, with one line and no stack trace', async () => {
    const r = spawned('audit', '/no/such/export.json');
    expect(r.code).to.equal(2);
    expect(r.stderr).to.include('export not found: /no/such/export.json');
    expect(r.stderr).not.to.match(/\n\s+at /);
  });

  it('exits 2 on malformed JSON, naming the file and line', async () => {
    const dir = writeExport({ 'meta.json': META, 'households.ndjson': '{"household_id":"H1"}\n{"household_id": \n' });
    const r = await runCli('audit', dir);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.include(`${path.join(dir, 'households.ndjson')}:2: malformed JSON`);
  });

  it('exits 2 when meta.schema_version is missing or wrong', async () => {
    const missing = writeExport({ 'meta.json': JSON.stringify({ ...JSON.parse(META), schema_version: undefined }) });
    expect((await runCli('audit', missing)).stderr).to.include('meta.schema_version is missing');
    const wrong = writeExport({ 'meta.json': JSON.stringify({ ...JSON.parse(META), schema_version: '2.0' }) });
    const r = await runCli('audit', wrong);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.include('unsupported meta.schema_version "2.0"');
  });

  it('exits 2 on a file for an unknown collection', async () => {
    const r = await runCli('audit', writeExport({ 'meta.json': META, 'familys.ndjson': '' }));
    expect(r.code).to.equal(2);
    expect(r.stderr).to.include('unknown collection "familys"');
  });

  it('exits 2 on an export with no records unless --allow-empty', async () => {
    const dir = writeExport({ 'meta.json': META, 'households.ndjson': '\n' });
    const r = await runCli('audit', dir);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.include('the export holds no records');
  });

  it('exits 2 on an unknown profile', async () => {
    const r = await runCli('audit', FIX('notices-basic.json'), '--profile', 'atlantis');
    expect(r.code).to.equal(2);
    expect(r.stderr).to.include('unknown policy profile "atlantis"');
  });

  it('exits 2 on a usage mistake, with one Chinese and one English line', async () => {
    expect((await runCli('audit')).code).to.equal(2);
    const r = await runCli('audit', FIX('notices-basic.json'), '--fail-on', 'sometimes');
    expect(r.code).to.equal(2);
    expect(r.stderr).to.equal(
      'jiuzhu: 选项 --fail-on 的取值 "sometimes" 无效(可用: error, warning, never)(见 --help)\n' +
        "jiuzhu: option '--fail-on <severity>' argument 'sometimes' is invalid. Allowed choices are error, warning, never. (see --help)\n",
    );
    expect((await runCli('audit', FIX('notices-basic.json'), '--format', 'pdf')).stderr).to.include('unknown report format "pdf"');
  });

  it('keeps the loaded tables in a DuckDB file with --db', async () => {
    const db = path.join(tmp(), 'audit.duckdb');
    const r = await runCli('audit', FIX('notices-basic.json'), '--out', tmp(), '--format', 'json', '--db', db);
    expect(r.code, r.stderr).to.equal(1);
    expect(fs.statSync(db).size).to.be.greaterThan(0);
  });

  it('explains every option in Chinese and English', async () => {
    const r = await runCli('audit', '--help');
    expect(r.code).to.equal(0);
    for (const option of ['--profile', '--out', '--format', '--fail-on', '--tags', '--db', '--allow-empty', '--show-personal-data']) expect(r.stdout).to.include(option);
    expect(r.stdout).to.include('审计一份导出数据').and.to.include('audit a case export');
    expect((await runCli('--help')).stdout).to.include('退出码 / exit codes');
  });
});
