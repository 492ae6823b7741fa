// Where the case export holds personal data (schemas/case-export.ts): the fields whose values
// are the dictionary for masking free text, and the record keys that are themselves personal.
import { COLLECTIONS, CollectionName } from '../../schemas/case-export';
import { PERSON_ID_PATHS } from '../load/person-ids';
import { SpanKind } from './personal-data';

export interface PersonalField {
  collection: CollectionName;
  /** Dotted path; `[]` marks a list, at most once: `members[].name`, `decision.covered_person_ids[]`. */
  path: string;
  kind: SpanKind;
}

/**
 * Every field of the contract that holds a person's name, resident ID or plate. Phone and card
 * numbers and house-number addresses have no field of their own: they turn up in free text
 * (notice cells, situations, causes) and are found there by pattern.
 */
export const PERSONAL_FIELDS: PersonalField[] = [
  // Resident IDs: every field the contract's ID pattern marks, found from the schema once for the loader.
  ...PERSON_ID_PATHS.map((p): PersonalField => ({ collection: p.collection, path: p.label, kind: 'id' })),
  { collection: 'households', path: 'members[].name', kind: 'name' },
  { collection: 'households', path: 'vehicles[].plate', kind: 'plate' },
  { collection: 'staff', path: 'name', kind: 'name' },
  { collection: 'staff', path: 'relatives[].name', kind: 'name' },
];

/** The kind of a collection's record key when the key is a personal value (deaths are keyed by resident ID). */
export function personalKeyKind(collection: string): SpanKind | undefined {
  const c = COLLECTIONS[collection as CollectionName];
  return c ? PERSONAL_FIELDS.find((f) => f.collection === collection && f.path === c.key)?.kind : undefined;
}

/** A SQL expression over the collection's table giving the field's values, one row each. */
export function fieldSql(path: string): string {
  const [head, rest, more] = path.split('[]');
  if (more !== undefined) throw new Error(`personal field ${path}: one list level at most`);
  const column = head.split('.').map((p) => `"${p}"`).join('.');
  if (rest === undefined) return column;
  if (rest === '') return `unnest(${column})`;
  return `unnest(list_transform(${column}, e -> e${rest.split('.').slice(1).map((p) => `."${p}"`).join('')}))`;
}

/** The field's values in one parsed record (a record the contract rejected never reaches a table). */
export function fieldValues(record: unknown, path: string): unknown[] {
  let values: unknown[] = [record];
  for (const step of path.split('.')) {
    const list = step.endsWith('[]');
    const key = list ? step.slice(0, -2) : step;
    values = values.flatMap((v) => {
      const x = v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
      return list ? (Array.isArray(x) ? x : []) : [x];
    });
  }
  return values.filter((v) => v !== undefined && v !== null);
}
