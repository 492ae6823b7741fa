import { expect } from 'chai';
import path from 'node:path';
import { Command } from 'commander';
import { loadExport, LoadedExport } from '../../load/loader';
import { loadProfile } from '../../profile/load';
import { auditDataset } from '../../run/audit';
import { JiuzhuError } from '../../errors';
import { ruleById } from '../../../policies/rules';
import { explain, explainRecord, explainResults, renderExplanation } from './explain';
import { registerExplain } from '.';
import { captureStdout } from '../../../tests/support/stdout';

const FIX = (p: string) => path.resolve(__dirname, '..', '..', '..', 'tests', 'fixtures', 'exports', p);


describe('explainRecord', function () {
  this.timeout(60_000);
  let loaded: LoadedExport;
  before(async () => {
    loaded = await loadExport(FIX('exemptions-households.json'));
  });
  after(() => loaded.dataset.close());

  for (const [profileId, ids] of [
    ['national', ['A-I1', 'A-I5', 'A-G2', 'A-S3', 'A-E3', 'A-I3', 'HI1', 'HG2']],
    ['beijing-shunyi', ['A-V1', 'A-V2', 'HV1']],
    ['liaoning-tieling', ['A-T4', 'A-T1']],
  ] as const)
    it(`shows, for each record, exactly the findings the audit reported on it (${profileId})`, async () => {
      const profile = loadProfile(profileId);
      const audit = await auditDataset(loaded, profile);
      // The first record is explained through explain's own audit, the rest through this one (the selection is what differs).
      for (const [i, id] of ids.entries()) {
        const e = await explainRecord(loaded, profile, id, i ? { results: audit } : {});
        expect(e.rules.map((r) => r.rule)).to.deep.equal(audit.map((r) => r.rule.id));
        for (const r of audit) {
          const reported = r.findings.filter((f) => f.record.id === id || f.related.some((x) => x.id === id)).map((f) => `${f.fingerprint}:${f.severity}`);
          const explained = e.rules.find((x) => x.rule === r.rule.id)!;
          expect(explained.findings.map((f) => `${f.fingerprint}:${f.severity}`), `${id} ${r.rule.id}`).to.deep.equal(reported);
          expect(explained.verdict === 'finding', `${id} ${r.rule.id}`).to.equal(reported.length > 0);
          expect(explained.outcome).to.equal(r.outcome);
        }
      }
    });

  it('gives the verdict, the parameters in force on the record’s date and the clause', async () => {
    const e = await explainRecord(loaded, loadProfile('national'), 'A-I1');
    expect(e.record).to.include({ collection: 'applications', id: 'A-I1', date: '2024-04-01', dateField: 'decision.decided_on' });
    const income = e.rules.find((r) => r.rule === 'ELIG-INCOME')!;
    expect(income).to.include({ verdict: 'finding', severity: 'error', clauseTag: '奈民发〔2022〕28号-二-二-1' });
    expect(income.findings[0].groups).to.deep.equal({ direction: 'omission' });
    expect(income.parameters.map((p) => p.key)).to.deep.equal(['elig.income_tested_programs', 'elig.income_exclusions']);
    expect(income.parameters[1]).to.include({ from: '2022-06-21', profile: 'national' });
    expect(e.rules.find((r) => r.rule === 'ELIG-VEHICLE')).to.include({ verdict: 'not_in_force' }); // Shunyi's rule, not national
    expect(e.rules.find((r) => r.rule === 'ELIG-GRADUAL')).to.include({ verdict: 'no_finding' });
    expect(e.rules.find((r) => r.rule === 'EXEMPT-BARRED')).to.include({ verdict: 'outside_reach' });
  });

  it('explains a household through the findings on its applications', async () => {
    const e = await explainRecord(loaded, loadProfile('national'), 'HI1');
    expect(e.record).to.include({ collection: 'households', date: '2024-12-31' });
    const income = e.rules.find((r) => r.rule === 'ELIG-INCOME')!;
    expect(income.findings.map((f) => f.record.id)).to.deep.equal(['A-I1']);
  });

  it('does not call a record reviewed when its rule left records unjudged', () => {
    const reason = { zh: '2 条公示缺少张贴日期', en: '2 notices have no posting date' };
    const partial = { rule: ruleById('NOTICE-PERIOD'), outcome: 'partially_reviewed' as const, counts: { examined: 5, findings: 0, error: 0, warning: 0, info: 0, not_reviewed: 2 }, findings: [], reason };
    const e = explainResults([partial], loadProfile('national'), { collection: 'notices', id: 'N1', date: '2024-05-01', dateField: 'posted_on' });
    expect(e.rules[0]).to.include({ verdict: 'partially_reviewed', outcome: 'partially_reviewed' });
    expect(e.rules[0].notReviewed).to.deep.equal({ count: 2, reason });
    const text = renderExplanation(e);
    expect(text).to.include('结论 verdict: 未发现问题,但规则有记录未能审查,本记录可能在其中 / nothing found, but the rule could not judge some records; this one may be among them');
    expect(text).to.include('规则结论 rule outcome: 部分审查 / partially reviewed — 2 条未能审查 / 2 records not judged: 2 条公示缺少张贴日期 / 2 notices have no posting date');
  });

  it('refuses an id the export does not hold', async () => {
    try {
      await explainRecord(loaded, loadProfile('national'), 'NO-SUCH');
      expect.fail('should throw');
    } catch (e) {
      expect(e).to.be.instanceOf(JiuzhuError);
    }
  });
});

