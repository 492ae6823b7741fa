// WARN-OUTCOME and WARN-PAYMENTS — the eight warnings of a district report on dibao management (《某区低保精细化管理报告》) put the burden of proof on
// the household: no counter-evidence by the due date → treated as voluntary exit, the past
// not pursued; evidence not credible → cancelled and past payments recovered; credible →
// continues. Afterwards nothing is paid for a month after the cancellation or exit month.
// A warning still open is judged on meta.period.to: overdue if the evidence was due before it,
// else its due date is still running (not yet due, counted as not reviewed).
import { Finding } from '../../../engine/findings/finding';
import { makeFinding, Rule } from '../../rule';
import { sqlList } from '../../periods';
import { allValues, fenSql, monthRanges, notConfigured, paymentRefs, stateOn, unsetKeys, yuan } from './common';
import { WARNING_CLAUSE } from './clause';
import { auditPeriod, notYetDue, Unjudged } from '../../audit-period';
import { recoveryLookup, withRecovery } from '../recoveries';

const OUTCOME_KEYS = ['warn.types'];
const PAYMENT_KEYS = ['warn.programs'];

const OUTCOME_ZH: Record<string, string> = { continued: '继续享受', cancelled: '取消并追回', voluntary_exit: '视为自动放弃', pending: '待处理' };
const TYPE_ZH: Record<string, string> = {
  deposits: '存款', securities: '有价证券', real_estate: '房产', insurance: '保险', income_tax: '所得税', vehicle: '车辆', business: '工商经营', provident_fund: '公积金', other: '其他',
};

interface WarningRow {
  warning_id: string;
  household_id: string;
  _line: number;
  type: string;
  raised_on: string;
  evidence_due: string;
  submitted_on: string | null;
  credible: boolean | null;
  outcome: string;
  outcome_on: string;
}

/** What the district report (《某区低保精细化管理报告》) requires, given the response; `undefined` when only "pending" is right so far. */
export function expectedOutcome(w: Pick<WarningRow, 'evidence_due' | 'submitted_on' | 'credible'>): 'continued' | 'cancelled' | 'voluntary_exit' | 'pending' {
  // Counter-evidence after the due date counts as none (profile choice); on the due date is on time.
  const onTime = w.submitted_on !== null && w.submitted_on <= w.evidence_due;
  if (!onTime) return 'voluntary_exit';
  if (w.credible === null) return 'pending';
  return w.credible ? 'continued' : 'cancelled';
}

