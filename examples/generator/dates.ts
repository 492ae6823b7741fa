// Calendar arithmetic on day numbers (days since 1970-01-01, UTC), with a lookup table of
// ISO strings: formatting millions of dates through Date objects would dominate run time.
import { isWorkday as chineseIsWorkday } from 'chinese-days';

const MS_PER_DAY = 86_400_000;
const FIRST_YEAR = 1900;
const LAST_YEAR = 2060;
const FIRST_DAY = Date.UTC(FIRST_YEAR, 0, 1) / MS_PER_DAY;
const ISO: string[] = [];
for (let d = FIRST_DAY, end = Date.UTC(LAST_YEAR + 1, 0, 1) / MS_PER_DAY; d < end; d++) {
  ISO.push(new Date(d * MS_PER_DAY).toISOString().slice(0, 10));
}

/** YYYYMMDD of a day number, as resident ID numbers encode birth dates. */
const COMPACT = ISO.map((s) => s.slice(0, 4) + s.slice(5, 7) + s.slice(8, 10));
export function compactOf(day: number): string {
  const s = COMPACT[day - FIRST_DAY];
  if (s === undefined) throw new Error(`day ${day} outside ${FIRST_YEAR}–${LAST_YEAR}`);
  return s;
}

/** Day number of a YYYY-MM-DD date. */
export function dayOf(iso: string): number {
  return Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / MS_PER_DAY;
}

/** YYYY-MM-DD of a day number. */
export function isoOf(day: number): string {
  const s = ISO[day - FIRST_DAY];
  if (s === undefined) throw new Error(`day ${day} outside ${FIRST_YEAR}–${LAST_YEAR}`);
  return s;
}

export function addDays(iso: string, n: number): string {
  return isoOf(dayOf(iso) + n);
}

/** YYYY-MM shifted by n months. */
export function addMonths(month: string, n: number): string {
  const total = +month.slice(0, 4) * 12 + (+month.slice(5, 7) - 1) + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** Months from..to inclusive, YYYY-MM. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** The last day of a period of `months` whole months starting on the first of fromIso's month. */
export function periodEnd(fromIso: string, months: number): string {
  return addDays(`${addMonths(fromIso.slice(0, 7), months)}-01`, -1);
}

// Working days follow the State Council holiday schedule (chinese-days covers 2004–2026);
// outside that range only weekends count as rest days.
const WORKDAY_FIRST = Date.UTC(2004, 0, 1) / MS_PER_DAY;
const WORKDAY_LAST = Date.UTC(2026, 11, 31) / MS_PER_DAY;
let workdays: Uint8Array | undefined;

export function isWorkday(day: number): boolean {
  if (day < WORKDAY_FIRST || day > WORKDAY_LAST) {
    const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday (4)
    return weekday !== 0 && weekday !== 6;
  }
  if (!workdays) {
    workdays = new Uint8Array(WORKDAY_LAST - WORKDAY_FIRST + 1);
    for (let d = WORKDAY_FIRST; d <= WORKDAY_LAST; d++) workdays[d - WORKDAY_FIRST] = chineseIsWorkday(isoOf(d)) ? 1 : 0;
  }
  return workdays[day - WORKDAY_FIRST] === 1;
}

/**
 * The day on which a period of `n` days starting on `start` (counted as day 1) ends, when
 * it must hold n calendar days AND n working days: clean notices satisfy either reading.
 */
export function endOfPeriod(start: number, n: number): number {
  let day = start;
  let worked = isWorkday(day) ? 1 : 0;
  while (worked < n || day - start + 1 < n) {
    day++;
    if (isWorkday(day)) worked++;
  }
  return day;
}
