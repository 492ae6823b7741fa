// Known notice violations planted on a few deterministic households, so an audit run over the
// example can be checked against a list of what it must find (and nothing else).

export type PlantRule = 'NOTICE-FIELDS' | 'NOTICE-PII-VALUES' | 'NOTICE-MINORS' | 'NOTICE-REQUIRED' | 'NOTICE-PERIOD';

export interface PlantedViolation {
  rule: PlantRule;
  collection: 'notices' | 'applications';
  id: string;
  what: string;
  /** The same in Chinese, for policy staff reading PLANTED.md. */
  what_zh: string;
  household_id: string;
  /** pre_rule_history: older practice a later rule forbids; to be reported as history, not a violation. */
  expect: 'violation' | 'pre_rule_history';
}

/** Each kind is planted once, on its own household, in this order. */
export const PLANT_KINDS = [
  'id_number_column',
  'phone_column',
  'unknown_label_column',
  'minor_member_column',
  'minor_applicant',
  'no_notice',
  'short_period',
  'decided_during_notice',
  'pre_rule_id_number_column',
] as const;
export type PlantKind = (typeof PLANT_KINDS)[number];

/**
 * Household index → kind: kind j goes to household floor((2j+1)·N / 2K), spreading the K
 * plants evenly through the file whatever the seed; with fewer households than kinds,
 * only the first N kinds are planted.
 */
export function plantPositions(households: number): Map<number, PlantKind> {
  const out = new Map<number, PlantKind>();
  const k = Math.min(PLANT_KINDS.length, households);
  for (let j = 0; j < k; j++) out.set(Math.floor(((2 * j + 1) * households) / (2 * k)), PLANT_KINDS[j]);
  return out;
}

/** The rule in force date of the notice privacy limit (Personal Information Protection Law). */
export const NOTICE_RULE_IN_FORCE = '2021-11-01';
