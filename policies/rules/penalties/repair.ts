// PEN-REPAIR — credit repair (铁岭市清河区《社会救助对象失信惩戒和守信激励办法(试行)》 三): granted only when the person corrected the
// conduct and repaid within six months of the decision, and decided within 15 working days
// of the application on the official calendar. A refused repair that met the conditions is
// reported too (omission), and a repair the profile has no procedure for cannot be judged.
// Its duties fall on the repair's own dates: one before meta.period.from is history. Where the
// export records the blacklist removal (contract v1.1), a repair granted out of time names the
// removal it led to, so the remedy restores that entry.
import { Finding } from '../../../engine/findings/finding';
import { makeFinding, Rule } from '../../rule';
import { CalendarRangeError } from '../../calendar/working-days';
import { addDuration, formatDuration } from '../../duration';
import { judgedCases, markBeforePeriod, reviewable } from './cases';
import { REPAIR_CLAUSE } from './clause';
import { PENALTY_KEYS } from './grading';
import { CreditRepairT } from '../../parameters/penalties';

export const penRepair: Rule = {
  id: 'PEN-REPAIR',
  family: 'penalties',
  title: (n) => {
    const d = n.say<CreditRepairT>(
      'penalty.credit_repair',
      (v) => {
        const [c, d] = [formatDuration(v.correct_within), formatDuration(v.decide_within)];
        return { zh: `${c.zh}内纠正并退缴,${d.zh}内认定`, en: `correction and repayment within ${c.en}, decided within ${d.en}` };
      },
      { zh: '规定期限内纠正并退缴,按时认定', en: 'correction and repayment within the set window, decided on time' },
    );
    return { zh: `信用修复须${d.zh}`, en: `Credit repair only after ${d.en}` };
  },
  clause: REPAIR_CLAUSE,
  needs: ['fraud_cases'],
  reads: [],
  parameters: [...PENALTY_KEYS],
  async evaluate(ds, profile) {
    const findings: Finding[] = [];
    const { judged, notReviewed } = reviewable(await judgedCases(ds, profile));
    const withRepair = judged.filter((c) => c.row.credit_repair);
    for (const c of withRepair) {
      const cr = c.row.credit_repair!;
      const rules = c.assessment.requirements?.repair;
      const base = { record: c.record, related: c.related };
      if (!rules) {
        findings.push(makeFinding(penRepair, { ...base, params: [], severity: c.severity('warning'), message: { zh: '政策配置未规定信用修复程序,无法核对该信用修复', en: 'the profile defines no credit repair; this repair cannot be checked' }, expected: null, actual: cr, remedy: { zh: '在政策配置中补充信用修复程序后复核', en: 'add the credit-repair procedure to the profile, then review' }, detail: 'no-procedure' }));
        continue;
      }
      const params = [rules.param];
      const window = formatDuration((rules.param.value as CreditRepairT).correct_within);
      const decideIn = formatDuration(rules.decideWithin);
      const inTime = cr.corrected_on <= rules.correctBy && cr.repaid_on <= rules.correctBy;
      const late = [cr.corrected_on > rules.correctBy ? `纠正于 ${cr.corrected_on}` : '', cr.repaid_on > rules.correctBy ? `退缴于 ${cr.repaid_on}` : ''].filter(Boolean).join('、');
      const removed = c.row.blacklist_removed_on;
      if (cr.granted && !inTime)
        findings.push(
          makeFinding(penRepair, {
            ...base,
            params,
            severity: c.severity('error', cr.decided_on),
            message: {
              zh: `准予信用修复,但${late},晚于决定后${window.zh}(${rules.correctBy})${removed ? `;已据此于 ${removed} 移出失信人员名单` : ''}`,
              en: `repair granted although correction/repayment came after ${rules.correctBy}, ${window.en} after the decision${removed ? `; taken off the blacklist on ${removed} as a result` : ''}`,
            },
            expected: { corrected_and_repaid_by: rules.correctBy },
            actual: { corrected_on: cr.corrected_on, repaid_on: cr.repaid_on, ...(removed ? { blacklist_removed_on: removed } : {}) },
            remedy: removed
              ? { zh: `撤销信用修复,恢复 ${removed} 移出的失信名单记录`, en: `revoke the repair and restore the blacklist entry removed on ${removed}` }
              : { zh: '撤销信用修复,恢复失信名单', en: 'revoke the repair and restore the blacklist entry' },
            detail: 'window',
          }),
        );
      if (!cr.granted && inTime)
        findings.push(makeFinding(penRepair, { ...base, params, severity: c.severity('warning', cr.decided_on), message: { zh: `已于${window.zh}内(至迟 ${rules.correctBy})纠正并退缴,却未准予信用修复`, en: `corrected and repaid by ${rules.correctBy}, yet the repair was refused` }, expected: { granted: true }, actual: { granted: false }, remedy: { zh: '复核信用修复申请', en: 'review the repair application again' }, detail: 'refused' }));
      let deadline: string;
      try {
        deadline = addDuration(cr.applied_on, rules.decideWithin);
      } catch (e) {
        if (!(e instanceof CalendarRangeError)) throw e;
        findings.push(makeFinding(penRepair, { ...base, params, severity: c.severity('warning', cr.applied_on), message: { zh: `无法计算认定期限: ${e.zh}`, en: `cannot compute the deadline: ${e.en}` }, expected: null, actual: { applied_on: cr.applied_on }, remedy: { zh: '补充该年度工作日历后复核认定期限', en: 'add that year\'s working-day calendar, then check the deadline' }, detail: 'calendar' }));
        continue;
      }
      if (cr.decided_on > deadline)
        findings.push(makeFinding(penRepair, { ...base, params, severity: c.severity('error', cr.decided_on), message: { zh: `信用修复申请于 ${cr.applied_on} 提出,应在${decideIn.zh}内(至迟 ${deadline})认定,实际 ${cr.decided_on}`, en: `applied ${cr.applied_on}, to be decided within ${decideIn.en} (by ${deadline}); decided ${cr.decided_on}` }, expected: { decided_by: deadline }, actual: { decided_on: cr.decided_on }, remedy: { zh: `至迟应于 ${deadline} 完成认定`, en: `decide by ${deadline}`, deadline }, detail: 'deadline' }));
    }
    return { findings: markBeforePeriod(findings, ds, judged), examined: withRepair.length, ...(notReviewed ? { notReviewed } : {}) };
  },
};
