// PEN-RECOVER — the amount ordered recovered equals the amount obtained (追缴违规骗取资金):
// less leaves public money with the party, more takes what was not obtained. Where the export
// records recoveries (contract v1.1), what was actually collected for the case is judged too:
// none recorded or short of the amount obtained is a warning (collection may still be under
// way), more than obtained an error.
import { Finding } from '../../../engine/findings/finding';
import { makeFinding, Rule } from '../../rule';
import { JudgedCase, judgedCases, markBeforePeriod, reviewable, tierZh } from './cases';
import { XIANTAO_CLAUSE } from './clause';
import { fenToDecimal, fenToYuanText, PENALTY_KEYS } from './grading';
import { RecoveryRecord, recoveriesByCase } from '../recoveries';

function ordered(c: JudgedCase, findings: Finding[]): void {
  const r = c.assessment.requirements!;
  const got = Number(c.row.recovered_fen ?? 0);
  if (got === r.recoverFen) return;
  const short = r.recoverFen! - got;
  findings.push(
    makeFinding(penRecover, {
      severity: c.severity('error'),
      record: c.record,
      related: c.related,
      message:
        short > 0
          ? { zh: `${tierZh(c.assessment.tier)}应追缴骗取的 ${fenToYuanText(r.recoverFen!)} 元,仅追缴 ${fenToYuanText(got)} 元,少 ${fenToYuanText(short)} 元`, en: `${fenToYuanText(r.recoverFen!)} yuan obtained must be recovered; only ${fenToYuanText(got)} ordered (${fenToYuanText(short)} short)` }
          : { zh: `追缴 ${fenToYuanText(got)} 元,超过骗取金额 ${fenToYuanText(r.recoverFen!)} 元,多 ${fenToYuanText(-short)} 元`, en: `${fenToYuanText(got)} yuan ordered recovered exceeds the ${fenToYuanText(r.recoverFen!)} obtained by ${fenToYuanText(-short)}` },
      expected: { recovered_yuan: fenToDecimal(r.recoverFen!) },
      actual: { recovered_yuan: fenToDecimal(got) },
      params: [c.assessment.params['penalty.measures']],
      remedy:
        short > 0
          ? { zh: `再追缴 ${fenToYuanText(short)} 元`, en: `recover a further ${fenToYuanText(short)} yuan`, amount_fen: short }
          : { zh: `退还多追缴的 ${fenToYuanText(-short)} 元`, en: `refund the ${fenToYuanText(-short)} yuan over-recovered`, amount_fen: short },
      detail: 'recover',
    }),
  );
}

function collected(c: JudgedCase, records: RecoveryRecord[], findings: Finding[]): void {
  const due = c.assessment.requirements!.recoverFen!;
  const got = records.reduce((s, r) => s + r.collected_fen, 0);
  if (got === due) return;
  const ids = records.map((r) => r.recovery_id);
  const base = {
    record: c.record,
    related: [...c.related, ...ids.map((id) => ({ collection: 'recoveries', id }))],
    expected: { collected_yuan: fenToDecimal(due) },
    actual: { collected_yuan: fenToDecimal(got), recoveries: ids },
    params: [c.assessment.params['penalty.measures']],
    detail: 'collected',
  };
  const message = !records.length
    ? { zh: `应追回骗取的 ${fenToYuanText(due)} 元,追缴记录中没有该案件的追缴`, en: `${fenToYuanText(due)} yuan obtained is to be recovered; the recoveries record none for this case` }
    : got < due
      ? { zh: `应追回 ${fenToYuanText(due)} 元,已追回 ${fenToYuanText(got)} 元,尚欠 ${fenToYuanText(due - got)} 元`, en: `${fenToYuanText(due)} yuan to recover, ${fenToYuanText(got)} collected, ${fenToYuanText(due - got)} still due` }
      : { zh: `已追回 ${fenToYuanText(got)} 元,多于骗取金额 ${fenToYuanText(due)} 元`, en: `${fenToYuanText(got)} yuan collected, more than the ${fenToYuanText(due)} obtained` };
  findings.push(
    makeFinding(penRecover, {
      ...base,
      severity: c.severity(got > due ? 'error' : 'warning'),
      message,
      remedy:
        got < due
          ? { zh: `追回尚欠的 ${fenToYuanText(due - got)} 元`, en: `collect the ${fenToYuanText(due - got)} yuan still due`, amount_fen: due - got }
          : { zh: `退还多追回的 ${fenToYuanText(got - due)} 元`, en: `refund the ${fenToYuanText(got - due)} yuan collected in excess`, amount_fen: due - got },
    }),
  );
}

export const penRecover: Rule = {
  id: 'PEN-RECOVER',
  family: 'penalties',
  title: { zh: '追缴金额应等于骗取金额', en: 'The amount recovered equals the amount obtained' },
  clause: XIANTAO_CLAUSE,
  needs: ['fraud_cases'],
  reads: ['recoveries'],
  parameters: [...PENALTY_KEYS],
  async evaluate(ds, profile) {
    const findings: Finding[] = [];
    const { judged, notReviewed } = reviewable(await judgedCases(ds, profile));
    const byCase = await recoveriesByCase(ds);
    for (const c of judged) {
      if (!c.assessment.requirements || c.assessment.requirements.recoverFen === null) continue;
      ordered(c, findings);
      if (byCase) collected(c, byCase.get(c.row.case_id) ?? [], findings);
    }
    return { findings: markBeforePeriod(findings, ds, judged), examined: judged.length, ...(notReviewed ? { notReviewed } : {}) };
  },
};
