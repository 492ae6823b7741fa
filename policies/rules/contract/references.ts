// CONTRACT-REFERENCE — a record that refers to another the export lacks is reported. A
// reference is checked only when the export carries the referenced collection at all.
// A reference to a record that is in the file but was rejected says so, with its file and line.
import { COLLECTIONS, CollectionName } from '../../../schemas/case-export';
import { RejectedRecord } from '../../../engine/dataset/dataset';
import { REFERENCES, valuesAt } from '../../../engine/dataset/references';
import { frameRule } from '../../frame';
import { CONTRACT_CLAUSE } from './clause';

const where = (r: RejectedRecord) => `${r.file}${r.line !== undefined ? `:${r.line}` : `[${r.index}]`}`;

/** The rejected records of a collection by the key value they carry. */
function rejectedByKey(ds: { rejected: RejectedRecord[] }, to: CollectionName, key: string): Map<string, RejectedRecord> {
  const m = new Map<string, RejectedRecord>();
  for (const r of ds.rejected)
    if (r.collection === to) for (const v of r.record !== undefined ? valuesAt(r.record, key) : r.id ? [r.id] : []) if (!m.has(v)) m.set(v, r);
  return m;
}

export const contractReference = frameRule({
  id: 'CONTRACT-REFERENCE',
  family: 'contract',
  title: { zh: '记录引用的其他记录须在导出数据中', en: 'Every record a record refers to is in the export' },
  clause: CONTRACT_CLAUSE,
  needs: [],
  reads: [...new Set(REFERENCES.flatMap((r) => [r.from, r.to]))],
  judgesRejected: true,
  parameters: [],
  before: 'skip',
  async whole(ctx) {
    const { ds } = ctx;
    // Every reference in one statement: a statement per reference paid DuckDB's fixed cost
    // thirteen times at county size. An anti join, not NOT IN: keys are required strings, so the
    // two agree, and the anti join skips NOT IN's NULL bookkeeping.
    const refs = REFERENCES.filter((ref) => ds.has(ref.from) && ds.has(ref.to) && !(ref.since && ds.meta?.schema_version === '1.0'));
    // A 1.0 export cannot hold a 1.1 field (the loader rejects it): nothing to check, nothing counted.
    for (const ref of refs) ctx.examine(ds.count(ref.from));
    const found = refs.length
      ? await ds.all<{ k: number; id: string; _line: number; v: string }>(
          `${refs
            .map((ref, k) => {
              const id = COLLECTIONS[ref.from].key;
              const source = ref.list ? `(SELECT ${id}, _line, unnest(${ref.expr}) AS v FROM ${ref.from})` : `(SELECT ${id}, _line, ${ref.expr} AS v FROM ${ref.from})`;
              return `SELECT ${k} AS k, s.${id} AS id, s._line, s.v FROM ${source} s ANTI JOIN ${ref.to} t ON t.${ref.keyExpr} = s.v WHERE s.v IS NOT NULL`;
            })
            .join(' UNION ALL ')} ORDER BY k, _line`,
        )
      : [];
    for (const [k, ref] of refs.entries()) {
      const rows = found.filter((r) => r.k === k);
      const rejected = rows.length ? rejectedByKey(ds, ref.to, ref.key) : new Map<string, RejectedRecord>();
      for (const r of rows) {
        const gone = rejected.get(r.v);
        const base = {
          record: ds.locate(ref.from, r.id, r._line),
          related: [{ collection: ref.to, id: r.v }],
          expected: { collection: ref.to, id: r.v },
          params: [],
          detail: `${ref.field}:${r.v}`,
        };
        if (gone)
          // A warning, not an error: the reference itself is sound and its target's own fault is
          // already a CONTRACT-INVALID error; counting it again would rank one fault twice.
          ctx.find(undefined, {
            ...base,
            severity: 'warning',
            message: {
              zh: `${ref.field} 引用的 ${ref.to} 记录「${r.v}」因不符合契约被剔除(${where(gone)})`,
              en: `${ref.field} refers to ${ref.to} "${r.v}", which was rejected as not conforming to the contract (${where(gone)})`,
            },
            actual: { found: true, rejected: { file: gone.file, ...(gone.line !== undefined ? { line: gone.line } : { index: gone.index }) } },
            remedy: { zh: '更正被剔除的记录后重新导出', en: 'correct the rejected record and export again' },
          });
        else
          ctx.find(undefined, {
            ...base,
            severity: 'error',
            message: { zh: `${ref.field} 引用的 ${ref.to} 记录「${r.v}」不在导出数据中`, en: `${ref.field} refers to ${ref.to} "${r.v}", which the export lacks` },
            actual: { found: false },
            remedy: { zh: '补齐被引用的记录后重新导出', en: 'export the referenced record as well' },
          });
      }
    }
  },
});