describe('jiuzhu explain', function () {
  this.timeout(60_000);

  it('prints the verdicts of an accountability case under its profile, masked, in Chinese and English', async () => {
    const out = await captureStdout(() => explain(FIX('exemptions-dongtou.json'), 'C02', {}));
    expect(out).to.include('记录 record: accountability_cases C02');
    expect(out).to.include('政策配置 profile: zhejiang-dongtou ← national');
    expect(out).to.match(/EXEMPT-BARRED[^\n]*\n  结论 verdict: 有发现 \/ finding \(error\)/);
    expect(out).to.include('滥用职权');
    expect(out).to.include('参数 exempt.barred<2020-01-01>');
    expect(out).to.match(/EXEMPT-GROUNDS[^\n]*\n  结论 verdict: 已审查,未发现问题/);
    expect(out).not.to.include('ELIG-VEHICLE');
  });

  it('masks personal data unless asked', async () => {
    const masked = await captureStdout(() => explain(FIX('exemptions-households.json'), 'A-S2', { rules: 'ELIG-SINGLE' }));
    const shown = await captureStdout(() => explain(FIX('exemptions-households.json'), 'A-S2', { rules: 'ELIG-SINGLE', showPersonalData: true }));
    const name = /单人保对象 (\S+) 既非重病/.exec(shown)?.[1];
    expect(name, shown).to.match(/^[\u4e00-\u9fa5]{2,3}$/);
    expect(masked).not.to.include(name!);
    expect(masked).to.include(name![0] + '*');
  });

  it('is registered on a program and sets no exit code of its own on success', async () => {
    const program = new Command('jiuzhu').exitOverride();
    registerExplain(program);
    const before = process.exitCode;
    const out = await captureStdout(() => program.parseAsync(['node', 'jiuzhu', 'explain', FIX('exemptions-households.json'), 'A-G2', '--json', '--rules', 'ELIG-GRADUAL']));
    const e = JSON.parse(out);
    expect(e.rules).to.have.length(1);
    expect(e.rules[0].findings.map((f: any) => f.remedy?.amount_fen).filter(Boolean)).to.deep.equal([60000]);
    expect(process.exitCode).to.equal(0);
    process.exitCode = before;
  });

  it('throws a JiuzhuError for an unknown rule', async () => {
    try {
      await explain(FIX('exemptions-households.json'), 'A-G2', { rules: 'NOPE-RULE' });
      expect.fail('should throw');
    } catch (e) {
      expect(e).to.be.instanceOf(JiuzhuError);
    }
  });
});
