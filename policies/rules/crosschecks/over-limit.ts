// DUP-OVER-LIMIT — a household exited for income or property over the limit is paid no more:
// no payment under that application for a month after the exit month (or after the recorded
// gradual-exit month, whose length ELIG-GRADUAL judges); what was paid is to be recovered
// (奈民发〔2022〕28号 二(一)4 及时清退……落实违规领取资金的追缴). Payments all for months before
// meta.period.from are history (info): recovery of those belongs to the earlier period's audit.
import { PaymentT } from '../../../schemas/case-export';
import { frameRule, sqlList } from '../../frame';
import { fenSql, monthRanges, paymentRefs, yuan } from './common';
import { OVER_LIMIT_CLAUSE } from './clause';
import { beforePeriodNote, HISTORY_REMEDY } from '../../audit-period';
import { recoveryLookup, withRecovery } from '../recoveries';

interface Row {
  application_id: string;
  household_id: string;
  app_line: number;
  ended_on: string;
  last_month: string;
  payment_id: string;
  program: PaymentT['program'];
  month: string;
  fen: string;
}

export const dupOverLimit = frameRule({
  id: 'DUP-OVER-LIMIT',
  family: 'crosschecks',
  title: { zh: '收入财产超标对象及时清退,违规领取资金追缴', en: 'An over-limit household is exited and its overpayment recovered' },
  clause: OVER_LIMIT_CLAUSE,
  needs: ['applications', 'payments'],
  reads: ['recoveries'],
  parameters: ['dup.over_limit_programs'],
  before: { note: { zh: '(作为历史记录)', en: ' (history)' } },
  unset: { count: () => 0 },
  // Each exit is judged by the programmes in force on its exit date.
  async whole(ctx) {
    const { ds } = ctx;
    await ctx.examineWhere('applications', `exit.reason = 'income_over_limit'`);
    // The exits are few: payments are narrowed to their applications by a semi-join before the month test.
    const rows = await ds.all<Row>(
      `WITH x AS (SELECT application_id, household_id, _line AS app_line, exit.ended_on::VARCHAR AS ended_on,
                         greatest(strftime(exit.ended_on, '%Y-%m'), coalesce(exit.gradual_exit_until, '0000-00')) AS last_month
                  FROM applications WHERE exit.reason = 'income_over_limit'),
       p AS (SELECT payment_id, application_id, program, month, ${fenSql('amount')} AS fen FROM payments
             WHERE program IN (${sqlList(ctx.timeline.every('dup.over_limit_programs').flat())}) AND application_id IN (SELECT application_id FROM x))
       SELECT x.*, p.payment_id, p.program, p.month, p.fen FROM p JOIN x ON x.application_id = p.application_id
       WHERE p.month > x.last_month
       ORDER BY x.app_line, p.month, p.payment_id`,
    );
    const groups = new Map<string, Row[]>();
    for (const r of rows) {
      const span = ctx.timeline.on(r.ended_on);
      if (span.status === 'off' || !span.value('dup.over_limit_programs').includes(r.program)) continue;
      (groups.get(r.application_id) ?? groups.set(r.application_id, []).get(r.application_id)!).push(r);
    }
    const audited = ctx.audit;
    const recoveries = await recoveryLookup(ds, [...groups.values()].flat().map((p) => p.payment_id));
    for (const ps of groups.values()) {
      const r = ps[0];
      const span = ctx.timeline.on(r.ended_on);
      const fen = ps.reduce((a, p) => a + Number(p.fen), 0);
      const months = ps.map((p) => p.month);
      const before = months.every((m) => m < audited.from.slice(0, 7));
      // Before the rule, the frame marks it history; before the audited period, so does the note here.
      const history = before && !span.history ? beforePeriodNote(audited) : { zh: '', en: '' };
      ctx.find(span, withRecovery({
        severity: before ? 'info' : 'error',
        record: ds.locate('applications', r.application_id, r.app_line),
        related: [{ collection: 'households', id: r.household_id }, ...paymentRefs(ps.map((p) => p.payment_id))],
        message: {
          zh: `因收入财产超标于 ${r.ended_on} 清退后,${monthRanges(months)} 仍发放 ${yuan(fen)} 元${history.zh}`,
          en: `exited for income over the limit on ${r.ended_on}, yet ${monthRanges(months)} were paid (${yuan(fen)} yuan)${history.en}`,
        },
        expected: { zh: `${r.last_month} 之后不再发放`, en: `no payment after ${r.last_month}` },
        actual: { months, payments: ps.map((p) => p.payment_id) },
        params: [span.param('dup.over_limit_programs')],
        remedy: before && !span.history ? HISTORY_REMEDY : { zh: `停发并追缴违规领取的 ${yuan(fen)} 元`, en: `stop payment and recover ${yuan(fen)} yuan`, amount_fen: fen, month: months[0] },
        detail: 'paid-after-exit',
      }, fen, ps.map((p) => p.payment_id), recoveries));
    }
  },
});
