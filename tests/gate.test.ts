// The gate an adopting system runs in CI, end to end through the command line: audit → baseline
// → a changed export → audit with the baseline (only the new finding fails) → a waiver for it →
// the waiver expires → diff; then the edges one per test.
import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { runCli } from './support/cli';

const ROOT = path.resolve(__dirname, '..');
const BASIC = path.join(ROOT, 'tests', 'fixtures', 'exports', 'notices-basic.json');

const made: string[] = [];
after(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
function tmp(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuzhu-gate-'));
  made.push(dir);
  return dir;
}

/** notices-basic plus one notice, N907: a copy of N007 (posted for too short a period), so exactly one more finding. */
function changedExport(dir: string): string {
  const data = JSON.parse(fs.readFileSync(BASIC, 'utf8'));
  const n007 = data.notices.find((n: { notice_id: string }) => n.notice_id === 'N007');
  data.notices.push({ ...n007, notice_id: 'N907' });
  const file = path.join(dir, 'changed.json');
  fs.writeFileSync(file, JSON.stringify(data, null, 2));
  return file;
}

const report = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, 'compliance.json'), 'utf8'));

function waiverFile(dir: string, expires: string, target = 'record: { collection: notices, id: N907 }'): string {
  const file = path.join(dir, `waivers-${expires}.yaml`);
  fs.writeFileSync(
    file,
    ['waivers:', '  - rule: NOTICE-PERIOD', `    ${target}`, '    reason: 公示期补足中 / notice re-posted for the full period', '    approved_by: 民政局社会救助科', '    document: 奈民发〔2024〕12号', `    expires: ${expires}`, ''].join('\n'),
  );
  return file;
}

