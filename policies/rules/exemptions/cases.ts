// Accountability cases are few (one per disputed error), so the EXEMPT-* rules read them
// once and decide in TypeScript over rows (DESIGN: intricate decisions over small collections).
import { Dataset } from '../../../engine/dataset/dataset';
import { ParamKey, Span, Timeline } from '../../frame';
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

/**
 * The frame span that judges a record dated `date` (the error's date, when the conduct was
 * judged): in force, or history before the profile's mechanism existed. Undefined where the
 * profile does not bind it: it never sets one of the rule's parameters, or switched one off.
 */
export function judgingSpan<K extends ParamKey>(timeline: Timeline<K>, date: string): Span<K> | undefined {
  if (timeline.unset().length) return undefined;
  const span = timeline.on(date);
  return span.status === 'off' ? undefined : span;
}

/** The day the profile's mechanism took effect (every parameter set), for history messages. */
export const takesEffect = <K extends ParamKey>(timeline: Timeline<K>): string => timeline.spans.find((s) => !s.history)!.from!;

export function caseRecord(ds: Dataset, c: AccountabilityRow) {
  return { record: ds.locate('accountability_cases', c.case_id, c._line), related: [{ collection: 'staff', id: c.staff_id }] };
}
