// The bench's Parquet rows: the same export written as Parquet (money DECIMAL(18,2), dates DATE,
// as a warehouse writes it), audited, against its own floor: DuckDB alone loading the files.
// Run as a child (`… bench/parquet.ts floor <dir>`) the floor is measured in its own process.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { writeParquetExport } from '../examples/parquet';

interface Measured {
  ms: number;
  maxRssMb: number;
  exitCode: number;
}

async function floor(dir: string): Promise<void> {
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.parquet')).sort())
    await conn.run(`CREATE TABLE ${file.replace('.parquet', '')} AS SELECT * FROM read_parquet('${path.join(dir, file)}')`);
  conn.closeSync();
  db.closeSync();
}

function measureFloor(dir: string): Measured {
  const r = spawnSync(process.execPath, ['--max-old-space-size=4096', '-r', 'ts-node/register/transpile-only', __filename, 'floor', dir], { cwd: path.join(__dirname, '..'), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`parquet floor failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop() as string);
}

/**
 * Prints the Parquet rows for the NDJSON export in `dir` (converted once, kept beside it);
 * `audit` measures `jiuzhu audit` of a folder as the NDJSON row does.
 */
export async function parquetRows(dir: string, records: number, audit: (dir: string, out: string) => Measured): Promise<{ floor: Measured; audit: Measured }> {
  const pq = `${dir}-parquet`;
  const marker = path.join(pq, '.bench-complete');
  if (!fs.existsSync(marker)) {
    fs.rmSync(pq, { recursive: true, force: true });
    const t = Date.now();
    // Generated exports are valid by construction: no loading first (--no-check).
    await writeParquetExport(dir, pq, { check: false });
    fs.writeFileSync(marker, '');
    console.log(`parquet: written from the NDJSON in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  const mb = fs.readdirSync(pq).filter((f) => f.endsWith('.parquet')).reduce((a, f) => a + fs.statSync(path.join(pq, f)).size, 0) / 1048576;
  const f = measureFloor(pq);
  const a = audit(pq, `${pq}-reports`);
  if (a.exitCode !== 0) throw new Error(`the Parquet audit exited ${a.exitCode}`);
  const row = (name: string, m: Measured) =>
    `${name.padEnd(14)} ${(m.ms / 1000).toFixed(2).padStart(8)} s ${Math.round(records / (m.ms / 1000)).toLocaleString('en').padStart(12)} records/s   peak RSS ${m.maxRssMb.toFixed(0).padStart(6)} MB`;
  console.log('');
  console.log(`parquet export: ${mb.toFixed(1)} MB (money DECIMAL(18,2), dates DATE, members LIST of STRUCT)`);
  console.log(row('parquet floor', f) + '   (DuckDB alone: CREATE TABLE … AS SELECT * FROM read_parquet(…) per collection)');
  console.log(row('parquet audit', a) + '   (jiuzhu audit of the Parquet folder)');
  console.log(`parquet audit / parquet floor = ${(a.ms / f.ms).toFixed(2)}×    parquet audit peak RSS ${a.maxRssMb.toFixed(0)} MB`);
  return { floor: f, audit: a };
}

if (require.main === module && process.argv[2] === 'floor') {
  const start = process.hrtime.bigint();
  floor(process.argv[3]).then(
    () => process.stdout.write(JSON.stringify({ ms: Number(process.hrtime.bigint() - start) / 1e6, maxRssMb: process.resourceUsage().maxRSS / 1024, exitCode: 0 }) + '\n'),
    (e) => {
      process.stderr.write(`${(e as Error).stack}\n`);
      process.exit(3);
    },
  );
}
