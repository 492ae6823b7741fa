// A duration in a profile: `{ value: 7, unit: calendar_days }`. Every day or month count a
// profile states has this one shape, so "7天" and "5个工作日" are both said, never assumed.
//   calendar_days  自然日 — every day counts
//   working_days   工作日 — days worked under the official calendar (policies/calendar/working-days.ts)
//   months         月     — calendar months (民法典第二百零二条: the corresponding day, else the month's last day)
// A parameter says which units its rule can count in (`duration({ units })`); a profile that
// gives another unit is refused by the loader and by `jiuzhu lint`, with file and key.
import { z } from 'zod';
import { addDays, daysBetween } from './dates';
import { addWorkingDays, workingDaysBetween } from './calendar/working-days';

export const UNITS = ['calendar_days', 'working_days', 'months'] as const;
export type Unit = (typeof UNITS)[number];
export interface Duration {
  value: number;
  unit: Unit;
}

const UNIT_WORDS: Record<Unit, { zh: string; en: string }> = {
  calendar_days: { zh: '天', en: 'days' },
  working_days: { zh: '个工作日', en: 'working days' },
  months: { zh: '个月', en: 'months' },
};

/** What each unit is called where a value is listed (`jiuzhu params`, `jiuzhu rules`). */
export const UNIT_NAMES: Record<Unit, { zh: string; en: string }> = {
  calendar_days: { zh: '自然日', en: 'calendar days' },
  working_days: { zh: '工作日', en: 'working days' },
  months: { zh: '月', en: 'months' },
};

/** The zod schema of a duration; `units` limits what the parameter's rule can count in. */
export function duration(opts: { units?: readonly Unit[]; min?: number } = {}) {
  const units = opts.units ?? UNITS;
  const min = opts.min ?? 1;
  return z
    .object(
      {
        value: z.number().int().min(min),
        unit: z
          .enum(UNITS, { error: `单位须为 ${UNITS.join(' / ')} / the unit must be one of ${UNITS.join(', ')}` })
          .refine((u) => units.includes(u), {
            message: `该参数只能使用单位 ${units.join(' / ')} / this parameter only takes the unit(s) ${units.join(', ')}`,
          }),
      },
      // A bare number would leave the unit to be guessed.
      { error: (iss) => (iss.code === 'invalid_type' ? `期限须写明数值与单位,如 { value: 7, unit: ${units[0]} } / a duration needs a value and a unit, e.g. { value: 7, unit: ${units[0]} }` : undefined) },
    )
    .strict();
}

/** "7天" / "7 days", "5个工作日" / "5 working days", "6个月" / "6 months". */
export function formatDuration(d: Duration): { zh: string; en: string } {
  const w = UNIT_WORDS[d.unit];
  return { zh: `${d.value}${w.zh}`, en: `${d.value} ${d.value === 1 ? w.en.replace(/s$/, '') : w.en}` };
}

/**
 * `n` calendar months after `date`. The end-of-month choice (民法典第二百零二条): the same day of
 * the target month, or its last day when it has none — 31 August + 6 months is 28 February.
 */
export function addMonths(date: string, n: number): string {
  const y = +date.slice(0, 4);
  const m = +date.slice(5, 7) - 1 + n;
  const yy = y + Math.floor(m / 12);
  const mm = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(yy, mm + 1, 0)).getUTCDate();
  const d = Math.min(+date.slice(8, 10), last);
  return `${yy}-${String(mm + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * The last day of "within `d` of `date`", `date` itself not counted (民法典第二百零一条: a period
 * starts the next day): 15 working days from a Friday application end on the 15th working day
 * after it. Working days outside the calendar's known years throw CalendarRangeError.
 */
export function addDuration(date: string, d: Duration): string {
  switch (d.unit) {
    case 'calendar_days':
      return addDays(date, d.value);
    case 'working_days':
      return addWorkingDays(date, d.value);
    case 'months':
      return addMonths(date, d.value);
  }
}

/**
 * The last day of a period of `d` that counts its first day `start` (a notice posted on the 1st
 * for 7 days ends on the 7th; for 5 working days, it ends on the 5th working day counting the
 * posting day when that is a working day; for 1 month from 15 January, on 14 February).
 */
export function lastDayCountingStart(start: string, d: Duration): string {
  return d.unit === 'months' ? addDays(addMonths(start, d.value), -1) : addDuration(addDays(start, -1), d);
}

/** Days of `unit` from `from` to `to`, both counted (calendar or working days; months are not a count of days). */
export function countInclusive(from: string, to: string, unit: 'calendar_days' | 'working_days'): number {
  return unit === 'working_days' ? workingDaysBetween(addDays(from, -1), to) : daysBetween(from, to) + 1;
}
