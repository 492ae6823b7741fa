// EXEMPT-TRACKING — a person exempted in Dongtou is followed for one year, with a talk at least
// every six months (洞头区案例(《中国民政》)四 "实行为期一年的跟踪管理,并至少每半年进行谈心谈话"): the tracking
// period is at least the profile's months, and each of its half-year windows holds a talk.
// Within the export's period only: a window (or the year) still running at meta.period.to is
// not yet due; a window that ended before meta.period.from is history.
import { addDays } from '../../dates';
import { beforePeriodNote, HISTORY_REMEDY, notYetDue } from '../../audit-period';
import { frameRule, sayParam } from '../../frame';
import { accountabilityCases, caseRecord, judgingSpan, OUTCOME_ZH } from './cases';
import { TRACKING_CLAUSE } from './clause';
import { addDuration, formatDuration } from '../../duration';
import { CalendarRangeError } from '../../calendar/working-days';

const OUTSIDE_CALENDAR = { zh: '日期超出工作日历已知年份,无法计算工作日', en: 'dates outside the working-day calendar' };

export const exemptTracking = frameRule({
  id: 'EXEMPT-TRACKING',
  family: 'exemptions',
  title: (n) => {
    const d = sayParam(
      n,
      'exempt.tracking',
      (v) => {
        const [len, every] = [formatDuration(v.period), formatDuration(v.talk_interval)];
        return { zh: `跟踪管理${len.zh},至少每${every.zh}谈心谈话一次`, en: `tracked for ${len.en}, with a talk at least every ${every.en}` };
      }, { zh: '按规定期限跟踪管理并定期谈心谈话', en: 'tracked for the set period with regular talks' });
    return { zh: `予以免责的人员须${d.zh}`, en: `An exempted person is ${d.en}` };
  },
  clause: TRACKING_CLAUSE,
  needs: ['accountability_cases'],
  reads: [],
  parameters: ['exempt.tracking'],
  // No tracking duty before the mechanism.
  before: 'skip',
  async whole(ctx) {
    const { ds, audit: period } = ctx;
    for (const c of await accountabilityCases(ds)) {
      const span = judgingSpan(ctx.timeline, c.occurred_on);
      if (!span || span.history) continue;
      const param = span.param('exempt.tracking');
      const p = param.value;
      if (!p.outcomes.some((o) => o === c.outcome)) continue;
      ctx.examine(1);
      const base = { ...caseRecord(ds, c), params: [param], groups: { staff: c.staff_id } };
      const [len, every] = [formatDuration(p.period), formatDuration(p.talk_interval)];
      if (!c.tracking) {
        ctx.find(span, {
          ...base,
          severity: 'error',
          message: { zh: `认定为${OUTCOME_ZH[c.outcome]},但没有跟踪管理记录(应为期${len.zh})`, en: `outcome ${c.outcome} with no tracking record (${len.en} required)` },
          expected: { period: len.zh, talk_interval: every.zh },
          actual: { tracking: null },
          remedy: { zh: `建立为期${len.zh}的跟踪管理,至少每${every.zh}谈心谈话一次`, en: `start ${len.en} of tracking with a talk every ${every.en}` },
          detail: 'missing',
        });
        continue;
      }
      const { from, until, talks } = c.tracking;
      // "为期一年" from 2024-03-01 runs through 2025-02-28.
      // Day `n` units after the start (working days may fall outside the calendar: not judged).
      const after = (n: number) => addDuration(from, { value: n, unit: p.period.unit });
      let minUntil: string;
      try {
        minUntil = addDays(after(p.period.value), -1);
      } catch (e) {
        if (!(e instanceof CalendarRangeError)) throw e;
        ctx.notJudged(OUTSIDE_CALENDAR);
        continue;
      }
      // A recorded end after the period's end is a plan, not yet an end: it may still be extended.
      let pending = until < minUntil && until > period.to;
      if (until < minUntil && !pending)
        ctx.find(span, {
          ...base,
          severity: 'error',
          message: { zh: `跟踪管理 ${from} 至 ${until},不足${len.zh}(应至少到 ${minUntil})`, en: `tracking ${from} to ${until} is shorter than ${len.en} (should run to ${minUntil})` },
          expected: { until_at_least: minUntil },
          actual: { from, until },
          remedy: { zh: `跟踪管理延续至 ${minUntil}`, en: `continue tracking to ${minUntil}`, deadline: minUntil },
          detail: 'period',
        });
      const windows = Math.ceil(p.period.value / p.talk_interval.value);
      for (let k = 0; k < windows; k++) {
        const start = after(k * p.talk_interval.value);
        const end = addDays(after(Math.min((k + 1) * p.talk_interval.value, p.period.value)), -1);
        if (talks.some((d) => d >= start && d <= end)) continue;
        if (end > period.to) {
          pending = true;
          continue;
        }
        const history = end < period.from;
        const note = history ? beforePeriodNote(period) : { zh: '', en: '' };
        ctx.find(span, {
          ...base,
          severity: history ? 'info' : 'error',
          message: { zh: `跟踪管理第 ${k + 1} 个谈话周期(${start} 至 ${end},每${every.zh})没有谈心谈话${note.zh}`, en: `no talk in tracking window ${k + 1} (${start} to ${end})${note.en}` },
          expected: { talk_between: [start, end] },
          actual: { talks },
          remedy: history ? HISTORY_REMEDY : { zh: '补做谈心谈话并记录', en: 'hold and record the talk' },
          detail: `talk:${k}`,
        });
      }
      // Its windows still running are not yet due, those judged above stay examined.
      if (pending) {
        ctx.examine(1);
        ctx.notJudged(notYetDue(period));
      }
    }
  },
});