describe('gate: baseline, waivers and diff', function () {
  this.timeout(120_000);
  const dir = tmp();
  let changed: string;

  before(async () => {
    changed = changedExport(dir);
    expect((await runCli('audit', BASIC, '--out', path.join(dir, 'day1'), '--format', 'json')).code).to.equal(1);
    expect((await runCli('baseline', BASIC, '--out', path.join(dir, 'baseline.json'))).code).to.equal(0);
  });

  it('fails with a baseline only for the finding not in it, marking it new and the rest known', async () => {
    const run = await runCli('audit', changed, '--out', path.join(dir, 'day2'), '--baseline', path.join(dir, 'baseline.json'));
    expect(run.code).to.equal(1);
    const r = report(path.join(dir, 'day2'));
    const fresh = r.findings.filter((f: { status: string }) => f.status === 'new');
    expect(fresh.map((f: { rule: string; record: { id: string } }) => `${f.rule} ${f.record.id}`)).to.deep.equal(['NOTICE-PERIOD N907']);
    expect(r.findings.filter((f: { status: string }) => f.status === 'known')).to.have.length(r.findings.length - 1);
    expect(r.summary.findings.at_or_above_fail_on).to.equal(1);
    expect(r.gate.resolved).to.deep.equal([]);
    expect(run.stdout).to.contain('新 new 1, 已知 known 16');
    expect(fs.readFileSync(path.join(dir, 'day2', 'compliance.md'), 'utf8')).to.match(/\| new \| error \| notices N907 /);
    const junit = fs.readFileSync(path.join(dir, 'day2', 'compliance-junit.xml'), 'utf8');
    expect(junit.match(/<failure /g)).to.have.length(1);
    expect(fs.readFileSync(path.join(dir, 'day2', 'compliance.html'), 'utf8')).to.contain('class="status status-new"');
  });

  it('passes when a waiver in force covers the new finding, showing it as waived', async () => {
    const run = await runCli('audit', changed, '--out', path.join(dir, 'day3'), '--baseline', path.join(dir, 'baseline.json'), '--waivers', waiverFile(dir, '2025-06-30'), '--today', '2025-01-15');
    expect(run.code, run.stderr).to.equal(0);
    const f = report(path.join(dir, 'day3')).findings.find((x: { record: { id: string } }) => x.record.id === 'N907');
    expect(f.status).to.equal('waived');
    expect(f.waiver).to.include({ rule: 'NOTICE-PERIOD', document: '奈民发〔2024〕12号', expires: '2025-06-30', approved_by: '民政局社会救助科' });
  });

  it('fails again once the waiver has expired, and says so', async () => {
    const run = await runCli('audit', changed, '--out', path.join(dir, 'day4'), '--baseline', path.join(dir, 'baseline.json'), '--waivers', waiverFile(dir, '2025-06-30'), '--today', '2025-07-01');
    expect(run.code).to.equal(1);
    expect(run.stdout).to.contain('豁免已过期 waiver expired 2025-06-30 (今天 today 2025-07-01): NOTICE-PERIOD notices N907');
    const r = report(path.join(dir, 'day4'));
    expect(r.findings.find((x: { record: { id: string } }) => x.record.id === 'N907').status).to.equal('new');
    expect(r.gate.expired_waivers.map((w: { expires: string }) => w.expires)).to.deep.equal(['2025-06-30']);
  });

  it('writes gated reports (new, known, waived, expired) that the published schema accepts', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'compliance-report.schema.json'), 'utf8'));
    const validate = new Ajv2020({ allErrors: true, strict: true, validateFormats: false }).compile(schema);
    for (const day of ['day2', 'day3', 'day4']) expect(validate(report(path.join(dir, day))), `${day}: ${JSON.stringify(validate.errors)}`).to.equal(true);
  });

  it('diffs the two days: one new finding, none resolved, the rest unchanged, by rule and by township', async () => {
    const run = await runCli('diff', path.join(dir, 'day1', 'compliance.json'), path.join(dir, 'day2', 'compliance.json'), '--format', 'json');
    expect(run.code, run.stderr).to.equal(0);
    const d = JSON.parse(run.stdout);
    expect(d.counts).to.deep.equal({ new: 1, resolved: 0, unchanged: 16 });
    expect(d.by_rule['NOTICE-PERIOD']).to.deep.equal({ new: 1, resolved: 0, unchanged: 3 });
    expect(d.new_findings.map((f: { record: { id: string } }) => f.record.id)).to.deep.equal(['N907']);
    const md = await runCli('diff', path.join(dir, 'day1', 'compliance.json'), path.join(dir, 'day2', 'compliance.json'));
    expect(md.stdout).to.contain('## 按乡镇 / By township').and.contain('新增 new 1, 已解决 resolved 0, 未变 unchanged 16');
  });

  describe('back to the first export, with the changed day as baseline and a waiver for N907', () => {
    // One run read by both tests: N907 is gone, so the baseline's finding is resolved and its waiver stale.
    let run: Awaited<ReturnType<typeof runCli>>;
    before(async () => {
      run = await runCli('audit', BASIC, '--out', path.join(dir, 'back'), '--format', 'json', '--baseline', path.join(dir, 'day2', 'compliance.json'), '--waivers', waiverFile(dir, '2099-12-31'), '--today', '2025-01-15');
    });

    it('lists baseline findings that no longer occur as resolved', () => {
      expect(run.code, run.stderr).to.equal(0);
      expect(report(path.join(dir, 'back')).gate.resolved.map((f: { record: { id: string } }) => f.record.id)).to.deep.equal(['N907']);
    });

    it('reports a waiver that matches no finding as stale', () => {
      expect(run.stdout).to.contain('豁免未匹配任何发现 stale waiver: NOTICE-PERIOD notices N907');
      expect(report(path.join(dir, 'back')).gate.stale_waivers).to.have.length(1);
    });
  });

  it('refuses a malformed waiver file with exit 2, naming the file and line', async () => {
    const file = path.join(dir, 'bad.yaml');
    fs.writeFileSync(file, ['- rule: NOTICE-PERIOD', '  record: { collection: notices, id: N907 }', '  reason: x', '  approved_by: y', '  document: z', '  expires: next year', ''].join('\n'));
    const run = await runCli('audit', BASIC, '--out', path.join(dir, 'bad'), '--waivers', file);
    expect(run.code).to.equal(2);
    expect(run.stderr).to.contain(`${file}:6: 豁免文件有误`).and.contain(`${file}:6: malformed waiver file: expires must be a date`);
    expect(run.stderr).not.to.contain('    at ');
  });

  it('uses a baseline from another profile and says what differs', async () => {
    const run = await runCli('audit', BASIC, '--out', path.join(dir, 'other'), '--format', 'json', '--profile', 'national', '--baseline', path.join(dir, 'baseline.json'));
    expect(run.stdout).to.contain('基线与本次不同 baseline differs from this run: 政策配置 profile neimenggu-naiman → national');
    expect(report(path.join(dir, 'other')).gate.baseline.differs).to.deep.include({ key: 'profile', baseline: 'neimenggu-naiman', current: 'national' });
  });

  it('refuses to diff reports of two regions unless told to', async () => {
    const other = report(path.join(dir, 'day1'));
    other.export.meta.region_code = '150502';
    const file = path.join(dir, 'other-region.json');
    fs.writeFileSync(file, JSON.stringify(other));
    const refused = await runCli('diff', path.join(dir, 'day1', 'compliance.json'), file);
    expect(refused.code).to.equal(2);
    expect(refused.stderr).to.contain('--allow-different-regions');
    expect((await runCli('diff', path.join(dir, 'day1', 'compliance.json'), file, '--allow-different-regions')).code).to.equal(0);
  });
});
