// PEN-RECOVER — the amount ordered recovered equals the amount obtained (追缴违规骗取资金):
// less leaves public money with the party, more takes what was not obtained.
import { Rule } from '../../rule';
import { perCaseRule, tierZh } from './cases';
import { fenToDecimal, fenToYuanText } from './grading';

export const penRecover: Rule = perCaseRule({ id: 'PEN-RECOVER', title: { zh: '追缴金额应等于骗取金额', en: 'The amount recovered equals the amount obtained' } }, (c, find) => {
  const r = c.assessment.requirements;
  if (!r || r.recoverFen === null) return;
  const got = Number(c.row.recovered_fen ?? 0);
  if (got === r.recoverFen) return;
  const short = r.recoverFen - got;
  find({
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
  });
});
