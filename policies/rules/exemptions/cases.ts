// Accountability cases are few (one per disputed error), so the EXEMPT-* rules read them
// once and decide in TypeScript over rows (DESIGN: intricate decisions over small collections).
import { Dataset } from '../../../engine/dataset/dataset';
import { ParameterValue, ResolvedProfile } from '../../../engine/profile/profile';
import { Facts } from './reasoning';

export interface AccountabilityRow {
  case_id: string;
  staff_id: string;
  error: string;
  occurred_on: string;
  facts: Facts;
  claimed_situations: string[];
  outcome: 'exempt' | 'reduced' | 'lenient' | 'not_exempt' | 'pending';
  steps: { step: string; on: string }[];
  tracking: { from: string; until: string; talks: string[] } | null;
  _line: number;
}

export async function accountabilityCases(ds: Dataset): Promise<AccountabilityRow[]> {
  return ds.all<AccountabilityRow>(`SELECT case_id, staff_id, error, occurred_on, facts, claimed_situations, outcome, steps, tracking, _line FROM accountability_cases ORDER BY _line`);
}

export const isFavourable = (o: string) => o === 'exempt' || o === 'reduced' || o === 'lenient';

export const OUTCOME_ZH: Record<string, string> = { exempt: '免责', reduced: '减轻处理', lenient: '从轻处理', not_exempt: '不予免责', pending: '待认定' };

export type Timing = { kind: 'in_force'; values: ParameterValue[] } | { kind: 'pre_rule'; from: string } | { kind: 'undefined' };

/**
 * Which values judge a case dated `date` (the error's date, when the conduct was judged):
 * in force, before the profile's mechanism existed (history), or never defined by the profile.
 */
export function timing(profile: ResolvedProfile, keys: string[], date: string): Timing {
  const values = keys.map((k) => profile.at(k, date));
  if (values.every((v) => v)) return { kind: 'in_force', values: values as ParameterValue[] };
  const starts = keys.map((k) => profile.effectiveFrom(k));
  if (starts.every((s) => s)) {
    const from = starts.sort().at(-1)!;
    if (date < from) return { kind: 'pre_rule', from };
  }
  return { kind: 'undefined' };
}

export function caseRecord(ds: Dataset, c: AccountabilityRow) {
  return { record: ds.locate('accountability_cases', c.case_id, c._line), related: [{ collection: 'staff', id: c.staff_id }] };
}
