// EXEMPT-GROUNDS — an exempt / reduced / lenient outcome rests on at least one situation of
// the profile's positive list that reaches the case; a situation code the profile never
// defines is a finding on any case (fail closed), and so is an outcome the local mechanism lacks.
import { HISTORY_REMEDY } from '../../audit-period';
import { frameRule } from '../../frame';
import { accountabilityCases, caseRecord, isFavourable, judgingSpan, OUTCOME_ZH, takesEffect } from './cases';
import { DONGTOU_CLAUSE } from './clause';
import { FACT_NAMES, reasonExemption } from './reasoning';

export const exemptGrounds = frameRule({
  id: 'EXEMPT-GROUNDS',
  family: 'exemptions',
  title: { zh: '免责、减轻或从轻认定须援引本地正面清单中适用的情形', en: 'An exempt, reduced or lenient outcome cites an applicable situation of the positive list' },
  clause: DONGTOU_CLAUSE,
  needs: ['accountability_cases'],
  reads: [],
  parameters: ['exempt.situations', 'exempt.barred', 'exempt.outcomes'],
  // A favourable outcome from before the mechanism gets its own history finding below.
  before: {},
  async whole(ctx) {
    const { ds, profile } = ctx;
    const cases = await accountabilityCases(ds);
    ctx.examine(cases.length);
    for (const c of cases) {
      const span = judgingSpan(ctx.timeline, c.occurred_on);
      const base = { ...caseRecord(ds, c), groups: { staff: c.staff_id } };
      const favourable = isFavourable(c.outcome);
      if (!span) {
        if (favourable)
          ctx.find(span, {
            ...base,
            severity: 'warning',
            message: { zh: `认定为${OUTCOME_ZH[c.outcome]},但所适用政策(${profile.id})未规定容错免责情形清单,无法确认`, en: `outcome ${c.outcome}, but profile ${profile.id} defines no exemption list: cannot be confirmed` },
            expected: { zh: '适用规定了容错免责清单的地方政策', en: 'a profile with an exemption list' },
            actual: { outcome: c.outcome, claimed: c.claimed_situations },
            params: [],
            remedy: { zh: '确认该案适用的地方政策后重新审计', en: 'audit again under the profile the case belongs to' },
            detail: 'no-list',
          });
        continue;
      }
      if (span.history) {
        const from = takesEffect(ctx.timeline);
        if (favourable)
          ctx.find(span, {
            ...base,
            severity: 'info',
            message: { zh: `差错发生于 ${c.occurred_on},早于本地容错免责机制施行(${from}),作为历史记录`, en: `error of ${c.occurred_on}, before the mechanism took effect on ${from}: history` },
            expected: { effective_from: from },
            actual: { occurred_on: c.occurred_on, outcome: c.outcome },
            params: [],
            remedy: HISTORY_REMEDY,
            detail: 'pre-rule',
          });
        continue;
      }
      const [situations, barred, outcomes] = [span.param('exempt.situations'), span.param('exempt.barred'), span.param('exempt.outcomes')];
      const r = reasonExemption(c.claimed_situations, c.facts, situations.value, barred.value);
      for (const code of r.undefinedCodes)
        ctx.find(span, {
          ...base,
          severity: 'error',
          message: { zh: `援引的情形「${code}」不在本地容错免责清单中,无法认定`, en: `claimed situation "${code}" is not defined by the profile: cannot be classified` },
          expected: { defined_codes: situations.value.map((s) => s.code) },
          actual: { claimed: c.claimed_situations },
          params: [situations],
          remedy: { zh: '核对情形编号;确属新情形的,由业务人员补入清单', en: 'check the code; a genuinely new situation must be added to the list by policy staff' },
          detail: `undefined:${code}`,
        });
      if (!favourable) continue;
      if (!outcomes.value.some((o) => o === c.outcome))
        ctx.find(span, {
          ...base,
          severity: 'error',
          message: { zh: `本地机制没有「${OUTCOME_ZH[c.outcome]}」这一认定结果`, en: `the local mechanism provides no "${c.outcome}" outcome` },
          expected: { outcomes: outcomes.value },
          actual: { outcome: c.outcome },
          params: [outcomes],
          remedy: { zh: '按本地机制规定的认定结果重新认定', en: 'decide again with an outcome the local mechanism provides' },
          detail: 'outcome',
        });
      if (r.applicable.length === 0) {
        const why = r.inapplicable.map((g) => `${g.code}因「${g.because.map((f) => FACT_NAMES[f].zh).join('、')}」不适用`);
        const whyEn = r.inapplicable.map((g) => `${g.code} does not apply (${g.because.join(', ')})`);
        ctx.find(span, {
          ...base,
          severity: 'error',
          message: {
            zh: `认定为${OUTCOME_ZH[c.outcome]},但${c.claimed_situations.length ? `所援引情形均不能适用${why.length ? `(${why.join(';')})` : ''}` : '未援引任何正面清单情形'}`,
            en: `outcome ${c.outcome} without an applicable situation${whyEn.length ? ` (${whyEn.join('; ')})` : c.claimed_situations.length ? '' : ': none claimed'}`,
          },
          expected: { zh: '至少一项适用的正面清单情形', en: 'at least one applicable situation' },
          actual: { claimed: r.claimed, undefined: r.undefinedCodes, inapplicable: r.inapplicable.map((g) => ({ code: g.code, because: g.because })) },
          params: [situations],
          remedy: { zh: '撤销该认定,按一般程序追究责任,或补充适用情形后重新认定', en: 'withdraw the outcome, or re-decide on an applicable situation' },
          detail: 'no-ground',
        });
      }
    }
  },
});

