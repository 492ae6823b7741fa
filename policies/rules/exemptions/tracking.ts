// EXEMPT-TRACKING — a person exempted in Dongtou is followed for one year, with a talk at least
// every six months (洞头区案例(《中国民政》)四 "实行为期一年的跟踪管理,并至少每半年进行谈心谈话"): the tracking
// period is at least the profile's months, and each of its half-year windows holds a talk.
// Within the export's period only: a window (or the year) still running at meta.period.to is
// not yet due; a window that ended before meta.period.from is history.
import { Finding } from '../../../engine/findings/finding';
import { makeFinding, Rule } from '../../rule';
import { addDays } from '../../dates';
import { auditPeriod, beforePeriodNote, HISTORY_REMEDY, notYetDue, Unjudged } from '../../audit-period';
import { accountabilityCases, caseRecord, OUTCOME_ZH, timing } from './cases';
import { TRACKING_CLAUSE } from './clause';
import { addMonths } from './months';

const KEYS = ['exempt.tracking'];

interface Tracking {
  months: number;
  talk_interval_months: number;
  outcomes: string[];
}

export const exemptTracking: Rule = {
  id: 'EXEMPT-TRACKING',
  family: 'exemptions',
  title: (n) => {
    const d = n.say<{ months: number; talk_interval_months: number }>('exempt.tracking', (v) => ({ zh: `跟踪管理${v.months}个月,至少每${v.talk_interval_months}个月谈心谈话一次`, en: `tracked for ${v.months} months, with a talk at least every ${v.talk_interval_months} months` }), { zh: '按规定期限跟踪管理并定期谈心谈话', en: 'tracked for the set period with regular talks' });
    return { zh: `予以免责的人员须${d.zh}`, en: `An exempted person is ${d.en}` };
  },
  clause: TRACKING_CLAUSE,
  needs: ['accountability_cases'],
  reads: [],
  parameters: KEYS,
  async evaluate(ds, profile) {
    const findings: Finding[] = [];
    const cases = await accountabilityCases(ds);
    const period = auditPeriod(ds);
    const unjudged = new Unjudged();
    let examined = 0;
    for (const c of cases) {
      const t = timing(profile, KEYS, c.occurred_on);
      if (t.kind !== 'in_force') continue;
      const [param] = t.values;
      const p = param.value as Tracking;
      if (!p.outcomes.includes(c.outcome)) continue;
      examined++;
      const base = { ...caseRecord(ds, c), params: [param], groups: { staff: c.staff_id } };
      if (!c.tracking) {
        findings.push(
          makeFinding(exemptTracking, {
            ...base,
            severity: 'error',
            message: { zh: `认定为${OUTCOME_ZH[c.outcome]},但没有跟踪管理记录(应为期 ${p.months} 个月)`, en: `outcome ${c.outcome} with no tracking record (${p.months} months required)` },
            expected: { months: p.months, talk_interval_months: p.talk_interval_months },
            actual: { tracking: null },
            remedy: { zh: `建立为期 ${p.months} 个月的跟踪管理,至少每 ${p.talk_interval_months} 个月谈心谈话一次`, en: `start ${p.months} months of tracking with a talk every ${p.talk_interval_months} months` },
            detail: 'missing',
          }),
        );
        continue;
      }
      const { from, until, talks } = c.tracking;
      // "为期一年" from 2024-03-01 runs through 2025-02-28.
      const minUntil = addDays(addMonths(from, p.months), -1);
      // A recorded end after the period's end is a plan, not yet an end: it may still be extended.
      let pending = until < minUntil && until > period.to;
      if (until < minUntil && !pending)
        findings.push(
          makeFinding(exemptTracking, {
            ...base,
            severity: 'error',
            message: { zh: `跟踪管理 ${from} 至 ${until},不足 ${p.months} 个月(应至少到 ${minUntil})`, en: `tracking ${from} to ${until} is shorter than ${p.months} months (should run to ${minUntil})` },
            expected: { until_at_least: minUntil },
            actual: { from, until },
            remedy: { zh: `跟踪管理延续至 ${minUntil}`, en: `continue tracking to ${minUntil}`, deadline: minUntil },
            detail: 'period',
          }),
        );
      const windows = Math.ceil(p.months / p.talk_interval_months);
      for (let k = 0; k < windows; k++) {
        const start = addMonths(from, k * p.talk_interval_months);
        const end = addDays(addMonths(from, Math.min((k + 1) * p.talk_interval_months, p.months)), -1);
        if (talks.some((d) => d >= start && d <= end)) continue;
        if (end > period.to) {
          pending = true;
          continue;
        }
        const history = end < period.from;
        const note = history ? beforePeriodNote(period) : { zh: '', en: '' };
        findings.push(
          makeFinding(exemptTracking, {
            ...base,
            severity: history ? 'info' : 'error',
            message: { zh: `跟踪管理第 ${k + 1} 个谈话周期(${start} 至 ${end},每 ${p.talk_interval_months} 个月)没有谈心谈话${note.zh}`, en: `no talk in tracking window ${k + 1} (${start} to ${end})${note.en}` },
            expected: { talk_between: [start, end] },
            actual: { talks },
            remedy: history ? HISTORY_REMEDY : { zh: '补做谈心谈话并记录', en: 'hold and record the talk' },
            detail: `talk:${k}`,
          }),
        );
      }
      if (pending) unjudged.add(notYetDue(period));
    }
    return { findings, examined, ...unjudged.result() };
  },
};
