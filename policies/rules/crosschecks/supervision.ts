// SUP-REPORT and SUP-INSPECTION — Fujian's departments supervise themselves (闽民保〔2017〕204号 四(一)(二)):
// half-yearly reports by fixed dates (county 1/15 and 7/15, city 1/30 and 7/30, the day itself
// on time), and at least one special inspection a year at each level. Missing reports and
// inspections are omissions, reported on the (level, region, period) that lacks them. Duties are
// judged within the export's period: a deadline after meta.period.to is not yet due (counted as
// not reviewed unless the report is already in), one before meta.period.from is history.
import { RecordRef } from '../../../engine/dataset/dataset';
import { Dataset } from '../../../engine/dataset/dataset';
import { auditPeriod, AuditPeriod, beforePeriodNote, notYetDue, partlyBefore } from '../../audit-period';
import { frameRule, ParamType, sayParam } from '../../frame';
import { INSPECTION_CLAUSE, REPORT_CLAUSE } from './clause';

const LEVEL_ZH: Record<string, string> = { county: '县级', city: '市级', province: '省级' };

interface Row {
  record_id: string;
  level: 'county' | 'city' | 'province';
  region_code: string;
  kind: 'half_year_report' | 'special_inspection';
  period: string;
  done_on: string;
  _line: number;
}

type Deadlines = ParamType<'sup.report_deadlines'>;

/** '2024-H1' → '2024-H1'; a whole-year report '2024' is the H2 report (due next January). */
export const halfOf = (period: string) => (/^\d{4}$/.test(period) ? `${period}-H2` : period);
const halfOfDate = (date: string) => `${date.slice(0, 4)}-H${+date.slice(5, 7) <= 6 ? 1 : 2}`;
const nextHalf = (h: string) => (h.endsWith('H1') ? `${h.slice(0, 4)}-H2` : `${+h.slice(0, 4) + 1}-H1`);

/** The deadline of a half-year's report at a level: H1 in July of the same year, H2 in January of the next. */
export function dueDate(half: string, level: Row['level'], deadlines: Deadlines): string | undefined {
  const d = deadlines[level];
  if (!d) return undefined;
  const year = +half.slice(0, 4);
  return half.endsWith('H1') ? `${year}-${d.H1}` : `${year + 1}-${d.H2}`;
}

async function oversight(ds: Dataset) {
  const rows = await ds.all<Row>(`SELECT record_id, level, region_code, kind, period, done_on::VARCHAR AS done_on, _line FROM oversight ORDER BY _line`);
  const period: AuditPeriod = auditPeriod(ds);
  // The export's period bounds the duties; without a stated period, the latest record does.
  const asOf = period.stated ? period.to : rows.reduce((m, r) => (r.done_on > m ? r.done_on : m), '');
  const entities = new Map<string, Row[]>();
  for (const r of rows) {
    const key = `${r.level}:${r.region_code}`;
    (entities.get(key) ?? entities.set(key, []).get(key)!).push(r);
  }
  return { rows, asOf, period, entities };
}

const omission = (id: string): RecordRef => ({ collection: 'oversight', id });

export const supReport = frameRule({
  id: 'SUP-REPORT',
  family: 'crosschecks',
  title: { zh: '监督检查事项每半年逐级按期报告', en: 'Half-yearly supervision reports on time at each level' },
  clause: REPORT_CLAUSE,
  needs: ['oversight'],
  reads: [],
  parameters: ['sup.report_deadlines'],
  // A late report before the duty existed is history (info); a missing one is not judged (below).
  before: {},
  unset: { count: (ds) => ds.count('oversight') },
  // Each half-year's report is judged by the deadlines in force on its due date.
  async whole(ctx) {
    const { ds } = ctx;
    const { asOf, period, entities } = await oversight(ds);
    for (const records of entities.values()) {
      const { level, region_code } = records[0];
      const reports = new Map<string, Row>();
      for (const r of records.filter((x) => x.kind === 'half_year_report').sort((a, b) => a.done_on.localeCompare(b.done_on)))
        if (!reports.has(halfOf(r.period))) reports.set(halfOf(r.period), r);
      const starts = records.map((r) => (r.kind === 'half_year_report' ? halfOf(r.period) : halfOfDate(r.done_on)));
      if (period.stated) starts.push(halfOfDate(period.from));
      let half = starts.sort()[0];
      // Every half-year that starts within the data or the period; the last ones may not be due yet.
      for (; `${half.slice(0, 4)}-${half.endsWith('H1') ? '01' : '07'}-01` <= asOf; half = nextHalf(half)) {
        // The deadlines in force at the end of the data (or, before the rule, its first values) give each half's due date.
        const probe = ctx.timeline.on(asOf).maybe('sup.report_deadlines') ?? ctx.timeline.first('sup.report_deadlines');
        const due0 = probe && dueDate(half, level, probe.value);
        if (!due0) break;
        const early = reports.get(half);
        if (due0 > asOf) {
          // Due after the period's end: a report already filed on time is judged; otherwise it is not yet late.
          if (!early) {
            ctx.examine(1);
            ctx.notJudged(notYetDue(period));
            continue;
          }
        }
        const s = ctx.timeline.on(due0);
        if (s.status === 'off') continue;
        const deadlines = s.param('sup.report_deadlines');
        const due = dueDate(half, level, deadlines.value);
        if (!due) continue;
        const report = reports.get(half);
        const who = `${LEVEL_ZH[level]}(${region_code})`;
        const before = due < period.from;
        if (!report) {
          // An omission before the duty existed, or due before the period, is not judged: the export need not hold those records.
          if (s.history || before) continue;
          ctx.examine(1);
          ctx.find(s, {
            severity: 'error',
            record: omission(`${level}:${region_code}:${half}`),
            message: { zh: `${who} ${half} 半年报告应于 ${due} 前报送,未见报送记录`, en: `${level} ${region_code}: no ${half} report (due ${due})` },
            expected: { due },
            actual: { report: null },
            params: [deadlines],
            remedy: { zh: `立即补报 ${half} 工作情况,同时报本级人民政府`, en: `file the ${half} report now, copying the government at the same level` },
            detail: half,
          });
          continue;
        }
        ctx.examine(1);
        if (report.done_on > due)
          ctx.find(s, {
            severity: before ? 'info' : 'error',
            record: ds.locate('oversight', report.record_id, report._line),
            message: {
              zh: `${who} ${half} 半年报告于 ${report.done_on} 报送,逾期(截止 ${due})${before && !s.history ? beforePeriodNote(period).zh : ''}`,
              en: `${level} ${region_code}: ${half} report filed ${report.done_on}, after ${due}${before && !s.history ? beforePeriodNote(period).en : ''}`,
            },
            expected: { due },
            actual: { done_on: report.done_on },
            params: [deadlines],
            remedy: { zh: '说明逾期原因,今后按期报送', en: 'explain the delay and file on time' },
            detail: half,
          });
      }
    }
  },
});

