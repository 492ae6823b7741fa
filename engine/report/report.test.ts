// The four renderings of one report, built from a fixture export through the real audit path.
import { expect } from 'chai';
import path from 'node:path';
import { loadExport, LoadedExport } from '../load/loader';
import { loadProfile } from '../profile/load';
import { auditDataset } from '../run/audit';
import { featureFiles } from '../run/features';
import { renderHtml } from './html';
import { renderJunit } from './junit';
import { renderMarkdown } from './markdown';
import { buildReport, ComplianceReport } from './model';
import { parseFormats } from './write';

const FIXTURE = path.join(__dirname, '..', '..', 'tests', 'fixtures', 'exports', 'notices-basic.json');
const NOTICE_RULES = ['NOTICE-FIELDS', 'NOTICE-PII-VALUES', 'NOTICE-MINORS', 'NOTICE-REQUIRED', 'NOTICE-PERIOD'];

describe('reports', () => {
  let loaded: LoadedExport;
  let report: ComplianceReport;
  before(async () => {
    loaded = await loadExport(FIXTURE);
    const profile = loadProfile('neimenggu-naiman');
    const results = await auditDataset(loaded, profile, NOTICE_RULES);
    report = await buildReport(loaded, profile, results, { failOn: 'error', showPersonalData: false, featureFiles: featureFiles() });
  });
  after(() => loaded.dataset.close());

  it('counts findings by severity and fails at the default threshold', () => {
    expect(report.summary.findings).to.deep.include({ total: 16, error: 14, warning: 0, info: 2, at_or_above_fail_on: 14 });
    expect(report.summary.verdict).to.equal('fail');
  });

  it('gives every finding its rule, record position, clause, parameters and fingerprint', () => {
    for (const f of report.findings) {
      expect(f.record.file).to.equal(FIXTURE);
      expect(f.record.index).to.be.a('number');
      expect(f.source).not.to.match(/seed|RULEBOOK|CASE-EXPORT/);
      expect(f.fingerprint).to.match(/^[0-9a-f]{16}$/);
    }
    expect(new Set(report.findings.map((f) => f.fingerprint)).size).to.equal(report.findings.length);
    expect(report.findings.filter((f) => f.source.includes('奈民发〔2022〕28号'))).not.to.be.empty;
  });

  it('prints every parameter value a rule used with its date, source and origin', () => {
    const minors = report.rules.find((r) => r.id === 'NOTICE-MINORS')!;
    expect(minors.parameters).to.deep.equal(['notice.age_of_majority<2021-11-01> = 18 (《中华人民共和国民法典》 第十七条; inherited from national)']);
  });

  it('names the rule set by version and digest', () => {
    expect(report.tool.ruleset.digest).to.match(/^[0-9a-f]{16}$/);
    expect(report.tool.ruleset.version).to.equal(report.tool.version);
  });

  it('writes one JUnit test case per rule, with the findings in the failure', () => {
    const xml = renderJunit(report);
    expect(xml.match(/<testcase /g)).to.have.length(5);
    expect(xml).to.include('<failure message="2 项发现达到 --fail-on error / 2 findings at or above --fail-on error (2 error, 0 warning)" type="NOTICE-MINORS">');
    expect(xml).not.to.include('150525197503010112');
  });

  it('writes a Markdown summary with a row per rule and the findings per rule', () => {
    const md = renderMarkdown(report);
    expect(md).to.include('| NOTICE-PERIOD | 公示期不少于7天');
    expect(md).to.include('## NOTICE-REQUIRED');
    expect(md).to.include('不通过 FAIL');
  });

  it('writes a self-contained HTML page, Chinese first with an English switch', () => {
    const html = renderHtml(report);
    expect(html).to.match(/^<!doctype html>/);
    expect(html).to.include('lang="zh-CN"');
    expect(html).to.include('<span class="zh">结论:不通过</span><span class="en" lang="en">Verdict: FAIL</span>');
    expect(html).not.to.match(/<script src|<link /);
    expect(html).not.to.include('1505251975030101');
  });

  it('refuses an unknown report format', () => {
    expect(() => parseFormats('json,pdf')).to.throw(/unknown report format "pdf"/);
    expect(parseFormats('json, html')).to.deep.equal(['json', 'html']);
  });
});
