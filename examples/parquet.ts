// Writes a folder export as Parquet, one file per collection, typed as a data warehouse would
// write them: dates DATE, money DECIMAL(18,2), nested records STRUCT and LIST.
//   npx ts-node -T examples/parquet.ts --from examples/naiman-2024 --out DIR [--no-check]
// DuckDB's read_json would round a third decimal of money into DECIMAL(18,2), so by default the
// export is first loaded by jiuzhu and refused if any record is rejected (--no-check skips that
// for large generated exports, which are valid by construction).
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { DuckDBInstance } from '@duckdb/node-api';
import schema from '../schemas/case-export.schema.json';
import { COLLECTION_NAMES, defName } from '../schemas/case-export';
import { sqlString } from '../engine/dataset/sql';
import { duckType } from '../engine/load/duck-types';
import { loadExport } from '../engine/load/loader';

/** Every top-level field of the collection with its contract type (DATE, DECIMAL(18,2), STRUCT…). */
const fields = (collection: (typeof COLLECTION_NAMES)[number]) =>
  Object.entries((schema as any).$defs[defName(collection)].properties as Record<string, object>).map(([k, v]) => [k, duckType(schema, v)]);

export async function writeParquetExport(from: string, out: string, options: { check?: boolean } = {}): Promise<string[]> {
  if (options.check !== false) {
    const loaded = await loadExport(from, { allowEmpty: true });
    loaded.dataset.close();
    if (loaded.rejected.length)
      throw new Error(`${from}: ${loaded.rejected.length} record(s) do not conform to the contract (first at ${loaded.rejected[0].file}:${loaded.rejected[0].line ?? loaded.rejected[0].index}); convert only a valid export`);
  }
  fs.mkdirSync(out, { recursive: true });
  fs.copyFileSync(path.join(from, 'meta.json'), path.join(out, 'meta.json'));
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  const written: string[] = [];
  try {
    await conn.run('SET preserve_insertion_order = true');
    for (const c of COLLECTION_NAMES) {
      const file = [`${c}.ndjson`, `${c}.jsonl`].map((n) => path.join(from, n)).find((f) => fs.existsSync(f));
      if (!file) continue;
      const target = path.join(out, `${c}.parquet`);
      // An empty file still says "the collection is present and empty": write a zero-row file.
      const rows =
        fs.statSync(file).size === 0
          ? `SELECT ${fields(c).map(([k, t]) => `NULL::${t} AS "${k}"`).join(', ')} LIMIT 0`
          : `SELECT * FROM read_json(${sqlString(file)}, format = 'newline_delimited', columns = {${fields(c).map(([k, t]) => `${sqlString(k)}: ${sqlString(t)}`).join(', ')}})`;
      await conn.run(`COPY (${rows}) TO ${sqlString(target)} (FORMAT parquet)`);
      written.push(target);
    }
  } finally {
    conn.closeSync();
    db.closeSync();
  }
  return written;
}

async function main(argv: string[]): Promise<void> {
  const o = new Command('parquet')
    .description('Write a folder export (NDJSON) as Parquet, one file per collection')
    .requiredOption('--from <dir>', 'folder export to read (meta.json + NDJSON)')
    .requiredOption('--out <dir>', 'folder to write (created if missing)')
    .option('--no-check', 'skip loading the export first (it must be contract-valid)')
    .parse(argv)
    .opts<{ from: string; out: string; check: boolean }>();
  const t = Date.now();
  const written = await writeParquetExport(o.from, o.out, { check: o.check });
  const mb = written.reduce((a, f) => a + fs.statSync(f).size, 0) / 1e6;
  process.stderr.write(`${written.length} Parquet files, ${mb.toFixed(1)} MB in ${((Date.now() - t) / 1000).toFixed(2)} s → ${o.out}\n`);
}

if (require.main === module)
  main(process.argv).catch((e) => {
    process.stderr.write(`parquet: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
