// NOTICE-REQUIRED — a newly approved application has a notice of its result, and a household
// still in receipt at the end of the export period stays on the standing notice (长期公示).
// A missing notice is an omission on the application or household, not on any notice.
// Only approvals decided within the export's period are judged: one decided before
// meta.period.from had its notice before the period, which the export need not hold (it is
// neither a finding nor unreviewed; the earlier period's audit judged it). The review notice
// precedes the decision, so the duty is due by the decision day itself, never after period.to.
import { frameRule, sqlList } from '../../frame';
import { DUTY_CLAUSE } from './clause';

export const noticeRequired = frameRule({
  id: 'NOTICE-REQUIRED',
  family: 'notices',
  title: { zh: '新批准的申请须公示审核结果,在享对象须长期公示', en: 'A new approval has a result notice; households in receipt stay on the standing notice' },
  clause: DUTY_CLAUSE,
  needs: ['applications', 'notices'],
  reads: [],
  parameters: ['notice.required_programs', 'notice.required_kinds', 'notice.standing_programs'],
  // The result duty's own parameters say when it binds; the standing notice is judged on one day below.
  splitBy: ['notice.required_programs', 'notice.required_kinds'],
  before: 'skip',
  async eachSpan(span, ctx) {
    const { ds, audit: audited } = ctx;
    const within = (col: string) => `${col} BETWEEN DATE '${audited.from}' AND DATE '${audited.to}'`;
    const programs = span.param('notice.required_programs');
    const kinds = span.param('notice.required_kinds');
    await ctx.examineWhere('applications', `decision.result = 'approved' AND program IN (${sqlList(programs.value)}) AND ${span.where('decision.decided_on')} AND ${within('decision.decided_on')}`);
    const missing = await ds.all<{ application_id: string; household_id: string; _line: number; program: string; decided_on: string }>(
      `SELECT a.application_id, a.household_id, a._line, a.program, a.decision.decided_on AS decided_on FROM applications a
       WHERE a.decision.result = 'approved' AND a.program IN (${sqlList(programs.value)}) AND ${span.where('a.decision.decided_on')} AND ${within('a.decision.decided_on')}
         AND a.application_id NOT IN (SELECT application_id FROM notices WHERE application_id IS NOT NULL AND kind IN (${sqlList(kinds.value)}))
         AND a.household_id NOT IN (SELECT household_id FROM notices WHERE application_id IS NULL AND kind IN (${sqlList(kinds.value)}))
       ORDER BY a._line`,
    );
    for (const a of missing)
      ctx.find(span, {
        severity: 'error',
        record: ds.locate('applications', a.application_id, a._line),
        related: [{ collection: 'households', id: a.household_id }],
        message: { zh: `申请已于 ${a.decided_on} 批准(${a.program}),但没有审核结果公示`, en: `approved on ${a.decided_on} (${a.program}) with no notice of the result` },
        expected: { notice_kinds: kinds.value },
        actual: { notices: 0 },
        params: [programs, kinds],
        remedy: { zh: '补充公示审核结果', en: 'post the notice of the review result' },
        detail: 'result',
      });
  },
  async whole(ctx) {
    const { ds, audit: audited } = ctx;
    // Standing notice: judged on meta.period.to, for households in receipt that day (approved by
    // then, not exited by then); without a stated period, on the latest decision.
    const end = audited.stated ? [{ to: audited.to }] : await ds.all<{ to: string }>(`SELECT max(decision.decided_on)::VARCHAR AS to FROM applications`);
    const at = end[0]?.to;
    const span = at ? ctx.timelineOf(['notice.standing_programs']).on(at) : undefined;
    const standing = span?.status === 'in-force' ? span.param('notice.standing_programs') : undefined;
    if (standing) {
      const inReceipt = `a.decision.result = 'approved' AND a.program IN (${sqlList(standing.value)}) AND a.decision.decided_on <= DATE '${at}'
        AND (a.exit IS NULL OR a.exit.ended_on IS NULL OR a.exit.ended_on > DATE '${at}')`;
      await ctx.examineWhere(`(SELECT DISTINCT a.household_id FROM applications a WHERE ${inReceipt})`);
      const missing = await ds.all<{ application_id: string; household_id: string; _line: number }>(
        `SELECT arg_min(a.application_id, a._line) AS application_id, a.household_id, min(a._line) AS _line FROM applications a
         WHERE ${inReceipt} AND a.household_id NOT IN (SELECT household_id FROM notices WHERE kind = 'standing')
         GROUP BY a.household_id ORDER BY 3`,
      );
      for (const a of missing)
        ctx.find(span, {
          severity: 'error',
          record: ds.locate('applications', a.application_id, a._line),
          related: [{ collection: 'households', id: a.household_id }],
          message: { zh: `在享救助家庭(导出期末 ${at} 仍在享)不在长期公示中`, en: `household in receipt at the end of the exported period (${at}) is not on the standing notice` },
          expected: { notice_kind: 'standing' },
          actual: { standing_notices: 0 },
          params: [standing],
          remedy: { zh: '将该户纳入长期公示', en: 'put the household on the standing notice' },
          detail: 'standing',
        });
    }
  },
});
