// Helpers the cross-checks share: money in fen, the people an application covers (as SQL),
// and record references.
import { Dataset } from '../../../engine/dataset/dataset';
import { onceEach } from '../../../engine/dataset/once';
import { sqlList } from '../../frame';

export const yuan = (fen: number) => (fen / 100).toFixed(2);
/** Money column in exact integer fen (DECIMAL(18,2) × 100 is exact). */
export const fenSql = (col: string) => `CAST(${col} * 100 AS BIGINT)`;
/** A DATE or VARCHAR month column as 'YYYY-MM'. */
export const monthSql = (col: string) => `strftime(${col}, '%Y-%m')`;

/**
 * (application_id, person_id) for every person an application of `programs` covers: its
 * decision.covered_person_ids, or, where that list is missing or empty, every member of its
 * household (coverage unknown → assume all, so nobody escapes the check); read from the
 * engine's shared `covered` table (`sharedScan(ds, 'covered')`).
 */
export function coveredSql(covered: string, programs: string[]): string {
  return `SELECT application_id, person_id FROM ${covered} WHERE program IN (${sqlList(programs)})`;
}

const paymentsByProgram = onceEach<'payments', Map<string, number>>();

/**
 * How many payments are of `programs`: counted by programme once per dataset (or hidden view of
 * it), where DUP-DECEASED and the duplicate-enrolment analysis each scanned every payment.
 */
export async function paymentCount(ds: Dataset, programs: string[]): Promise<number> {
  const known = await paymentsByProgram(ds, 'payments', () =>
    ds
      .all<{ program: string; n: number }>(`SELECT program, count(*)::INTEGER AS n FROM payments WHERE program IS NOT NULL GROUP BY program`)
      .then((rows) => new Map(rows.map((r) => [r.program, r.n]))),
  );
  return [...new Set(programs)].reduce((n, p) => n + (known.get(p) ?? 0), 0);
}

/** Payment ids listed as related records. */
export const paymentRefs = (ids: string[]) => ids.map((id) => ({ collection: 'payments', id }));

export const PROGRAM_ZH: Record<string, string> = { dibao: '低保', tekun: '特困供养', temporary: '临时救助', low_income: '低保边缘' };
export const programZh = (p: string) => PROGRAM_ZH[p] ?? p;

/** Months as a compact readable list: 2024-01~2024-03、2024-06. */
export function monthRanges(months: string[]): string {
  const sorted = [...new Set(months)].sort();
  const out: string[] = [];
  let start = sorted[0];
  let prev = sorted[0];
  const next = (m: string) => {
    const [y, mo] = m.split('-').map(Number);
    return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
  };
  for (const m of sorted.slice(1)) {
    if (m === next(prev)) prev = m;
    else {
      out.push(start === prev ? start : `${start}~${prev}`);
      start = prev = m;
    }
  }
  if (start) out.push(start === prev ? start : `${start}~${prev}`);
  return out.join('、');
}
