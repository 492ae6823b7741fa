// NOTICE-PERIOD — a review notice runs at least the minimum period (counted inclusively:
// posted on the 1st, ending on the 7th, is 7 days; 5 working days are five working days from
// the posting day to the end day, both included), the decision comes after the period has
// ended, and an objection received during the period is resolved before it.
import { CalendarRangeError } from '../../calendar/working-days';
import { countInclusive, formatDuration, lastDayCountingStart } from '../../duration';
import { frameRule, sayParam } from '../../frame';
import { PERIOD_CLAUSE } from './clause';

const OUTSIDE_CALENDAR = { zh: '公示日期超出工作日历已知年份,无法计算工作日', en: 'notice dates outside the working-day calendar' };

interface Row {
  notice_id: string;
  household_id: string;
  application_id: string | null;
  _line: number;
  kind: string;
  posted_on: string;
  ends_on: string;
  decided_on: string | null;
  objections: { received_on: string; resolved_on: string | null }[] | null;
}

// A review notice always precedes the decision. A decision notice normally follows it (posted
// on the day of the decision or later); one posted before the decision served as the notice
// the decision had to wait for, so it is judged the same way.
function precedesDecision(n: Row): boolean {
  return n.kind === 'review' || (n.kind === 'decision' && n.decided_on !== null && n.posted_on < n.decided_on);
}

function decidedDuringPeriod(n: Row): boolean {
  return precedesDecision(n) && n.decided_on !== null && n.decided_on <= n.ends_on;
}

export const noticePeriod = frameRule({
  id: 'NOTICE-PERIOD',
  family: 'notices',
  title: (n) => {
    const d = sayParam(n, 'notice.min_days', formatDuration, { zh: '规定期限', en: 'the set period' });
    return { zh: `公示期不少于${d.zh},期满无异议(或异议已处理)后方可审批`, en: `A notice runs at least ${d.en} and the decision follows its end, with objections resolved` };
  },
  clause: PERIOD_CLAUSE,
  needs: ['notices'],
  reads: ['applications'],
  parameters: ['notice.min_days'],
  // Before a minimum period was set, no notice could be too short.
  before: 'skip',
  // A short notice is dated by its posting, an early decision or an unresolved objection by the
  // decision: an act before the audited period is history there.
  historyBeforeAuditPeriod: true,
  async eachSpan(span, ctx) {
    const { ds } = ctx;
    const hasApps = ds.has('applications');
    const minDays = span.param('notice.min_days');
    const min = minDays.value;
    const said = formatDuration(min);
    const scope = `n.kind <> 'standing' AND ${span.where('n.posted_on')}`;
    await ctx.examineWhere('notices n', scope);
    // Only notices that could break a limit come back; the checks below decide.
    const rows = await ds.all<Row>(
      `SELECT * FROM (
         SELECT n.notice_id, n.household_id, n.application_id, n._line, n.kind, n.posted_on, n.ends_on, n.objections,
                ${hasApps ? "CASE WHEN a.decision.result <> 'pending' THEN a.decision.decided_on END" : 'NULL::DATE'} AS decided_on
         FROM notices n ${hasApps ? 'LEFT JOIN applications a ON a.application_id = n.application_id' : ''}
         WHERE ${scope})
       WHERE ${min.unit === 'calendar_days' ? `date_diff('day', posted_on, ends_on) + 1 < ${min.value}` : 'true'} OR decided_on <= ends_on OR len(coalesce(objections, [])) > 0
       ORDER BY _line`,
    );
    for (const n of rows) {
      // The last day the notice had to run to; outside the calendar's years it cannot be known.
      let due: string | null;
      try {
        due = lastDayCountingStart(n.posted_on, min);
      } catch (e) {
        if (!(e instanceof CalendarRangeError)) throw e;
        ctx.notJudged(OUTSIDE_CALENDAR);
        due = null;
      }
      const unit = min.unit === 'working_days' ? 'working_days' : 'calendar_days';
      const ran = due === null ? null : countInclusive(n.posted_on, n.ends_on, unit);
      const ranSaid = ran === null ? null : formatDuration({ value: ran, unit });
      const base = {
        record: ds.locate('notices', n.notice_id, n._line),
        related: [{ collection: 'households', id: n.household_id }, ...(n.application_id ? [{ collection: 'applications', id: n.application_id }] : [])],
        params: [minDays],
        on: n.posted_on,
      };
      if (due !== null && n.ends_on < due)
        ctx.find(span, {
          ...base,
          severity: 'error',
          message: {
            zh: `公示期${ranSaid!.zh}(${n.posted_on} 至 ${n.ends_on}),少于${said.zh}(应至少公示至 ${due})`,
            en: `notice ran ${ranSaid!.en} (${n.posted_on} to ${n.ends_on}), less than ${said.en} (it had to run to ${due})`,
          },
          expected: min.unit === 'calendar_days' ? { min_days: min.value } : { min_period: said.zh, ends_on_at_least: due },
          actual: { [unit === 'working_days' ? 'working_days' : 'days']: ran, posted_on: n.posted_on, ends_on: n.ends_on },
          remedy: { zh: `重新公示,公示期不少于 ${said.zh};期满无异议后再作决定`, en: `post the notice again for at least ${said.en} and decide after it ends` },
          detail: 'days',
        });
      if (n.decided_on && decidedDuringPeriod(n))
        ctx.find(span, {
          ...base,
          severity: 'error',
          message: { zh: `公示期未满即作出审核决定(公示截止 ${n.ends_on},决定于 ${n.decided_on})`, en: `decided on ${n.decided_on}, before the notice period ended on ${n.ends_on}` },
          on: n.decided_on,
          expected: { decided_after: n.ends_on },
          actual: { decided_on: n.decided_on },
          remedy: { zh: '复核该决定:补足公示期,期满无异议或异议处理后重新确认', en: 'review the decision: complete the notice period and confirm again once it has ended and objections are resolved' },
          detail: 'decided-early',
        });
      for (const [i, o] of (n.objections ?? []).entries()) {
        if (o.received_on < n.posted_on || o.received_on > n.ends_on) continue;
        const unresolved = !o.resolved_on || (n.decided_on !== null && o.resolved_on > n.decided_on);
        if (n.decided_on && precedesDecision(n) && unresolved)
          ctx.find(span, {
            ...base,
            severity: 'error',
            message: {
              zh: `公示期内 ${o.received_on} 收到的异议${o.resolved_on ? `至 ${o.resolved_on} 才处理,晚于` : '未处理即'}审核决定(${n.decided_on})`,
              en: `objection received ${o.received_on} was ${o.resolved_on ? `resolved only on ${o.resolved_on}, after` : 'not resolved before'} the decision (${n.decided_on})`,
            },
            on: n.decided_on,
            expected: { resolved_by: n.decided_on },
            actual: { received_on: o.received_on, resolved_on: o.resolved_on ?? null },
            remedy: { zh: '核实处理该异议并记录结果,据此复核审核决定', en: 'investigate and resolve the objection, record the result and review the decision accordingly' },
            detail: `objection:${i}`,
          });
      }
    }
  },
});
