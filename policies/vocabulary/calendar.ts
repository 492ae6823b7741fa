// The official working-day calendar as two small tables in the export's database, so a
// working-day deadline is computed in the same query as the rule (see sql.ts).
import { Dataset } from '../../engine/dataset/dataset';
import { isWorkingDay, knownYears } from '../calendar/working-days';
import { addDays } from '../dates';
import { RecordKind } from './contract';

let exceptions: { holidays: string[]; workdays: string[]; from: string; until: string } | undefined;

// Only the days where the calendar departs from Monday–Friday are written into SQL.
function calendarExceptions() {
  if (exceptions) return exceptions;
  const { from, to } = knownYears();
  const holidays: string[] = [];
  const workdays: string[] = [];
  for (let d = `${from}-01-01`; d <= `${to}-12-31`; d = addDays(d, 1)) {
    const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    const working = isWorkingDay(d);
    if (weekend && working) workdays.push(d);
    if (!weekend && !working) holidays.push(d);
  }
  return (exceptions = { holidays, workdays, from: `${from}-01-01`, until: `${to + 1}-01-01` });
}

const made = new WeakMap<object, Set<string>>();

/** Creates jz_calendar and jz_workdays in the dataset's database once. */
export async function ensureCalendar(ds: Dataset): Promise<void> {
  const seen = made.get(ds.instance) ?? made.set(ds.instance, new Set()).get(ds.instance)!;
  if (seen.has(ds.catalog)) return;
  const c = calendarExceptions();
  const list = (ds: string[]) => (ds.length ? ds.map((d) => `DATE '${d}'`).join(', ') : 'NULL');
  await ds.run(`CREATE TABLE IF NOT EXISTS jz_calendar AS
    SELECT d, w, sum(w) OVER (ORDER BY d)::INTEGER AS cum FROM (
      SELECT range::DATE AS d,
             CASE WHEN range::DATE IN (${list(c.workdays)}) THEN 1 WHEN range::DATE IN (${list(c.holidays)}) THEN 0
                  WHEN dayofweek(range) IN (0, 6) THEN 0 ELSE 1 END AS w
      FROM range(DATE '${c.from}', DATE '${c.until}', INTERVAL 1 DAY))`);
  await ds.run(`CREATE TABLE IF NOT EXISTS jz_workdays AS SELECT cum AS n, d FROM jz_calendar WHERE w = 1`);
  seen.add(ds.catalog);
}

const derivedMade = new WeakMap<object, Set<string>>();

/** Creates a derived kind's table (jz_township_months) from the export and its period, once per dataset. */
export async function ensureDerived(ds: Dataset, kind: RecordKind): Promise<void> {
  if (!kind.derived) return;
  const seen = derivedMade.get(ds.instance) ?? derivedMade.set(ds.instance, new Set()).get(ds.instance)!;
  if (seen.has(ds.catalog)) return;
  const period = ds.meta?.period;
  // Whole months of the period only: a month the export covers in part cannot be said to lack its list.
  const months = period
    ? `SELECT strftime(m, '%Y-%m') AS month, CAST(m + INTERVAL 1 MONTH - INTERVAL 1 DAY AS DATE) AS month_end
         FROM range(CAST(date_trunc('month', DATE '${period.from}') AS TIMESTAMP), CAST(DATE '${period.to}' AS TIMESTAMP) + INTERVAL 1 DAY, INTERVAL 1 MONTH) t(m)
         WHERE m + INTERVAL 1 MONTH - INTERVAL 1 DAY <= DATE '${period.to}' AND m >= DATE '${period.from}'`
    : `SELECT NULL::VARCHAR AS month, NULL::DATE AS month_end WHERE FALSE`;
  await ds.run(`CREATE TABLE IF NOT EXISTS jz_township_months AS
    SELECT t.region_code, m.month, m.month_end, t.region_code || ' ' || m.month AS township_month, NULL::INTEGER AS _line
    FROM (SELECT DISTINCT left(region_code, 9) AS region_code FROM households WHERE length(region_code) >= 9) t, (${months}) m`);
  seen.add(ds.catalog);
}