export const supInspection = frameRule({
  id: 'SUP-INSPECTION',
  family: 'crosschecks',
  title: (n) => {
    const d = sayParam(
      n,
      'sup.inspections_per_year',
      (v) => {
        const counts = [...new Set(Object.values(v))];
        if (counts.length === 1) return { zh: `各级民政部门每年至少组织${counts[0]}次专项检查`, en: `At least ${counts[0]} special inspection(s) a year at each level` };
        const each = Object.entries(v);
        return { zh: `每年至少组织专项检查:${each.map(([l, c]) => `${LEVEL_ZH[l] ?? l}${c}次`).join('、')}`, en: `Special inspections a year at least: ${each.map(([l, c]) => `${l} ${c}`).join(', ')}` };
      },
      { zh: '各级民政部门每年按规定次数组织专项检查', en: 'The set number of special inspections a year at each level' },
    );
    return d;
  },
  clause: INSPECTION_CLAUSE,
  needs: ['oversight'],
  reads: [],
  parameters: ['sup.inspections_per_year'],
  // Years before the duty held from 1 January are not judged.
  before: 'skip',
  unset: { count: (ds) => ds.count('oversight') },
  async whole(ctx) {
    const { asOf, period, entities } = await oversight(ctx.ds);
    for (const records of entities.values()) {
      const { level, region_code } = records[0];
      const first = +[...records.map((r) => r.done_on), ...(period.stated ? [period.from] : [])].sort()[0].slice(0, 4);
      // Years in which the duty held from 1 January, up to the period's end.
      for (let year = first; `${year}-01-01` <= asOf; year++) {
        const s = ctx.timeline.on(`${year}-01-01`);
        if (s.status !== 'in-force') continue;
        const min = s.param('sup.inspections_per_year');
        const need = min.value[level];
        if (!need) continue;
        ctx.examine(1);
        const done = records.filter((r) => r.kind === 'special_inspection' && r.done_on.startsWith(`${year}-`));
        if (done.length >= need) continue;
        // A year wholly before the period is not the export's to show; one that begins before it or
        // is still running at its end cannot yet be said to lack an inspection.
        const unjudgedWhy = `${year}-12-31` < period.from ? null : `${year}-01-01` < period.from ? partlyBefore(period) : `${year}-12-31` > asOf ? notYetDue(period) : undefined;
        if (unjudgedWhy === null) ctx.examine(-1);
        if (unjudgedWhy) ctx.notJudged(unjudgedWhy);
        if (unjudgedWhy !== undefined) continue;
        ctx.find(s, {
          severity: 'error',
          record: omission(`${level}:${region_code}:${year}`),
          related: done.map((r) => ({ collection: 'oversight', id: r.record_id })),
          message: { zh: `${LEVEL_ZH[level]}(${region_code})${year} 年专项检查 ${done.length} 次,少于每年至少 ${need} 次`, en: `${level} ${region_code}: ${done.length} special inspections in ${year}, fewer than ${need}` },
          expected: { per_year: need },
          actual: { year, inspections: done.length },
          params: [min],
          remedy: { zh: '组织专项检查(自查、抽查、交叉检查、明察暗访或第三方评估)', en: 'hold the special inspection' },
          detail: `${year}`,
        });
      }
    }
  },
});
