// Helpers the cross-checks share: parameter state on a month, money in fen, the people an
// application covers (as SQL), and record references.
import { ParameterValue, ResolvedProfile } from '../../../engine/profile/profile';
import { sqlList } from '../../periods';

export interface State {
  preRule: boolean;
  off: boolean;
  values: Record<string, ParameterValue | undefined>;
}

/** The rule's parameters on `date`, with the same meaning of preRule/off as periodsOf. */
export function stateOn(profile: ResolvedProfile, keys: string[], date: string): State {
  const started = keys.every((k) => (profile.effectiveFrom(k) ?? '9999') <= date);
  if (!started) return { preRule: true, off: false, values: Object.fromEntries(keys.map((k) => [k, profile.timeline(k).find((v) => v.value !== null)])) };
  const values = Object.fromEntries(keys.map((k) => [k, profile.at(k, date)]));
  return { preRule: false, off: keys.some((k) => values[k] === undefined), values };
}

/** Memoised stateOn for many months: 'YYYY-MM' → state on the 1st. */
export function monthStates(profile: ResolvedProfile, keys: string[]): (month: string) => State {
  const cache = new Map<string, State>();
  return (month) => {
    let s = cache.get(month);
    if (!s) cache.set(month, (s = stateOn(profile, keys, `${month}-01`)));
    return s;
  };
}

/** Every value a key takes in the profile (a query is written for their union, decided per month in TS). */
export function allValues<T>(profile: ResolvedProfile, key: string): T[] {
  return profile.timeline(key).filter((v) => v.value !== null).flatMap((v) => v.value as T[]);
}

export const yuan = (fen: number) => (fen / 100).toFixed(2);
/** Money column in exact integer fen (DECIMAL(18,2) × 100 is exact). */
export const fenSql = (col: string) => `CAST(${col} * 100 AS BIGINT)`;
/** A DATE or VARCHAR month column as 'YYYY-MM'. */
export const monthSql = (col: string) => `strftime(${col}, '%Y-%m')`;

/**
 * (application_id, person_id) for every person an application of `programs` covers: its
 * decision.covered_person_ids, or, where that list is missing or empty, every member of its
 * household (coverage unknown → assume all, so nobody escapes the check); read from the
 * engine's shared `covered` table (`sharedScan(ds, 'covered')`).
 */
export function coveredSql(covered: string, programs: string[]): string {
  return `SELECT application_id, person_id FROM ${covered} WHERE program IN (${sqlList(programs)})`;
}

/** Payment ids listed as related records. */
export const paymentRefs = (ids: string[]) => ids.map((id) => ({ collection: 'payments', id }));

export const PROGRAM_ZH: Record<string, string> = { dibao: '低保', tekun: '特困供养', temporary: '临时救助', low_income: '低保边缘' };
export const programZh = (p: string) => PROGRAM_ZH[p] ?? p;

/** Months as a compact readable list: 2024-01~2024-03、2024-06. */
export function monthRanges(months: string[]): string {
  const sorted = [...new Set(months)].sort();
  const out: string[] = [];
  let start = sorted[0];
  let prev = sorted[0];
  const next = (m: string) => {
    const [y, mo] = m.split('-').map(Number);
    return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
  };
  for (const m of sorted.slice(1)) {
    if (m === next(prev)) prev = m;
    else {
      out.push(start === prev ? start : `${start}~${prev}`);
      start = prev = m;
    }
  }
  if (start) out.push(start === prev ? start : `${start}~${prev}`);
  return out.join('、');
}

/** Keys the profile never sets: the rule does not reach this jurisdiction (reported as not reviewed). */
export function unsetKeys(profile: ResolvedProfile, keys: string[]): string[] {
  return keys.filter((k) => profile.effectiveFrom(k) === undefined);
}

export function notConfigured(profile: ResolvedProfile, keys: string[], count: number) {
  const missing = unsetKeys(profile, keys);
  return {
    findings: [],
    examined: 0,
    notReviewed: {
      count,
      reason: {
        zh: `政策配置「${profile.id}」未设定 ${missing.join('、')},本规则不适用于该地(请选用设定了这些参数的地方配置)`,
        en: `profile "${profile.id}" sets no ${missing.join(', ')}; choose a local profile that does`,
      },
    },
  };
}