export const warnOutcome: Rule = {
  id: 'WARN-OUTCOME',
  family: 'crosschecks',
  title: { zh: '预警处理结果须与举证情况一致', en: 'A warning’s outcome matches the household’s response' },
  clause: WARNING_CLAUSE,
  needs: ['warnings'],
  reads: [],
  parameters: OUTCOME_KEYS,
  async evaluate(ds, profile) {
    if (unsetKeys(profile, OUTCOME_KEYS).length) return notConfigured(profile, OUTCOME_KEYS, ds.count('warnings'));
    const rows = await ds.all<WarningRow>(
      `SELECT warning_id, household_id, _line, type, raised_on::VARCHAR AS raised_on, evidence_due::VARCHAR AS evidence_due,
              response.submitted_on::VARCHAR AS submitted_on, response.credible AS credible, outcome, outcome_on::VARCHAR AS outcome_on
       FROM warnings ORDER BY _line`,
    );
    const findings: Finding[] = [];
    const period = auditPeriod(ds);
    const unjudged = new Unjudged();
    for (const w of rows) {
      const s = stateOn(profile, OUTCOME_KEYS, w.raised_on);
      if (s.off) continue;
      const types = s.values['warn.types']!;
      const severity = s.preRule ? 'info' : 'error';
      const base = { record: ds.locate('warnings', w.warning_id, w._line), related: [{ collection: 'households', id: w.household_id }], params: [types] };
      const response = { submitted_on: w.submitted_on, credible: w.credible, evidence_due: w.evidence_due };
      if (!(types.value as string[]).includes(w.type)) {
        findings.push(
          makeFinding(warnOutcome, {
            ...base,
            severity,
            message: { zh: `预警类型「${TYPE_ZH[w.type] ?? w.type}」不在本地预警类型中,无法归类`, en: `warning type "${w.type}" is not one the profile defines: cannot classify` },
            expected: { types: types.value },
            actual: { type: w.type },
            remedy: { zh: '由业务人员确认该预警类型并补入政策配置', en: 'have policy staff confirm the type and add it to the profile' },
            detail: 'type',
          }),
        );
        continue;
      }
      const expected = expectedOutcome(w);
      if (w.outcome === 'pending') {
        // Still open after the due date passed with no evidence: the decision is overdue. Open
        // at the end of the exported period counts as open on that day.
        const asOf = period.stated && period.to > w.outcome_on ? period.to : w.outcome_on;
        if (expected === 'voluntary_exit' && !w.submitted_on && w.evidence_due >= asOf) {
          unjudged.add(notYetDue(period));
          continue;
        }
        if (expected !== 'pending' && asOf > w.evidence_due)
          findings.push(
            makeFinding(warnOutcome, {
              ...base,
              severity: s.preRule ? 'info' : 'warning',
              message: { zh: `举证期已于 ${w.evidence_due} 届满,至 ${asOf} 仍未处理(应${OUTCOME_ZH[expected]})`, en: `evidence was due ${w.evidence_due}; still pending on ${asOf} (should be ${expected})` },
              expected: { outcome: expected },
              actual: { outcome: w.outcome, outcome_on: w.outcome_on, response },
              remedy: { zh: `依举证情况作出处理:${OUTCOME_ZH[expected]}`, en: `decide: ${expected}` },
              detail: 'overdue',
            }),
          );
        continue;
      }
      if (!w.submitted_on && w.outcome_on < w.evidence_due) {
        findings.push(
          makeFinding(warnOutcome, {
            ...base,
            severity,
            message: { zh: `举证期(至 ${w.evidence_due})未满即于 ${w.outcome_on} 作出「${OUTCOME_ZH[w.outcome]}」处理`, en: `decided "${w.outcome}" on ${w.outcome_on}, before the evidence was due (${w.evidence_due})` },
            expected: { decided_after: w.evidence_due },
            actual: { outcome: w.outcome, outcome_on: w.outcome_on, response },
            remedy: { zh: '撤销处理,待举证期满后依举证情况重新处理', en: 'withdraw the decision and decide after the due date' },
            detail: 'early',
          }),
        );
        continue;
      }
      if (expected === 'pending') {
        findings.push(
          makeFinding(warnOutcome, {
            ...base,
            severity,
            message: { zh: `已提交反证但未认定是否真实可信,即作出「${OUTCOME_ZH[w.outcome]}」处理`, en: `decided "${w.outcome}" without assessing the counter-evidence submitted` },
            expected: { zh: '先审查反证是否真实可信', en: 'assess the counter-evidence first' },
            actual: { outcome: w.outcome, response },
            remedy: { zh: '审查反证并记录认定结果', en: 'assess the evidence and record the result' },
            detail: 'unassessed',
          }),
        );
        continue;
      }
      if (w.outcome === expected) continue;
      const why =
        expected === 'voluntary_exit'
          ? w.submitted_on
            ? `反证于 ${w.submitted_on} 提交,晚于举证期限 ${w.evidence_due},视同未提出反证`
            : `举证期限 ${w.evidence_due} 前未提出反证`
          : expected === 'continued'
            ? '反证经审查真实可信'
            : '反证经审查不真实可信';
      // Harsher than allowed (cancel and recover where only exit is due, or stop a credible household) cuts both ways.
      findings.push(
        makeFinding(warnOutcome, {
          ...base,
          severity,
          message: {
            zh: `${why},应「${OUTCOME_ZH[expected]}」,实际为「${OUTCOME_ZH[w.outcome] ?? w.outcome}」`,
            en: `response requires "${expected}" but the outcome was "${w.outcome}"`,
          },
          expected: { outcome: expected },
          actual: { outcome: w.outcome, outcome_on: w.outcome_on, response },
          remedy:
            expected === 'continued'
              ? { zh: '恢复救助待遇并补发', en: 'restore the benefit and pay arrears' }
              : expected === 'cancelled'
                ? { zh: '取消救助待遇并追回以往领取的救助金', en: 'cancel the benefit and recover past payments' }
                : { zh: '按自动放弃处理,不追究以往享受待遇', en: 'treat as voluntary exit, without pursuing past payments' },
          detail: 'outcome',
        }),
      );
    }
    return { findings, examined: rows.length - unjudged.count, ...unjudged.result() };
  },
};

