// Which loaded records depend on a rejected one, as far as one rule can tell: a record that
// refers to a rejected record (a notice of a rejected household), a record a rejected one
// referred to (an application whose notice was rejected), and, in turn, whatever refers to
// those. Only links between collections the rule reads are followed, so a rule that does not
// read the rejected record's collection is not touched.
import { COLLECTIONS, CollectionName } from '../../schemas/case-export';
import { Dataset, RejectedRecord } from '../dataset/dataset';
import { DEPENDENCIES, Reference, valuesAt } from '../dataset/references';
import { sqlList } from '../dataset/sql';
import { Bilingual } from '../findings/finding';
import { personal } from '../findings/personal-data';
import { onceEach } from '../dataset/once';

export interface Dependents {
  /** Lines of the loaded records to leave out, by collection. */
  lines: Map<CollectionName, number[]>;
  /** The rejected records they depend on, in export order. */
  roots: RejectedRecord[];
  count: number;
}

// A staff record is a roster entry: nothing about it is judged from the records that name it, so a
// rejected application does not make the rest of its handler's cases unjudgeable (following it
// back would leave every case that staff member handled unreviewed).
const ROSTERS: CollectionName[] = ['staff'];

const NONE: Dependents = { lines: new Map(), roots: [], count: 0 };

interface Row {
  _line: number;
  v: string;
}

// Rules that read the same collections share one answer (the rejected records never change).
const byReads = onceEach<string, Dependents>();

export function dependentsOf(ds: Dataset, reads: readonly CollectionName[]): Promise<Dependents> {
  return byReads(ds, [...new Set(reads)].sort().join(','), () => compute(ds, reads));
}

async function compute(ds: Dataset, reads: readonly CollectionName[]): Promise<Dependents> {
  const read = new Set(reads.filter((c) => ds.has(c)));
  const rejected = ds.rejected.map((r, i) => ({ r, i })).filter(({ r }) => read.has(r.collection));
  const links = DEPENDENCIES.filter((l) => read.has(l.from) && read.has(l.to));
  if (!rejected.length || !links.length) return NONE;

  // Excluded rows (collection → line → the rejected record it traces back to), and the key values
  // they and the rejected records carry, which pull in further rows that refer to them.
  const excluded = new Map<CollectionName, Map<number, number>>();
  const keys = new Map<string, Map<string, number>>();
  const followed = new Map<Reference, Set<string>>(links.map((l) => [l, new Set()]));
  let fresh: { c: CollectionName; line: number; root: number }[] = [];
  const keyValues = (c: CollectionName, key: string) => {
    const k = `${c}\u0000${key}`;
    if (!keys.has(k)) keys.set(k, new Map());
    return keys.get(k)!;
  };
  const exclude = (c: CollectionName, rows: Row[], root: (r: Row) => number) => {
    if (!excluded.has(c)) excluded.set(c, new Map());
    const lines = excluded.get(c)!;
    for (const r of rows)
      if (!lines.has(r._line)) {
        lines.set(r._line, root(r));
        fresh.push({ c, line: r._line, root: root(r) });
      }
  };

  for (const { r, i } of rejected) {
    for (const l of links.filter((l) => l.to === r.collection)) {
      // Without the parsed record, only the id the loader could read is known.
      const values = r.record !== undefined ? valuesAt(r.record, l.key) : l.key === COLLECTIONS[r.collection].key && r.id ? [r.id] : [];
      for (const v of values) if (!keyValues(l.to, l.key).has(v)) keyValues(l.to, l.key).set(v, i);
    }
    if (r.record === undefined) continue;
    for (const l of links.filter((l) => l.from === r.collection && !ROSTERS.includes(l.to))) {
      const values = valuesAt(r.record, l.field);
      if (values.length) exclude(l.to, await rowsWhere(ds, l.to, l.keyExpr, !!l.keyList, values), () => i);
    }
  }

  for (;;) {
    const rows = fresh;
    fresh = [];
    for (const c of new Set(rows.map((r) => r.c))) {
      const roots = new Map(rows.filter((r) => r.c === c).map((r) => [r.line, r.root]));
      for (const l of links.filter((l) => l.to === c)) {
        const vals = await ds.all<Row>(
          `SELECT _line, ${l.keyList ? `unnest(${l.keyExpr})` : l.keyExpr} AS v FROM ${table(ds, c)} WHERE _line IN (${[...roots.keys()].join(', ')})`,
        );
        const known = keyValues(c, l.key);
        for (const v of vals) if (v.v !== null && !known.has(v.v)) known.set(v.v, roots.get(v._line)!);
      }
    }
    for (const l of links) {
      const known = keyValues(l.to, l.key);
      const done = followed.get(l)!;
      const values = [...known.keys()].filter((v) => !done.has(v));
      if (!values.length) continue;
      values.forEach((v) => done.add(v));
      exclude(l.from, await rowsWhere(ds, l.from, l.expr, !!l.list, values), (r) => known.get(r.v)!);
    }
    if (!fresh.length) break;
  }

  const lines = new Map<CollectionName, number[]>();
  const roots = new Set<number>();
  let count = 0;
  for (const [c, m] of excluded) {
    if (!m.size) continue;
    lines.set(c, [...m.keys()].sort((a, b) => a - b));
    m.forEach((root) => roots.add(root));
    count += m.size;
  }
  // Every copy of a repeated id was rejected: name them all.
  for (const i of [...roots]) {
    const r = ds.rejected[i];
    ds.rejected.forEach((o, j) => r.id !== undefined && o.collection === r.collection && o.id === r.id && roots.add(j));
  }
  return { lines, roots: [...roots].sort((a, b) => a - b).map((i) => ds.rejected[i]), count };
}

// The loaded table itself, never a view that hides rows for the rule being run.
const table = (ds: Dataset, c: CollectionName) => `${ds.catalog}.main.${c}`;

function rowsWhere(ds: Dataset, c: CollectionName, expr: string, list: boolean, values: string[]): Promise<Row[]> {
  return list
    ? ds.all<Row>(`SELECT _line, v FROM (SELECT _line, unnest(${expr}) AS v FROM ${table(ds, c)}) WHERE v IN (${sqlList(values)})`)
    : ds.all<Row>(`SELECT _line, ${expr} AS v FROM ${table(ds, c)} WHERE ${expr} IN (${sqlList(values)})`);
}

// A death record's id is the person's resident ID: personal data, masked in reports.
const idOf = (r: RejectedRecord) => (r.id === undefined ? '?' : COLLECTIONS[r.collection].key === 'person_id' ? personal('id', r.id) : r.id);

const where = (r: RejectedRecord) => `${r.file}${r.line !== undefined ? `:${r.line}` : r.index !== undefined ? `[${r.index}]` : ''}`;

/** Why the rule did not review them: the rejected records (a few, then how many more). */
export function dependentsReason(d: Dependents, shown = 3): Bilingual {
  const named = d.roots.slice(0, shown);
  const more = d.roots.length - named.length;
  const by = [...d.lines].map(([c, l]) => `${c} ${l.length}`);
  return {
    zh: `${d.count} 条记录(${by.join('、')})依赖因不符合契约被剔除的记录,未审查: ${named.map((r) => `${r.collection}「${idOf(r)}」(${where(r)})`).join('、')}${more ? ` 等另 ${more} 条` : ''}`,
    en: `${d.count} record(s) (${by.join(', ')}) depend on records rejected as not conforming to the contract and were not reviewed: ${named.map((r) => `${r.collection} "${idOf(r)}" (${where(r)})`).join(', ')}${more ? ` and ${more} more` : ''}`,
  };
}
