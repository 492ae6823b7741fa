// Report writing: whole files only, renamed into place under the folder's lock, nothing left
// behind on failure, and every unusable --out refused with a usage error.
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { UsageError } from '../errors';
import { loadExport } from '../load/loader';
import { loadProfile } from '../profile/load';
import { auditDataset } from '../run/audit';
import { buildReport, ComplianceReport } from './model';
import { checkOutputDir, FORMATS, Format, LOCK_FILE, writeReports } from './write';

const FIXTURE = path.join(__dirname, '..', '..', 'tests', 'fixtures', 'exports', 'notices-clean.json');
const ALL = Object.keys(FORMATS) as Format[];

/** What run wrote each file: the generated_at each format carries. */
function runsOf(dir: string): Record<string, string | undefined> {
  const read = (f: string) => fs.readFileSync(path.join(dir, f), 'utf8');
  return {
    json: JSON.parse(read('compliance.json')).generated_at,
    junit: /<testsuite [^>]*timestamp="([^"]+)"/.exec(read('compliance-junit.xml'))?.[1],
    md: /生成时间 \/ generated: (\S+)/.exec(read('compliance.md'))?.[1],
    html: /(\d{4}-\d{2}-\d{2}T[\d:.]+Z)/.exec(read('compliance.html'))?.[1],
  };
}

describe('writing reports', function () {
  this.timeout(60_000);
  let report: ComplianceReport;
  let dir: string;
  before(async () => {
    const loaded = await loadExport(FIXTURE);
    try {
      const profile = loadProfile('neimenggu-naiman');
      report = await buildReport(loaded, profile, await auditDataset(loaded, profile, ['NOTICE-PERIOD', 'NOTICE-MINORS']), { failOn: 'error', showPersonalData: false, featureFiles: [] });
    } finally {
      loaded.dataset.close();
    }
  });
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuzhu-write-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const at = (i: number): ComplianceReport => ({ ...report, generated_at: `2024-01-01T00:00:0${i}.000Z` });

  it('leaves every file from one run when several runs write into one folder at once', async () => {
    await Promise.all([1, 2, 3, 4, 5].map((i) => writeReports(at(i), dir, ALL)));
    const runs = Object.values(runsOf(dir));
    expect(new Set(runs).size, JSON.stringify(runs)).to.equal(1);
    expect(fs.readdirSync(dir).sort()).to.deep.equal(ALL.map((f) => FORMATS[f].file).sort());
  });

  it('renames nothing into place while another run holds the folder’s lock', async () => {
    fs.writeFileSync(path.join(dir, LOCK_FILE), `${process.pid}\n`);
    const writing = writeReports(at(1), dir, ALL);
    await sleep(300);
    expect(fs.readdirSync(dir).filter((f) => !f.startsWith('.'))).to.deep.equal([]);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).to.have.length(ALL.length);
    fs.rmSync(path.join(dir, LOCK_FILE));
    await writing;
    expect(Object.values(runsOf(dir))).to.deep.equal(Array(4).fill('2024-01-01T00:00:01.000Z'));
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('.'))).to.deep.equal([]);
  });

  it('takes over a lock whose process has ended', async () => {
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    fs.writeFileSync(path.join(dir, LOCK_FILE), `${gone.stdout}\n`);
    await writeReports(at(2), dir, ['json']);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'compliance.json'), 'utf8')).generated_at).to.equal('2024-01-01T00:00:02.000Z');
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).to.equal(false);
  });

  it('leaves no temporary file or lock behind when a rename fails, and says why in both languages', async () => {
    fs.mkdirSync(path.join(dir, 'compliance.md'));
    const e = await writeReports(at(1), dir, ALL).then(
      () => expect.fail('should refuse'),
      (x) => x,
    );
    expect(e).to.be.instanceOf(UsageError);
    expect(e.zh).to.match(/^无法写入报告目录/);
    expect(e.en).to.match(/^cannot write to the report folder .*: EISDIR/);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('.'))).to.deep.equal([]);
  });

  it('creates a missing folder, level by level', async () => {
    const deep = path.join(dir, 'a', 'b');
    await writeReports(at(1), checkOutputDir(deep), ['json']);
    expect(fs.readdirSync(deep)).to.deep.equal(['compliance.json']);
  });

  it('refuses a folder that cannot be made under /proc instead of retrying for ever', async function () {
    if (!fs.existsSync('/proc/self')) this.skip();
    const e = await writeReports(at(1), '/proc/jiuzhu-reports', ['json']).then(
      () => expect.fail('should refuse'),
      (x) => x,
    );
    expect(e).to.be.instanceOf(UsageError);
    expect(e.en).to.match(/^cannot write to the report folder \/proc\/jiuzhu-reports: ENOENT/);
  });

  it('refuses, before any work, an --out that is empty, a file, or below a file', () => {
    const file = path.join(dir, 'f');
    fs.writeFileSync(file, 'keep');
    expect(() => checkOutputDir(' ')).to.throw(UsageError, /--out 的取值为空/);
    expect(() => checkOutputDir(file)).to.throw(UsageError, /是已存在的文件,不是文件夹/);
    expect(() => checkOutputDir(path.join(file, 'x', 'y'))).to.throw(UsageError, /是文件,不是文件夹/);
    expect(fs.readFileSync(file, 'utf8')).to.equal('keep');
  });
});
