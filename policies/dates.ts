// Calendar arithmetic on YYYY-MM-DD strings, in UTC so no time zone moves a day.
const DAY = 86_400_000;
const toUtc = (d: string) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10));
const fromUtc = (t: number) => new Date(t).toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * DAY);
}

/** Whole days from `a` to `b` (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtc(b) - toUtc(a)) / DAY);
}

/**
 * Age in completed years on `date`. A person born on 29 February reaches each year's age on
 * 1 March in common years (the later, more protective reading; see the national profile's choices).
 */
export function ageOn(birthDate: string, date: string): number {
  const [by, bm, bd] = [+birthDate.slice(0, 4), +birthDate.slice(5, 7), +birthDate.slice(8, 10)];
  const [y, m, d] = [+date.slice(0, 4), +date.slice(5, 7), +date.slice(8, 10)];
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age--;
  return age;
}

export const monthOf = (date: string) => date.slice(0, 7);
