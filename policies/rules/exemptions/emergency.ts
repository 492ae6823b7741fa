// ELIG-EMERGENCY — emergency assistance first (先行救助), paperwork completed afterwards within
// the profile's limit (奈民发〔2022〕28号 二(三)1 "情况紧急的可实行'先行救助',后补齐有关手续"), counted from
// the day the assistance was granted. Completed late: error; not completed when the deadline
// passed within the export's period: error; deadline still running at meta.period.to: not
// reviewed (not yet due), never passed.
import { CalendarRangeError } from '../../calendar/working-days';
import { addDuration, formatDuration } from '../../duration';
import { frameRule } from '../../frame';
import { judgingSpan } from './cases';
import { notYetDue } from '../../audit-period';
import { EMERGENCY_CLAUSE } from './clause';
const OUTSIDE_CALENDAR = { zh: '日期超出工作日历已知年份,无法计算工作日', en: 'dates outside the working-day calendar' };

interface Row {
  application_id: string;
  household_id: string;
  _line: number;
  applied_on: string;
  decided_on: string | null;
  completed_on: string | null;
}

export const eligEmergency = frameRule({
  id: 'ELIG-EMERGENCY',
  family: 'exemptions',
  title: { zh: '先行救助后须在规定时限内补齐手续', en: 'Emergency assistance first, paperwork completed within the limit' },
  clause: EMERGENCY_CLAUSE,
  needs: ['applications'],
  reads: [],
  parameters: ['elig.emergency_paperwork'],
  // No paperwork limit bound a grant from before it was set.
  before: 'skip',
  async whole(ctx) {
    const { ds, audit: period } = ctx;
    const rows = await ds.all<Row>(
      `SELECT application_id, household_id, _line, applied_on::VARCHAR AS applied_on, decision.decided_on::VARCHAR AS decided_on, temporary.paperwork_completed_on::VARCHAR AS completed_on
       FROM applications WHERE route = 'emergency' AND coalesce(decision.result, 'approved') <> 'rejected' ORDER BY _line`,
    );
    for (const r of rows) {
      const granted = r.decided_on ?? r.applied_on;
      const span = judgingSpan(ctx.timeline, granted);
      if (!span || span.history) continue;
      // In reach; a grant whose deadline cannot be counted or still runs is then not judged.
      ctx.examine(1);
      const param = span.param('elig.emergency_paperwork');
      const p = param.value;
      let deadline: string;
      try {
        deadline = addDuration(granted, p);
      } catch (e) {
        if (!(e instanceof CalendarRangeError)) throw e;
        ctx.notJudged(OUTSIDE_CALENDAR);
        continue;
      }
      if (!r.completed_on && deadline > period.to) {
        ctx.notJudged(notYetDue(period));
        continue;
      }
      const limit = formatDuration(p);
      const base = { record: ds.locate('applications', r.application_id, r._line), related: [{ collection: 'households', id: r.household_id }], params: [param], expected: { completed_by: deadline } };
      if (r.completed_on && r.completed_on > deadline)
        ctx.find(span, {
          ...base,
          severity: 'error',
          message: { zh: `${granted} 先行救助,${r.completed_on} 才补齐手续,超过${limit.zh}时限(应于 ${deadline} 前)`, en: `emergency assistance on ${granted}; paperwork completed ${r.completed_on}, after the ${limit.en} limit (${deadline})` },
          actual: { granted_on: granted, paperwork_completed_on: r.completed_on },
          remedy: { zh: `查明补办手续超过${limit.zh}的原因,今后先行救助后按时补齐手续`, en: `find why the paperwork took longer than ${limit.en}; complete it in time after future emergency grants` },
          detail: 'late',
        });
      if (!r.completed_on)
        ctx.find(span, {
          ...base,
          severity: 'error',
          message: {
            zh: `${granted} 先行救助,至导出期末(${period.to})尚无补齐手续记录,已超过${limit.zh}时限(截止 ${deadline})`,
            en: `emergency assistance on ${granted}; no paperwork recorded by the end of the exported period (${period.to}), past the ${limit.en} limit (${deadline})`,
          },
          actual: { granted_on: granted, paperwork_completed_on: null },
          remedy: { zh: '立即补齐审核审批手续,并查明逾期原因', en: 'complete the paperwork now and find why it is late' },
          detail: 'missing',
        });
    }
  },
});
