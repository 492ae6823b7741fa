// ELIG-GRADUAL — after income rises above the standard, assistance may continue for the
// gradual-exit period (奈民发〔2022〕28号 二(二)1 "规范、分类实施低保渐退政策") and no longer: the months
// after the exit month, up to the profile's number. Payments past the declared or the
// allowed end are wrongful inclusion, with the amount to recover; a gradual exit declared
// for a household that left for another reason (death, fraud…), or outside dibao ("低保渐退"),
// is not a gradual exit at all. An exit decided before meta.period.from, and payments all for
// months before it, are history (info): the export need not hold the rest of that story.
import { frameRule } from '../../frame';
import { INCLUSION_CLAUSE } from './clause';
import { fenText } from './income-items';
import { beforePeriodNote, HISTORY_REMEDY } from '../../audit-period';

interface Row {
  application_id: string;
  household_id: string;
  _line: number;
  ended_on: string;
  reason: string;
  program: string;
  until: string | null;
  exit_month: string;
  limit_month: string;
  allowed_month: string;
  payment_ids: string[] | null;
  months: string[] | null;
  fen: string | null;
}

const PROGRAM_ZH: Record<string, string> = { dibao: '低保', tekun: '特困供养', temporary: '临时救助', low_income: '低保边缘家庭救助' };
const REASON_ZH: Record<string, string> = { income_over_limit: '收入超标', death: '死亡', voluntary: '主动退出', fraud: '骗取救助', warning: '预警核查', other: '其他原因' };

