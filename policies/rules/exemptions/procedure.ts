// EXEMPT-PROCEDURE — the profile's procedure steps happen in its order (洞头: 提出申请→调查核实→
// 结果认定→暂缓决定→申诉复核→跟踪管理; 寒亭: 申请→受理→核查→会商→认定→反馈), the required ones
// all present once the case is decided; a step name the profile does not know is a finding.
// Steps on the same day are in order (洞头: 调查核实与免责认定同步).
import { frameRule } from '../../frame';
import { accountabilityCases, caseRecord, isFavourable, judgingSpan } from './cases';
import { TRACKING_CLAUSE } from './clause';

export const exemptProcedure = frameRule({
  id: 'EXEMPT-PROCEDURE',
  family: 'exemptions',
  title: { zh: '免责认定须按本地规定的程序步骤依次办理', en: 'The exemption procedure follows the profile’s steps in order' },
  clause: TRACKING_CLAUSE,
  needs: ['accountability_cases'],
  reads: [],
  parameters: ['exempt.procedure'],
  // No procedure bound a case from before the mechanism.
  before: 'skip',
  async whole(ctx) {
    const { ds } = ctx;
    for (const c of await accountabilityCases(ds)) {
      const span = judgingSpan(ctx.timeline, c.occurred_on);
      if (!span || span.history) continue;
      ctx.examine(1);
      const procedure = span.param('exempt.procedure');
      const defs = procedure.value;
      const order = new Map(defs.map((d, i) => [d.step, i]));
      const base = { ...caseRecord(ds, c), params: [procedure], groups: { staff: c.staff_id } };
      const expectedOrder = defs.map((d) => d.step).join('→');
      for (const s of c.steps.filter((s) => !order.has(s.step)))
        ctx.find(span, {
          ...base,
          severity: 'error',
          message: { zh: `程序步骤「${s.step}」(${s.on})不是本地规定的步骤,无法认定`, en: `step "${s.step}" (${s.on}) is not a step of the local procedure` },
          expected: { steps: expectedOrder },
          actual: { step: s.step, on: s.on },
          remedy: { zh: `核实该步骤,按本地程序(${expectedOrder})补正记录`, en: `check the step and correct the record to the local procedure (${expectedOrder})` },
          detail: `unknown:${s.step}`,
        });
      // Earliest date of each known step, in the profile's order.
      const first = new Map<string, string>();
      for (const s of c.steps) if (order.has(s.step) && (!first.has(s.step) || s.on < first.get(s.step)!)) first.set(s.step, s.on);
      if (c.outcome !== 'pending') {
        const missing = defs.filter((d) => !first.has(d.step) && (d.required === 'always' || (d.required === 'favourable' && isFavourable(c.outcome))));
        if (missing.length)
          ctx.find(span, {
            ...base,
            severity: 'error',
            message: { zh: `缺少程序步骤:${missing.map((d) => `「${d.step}」`).join('、')}(应为 ${expectedOrder})`, en: `missing step(s): ${missing.map((d) => d.en).join(', ')}` },
            expected: { steps: expectedOrder, required: missing.map((d) => d.step) },
            actual: { steps: c.steps },
            remedy: { zh: '补办缺少的程序后重新认定', en: 'complete the missing steps and decide again' },
            detail: 'missing',
          });
      }
      const present = defs.filter((d) => first.has(d.step));
      const inversions: string[] = [];
      const inversionsEn: string[] = [];
      present.forEach((d, i) => {
        const earlier = present.slice(0, i).filter((e) => first.get(e.step)! > first.get(d.step)!);
        for (const e of earlier) {
          inversions.push(`「${d.step}」(${first.get(d.step)})早于「${e.step}」(${first.get(e.step)})`);
          inversionsEn.push(`${d.en} (${first.get(d.step)}) before ${e.en} (${first.get(e.step)})`);
        }
      });
      if (inversions.length)
        ctx.find(span, {
          ...base,
          severity: 'error',
          message: { zh: `程序顺序颠倒:${inversions.join(';')}(应为 ${expectedOrder})`, en: `steps out of order: ${inversionsEn.join('; ')}` },
          expected: { steps: expectedOrder },
          actual: { steps: present.map((d) => ({ step: d.step, on: first.get(d.step) })) },
          remedy: { zh: `按本地程序顺序(${expectedOrder})重新履行颠倒的步骤`, en: `redo the steps out of order in the local sequence (${expectedOrder})` },
          detail: 'order',
        });
    }
  },
});
