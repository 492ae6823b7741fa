// Export folders the loader's Parquet tests write: meta.json beside collection files, as NDJSON
// lines or as Parquet with chosen column types (how a warehouse might type them).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { sqlString } from '../../engine/dataset/sql';

export const META = { schema_version: '1.0', exported_at: '2024-12-31T18:00:00+08:00', source_system: 't', region_code: '150525', region_name: '奈曼旗', period: { from: '2024-01-01', to: '2024-12-31' } };

export const ndjson = (records: object[]) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';

/** `folder()` makes an export folder holding META; `cleanup` removes every one it made (a test file's `after`). */
export function exportFolders(prefix: string): { folder: () => string; cleanup: () => void } {
  const made: string[] = [];
  return {
    folder() {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
      made.push(dir);
      fs.writeFileSync(path.join(dir, 'meta.json'), JSON.stringify(META));
      return dir;
    },
    cleanup: () => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })),
  };
}

/** `work` with a statement runner on a DuckDB of its own, closed afterwards. */
export async function duck<T>(work: (run: (sql: string) => Promise<unknown>) => Promise<T>): Promise<T> {
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  try {
    return await work((sql) => conn.run(sql));
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}

/** Writes `records` as `<collection>.parquet` in `dir`, each column of the given DuckDB type; returns the file. */
export async function writeParquet(dir: string, collection: string, records: object[], columns: Record<string, string>): Promise<string> {
  const src = path.join(dir, `.${collection}.src.ndjson`);
  const file = path.join(dir, `${collection}.parquet`);
  fs.writeFileSync(src, ndjson(records));
  const spec = `{${Object.entries(columns).map(([k, t]) => `${sqlString(k)}: ${sqlString(t)}`).join(', ')}}`;
  await duck((run) => run(`COPY (SELECT * FROM read_json(${sqlString(src)}, format = 'newline_delimited', columns = ${spec})) TO ${sqlString(file)} (FORMAT parquet)`));
  fs.rmSync(src);
  return file;
}