export const eligGradual = frameRule({
  id: 'ELIG-GRADUAL',
  family: 'exemptions',
  title: { zh: '收入超标退出的,渐退期不超过规定月数', en: 'After income rises above the standard, assistance continues no longer than the gradual-exit period' },
  clause: INCLUSION_CLAUSE,
  needs: ['applications'],
  reads: ['payments'],
  parameters: ['elig.gradual_exit_months'],
  before: 'skip',
  async eachSpan(span, ctx) {
    const { ds, audit: audited } = ctx;
    const hasPayments = ds.has('payments');
    const note = beforePeriodNote(audited);
    const asHistory = (history: boolean, f: { severity: 'error'; message: { zh: string; en: string }; remedy: Record<string, unknown> & { zh: string; en: string } }) =>
      history ? { severity: 'info' as const, message: { zh: f.message.zh + note.zh, en: f.message.en + note.en }, remedy: HISTORY_REMEDY } : f;
    const param = span.param('elig.gradual_exit_months');
    // Months only (the parameter's schema refuses days): payments are monthly.
    const n = param.value.value;
    const cand = `SELECT a.application_id, a.household_id, a._line, a.exit.ended_on::VARCHAR AS ended_on, a.exit.reason AS reason, a.program, a.exit.gradual_exit_until AS until,
             strftime(a.exit.ended_on, '%Y-%m') AS exit_month, strftime(a.exit.ended_on + INTERVAL (${n}) MONTH, '%Y-%m') AS limit_month
      FROM applications a WHERE a.exit IS NOT NULL AND (a.exit.reason = 'income_over_limit' OR a.exit.gradual_exit_until IS NOT NULL) AND ${span.where('a.exit.ended_on')}`;
    const [{ c }] = await ds.all<{ c: number }>(`SELECT count(*)::INTEGER AS c FROM (${cand})`);
    ctx.examine(c);
    const rows = await ds.all<Row>(
      `WITH cand AS (SELECT *, CASE WHEN reason = 'income_over_limit' AND program = 'dibao' THEN least(coalesce(until, exit_month), limit_month) ELSE exit_month END AS allowed_month, (reason = 'income_over_limit' AND program = 'dibao') AS gradual_allowed FROM (${cand})),
       over AS (${
         hasPayments
           ? `SELECT c.application_id, list(p.payment_id ORDER BY p.month, p.payment_id) AS payment_ids, list(DISTINCT p.month ORDER BY p.month) AS months, sum(CAST(p.amount * 100 AS BIGINT))::VARCHAR AS fen
              FROM cand c JOIN payments p ON p.application_id = c.application_id AND p.month > c.allowed_month GROUP BY c.application_id`
           : `SELECT NULL::VARCHAR AS application_id, NULL::VARCHAR[] AS payment_ids, NULL::VARCHAR[] AS months, NULL::VARCHAR AS fen WHERE false`
       })
       SELECT c.*, o.payment_ids, o.months, o.fen FROM cand c LEFT JOIN over o USING (application_id)
       WHERE o.fen IS NOT NULL OR (c.gradual_allowed AND c.until > c.limit_month) OR (NOT c.gradual_allowed AND c.until IS NOT NULL)
       ORDER BY c._line`,
    );
    for (const r of rows) {
      const base = {
        record: ds.locate('applications', r.application_id, r._line),
        params: [param],
        groups: { direction: 'inclusion' },
      };
      const related = [{ collection: 'households', id: r.household_id }];
      const allowed = r.reason === 'income_over_limit' && r.program === 'dibao';
      const exitedBefore = r.ended_on < audited.from;
      if (allowed && r.until && r.until > r.limit_month)
        ctx.find(span, {
          ...base,
          related,
          ...asHistory(exitedBefore, {
            severity: 'error',
            message: { zh: `${r.ended_on} 因收入超标退出,渐退期定至 ${r.until},超过 ${n} 个月上限(最晚至 ${r.limit_month})`, en: `exited ${r.ended_on} for income over the limit; gradual exit set to ${r.until}, beyond the ${n}-month limit (${r.limit_month})` },
            remedy: { zh: `渐退期最晚至 ${r.limit_month}`, en: `end the gradual exit by ${r.limit_month}`, month: r.limit_month },
          }),
          expected: { last_month: r.limit_month, months: n },
          actual: { gradual_exit_until: r.until, exit_month: r.exit_month },
          detail: 'declared',
        });
      if (!allowed && r.until)
        ctx.find(span, {
          ...base,
          related,
          ...asHistory(exitedBefore, {
            severity: 'error',
            message:
              r.reason === 'income_over_limit'
                ? { zh: `渐退只适用于低保,该申请为${PROGRAM_ZH[r.program] ?? r.program},却定有渐退期至 ${r.until}`, en: `gradual exit is for dibao only; this ${r.program} application has one to ${r.until}` }
                : { zh: `因${REASON_ZH[r.reason] ?? r.reason}退出,不适用渐退,却定有渐退期至 ${r.until}`, en: `exited for ${r.reason}, which allows no gradual exit, yet one runs to ${r.until}` },
            remedy: { zh: '取消渐退,自退出当月起停发', en: 'cancel the gradual exit; stop from the exit month' },
          }),
          expected: { gradual_exit: false },
          actual: { reason: r.reason, gradual_exit_until: r.until },
          detail: 'reason',
        });
      if (r.fen !== null) {
        const fen = Number(r.fen);
        ctx.find(span, {
          ...base,
          related: [...related, ...(r.payment_ids ?? []).map((id) => ({ collection: 'payments', id }))],
          // Payments all for months before the period are history; one inside it makes the whole overpayment due.
          ...asHistory((r.months ?? []).every((m) => m < audited.from.slice(0, 7)), {
            severity: 'error',
            message: {
              zh: `${r.ended_on} 因${REASON_ZH[r.reason] ?? r.reason}退出,最晚可发放至 ${r.allowed_month},却仍发放了 ${(r.months ?? []).join('、')} 共 ${fenText(fen)} 元`,
              en: `exited ${r.ended_on} (${r.reason}); payable through ${r.allowed_month}, yet paid for ${(r.months ?? []).join(', ')}: ${fenText(fen)} yuan`,
            },
            remedy: { zh: `停发并追回 ${fenText(fen)} 元`, en: `stop and recover ${fenText(fen)} yuan`, amount_fen: fen, month: r.allowed_month },
          }),
          expected: { last_payable_month: r.allowed_month, limit_month: r.limit_month },
          actual: { months: r.months, amount_fen: fen, gradual_exit_until: r.until },
          detail: 'payments',
        });
      }
    }
  },
});
