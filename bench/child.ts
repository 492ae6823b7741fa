// Runs one measured step in its own process, so its peak RSS is its own:
//   floor <dir> [db] [memory-limit] — DuckDB alone loading each collection file (the least work any audit must do)
//   audit <dir> <out> [db] [memory-limit] — the whole `jiuzhu audit`, every rule and every report
// With db, both use an on-disk database at that path (removed first) under the memory limit, as a
// province-sized audit must; without it, an in-memory database.
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

const ROOT = path.join(__dirname, '..');

async function floor(dir: string, db?: string, memoryLimit?: string): Promise<void> {
  const instance = await DuckDBInstance.create(db ?? ':memory:', memoryLimit ? { memory_limit: memoryLimit } : {});
  const conn = await instance.connect();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ndjson')).sort()) {
    const table = file.replace('.ndjson', '');
    if (fs.statSync(path.join(dir, file)).size === 0) continue;
    await conn.run(`CREATE TABLE ${table} AS SELECT * FROM read_json('${path.join(dir, file)}', format = 'newline_delimited')`);
  }
  conn.closeSync();
  instance.closeSync();
}

// The compiled command when built (what users run), else the TypeScript through ts-node.
function cliMain(): (argv: string[]) => Promise<number> {
  const compiled = path.join(ROOT, 'dist', 'engine', 'cli', 'main.js');
  return fs.existsSync(compiled) ? require(compiled).main : require('../engine/cli/main').main;
}

async function main(): Promise<void> {
  const [mode, dir, ...rest] = process.argv.slice(2);
  const [out, db, memoryLimit] = mode === 'floor' ? [undefined, ...rest] : rest;
  const removeDb = () => db && [db, `${db}.wal`].forEach((f) => fs.rmSync(f, { force: true }));
  removeDb();
  const start = process.hrtime.bigint();
  let exitCode = 0;
  let ms = 0;
  try {
    if (mode === 'floor') await floor(dir, db, memoryLimit);
    else
      exitCode = await cliMain()([
        'node', 'jiuzhu', 'audit', dir, '--out', out as string, '--fail-on', 'never',
        ...(db ? ['--db', db] : []), ...(memoryLimit ? ['--memory-limit', memoryLimit] : []),
      ]);
    ms = Number(process.hrtime.bigint() - start) / 1e6;
  } finally {
    removeDb();
  }
  process.stdout.write(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, exitCode }) + '\n');
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exit(3);
});
