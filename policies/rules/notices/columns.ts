// The published cells of every notice, one row per column, read in one pass by the
// privacy rules. Only the rows a rule needs come back to TypeScript.
import { Dataset } from '../../../engine/dataset/dataset';
import { onceEach } from '../../../engine/dataset/once';
import { sharedScan } from '../../../engine/dataset/shared-scans';
import { ParamKey, Span } from '../../frame';

export interface NoticeCell {
  notice_id: string;
  household_id: string;
  application_id: string | null;
  posted_on: string;
  _line: number;
  position: number;
  label: string;
  value: string;
}

// Three rules read every cell: the engine's shared scan, built once per dataset.
export const noticeCells = (ds: Dataset): Promise<string> => sharedScan(ds, 'notice_cells');

/**
 * The cells `where` picks (a condition on the cells table `c`), in notice then column order, with
 * their notice's id and application read from notices by line: only for the cells picked.
 */
export function flaggedCellsSql(cells: string, where: string, posted = 'c.posted_on'): string {
  return `WITH c AS MATERIALIZED (SELECT * FROM ${cells} c WHERE ${where})
    SELECT n.notice_id, c.household_id, n.application_id, ${posted} AS posted_on, c._line, c.position, c.label, c.value
    FROM c JOIN notices n ON n._line = c._line
    ORDER BY c._line, c.position`;
}

const runs = onceEach<string, unknown>();

/** `make()` once per rule run (its frame context) and key: what every span of the run reads alike. */
export const oncePerRun = <T>(ctx: object, key: string, make: () => Promise<T>): Promise<T> => runs(ctx, key, make) as Promise<T>;

/** The notices the rule sees: known from the load (less any a view hides), so no statement is run for it. */
export async function noticeCount(ds: Dataset): Promise<number> {
  return ds.count('notices');
}

/**
 * The cell was posted in the span: `span.where('posted_on')` on a row read once for every span
 * (a cell without a date only in a span without bounds, as SQL's NULL comparison leaves it).
 */
export function postedIn(span: Pick<Span<ParamKey>, 'from' | 'until' | 'contains'>, postedOn: string | null): boolean {
  return postedOn === null || postedOn === undefined ? !span.from && !span.until : span.contains(String(postedOn).slice(0, 10));
}
