// Drafts (@草稿 / @draft): an audit leaves them out and names them; an unfinished @audit scenario
// outside drafts stops the audit at its file and line. Run over a temporary features folder.
import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadExport, LoadedExport } from '../load/loader';
import { loadProfile } from '../profile/load';
import { JiuzhuError } from '../errors';
import { auditDrafts, featureScenarios, runAuditFeatures, undefinedAuditSteps } from './features';
import { endSession, startSession } from './session';
import { auditDataset } from './audit';
import { buildReport } from '../report/model';
import { renderMarkdown } from '../report/markdown';
import { renderHtml } from '../report/html';

const ROOT = path.resolve(__dirname, '..', '..');
const FIX = path.join(ROOT, 'tests', 'fixtures', 'exports', 'notices-clean.json');

const RULE = `# language: zh-CN
@NOTICE-MINORS @clause:奈民发〔2022〕28号-二-四-2
功能: 公示不得涉及未成年人信息

  @audit
  场景: 审计导出数据中的全部公示
    当 检查待审计数据中的每一条公示
    那么 不应有公示涉及未成年人信息
`;

const unfinished = (tag: string) => `# language: zh-CN
${tag}@NOTICE-MINORS @clause:奈民发〔2022〕28号-二-四-2
功能: 尚未写完的规则

  @audit
  场景: 审计公示的张贴地点
    当 检查待审计数据中的每一条公示
    那么 每条公示都张贴在村(居)委会公告栏上
`;

describe('draft features in an audit', function () {
  this.timeout(120_000);
  let dir: string;
  let loaded: LoadedExport;
  before(async () => {
    loaded = await loadExport(FIX);
  });
  after(() => loaded.dataset.close());
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuzhu-drafts-'));
    fs.writeFileSync(path.join(dir, 'minors.feature'), RULE);
  });
  afterEach(async () => {
    await endSession();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const audit = () => runAuditFeatures(startSession(loaded, loadProfile('national')), undefined, undefined, dir);
  const draftFile = () => path.relative(ROOT, path.join(dir, 'draft.feature'));

  for (const tag of ['@草稿', '@draft'])
    it(`leaves out a ${tag} feature with an undefined step and names it`, async () => {
      fs.writeFileSync(path.join(dir, 'draft.feature'), unfinished(`${tag} `));
      const run = await audit();
      expect(run.scenarios).to.equal(1);
      expect(run.drafts).to.deep.equal([{ file: draftFile(), line: 6, name: '审计公示的张贴地点' }]);
    });

  it('stops at an undefined step outside drafts, naming file:line and the draft tag', async () => {
    fs.writeFileSync(path.join(dir, 'draft.feature'), unfinished(''));
    const err = await audit().then(
      () => undefined,
      (e) => e,
    );
    expect(err).to.be.instanceOf(JiuzhuError);
    expect(err.zh).to.include(`${draftFile()}:8: 每条公示都张贴在村(居)委会公告栏上`).and.to.include('@草稿');
    expect(err.en).to.include(`${draftFile()}:8`).and.to.include('@draft');
  });

  it('finds the undefined @audit step without running the audit (dry run)', async () => {
    fs.writeFileSync(path.join(dir, 'draft.feature'), unfinished(''));
    expect(await undefinedAuditSteps(dir)).to.deep.equal([`${draftFile()}:8: 每条公示都张贴在村(居)委会公告栏上`]);
  });

  it('names only the drafts that --tags would otherwise have run', () => {
    fs.writeFileSync(path.join(dir, 'draft.feature'), unfinished('@draft '));
    expect(auditDrafts('@NOTICE-MINORS', dir)).to.have.length(1);
    expect(auditDrafts('@NOTICE-PERIOD', dir)).to.deep.equal([]);
  });
});

describe('the report of an audit that left drafts out', function () {
  this.timeout(60_000);
  it('names each draft by file, line and scenario in compliance.json, Markdown and HTML', async () => {
    const loaded = await loadExport(FIX);
    try {
      const profile = loadProfile('national');
      const drafts = [{ file: 'features/notices/posting-place.feature', line: 6, name: '审计公示的张贴地点' }];
      const report = await buildReport(loaded, profile, await auditDataset(loaded, profile, ['NOTICE-MINORS']), { failOn: 'error', showPersonalData: false, featureFiles: [], drafts });
      expect(report.drafts).to.deep.equal(drafts);
      expect(renderMarkdown(report)).to.include('- 未审计的草稿场景 / drafts left out: `features/notices/posting-place.feature:6` 审计公示的张贴地点\n');
      expect(renderHtml(report)).to.include('<code>features/notices/posting-place.feature:6</code> 审计公示的张贴地点');
    } finally {
      loaded.dataset.close();
    }
  });
});

describe('the @audit scenarios of features/', function () {
  this.timeout(120_000);
  // `npm test` runs spec and fixture scenarios strictly; @audit ones only run under `jiuzhu audit`, so they are matched here.
  it('have no undefined step outside drafts', async () => {
    expect(await undefinedAuditSteps()).to.deep.equal([]);
  });

  it('are found with their file and line', () => {
    const minors = featureScenarios().find((s) => s.file === path.join('features', 'notices', 'minors.feature') && s.tags.includes('@audit'));
    expect(minors).to.include({ line: 72, name: '审计导出数据中的全部公示' });
  });
});
