// The published cells of every notice, one row per column, read in one pass by the
// privacy rules. Only the rows a rule needs come back to TypeScript.
import { Dataset } from '../../../engine/dataset/dataset';

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

// Three rules read every cell; the unnested cells are built once per dataset as a temp table
// (never saved with --db).
export async function noticeCells(ds: Dataset): Promise<string> {
  await ds.run(`CREATE TEMP TABLE IF NOT EXISTS notice_cells AS
    SELECT n.notice_id, n.household_id, n.application_id, n.posted_on, n._line, t.pos::INTEGER AS position, t.c.label AS label, t.c.value AS value
    FROM notices n, unnest(n.columns) WITH ORDINALITY AS t(c, pos)`);
  return 'notice_cells';
}

export async function noticeCount(ds: Dataset): Promise<number> {
  const [{ n }] = await ds.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM notices`);
  return n;
}
