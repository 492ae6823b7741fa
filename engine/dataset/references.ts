// How the collections of an export refer to one another — one table, read by CONTRACT-REFERENCE
// (is every referenced record there?) and by the rule frame (which records depend on a rejected one).
import { CollectionName } from '../../schemas/case-export';

export interface Reference {
  from: CollectionName;
  /** Field path in a `from` record (dots for nested objects; arrays are read element by element). */
  field: string;
  /** SQL giving the referenced value(s) of a row of `from`; list-valued when `list`. */
  expr: string;
  list?: boolean;
  to: CollectionName;
  /** Field path of the referenced key in a `to` record. */
  key: string;
  /** SQL giving the key value(s) of a row of `to`; list-valued when `keyList`. */
  keyExpr: string;
  keyList?: boolean;
  /**
   * A contract reference must resolve (CONTRACT-REFERENCE checks it). A person reference need not:
   * a death record names anyone in the region, not only assisted people.
   */
  contract: boolean;
  /** The contract version that added the field, when after 1.0: an older export is not checked for it. */
  since?: '1.1';
}

const ref = (from: CollectionName, field: string, to: CollectionName, key: string, list = false): Reference => ({
  from,
  field,
  expr: field,
  ...(list ? { list } : {}),
  to,
  key,
  keyExpr: key,
  contract: true,
});

/** A reference held in a list of objects (`declared_relations[].staff_id`): read element by element. */
const listRef = (from: CollectionName, list: string, field: string, to: CollectionName, key: string): Reference => ({
  from,
  field: `${list}.${field}`,
  expr: `list_transform(${list}, x -> x.${field})`,
  list: true,
  to,
  key,
  keyExpr: key,
  contract: true,
});

export const REFERENCES: Reference[] = [
  ref('applications', 'household_id', 'households', 'household_id'),
  ref('applications', 'handled_by', 'staff', 'staff_id', true),
  ref('applications', 'declared_relation.staff_id', 'staff', 'staff_id'),
  ref('notices', 'household_id', 'households', 'household_id'),
  ref('notices', 'application_id', 'applications', 'application_id'),
  ref('relative_filings', 'application_id', 'applications', 'application_id'),
  ref('relative_filings', 'staff_id', 'staff', 'staff_id'),
  ref('payments', 'application_id', 'applications', 'application_id'),
  ref('payments', 'household_id', 'households', 'household_id'),
  ref('fraud_cases', 'household_id', 'households', 'household_id'),
  ref('fraud_cases', 'application_id', 'applications', 'application_id'),
  ref('accountability_cases', 'staff_id', 'staff', 'staff_id'),
  ref('warnings', 'household_id', 'households', 'household_id'),
  // contract v1.1
  { ...listRef('applications', 'declared_relations', 'staff_id', 'staff', 'staff_id'), since: '1.1' },
  { ...ref('fraud_cases', 'reapproval.application_id', 'applications', 'application_id'), since: '1.1' },
  ref('recoveries', 'household_id', 'households', 'household_id'),
  ref('recoveries', 'application_id', 'applications', 'application_id'),
  ref('recoveries', 'case_id', 'fraud_cases', 'case_id'),
  ref('recoveries', 'payment_ids', 'payments', 'payment_id', true),
  ref('joint_reviews', 'application_id', 'applications', 'application_id'),
  ref('joint_reviews', 'household_id', 'households', 'household_id'),
  ref('services', 'household_id', 'households', 'household_id'),
  ref('services', 'application_id', 'applications', 'application_id'),
  ref('satisfaction_surveys', 'household_id', 'households', 'household_id'),
  listRef('change_lists', 'changes', 'household_id', 'households', 'household_id'),
  ref('assistance_chains', 'household_id', 'households', 'household_id'),
];

// Rules match a death to the people an application covers and to household members by
// person_id (DUP-DECEASED): a rejected death, or a rejected household, changes what they see.
const person = (to: 'households' | 'applications' | 'payments', key: string, keyExpr: string, keyList: boolean): Reference => ({
  from: 'deaths',
  field: 'person_id',
  expr: 'person_id',
  to,
  key,
  keyExpr,
  ...(keyList ? { keyList } : {}),
  contract: false,
});

/** Every link the rule frame follows from a rejected record to the records that depend on it. */
export const DEPENDENCIES: Reference[] = [
  ...REFERENCES,
  person('households', 'members.person_id', 'list_transform(members, m -> m.person_id)', true),
  person('applications', 'decision.covered_person_ids', 'decision.covered_person_ids', true),
  person('payments', 'person_id', 'person_id', false),
];

/** The values at a field path of a JSON-parsed record (arrays are walked, non-strings dropped). */
export function valuesAt(record: unknown, field: string): string[] {
  let level: unknown[] = [record];
  for (const k of field.split('.'))
    level = level
      .flatMap((v) => (Array.isArray(v) ? v : [v]))
      .map((v) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined));
  return level.flatMap((v) => (Array.isArray(v) ? v : [v])).filter((v): v is string => typeof v === 'string');
}
