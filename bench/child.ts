// Runs one measured step in its own process, so its peak RSS is its own:
//   floor <dir> — DuckDB alone loading each collection file (the least work any audit must do)
//   audit <dir> <out> — the whole `jiuzhu audit`, every rule and every report
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

async function floor(dir: string): Promise<void> {
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ndjson')).sort()) {
    const table = file.replace('.ndjson', '');
    if (fs.statSync(path.join(dir, file)).size === 0) continue;
    await conn.run(`CREATE TABLE ${table} AS SELECT * FROM read_json('${path.join(dir, file)}', format = 'newline_delimited')`);
  }
  conn.closeSync();
  db.closeSync();
}

async function main(): Promise<void> {
  const [mode, dir, out] = process.argv.slice(2);
  const start = process.hrtime.bigint();
  let exitCode = 0;
  if (mode === 'floor') await floor(dir);
  else {
    const { main: cli } = await import('../engine/cli/main');
    exitCode = await cli(['node', 'jiuzhu', 'audit', dir, '--out', out, '--fail-on', 'never']);
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  process.stdout.write(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, exitCode }) + '\n');
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exit(3);
});