interface PaymentRow {
  warning_id: string;
  w_line: number;
  household_id: string;
  outcome: string;
  outcome_on: string;
  payment_id: string;
  program: string;
  month: string;
  fen: string;
}

export const warnPayments: Rule = {
  id: 'WARN-PAYMENTS',
  family: 'crosschecks',
  title: { zh: '取消或自动放弃后不得继续发放', en: 'No payment after a cancellation or exit month' },
  clause: WARNING_CLAUSE,
  needs: ['warnings', 'payments'],
  reads: ['applications', 'recoveries'],
  parameters: PAYMENT_KEYS,
  async evaluate(ds, profile) {
    if (unsetKeys(profile, PAYMENT_KEYS).length) return notConfigured(profile, PAYMENT_KEYS, ds.count('warnings'));
    const stopped = `outcome IN ('cancelled', 'voluntary_exit')`;
    const [{ n }] = await ds.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM warnings WHERE ${stopped}`);
    const hasApps = ds.has('applications');
    // A payment under an application approved afresh after the outcome is a new entitlement.
    // Payments and applications are narrowed to the stopped households before the month test.
    const rows = await ds.all<PaymentRow>(
      `WITH w AS (SELECT warning_id, _line AS w_line, household_id, outcome, outcome_on, strftime(outcome_on, '%Y-%m') AS outcome_month FROM warnings WHERE ${stopped}),
       p AS (SELECT payment_id, application_id, household_id, program, month, ${fenSql('amount')} AS fen FROM payments
             WHERE program IN (${sqlList(allValues<string>(profile, 'warn.programs'))}) AND household_id IN (SELECT household_id FROM w))
       ${hasApps ? `, a AS (SELECT application_id, decision FROM applications WHERE household_id IN (SELECT household_id FROM w))` : ''}
       SELECT w.warning_id, w.w_line, w.household_id, w.outcome, w.outcome_on::VARCHAR AS outcome_on, p.payment_id, p.program, p.month, p.fen
       FROM p JOIN w ON w.household_id = p.household_id AND p.month > w.outcome_month
       ${hasApps ? 'LEFT JOIN a ON a.application_id = p.application_id' : ''}
       ${hasApps ? `WHERE NOT coalesce(a.decision.result = 'approved' AND a.decision.decided_on > w.outcome_on, false)` : ''}
       ORDER BY w.w_line, p.month, p.payment_id`,
    );
    const groups = new Map<string, PaymentRow[]>();
    for (const r of rows) {
      const s = stateOn(profile, PAYMENT_KEYS, r.outcome_on);
      if (s.off || !(s.values['warn.programs']!.value as string[]).includes(r.program)) continue;
      (groups.get(r.warning_id) ?? groups.set(r.warning_id, []).get(r.warning_id)!).push(r);
    }
    const findings: Finding[] = [];
    const recoveries = await recoveryLookup(ds, [...groups.values()].flat().map((p) => p.payment_id));
    for (const ps of groups.values()) {
      const r = ps[0];
      const s = stateOn(profile, PAYMENT_KEYS, r.outcome_on);
      const fen = ps.reduce((a, p) => a + Number(p.fen), 0);
      const months = ps.map((p) => p.month);
      findings.push(
        makeFinding(warnPayments, withRecovery({
          severity: s.preRule ? 'info' : 'error',
          record: ds.locate('warnings', r.warning_id, r.w_line),
          related: [{ collection: 'households', id: r.household_id }, ...paymentRefs(ps.map((p) => p.payment_id))],
          message: {
            zh: `预警处理为「${OUTCOME_ZH[r.outcome]}」(${r.outcome_on})后,${monthRanges(months)} 仍发放 ${yuan(fen)} 元`,
            en: `after the warning ended in "${r.outcome}" (${r.outcome_on}), ${monthRanges(months)} were still paid (${yuan(fen)} yuan)`,
          },
          expected: { zh: `${r.outcome_on.slice(0, 7)} 之后不再发放`, en: `no payment after ${r.outcome_on.slice(0, 7)}` },
          actual: { months, payments: ps.map((p) => p.payment_id) },
          params: [s.values['warn.programs']],
          remedy: { zh: `停发并追回 ${yuan(fen)} 元`, en: `stop payment and recover ${yuan(fen)} yuan`, amount_fen: fen, month: months[0] },
          detail: 'paid-after-outcome',
        }, fen, ps.map((p) => p.payment_id), recoveries)),
      );
    }
    return { findings, examined: n };
  },
};
