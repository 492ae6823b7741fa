// What the frame does for every rule built on it: hands it the spans it must judge, turns
// what it finds before the rule took effect (or before the audited period) into history,
// counts what it examined and could not judge, and reports a profile that never sets a parameter.
import { expect } from 'chai';
import { Dataset } from '../../engine/dataset/dataset';
import { loadRecords } from '../../engine/load/from-records';
import { LoadedExport } from '../../engine/load/loader';
import { ParameterValue, ResolvedProfile } from '../../engine/profile/profile';
import { frameRule, FrameRuleSpec } from './rule';
import { Span } from './timeline';

const INFO = { id: 'test', name: { zh: '测试', en: 'test' }, aliases: [], chain: ['test'], files: [], choices: [] };
const value = (v: unknown, from: string): ParameterValue => ({ key: 'notice.age_of_majority', value: v, from, source: { document: 'test' }, definedBy: 'test', inherited: false });
// 18 from 2020, switched off in 2023, 16 from 2024.
const PROFILE = new ResolvedProfile(INFO, new Map([['notice.age_of_majority', [value(18, '2020-01-01'), value(null, '2023-01-01'), value(16, '2024-01-01')]]]));
const CLAUSE = { document: 'test', tag: '@clause:test' };

/** A rule that finds one thing per span it is handed, dated on the span's first day (or 2019-06-01 before it). */
function probe(overrides: Partial<FrameRuleSpec<'notice.age_of_majority'>> = {}) {
  const handed: Span<'notice.age_of_majority'>[] = [];
  const rule = frameRule({
    id: 'TEST-FRAME', family: 'test', title: { zh: '测试', en: 'test' }, clause: CLAUSE, needs: [],
    parameters: ['notice.age_of_majority'],
    before: { note: { zh: '(历史)', en: ' (history)' } },
    async eachSpan(span, ctx) {
      handed.push(span);
      ctx.examine(2);
      ctx.find(span, { severity: 'error', record: { collection: 'notices', id: `N${handed.length}` }, message: { zh: '发现', en: 'found' }, expected: null, actual: null, remedy: { zh: '改', en: 'fix' }, on: span.from ?? '2019-06-01' });
    },
    ...overrides,
  });
  return { rule, handed };
}

describe('a rule on the frame', () => {
  let loaded: LoadedExport;
  let ds: Dataset;
  before(async () => {
    loaded = await loadRecords({}, { period: { from: '2020-06-01', to: '2024-12-31' } });
    ds = loaded.dataset;
  });
  after(() => loaded.dataset.close());

  it('is handed every span but those switched off, in date order', async () => {
    const { rule, handed } = probe();
    await rule.evaluate(ds, PROFILE);
    expect(handed.map((s) => [s.from, s.status])).to.deep.equal([[null, 'before'], ['2020-01-01', 'in-force'], ['2024-01-01', 'in-force']]);
  });

  it('is not handed the spans before it took effect when it skips them', async () => {
    const { rule, handed } = probe({ before: 'skip' });
    await rule.evaluate(ds, PROFILE);
    expect(handed.map((s) => s.from)).to.deep.equal(['2020-01-01', '2024-01-01']);
  });

  it('makes a finding before the rule took effect history: info, with the rule\'s note', async () => {
    const { rule } = probe();
    const { findings } = await rule.evaluate(ds, PROFILE);
    expect(findings.map((f) => [f.severity, f.message.zh])).to.deep.equal([['info', '发现(历史)'], ['error', '发现'], ['error', '发现']]);
  });

  it('lists the span\'s parameter values on a finding', async () => {
    const { rule } = probe();
    const { findings } = await rule.evaluate(ds, PROFILE);
    expect(findings[2].params.map((p) => p.value)).to.deep.equal([16]);
  });

  it('makes a finding dated before the audited period history when the rule asks', async () => {
    const { rule } = probe({ historyBeforeAuditPeriod: true, before: 'skip' });
    const { findings } = await rule.evaluate(ds, PROFILE);
    expect(findings.map((f) => f.severity)).to.deep.equal(['info', 'error']);
    expect(findings[0].message.en).to.contain('before the exported period began on 2020-06-01');
  });

  it('counts what the rule examined, less what it could not judge, with the reason', async () => {
    const { rule } = probe({
      async whole(ctx) {
        ctx.notJudged({ zh: '缺日期', en: 'no date' }, 3);
      },
    });
    const r = await rule.evaluate(ds, PROFILE);
    expect(r.examined).to.equal(3);
    expect(r.notReviewed).to.deep.equal({ count: 3, reason: { zh: '缺日期', en: 'no date' } });
  });

  it('reports a profile that never sets a parameter as not reviewing the records it would have judged', async () => {
    const { rule, handed } = probe({ unset: { count: () => 7 } });
    const r = await rule.evaluate(ds, new ResolvedProfile(INFO, new Map()));
    expect(handed).to.deep.equal([]);
    expect(r.notReviewed!.count).to.equal(7);
    expect(r.notReviewed!.reason.en).to.equal('profile "test" sets no notice.age_of_majority; choose a local profile that does');
  });

  it('is a plain Rule to the engine: its parameters listed, no frame options left on it', async () => {
    const { rule } = probe({ unset: { count: () => 0 } });
    expect(rule.parameters).to.deep.equal(['notice.age_of_majority']);
    expect(rule).to.not.have.any.keys('eachSpan', 'whole', 'before', 'unset');
  });
});
