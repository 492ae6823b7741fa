// DUP-OVER-LIMIT — a household exited for income or property over the limit is paid no more:
// no payment under that application for a month after the exit month (or after the recorded
// gradual-exit month, whose length ELIG-GRADUAL judges); what was paid is to be recovered
// (奈民发〔2022〕28号 二(一)4 及时清退……落实违规领取资金的追缴). Payments all for months before
// meta.period.from are history (info): recovery of those belongs to the earlier period's audit.
import { Finding } from '../../../engine/findings/finding';
import { makeFinding, Rule } from '../../rule';
import { sqlList } from '../../periods';
import { allValues, fenSql, monthRanges, notConfigured, paymentRefs, stateOn, unsetKeys, yuan } from './common';
import { OVER_LIMIT_CLAUSE } from './clause';
import { auditPeriod, beforePeriodNote, HISTORY_REMEDY } from '../../audit-period';
import { recoveryLookup, withRecovery } from '../recoveries';

const KEYS = ['dup.over_limit_programs'];

interface Row {
  application_id: string;
  household_id: string;
  app_line: number;
  ended_on: string;
  last_month: string;
  payment_id: string;
  program: string;
  month: string;
  fen: string;
}

export const dupOverLimit: Rule = {
  id: 'DUP-OVER-LIMIT',
  family: 'crosschecks',
  title: { zh: '收入财产超标对象及时清退,违规领取资金追缴', en: 'An over-limit household is exited and its overpayment recovered' },
  clause: OVER_LIMIT_CLAUSE,
  needs: ['applications', 'payments'],
  reads: ['recoveries'],
  parameters: KEYS,
  async evaluate(ds, profile) {
    if (unsetKeys(profile, KEYS).length) return notConfigured(profile, KEYS, 0);
    const [{ n }] = await ds.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM applications WHERE exit.reason = 'income_over_limit'`);
    // The exits are few: payments are narrowed to their applications by a semi-join before the month test.
    const rows = await ds.all<Row>(
      `WITH x AS (SELECT application_id, household_id, _line AS app_line, exit.ended_on::VARCHAR AS ended_on,
                         greatest(strftime(exit.ended_on, '%Y-%m'), coalesce(exit.gradual_exit_until, '0000-00')) AS last_month
                  FROM applications WHERE exit.reason = 'income_over_limit'),
       p AS (SELECT payment_id, application_id, program, month, ${fenSql('amount')} AS fen FROM payments
             WHERE program IN (${sqlList(allValues<string>(profile, 'dup.over_limit_programs'))}) AND application_id IN (SELECT application_id FROM x))
       SELECT x.*, p.payment_id, p.program, p.month, p.fen FROM p JOIN x ON x.application_id = p.application_id
       WHERE p.month > x.last_month
       ORDER BY x.app_line, p.month, p.payment_id`,
    );
    const groups = new Map<string, Row[]>();
    for (const r of rows) {
      const s = stateOn(profile, KEYS, r.ended_on);
      if (s.off || !(s.values['dup.over_limit_programs']!.value as string[]).includes(r.program)) continue;
      (groups.get(r.application_id) ?? groups.set(r.application_id, []).get(r.application_id)!).push(r);
    }
    const findings: Finding[] = [];
    const audited = auditPeriod(ds);
    const recoveries = await recoveryLookup(ds, [...groups.values()].flat().map((p) => p.payment_id));
    for (const ps of groups.values()) {
      const r = ps[0];
      const s = stateOn(profile, KEYS, r.ended_on);
      const fen = ps.reduce((a, p) => a + Number(p.fen), 0);
      const months = ps.map((p) => p.month);
      const before = months.every((m) => m < audited.from.slice(0, 7));
      const history = s.preRule ? { zh: '(作为历史记录)', en: ' (history)' } : before ? beforePeriodNote(audited) : { zh: '', en: '' };
      findings.push(
        makeFinding(dupOverLimit, withRecovery({
          severity: s.preRule || before ? 'info' : 'error',
          record: ds.locate('applications', r.application_id, r.app_line),
          related: [{ collection: 'households', id: r.household_id }, ...paymentRefs(ps.map((p) => p.payment_id))],
          message: {
            zh: `因收入财产超标于 ${r.ended_on} 清退后,${monthRanges(months)} 仍发放 ${yuan(fen)} 元${history.zh}`,
            en: `exited for income over the limit on ${r.ended_on}, yet ${monthRanges(months)} were paid (${yuan(fen)} yuan)${history.en}`,
          },
          expected: { zh: `${r.last_month} 之后不再发放`, en: `no payment after ${r.last_month}` },
          actual: { months, payments: ps.map((p) => p.payment_id) },
          params: [s.values['dup.over_limit_programs']],
          remedy: before && !s.preRule ? HISTORY_REMEDY : { zh: `停发并追缴违规领取的 ${yuan(fen)} 元`, en: `stop payment and recover ${yuan(fen)} yuan`, amount_fen: fen, month: months[0] },
          detail: 'paid-after-exit',
        }, fen, ps.map((p) => p.payment_id), recoveries)),
      );
    }
    return { findings, examined: n };
  },
};
