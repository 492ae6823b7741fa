// Which contract version a field or collection needs (its `x-since` in the published schema),
// and what happens when an export's meta.schema_version is older: a collection stops the run
// (as an unknown collection would), a record using a newer field is rejected naming the field.
// Silently ignoring it would audit something other than what the agency exported.
import schema from '../../schemas/case-export.schema.json';
import { COLLECTIONS, CollectionName, defName, SchemaVersion, sinceOf, SINCE_KEYWORD, versionHas } from '../../schemas/case-export';
import { Dataset, RejectedRecord } from '../dataset/dataset';
import { InputError } from '../errors';
import type { CollectionFile, DiscoveredExport } from './discover';

type Schema = Record<string, any>;

const newer = (since: SchemaVersion | undefined, version: string) => !!since && !versionHas(version, since);

export interface VersionedField {
  /** Property names from the record down (objects only: a newer field inside an array sits under a newer parent). */
  path: string[];
  since: SchemaVersion;
}

const def = (s: Schema): Schema => (s.$ref ? (schema as Schema).$defs[String(s.$ref).replace('#/$defs/', '')] : s);

function walk(node: Schema, path: string[], out: VersionedField[]): void {
  for (const [k, v] of Object.entries<Schema>(def(node).properties ?? {})) {
    if (v[SINCE_KEYWORD]) out.push({ path: [...path, k], since: v[SINCE_KEYWORD] });
    else if (def(v).type === 'object') walk(v, [...path, k], out);
  }
}

const fieldCache = new Map<CollectionName, VersionedField[]>();
/** The fields of a collection's records that a version after 1.0 added, from the published schema. */
export function versionedFields(c: CollectionName): VersionedField[] {
  let hit = fieldCache.get(c);
  if (!hit) {
    hit = [];
    walk({ $ref: `#/$defs/${defName(c)}` }, [], hit);
    fieldCache.set(c, hit);
  }
  return hit;
}

/** A collection the export's version does not have stops the run, naming the version it needs. */
export function checkCollectionVersions(found: DiscoveredExport): void {
  const version = found.meta.schema_version;
  for (const f of found.files) {
    const since = sinceOf(f.collection);
    if (newer(since, version))
      throw new InputError(
        `${f.file}: 集合 ${f.collection} 自契约 v${since} 起才有,本导出 meta.schema_version 为 "${version}"(使用该集合请改为 "${since}")`,
        `${f.file}: collection ${f.collection} exists since contract v${since}; this export's meta.schema_version is "${version}" (set it to "${since}" to use it)`,
      );
  }
}

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * Rejects each loaded record of `f` that uses a field newer than the export's version (one error
 * per such field, its JSON path named) and removes it from the table. The count of records does
 * not change: every record is still either audited or rejected.
 */
export async function rejectNewerFields(ds: Dataset, f: CollectionFile, version: string, rejected: RejectedRecord[]): Promise<void> {
  const fields = versionedFields(f.collection).filter((v) => newer(v.since, version));
  if (!fields.length) return;
  const present = fields.map((v, i) => `(t.${v.path.map(ident).join('.')} IS NOT NULL) AS f${i}`);
  const rows = await ds.all<Record<string, unknown> & { _line: number; j: string }>(
    `SELECT t._line, to_json(t)::VARCHAR AS j, ${present.join(', ')} FROM ${f.collection} t WHERE ${fields.map((_, i) => `f${i}`).join(' OR ')} ORDER BY t._line`,
  );
  if (!rows.length) return;
  const key = COLLECTIONS[f.collection].key;
  for (const row of rows) {
    const record = JSON.parse(row.j) as Record<string, unknown>;
    delete record._line;
    const line = Number(row._line);
    rejected.push({
      collection: f.collection,
      file: f.file,
      ...(f.format === 'array' ? { index: line - 1 } : { line }),
      id: typeof record[key] === 'string' ? (record[key] as string) : undefined,
      errors: fields
        .filter((_, i) => row[`f${i}`])
        .map((v) => {
          const at = v.path.join('.');
          return {
            path: `$.${at}`,
            keyword: 'since',
            zh: `字段 ${at} 自契约 v${v.since} 起才有,本导出 meta.schema_version 为 "${version}"(使用该字段请改为 "${v.since}")`,
            en: `field ${at} exists since contract v${v.since}; this export's meta.schema_version is "${version}" (set it to "${v.since}" to use it)`,
          };
        }),
      record,
    });
  }
  await ds.run(`DELETE FROM ${f.collection} WHERE _line IN (${rows.map((r) => Number(r._line)).join(',')})`);
  rejected.sort((a, b) => (a.line ?? a.index!) - (b.line ?? b.index!));
}
