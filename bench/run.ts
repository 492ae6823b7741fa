// `npm run bench [households]`: generate a folder export, then time in the same run the floor
// (DuckDB alone loading the files) and the whole audit, each in its own process, and print
// records/s, MB/s, peak RSS and the audit's time as a multiple of the floor.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { generateExport } from '../examples/generator';
import { parquetRows } from './parquet';

const households = Number(process.argv[2] ?? 1_000_000);
const SEED = 7;
const OUT = path.join(__dirname, 'out');

interface Measured {
  ms: number;
  maxRssMb: number;
  exitCode: number;
}

function measure(...args: string[]): Measured & { log: string } {
  const r = spawnSync(process.execPath, ['--max-old-space-size=4096', '-r', 'ts-node/register/transpile-only', path.join(__dirname, 'child.ts'), ...args], {
    cwd: path.join(__dirname, '..'),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, JIUZHU_PROGRESS: '1' },
  });
  if (r.status !== 0) throw new Error(`${args[0]} failed:\n${r.stderr}`);
  return { ...JSON.parse(r.stdout.trim().split('\n').pop() as string), log: r.stderr };
}

const BIN = path.join(__dirname, '..', 'bin', 'jiuzhu.js');

/** `jiuzhu …` as a user runs it, start-up included: wall time and exit code. */
function command(...args: string[]): { ms: number; exitCode: number | null; stderr: string } {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: path.join(__dirname, '..'), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, exitCode: r.status, stderr: r.stderr };
}

async function main(): Promise<void> {
  if (!Number.isInteger(households) || households < 1) throw new Error(`households must be a positive whole number, got ${process.argv[2]}`);
  const dir = path.join(OUT, `export-${households}-${SEED}`);
  const marker = path.join(dir, '.bench-complete');
  let counts: Record<string, number>;
  if (fs.existsSync(marker)) {
    counts = JSON.parse(fs.readFileSync(marker, 'utf8')).counts;
    console.log(`export: reusing ${path.relative(process.cwd(), dir)} (same households and seed)`);
  } else {
    fs.rmSync(dir, { recursive: true, force: true });
    const t = Date.now();
    const g = await generateExport({ outDir: dir, households, seed: SEED, months: 12 });
    counts = g.counts;
    fs.writeFileSync(marker, JSON.stringify({ counts }));
    console.log(`export: generated in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  const records = Object.values(counts).reduce((a, b) => a + b, 0);
  const bytes = fs.readdirSync(dir).filter((f) => f.endsWith('.ndjson')).reduce((a, f) => a + fs.statSync(path.join(dir, f)).size, 0);
  const mb = bytes / 1048576;
  console.log(`export: ${households.toLocaleString('en')} households, ${records.toLocaleString('en')} records, ${mb.toFixed(0)} MB (${Object.entries(counts).filter(([, n]) => n).map(([c, n]) => `${c} ${n.toLocaleString('en')}`).join(', ')})`);

  const floor = measure('floor', dir);
  const audit = measure('audit', dir, path.join(OUT, `reports-${households}`));
  if (audit.exitCode !== 0) throw new Error(`the audit exited ${audit.exitCode}:\n${audit.log}`);
  const row = (name: string, m: Measured) =>
    `${name.padEnd(8)} ${(m.ms / 1000).toFixed(2).padStart(8)} s ${Math.round(records / (m.ms / 1000)).toLocaleString('en').padStart(12)} records/s ${(mb / (m.ms / 1000)).toFixed(0).padStart(6)} MB/s   peak RSS ${m.maxRssMb.toFixed(0).padStart(6)} MB`;
  console.log('');
  console.log(row('floor', floor) + '   (DuckDB alone: CREATE TABLE … AS SELECT * FROM read_json(…) per collection)');
  console.log(row('audit', audit) + '   (jiuzhu audit: validation, every rule, every report)');
  console.log('');
  console.log('where the audit spends its time (progress log, seconds since start):');
  console.log(audit.log.split('\n').filter((l) => l && !l.includes('场景 scenario')).map((l) => `  ${l}`).join('\n'));
  console.log('');
  // Start-up as users see it: compiled dist/ when built (npm ci), ts-node otherwise. Printed, never asserted.
  const built = fs.existsSync(path.join(__dirname, '..', 'dist', 'engine', 'cli', 'main.js'));
  const helps = Array.from({ length: 5 }, () => command('--help').ms).sort((a, b) => a - b);
  const endToEnd = command('audit', dir, '--out', path.join(OUT, `reports-${households}-cli`));
  if (endToEnd.exitCode !== 0 && endToEnd.exitCode !== 1) throw new Error(`jiuzhu audit exited ${endToEnd.exitCode}:\n${endToEnd.stderr}`);
  console.log(`jiuzhu --help (${built ? 'compiled dist/' : 'ts-node, no dist/'}), 5 runs: median ${(helps[2] / 1000).toFixed(2)} s, min ${(helps[0] / 1000).toFixed(2)} s, max ${(helps[4] / 1000).toFixed(2)} s   (target < 0.3 s)`);
  console.log(`jiuzhu audit end to end, start-up included: ${(endToEnd.ms / 1000).toFixed(2)} s for ${households.toLocaleString('en')} households   (target < 2 s at 20,000)`);
  console.log(`audit / floor = ${(audit.ms / floor.ms).toFixed(2)}×   (target ≤ 2×)    audit peak RSS ${audit.maxRssMb.toFixed(0)} MB   (target ≤ 2048 MB)`);
  await parquetRows(dir, records, (d, out) => measure('audit', d, out));
}

main().catch((e) => {
  console.error((e as Error).message);
  process.exit(2);
});
