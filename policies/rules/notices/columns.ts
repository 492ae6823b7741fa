// The published cells of every notice, one row per column, read in one pass by the
// privacy rules. Only the rows a rule needs come back to TypeScript.
import { Dataset } from '../../../engine/dataset/dataset';
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

export async function noticeCount(ds: Dataset): Promise<number> {
  const [{ n }] = await ds.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM notices`);
  return n;
}

/**
 * The cell was posted in the span: `span.where('posted_on')` on a row read once for every span
 * (a cell without a date only in a span without bounds, as SQL's NULL comparison leaves it).
 */
export function postedIn(span: Pick<Span<ParamKey>, 'from' | 'until' | 'contains'>, postedOn: string | null): boolean {
  return postedOn === null || postedOn === undefined ? !span.from && !span.until : span.contains(String(postedOn).slice(0, 10));
}
