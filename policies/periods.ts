// Rules judge each record by the values in force on its own date. At scale a rule does not
// ask per record: it splits time into the periods where its parameters are constant and runs
// one query per period. The period before a rule took effect is `preRule` (older practice is history, reported as info, not a violation).
import { ParameterValue, ResolvedProfile } from '../engine/profile/profile';

export interface Period {
  from: string | null;
  until: string | null;
  preRule: boolean;
  /** The profile switched a parameter off (`value: null`): the rule does not bind in this period. */
  off: boolean;
  values: Record<string, ParameterValue | undefined>;
}

export function periodsOf(profile: ResolvedProfile, keys: string[]): Period[] {
  const starts = new Set<string>();
  for (const k of keys) for (const v of profile.timeline(k)) starts.add(v.from);
  const sorted = [...starts].sort();
  if (!sorted.length) return [];
  const periods: Period[] = [];
  const first = Object.fromEntries(keys.map((k) => [k, profile.timeline(k)[0]]));
  periods.push({ from: null, until: sorted[0], preRule: true, off: false, values: first });
  sorted.forEach((from, i) => {
    const values = Object.fromEntries(keys.map((k) => [k, profile.at(k, from)]));
    // Before every key has started, the rule is not yet in force; after, a missing value was switched off.
    const started = keys.every((k) => (profile.effectiveFrom(k) ?? '9999') <= from);
    const missing = keys.some((k) => values[k] === undefined);
    periods.push({ from, until: sorted[i + 1] ?? null, preRule: !started, off: started && missing, values: missing ? first : values });
  });
  return periods;
}

/** SQL predicate: `column` falls in the period. */
export function inPeriod(column: string, p: Period): string {
  const parts = [p.from ? `${column} >= DATE '${p.from}'` : null, p.until ? `${column} < DATE '${p.until}'` : null].filter(Boolean);
  return parts.length ? parts.join(' AND ') : 'TRUE';
}

export { sqlList } from '../engine/dataset/sql';
