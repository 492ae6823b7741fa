// Titles and messages state the numbers of the profile in force; reports cite what binds the
// audited place (the county's own document for its own values), never a file the reader lacks.
import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ProfileError } from '../engine/errors';
import { loadExport, LoadedExport } from '../engine/load/loader';
import { loadProfile, profileFiles, readProfileFile } from '../engine/profile/load';
import { citeSource } from '../engine/profile/source';
import { buildReport, ComplianceReport } from '../engine/report/model';
import { auditDataset } from '../engine/run/audit';
import { DIBAO_REVIEW } from '../policies/instruments';
import { citeRuleOver, ruleTitle } from '../policies/rule';
import { RULES, ruleById } from '../policies/rules';

const ROOT = path.resolve(__dirname, '..');
const NUMBERS = path.join(ROOT, 'tests', 'fixtures', 'profiles', 'numbers');
const BASIC = path.join(ROOT, 'tests', 'fixtures', 'exports', 'notices-basic.json');
const YEAR_2024 = { from: '2024-01-01', to: '2024-12-31' };

// notices-basic.json with notice N007 (posted 2024-05-01) cut to 4 days: short under 5 and under 7.
function shortNoticeExport(): string {
  const data = JSON.parse(fs.readFileSync(BASIC, 'utf8'));
  data.notices.find((n: { notice_id: string }) => n.notice_id === 'N007').ends_on = '2024-05-04';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuzhu-numbers-'));
  const file = path.join(dir, 'notices-short.json');
  fs.writeFileSync(file, JSON.stringify(data));
  return file;
}

async function periodReport(profileId: string): Promise<{ report: ComplianceReport; loaded: LoadedExport }> {
  const loaded = await loadExport(shortNoticeExport());
  const profile = loadProfile(profileId, NUMBERS);
  const results = await auditDataset(loaded, profile, ['NOTICE-PERIOD']);
  return { loaded, report: await buildReport(loaded, profile, results, { failOn: 'error', showPersonalData: true, featureFiles: [] }) };
}

describe('numbers in rule titles and finding messages', () => {
  it('a profile with a 5-day notice period says 5天 in the title and the finding, and never 7天', async () => {
    const { report, loaded } = await periodReport('five-days');
    try {
      const rule = report.rules[0];
      expect(rule.title.zh).to.equal('公示期不少于5天,期满无异议(或异议已处理)后方可审批');
      expect(rule.title.en).to.contain('at least 5 days');
      const short = report.findings.find((f) => f.record.id === 'N007')!;
      expect(short.message.zh).to.equal('公示期4天(2024-05-01 至 2024-05-04),少于5天(应至少公示至 2024-05-05)');
      expect(JSON.stringify({ rule, findings: report.findings })).not.to.match(/7天|7 天|7 days|fewer than 7/);
    } finally {
      await loaded.dataset.close();
    }
  });

  it('names both values, the later with its date, when the period changed inside the audited period', async () => {
    const { report, loaded } = await periodReport('changed');
    try {
      expect(report.rules[0].title.zh).to.equal('公示期不少于7天、5天(2024-03-01起),期满无异议(或异议已处理)后方可审批');
      expect(report.rules[0].title.en).to.contain('at least 7 days / 5 days (from 2024-03-01)');
    } finally {
      await loaded.dataset.close();
    }
  });

  it('states only the value in force when the audited period lies after the change', () => {
    expect(ruleTitle(ruleById('NOTICE-PERIOD'), loadProfile('changed', NUMBERS), { from: '2024-06-01', to: '2024-12-31' }).zh).to.contain('不少于5天,');
  });

  it('a profile whose fines run 2 to 5 times the amount says 2至5倍 in the PEN-FINE title, not 1至3倍', () => {
    const title = ruleTitle(ruleById('PEN-FINE'), loadProfile('five-days', NUMBERS));
    expect(title.zh).to.equal('罚款应在等级要求时处以,且在骗取金额的2至5倍之间');
    expect(title.en).to.contain('within 2–5× the amount');
    expect(ruleTitle(ruleById('PEN-FINE'), loadProfile('national', NUMBERS)).zh).to.contain('1至3倍');
  });

  it('states no number when no profile is given', () => {
    expect(ruleTitle(ruleById('NOTICE-PERIOD')).zh).to.equal('公示期不少于规定期限,期满无异议(或异议已处理)后方可审批');
  });

  it('no shipped title states a number (days, months, multiples) as a constant', () => {
    // SUP-REPORT's half year is the parameter's shape (deadlines H1 and H2), not a value a profile sets.
    const constant = RULES.filter((r) => typeof r.title !== 'function' && r.id !== 'SUP-REPORT').filter((r) => /\d|半年|一年/.test(JSON.stringify(r.title)));
    expect(constant.map((r) => `${r.id}: ${JSON.stringify(r.title)}`)).to.deep.equal([]);
  });
});

describe('citations', () => {
  it('a finding cites the document the profile chain puts in force on the record date', async () => {
    const { report, loaded } = await periodReport('five-days');
    try {
      expect(report.findings.find((f) => f.record.id === 'N007')!.source).to.equal('五天县《低保公示办法》 第三条');
    } finally {
      await loaded.dataset.close();
    }
  });

  it("a report's rule clause names the national instrument and the county document with its start date", async () => {
    const { report, loaded } = await periodReport('changed');
    try {
      expect(report.rules[0].clause).to.equal(`${DIBAO_REVIEW} (条款待核对 / article to be verified); 改期县《低保公示办法》 第三条(2024-03-01起 / from 2024-03-01)`);
    } finally {
      await loaded.dataset.close();
    }
  });

  it('refuses a citation of a rule id no rule has, naming the file and the key', () => {
    expect(() => readProfileFile(path.join(NUMBERS, 'unknown-rule.yaml'))).to.throw(ProfileError, /citations\.NOTICE-PERIODS: .*unknown rule id/);
  });

  it('a Xiantao audit cites no Naiman or other local document for a national rule', () => {
    const xiantao = loadProfile('hubei-xiantao');
    const cited = RULES.map((r) => `${r.id}: ${citeRuleOver(r, xiantao, YEAR_2024)}`);
    expect(cited.filter((c) => /奈民发|闽民保|某区|洞头|寒亭|清河|顺义/.test(c))).to.deep.equal([]);
  });

  it('the national profile cites no local document as the source of a value', () => {
    const national = loadProfile('national');
    const local = national.keys().flatMap((k) => national.timeline(k).filter((v) => /奈民发|闽民保|某区|仙桃|洞头|寒亭|清河|顺义/.test(v.source.document)).map((v) => `${k}: ${v.source.document}`));
    expect(local).to.deep.equal([]);
  });

  it('no rule clause or shipped profile names a seed file, the rulebook or the contract file', () => {
    const clauses = RULES.map((r) => `${r.id}: ${citeSource(r.clause)}`).filter((c) => /seed|RULEBOOK|CASE-EXPORT/.test(c));
    const profiles = profileFiles().filter((f) => /seed 00|seed:|RULEBOOK|CASE-EXPORT|\.\.\/shared/.test(fs.readFileSync(f, 'utf8')));
    expect([...clauses, ...profiles]).to.deep.equal([]);
  });
});
