// Every field of the contract that holds a resident ID number, found from the JSON Schema
// (a string with the resident-ID pattern) so a new person field is covered without a list
// to keep in step: households.members[].person_id, applications.applicant_person_id, …
import schema from '../../schemas/case-export.schema.json';
import { COLLECTION_NAMES, CollectionName, defName, PERSON_ID_PATTERN } from '../../schemas/case-export';

type Schema = Record<string, any>;

/** Table of resident IDs whose lower-case x the loader read as X (collection, _line, id, path). */
export const NORMALISED_IDS = 'contract_normalised_ids';

export interface PersonIdPath {
  collection: CollectionName;
  /** Property names; '[]' steps into an array's items. */
  segments: string[];
  /** As written in findings: members[].person_id */
  label: string;
}

function walk(s: Schema, segments: string[], out: string[][]): void {
  const node = s.$ref ? (schema as Schema).$defs[String(s.$ref).replace('#/$defs/', '')] : s;
  if (node.type === 'string' && node.pattern === PERSON_ID_PATTERN.source) out.push(segments);
  else if (node.type === 'array' && node.items) walk(node.items, [...segments, '[]'], out);
  else if (node.type === 'object') for (const [k, v] of Object.entries(node.properties ?? {})) walk(v as Schema, [...segments, k], out);
}

export const PERSON_ID_PATHS: PersonIdPath[] = COLLECTION_NAMES.flatMap((collection) => {
  const found: string[][] = [];
  walk({ $ref: `#/$defs/${defName(collection)}` }, [], found);
  return found.map((segments) => ({ collection, segments, label: segments.join('.').replace(/\.\[\]/g, '[]') }));
});

/** Whether records of collection `c` hold a resident ID anywhere. */
export const holdsPersonIds = (c: CollectionName) => PERSON_ID_PATHS.some((p) => p.collection === c);

/** The resident IDs a parsed record holds at `segments`, with their concrete path and a setter. */
export function personIdsAt(record: unknown, segments: string[], path = ''): { value: string; path: string; set: (v: string) => void }[] {
  if (!record || typeof record !== 'object') return [];
  const [head, ...rest] = segments;
  if (head === '[]') return Array.isArray(record) ? record.flatMap((item, i) => (rest.length ? personIdsAt(item, rest, `${path}[${i}]`) : leaf(record, i, `${path}[${i}]`))) : [];
  const sep = path ? '.' : '';
  return rest.length ? personIdsAt((record as any)[head], rest, `${path}${sep}${head}`) : leaf(record as any, head, `${path}${sep}${head}`);
}

function leaf(holder: any, key: string | number, path: string) {
  const value = holder[key];
  return typeof value === 'string' ? [{ value, path, set: (v: string) => (holder[key] = v) }] : [];
}

const sqlIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * SQL listing (id, _line, path_head, i, path_tail, v) for every resident ID at `p` in the loaded
 * table; PERSON_ID_PATH_SQL joins the parts into the path that names the array position
 * (members[1].person_id), so a rule spells it out only for the rows it reports. At most one array
 * level occurs in the contract.
 */
export function personIdSql(p: PersonIdPath, keyField: string): string {
  const arrays = p.segments.filter((s) => s === '[]').length;
  const access = (segs: string[], base: string) => segs.reduce((e, s) => `${e}.${sqlIdent(s)}`, base);
  if (arrays === 0) {
    const [first, ...rest] = p.segments;
    return `SELECT ${keyField} AS id, _line, '${p.label}' AS path_head, NULL::BIGINT AS i, '' AS path_tail, ${access(rest, sqlIdent(first))} AS v FROM ${p.collection}`;
  }
  if (arrays > 1) throw new Error(`resident-ID path ${p.label} nests arrays; not compiled to SQL`);
  const k = p.segments.indexOf('[]');
  const [first, ...listRest] = p.segments.slice(0, k);
  const list = access(listRest, sqlIdent(first));
  const inner = p.segments.slice(k + 1);
  const before = p.segments.slice(0, k).join('.');
  const after = inner.length ? `.${inner.join('.')}` : '';
  return `SELECT id, _line, '${before}[' AS path_head, i - 1 AS i, ']${after}' AS path_tail, ${access(inner, 'e')} AS v FROM (SELECT ${keyField} AS id, _line, unnest(${list}) AS e, generate_subscripts(${list}, 1) AS i FROM ${p.collection})`;
}

/** The concrete path of a row of personIdSql: members[1].person_id, or applicant_person_id. */
export const PERSON_ID_PATH_SQL = `CASE WHEN i IS NULL THEN path_head ELSE path_head || i || path_tail END`;
