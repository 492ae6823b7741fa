// EXEMPT-BARRED — no exemption, reduction or leniency where a barred fact holds: the negative
// list is an exception that defeats every positive ground, however many were claimed and in
// whatever order (寒亭区《社会救助工作容错纠错实施细则(试行)》 "对滥用职权、同一事项重复失误等,不予从轻、减轻处理或免责").
import { frameRule } from '../../frame';
import { accountabilityCases, caseRecord, isFavourable, judgingSpan, OUTCOME_ZH } from './cases';
import { HANTING_CLAUSE } from './clause';
import { groundList, reasonExemption } from './reasoning';

export const exemptBarred = frameRule({
  id: 'EXEMPT-BARRED',
  family: 'exemptions',
  title: { zh: '存在不予免责情形的,不得免责、减轻或从轻(负面清单优先)', en: 'No exemption where a barred fact holds: the negative list overrides the positive list' },
  clause: HANTING_CLAUSE,
  needs: ['accountability_cases'],
  reads: [],
  parameters: ['exempt.situations', 'exempt.barred'],
  // A case from before the mechanism is judged by the lists it took effect with, as history.
  before: { note: { zh: '(机制施行前,作为历史记录)', en: ' (before the mechanism: history)' } },
  async whole(ctx) {
    const { ds } = ctx;
    for (const c of await accountabilityCases(ds)) {
      if (!isFavourable(c.outcome)) continue;
      const span = judgingSpan(ctx.timeline, c.occurred_on);
      if (!span) continue; // EXEMPT-GROUNDS reports a favourable outcome with no list to judge it by
      ctx.examine(1);
      const barredValue = span.param('exempt.barred');
      const situationsValue = span.param('exempt.situations');
      const r = reasonExemption(c.claimed_situations, c.facts, situationsValue.value, barredValue.value);
      if (r.conclusion !== 'defeated') continue;
      const grounds = r.applicable.length
        ? { zh: `所援引的 ${r.applicable.length} 项情形(${groundList(r.applicable)})`, en: `the ${r.applicable.length} situation(s) claimed (${r.applicable.map((g) => g.code).join(', ')})` }
        : { zh: '所援引的情形', en: 'the situations claimed' };
      const barredZh = r.defeatedBy.map((b) => `「${b.zh}」`).join('、');
      ctx.find(span, {
        ...caseRecord(ds, c),
        severity: 'error',
        message: {
          zh: `认定为${OUTCOME_ZH[c.outcome]},但存在不予免责情形${barredZh};负面清单优先,${grounds.zh}均不能成立`,
          en: `outcome ${c.outcome}, but barred: ${r.defeatedBy.map((b) => b.en).join(', ')}; the negative list overrides ${grounds.en}`,
        },
        expected: { outcome: 'not_exempt', because: r.defeatedBy.map((b) => ({ code: b.code, facts: b.facts })) },
        actual: { outcome: c.outcome, claimed: r.claimed, applicable_grounds: r.applicable.map((g) => g.code) },
        params: [barredValue, situationsValue],
        remedy: { zh: '撤销免责(从轻、减轻)认定,依规依纪追究责任', en: 'withdraw the favourable outcome and pursue accountability' },
        groups: { staff: c.staff_id },
        detail: 'barred',
      });
    }
  },
});
