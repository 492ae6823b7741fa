// Working days on China's official calendar: Monday–Friday, minus public holidays, plus the
// adjusted working weekends (调休上班日). Deadlines such as "15个工作日内" (铁岭市清河区 credit
// repair) and "10个工作日内" (铁岭市清河区 容缺受理) are counted on it. Data: the chinese-days
// package for `package_years`, overlaid by the years staff add in official-calendar.yaml.
// A date outside the known years throws CalendarRangeError: a deadline is never guessed.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import { JiuzhuError } from '../../engine/errors';
import { PACKAGE_ROOT } from '../../engine/root';

export const CALENDAR_FILE = path.join(PACKAGE_ROOT, 'policies', 'calendar', 'official-calendar.yaml');

/** A date the calendar cannot judge: outside its known years. */
export class CalendarRangeError extends JiuzhuError {
  constructor(
    readonly date: string,
    readonly known: { from: number; to: number },
  ) {
    super(
      `日期 ${date} 超出工作日历已知年份(${known.from}–${known.to}年),无法计算工作日;请在 policies/calendar/official-calendar.yaml 中补充该年放假安排`,
      `date ${date} is outside the working-day calendar's known years (${known.from}–${known.to}); add that year's holiday arrangement to policies/calendar/official-calendar.yaml`,
    );
    this.name = 'CalendarRangeError';
  }
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const CalendarFile = z
  .object({
    package_years: z.object({ from: z.number().int(), to: z.number().int() }).strict(),
    package_source: z.string().min(1),
    years: z
      .record(
        z.string().regex(/^\d{4}$/),
        z.object({ source: z.string().min(1), holidays: z.array(isoDate), workdays: z.array(isoDate) }).strict(),
      )
      .nullable()
      .default({}),
  })
  .strict();

interface Calendar {
  known: { from: number; to: number };
  /** Epoch day of 1 January of the first known year. */
  start: number;
  /** cumulative[i] = working days from the first known day up to and including day start+i. */
  cumulative: Int32Array;
  working: Uint8Array;
}

const DAY = 86_400_000;
const epochDay = (d: string) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) / DAY;
const isoOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

let calendar: Calendar | undefined;

function build(): Calendar {
  const file = CalendarFile.parse(YAML.parse(fs.readFileSync(CALENDAR_FILE, 'utf8')));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pkg = require('chinese-days/dist/chinese-days.json') as { holidays: Record<string, string>; workdays: Record<string, string> };
  const holidays = new Set<string>();
  const workdays = new Set<string>();
  const own = file.years ?? {};
  const inPackage = (y: number) => y >= file.package_years.from && y <= file.package_years.to && !own[String(y)];
  for (const d of Object.keys(pkg.holidays)) if (inPackage(+d.slice(0, 4))) holidays.add(d);
  for (const d of Object.keys(pkg.workdays)) if (inPackage(+d.slice(0, 4))) workdays.add(d);
  for (let y = file.package_years.from; y <= file.package_years.to; y++)
    if (!own[String(y)] && ![...holidays].some((d) => d.startsWith(`${y}-`)))
      throw new JiuzhuError(`工作日历: chinese-days 中没有 ${y} 年的放假安排`, `working-day calendar: chinese-days has no holidays for ${y}`);
  for (const [year, spec] of Object.entries(own)) {
    for (const d of [...spec.holidays, ...spec.workdays])
      if (!d.startsWith(`${year}-`)) throw new JiuzhuError(`工作日历: ${year} 年下出现了 ${d}`, `working-day calendar: ${d} listed under ${year}`);
    spec.holidays.forEach((d) => holidays.add(d));
    spec.workdays.forEach((d) => workdays.add(d));
  }
  const years = [...new Set([...Array.from({ length: file.package_years.to - file.package_years.from + 1 }, (_, i) => file.package_years.from + i), ...Object.keys(own).map(Number)])].sort((a, b) => a - b);
  years.forEach((y, i) => {
    if (i && y !== years[i - 1] + 1) throw new JiuzhuError(`工作日历的已知年份不连续(${years[i - 1]} 之后是 ${y})`, `the calendar's known years are not contiguous (${years[i - 1]} then ${y})`);
  });
  const known = { from: years[0], to: years[years.length - 1] };
  const start = epochDay(`${known.from}-01-01`);
  const end = epochDay(`${known.to}-12-31`);
  const working = new Uint8Array(end - start + 1);
  const cumulative = new Int32Array(end - start + 1);
  let total = 0;
  for (let i = 0; i < working.length; i++) {
    const iso = isoOf(start + i);
    const weekday = new Date((start + i) * DAY).getUTCDay();
    const w = workdays.has(iso) || (weekday !== 0 && weekday !== 6 && !holidays.has(iso));
    working[i] = w ? 1 : 0;
    total += working[i];
    cumulative[i] = total;
  }
  return { known, start, cumulative, working };
}

function cal(): Calendar {
  return (calendar ??= build());
}

/** The years the calendar knows, inclusive. */
export function knownYears(): { from: number; to: number } {
  return { ...cal().known };
}

function indexOf(date: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || isoOf(epochDay(date)) !== date)
    throw new JiuzhuError(`不是有效日期: ${date}(应为 YYYY-MM-DD)`, `not a valid date: ${date} (expected YYYY-MM-DD)`);
  const c = cal();
  const i = epochDay(date) - c.start;
  if (i < 0 || i >= c.working.length) throw new CalendarRangeError(date, c.known);
  return i;
}

export function isWorkingDay(date: string): boolean {
  return cal().working[indexOf(date)] === 1;
}

/** Working days after `from` up to and including `to` (negative when `to` is before `from`). */
export function workingDaysBetween(from: string, to: string): number {
  const c = cal();
  return c.cumulative[indexOf(to)] - c.cumulative[indexOf(from)];
}

/**
 * The date `n` working days after `date` (before it, for negative n); `date` itself is not
 * counted, so addWorkingDays(d, 15) is the last day of "15个工作日内" counted from d.
 */
export function addWorkingDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new JiuzhuError(`工作日天数应为整数: ${n}`, `working days must be an integer: ${n}`);
  const c = cal();
  const i = indexOf(date);
  if (n === 0) return date;
  // Forward: the first day whose running count reaches count(date) + n (binary search).
  if (n > 0) {
    const want = c.cumulative[i] + n;
    if (want > c.cumulative[c.cumulative.length - 1]) throw new CalendarRangeError(`${date} + ${n} 个工作日`, c.known);
    let lo = i + 1;
    let hi = c.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (c.cumulative[mid] >= want) hi = mid;
      else lo = mid + 1;
    }
    return isoOf(c.start + lo);
  }
  // Backward (rare): walk back over |n| working days.
  let j = i;
  let left = -n;
  while (left > 0) {
    j--;
    if (j < 0) throw new CalendarRangeError(`${date} − ${-n} 个工作日`, c.known);
    if (c.working[j]) left--;
  }
  return isoOf(c.start + j);
}
