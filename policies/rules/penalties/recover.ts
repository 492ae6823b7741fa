// PEN-RECOVER — the amount ordered recovered equals the amount obtained (追缴违规骗取资金):
// less leaves public money with the party, more takes what was not obtained. Where the export
// records recoveries (contract v1.1), what was actually collected for the case is judged too:
// none recorded or short of the amount obtained is a warning (collection may still be under
// way), more than obtained an error.
import { Finding } from '../../../engine/findings/finding';
import { makeFinding, Rule } from '../../rule';
import { JudgedCase, perCaseRule, tierZh } from './cases';
import { fenToDecimal, fenToYuanText } from './grading';
import { recoveriesByCase } from '../recoveries';

type Collected = Awaited<ReturnType<typeof recoveriesByCase>>;

function judge(c: JudgedCase, byCase: Collected, findings: Finding[]): void {
  const r = c.assessment.requirements;
  if (!r || r.recoverFen === null) return;
  const got = Number(c.row.recovered_fen ?? 0);
  const short = r.recoverFen - got;
  if (short !== 0)
    findings.push(
      makeFinding(penRecover, {
        severity: c.severity('error'),
        record: c.record,
        related: c.related,
        message:
          short > 0
            ? { zh: `${tierZh(c.assessment.tier)}应追缴骗取的 ${fenToYuanText(r.recoverFen)} 元,仅追缴 ${fenToYuanText(got)} 元,少 ${fenToYuanText(short)} 元`, en: `${fenToYuanText(r.recoverFen)} yuan obtained must be recovered; only ${fenToYuanText(got)} ordered (${fenToYuanText(short)} short)` }
            : { zh: `追缴 ${fenToYuanText(got)} 元,超过骗取金额 ${fenToYuanText(r.recoverFen)} 元,多 ${fenToYuanText(-short)} 元`, en: `${fenToYuanText(got)} yuan ordered recovered exceeds the ${fenToYuanText(r.recoverFen)} obtained by ${fenToYuanText(-short)}` },
        expected: { recovered_yuan: fenToDecimal(r.recoverFen) },
        actual: { recovered_yuan: fenToDecimal(got) },
        params: [c.assessment.params['penalty.measures']],
        remedy:
          short > 0
            ? { zh: `再追缴 ${fenToYuanText(short)} 元`, en: `recover a further ${fenToYuanText(short)} yuan`, amount_fen: short }
            : { zh: `退还多追缴的 ${fenToYuanText(-short)} 元`, en: `refund the ${fenToYuanText(-short)} yuan over-recovered`, amount_fen: short },
        detail: 'recover',
      }),
    );
  if (!byCase) return;
  const rec = byCase.get(c.row.case_id);
  const due = r.recoverFen;
  const collected = rec?.collected_fen ?? 0;
  if (collected === due) return;
  const ids = rec?.recovery_ids ?? [];
  findings.push(
    makeFinding(penRecover, {
      severity: c.severity(collected > due ? 'error' : 'warning'),
      record: c.record,
      related: [...c.related, ...ids.map((id) => ({ collection: 'recoveries', id }))],
      message: !ids.length
        ? { zh: `应追回骗取的 ${fenToYuanText(due)} 元,追缴记录中没有该案件的追缴`, en: `${fenToYuanText(due)} yuan obtained is to be recovered; the recoveries record none for this case` }
        : collected < due
          ? { zh: `应追回 ${fenToYuanText(due)} 元,已追回 ${fenToYuanText(collected)} 元,尚欠 ${fenToYuanText(due - collected)} 元`, en: `${fenToYuanText(due)} yuan to recover, ${fenToYuanText(collected)} collected, ${fenToYuanText(due - collected)} still due` }
          : { zh: `已追回 ${fenToYuanText(collected)} 元,多于骗取金额 ${fenToYuanText(due)} 元`, en: `${fenToYuanText(collected)} yuan collected, more than the ${fenToYuanText(due)} obtained` },
      expected: { collected_yuan: fenToDecimal(due) },
      actual: { collected_yuan: fenToDecimal(collected), recoveries: ids },
      params: [c.assessment.params['penalty.measures']],
      remedy:
        collected < due
          ? { zh: `追回尚欠的 ${fenToYuanText(due - collected)} 元`, en: `collect the ${fenToYuanText(due - collected)} yuan still due`, amount_fen: due - collected }
          : { zh: `退还多追回的 ${fenToYuanText(collected - due)} 元`, en: `refund the ${fenToYuanText(collected - due)} yuan collected in excess`, amount_fen: due - collected },
      detail: 'collected',
    }),
  );
}

const META = { id: 'PEN-RECOVER', title: { zh: '追缴金额应等于骗取金额', en: 'The amount recovered equals the amount obtained' } };

export const penRecover: Rule = {
  ...perCaseRule(META, () => undefined),
  // What was collected comes from `recoveries`, read here (not with the cases the other PEN rules share).
  reads: ['recoveries'],
  async evaluate(ds, profile) {
    const byCase = await recoveriesByCase(ds);
    return perCaseRule(META, (c, findings) => judge(c, byCase, findings)).evaluate(ds, profile);
  },
};
