// `npm run bench [-- households… [--on-disk] [--no-county] [--no-parquet]]`: for each size, generate a folder export
// (seed 7, 12 months; reused when already there), then time in the same run the floor (DuckDB
// alone loading the files) and the whole audit, each in its own process, and print records/s,
// MB/s, peak RSS, the audit as a multiple of its floor, and where the audit spent its time.
// Then the county figure as users see it: `jiuzhu --help` and `jiuzhu audit` at 20,000
// households, start-up included (the real command, compiled dist/).
//
//   npm run bench                          # 100,000 households, plus the county figure
//   npm run bench -- 20000                 # the county export alone
//   npm run bench -- 100000 1000000        # growth rows, smallest first
//   npm run bench -- 3000000               # ~10 GB NDJSON: on-disk database under a 1GB memory limit (the DuckDB limit; Node's heap and DuckDB's own allocations come on top)
//   npm run bench -- 100000 --on-disk      # any size on disk, to compare with in memory
// Sizes from ON_DISK_FROM up always use an on-disk database (bench/out/*.duckdb, removed after
// each step) with --memory-limit MEMORY_LIMIT, so peak RSS stays within 2 GB.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { generateExport } from '../examples/generator';
import { RULES_BY_ID } from '../policies/rules';
import { vocabulary } from '../policies/vocabulary/load';
import { parquetRows } from './parquet';

const SEED = 7;
const COUNTY = 20_000;
const ON_DISK_FROM = 2_000_000;
const MEMORY_LIMIT = '1GB';
const OUT = path.join(__dirname, 'out');
const ROOT = path.join(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'jiuzhu.js');

/** A step's wall time and peak RSS. */
interface Timed {
  ms: number;
  maxRssMb: number;
}

interface Measured extends Timed {
  exitCode: number;
  log: string;
}

interface Export {
  households: number;
  dir: string;
  records: number;
  mb: number;
  counts: Record<string, number>;
}

interface Row {
  exp: Export;
  onDisk: boolean;
  floor: Measured;
  audit: Measured;
  phases: Phases;
}

function measure(...args: string[]): Measured {
  const r = spawnSync(process.execPath, ['--max-old-space-size=4096', '-r', 'ts-node/register/transpile-only', path.join(__dirname, 'child.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, JIUZHU_PROGRESS: '1' },
  });
  if (r.status !== 0) throw new Error(`${args[0]} failed:\n${r.stderr}`);
  return { ...JSON.parse(r.stdout.trim().split('\n').pop() as string), log: r.stderr };
}

/** `jiuzhu …` as a user runs it, start-up included: wall time and exit code. */
function command(...args: string[]): { ms: number; exitCode: number | null; stderr: string } {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, exitCode: r.status, stderr: r.stderr };
}

async function exportOf(households: number): Promise<Export> {
  const dir = path.join(OUT, `export-${households}-${SEED}`);
  const marker = path.join(dir, '.bench-complete');
  let counts: Record<string, number>;
  if (fs.existsSync(marker)) counts = JSON.parse(fs.readFileSync(marker, 'utf8')).counts;
  else {
    fs.rmSync(dir, { recursive: true, force: true });
    const t = Date.now();
    // The generator streams each collection to disk with backpressure: its memory does not grow with the size.
    counts = (await generateExport({ outDir: dir, households, seed: SEED, months: 12 })).counts;
    fs.writeFileSync(marker, JSON.stringify({ counts }));
    console.log(`export ${households.toLocaleString('en')}: generated in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  const records = Object.values(counts).reduce((a, b) => a + b, 0);
  const bytes = fs.readdirSync(dir).filter((f) => f.endsWith('.ndjson')).reduce((a, f) => a + fs.statSync(path.join(dir, f)).size, 0);
  return { households, dir, records, mb: bytes / 1048576, counts };
}

/** Where the audit spent its time, read from its progress log ("[12.34s] message"). */
interface Phases {
  /** Seconds per collection loaded and validated, in load order. */
  load: [string, number][];
  loadTotal: number;
  /** From the profile line to the last rule: Cucumber's start and every rule. */
  rulesTotal: number;
  /** Milliseconds per rule (each measured alone, in the order run). */
  rules: [string, number][];
  reports: number;
}

function phases(log: string): Phases {
  const lines = log.split('\n').map((l) => /^\[([\d.]+)s\] (.*)$/.exec(l)).filter((m): m is RegExpExecArray => !!m).map((m) => ({ t: Number(m[1]), text: m[2] }));
  const at = (re: RegExp) => lines.find((l) => re.test(l.text))?.t ?? NaN;
  const load: [string, number][] = [];
  let prev = 0;
  for (const l of lines) {
    const m = /^(\w+): \d+ 条 records/.exec(l.text);
    if (!m) continue;
    load.push([m[1], l.t - prev]);
    prev = l.t;
  }
  const profile = at(/^政策配置 profile/);
  const rules = lines.flatMap((l) => {
    const m = /^规则 rule (\S+): (\d+) ms/.exec(l.text);
    return m ? [[m[1], Number(m[2])] as [string, number]] : [];
  });
  return { load, loadTotal: profile, rulesTotal: at(/^规则完成 rules done/) - profile, rules, reports: at(/^报告完成 reports written/) - at(/^报告 reports/) };
}

async function growthRow(households: number, onDisk: boolean): Promise<Row> {
  const exp = await exportOf(households);
  const db = (step: string) => (onDisk ? [path.join(OUT, `${step}-${households}.duckdb`), MEMORY_LIMIT] : []);
  const floor = measure('floor', exp.dir, ...db('floor'));
  const audit = measure('audit', exp.dir, path.join(OUT, `reports-${households}`), ...db('audit'));
  if (audit.exitCode !== 0) throw new Error(`the audit exited ${audit.exitCode}:\n${audit.log}`);
  const row: Row = { exp, onDisk, floor, audit, phases: phases(audit.log) };
  console.log(`${households.toLocaleString('en')} households: floor ${(floor.ms / 1000).toFixed(2)} s, audit ${(audit.ms / 1000).toFixed(2)} s`);
  return row;
}

const s = (ms: number) => (ms / 1000).toFixed(2);
const n = (x: number) => Math.round(x).toLocaleString('en');
const pad = (x: string, w: number) => x.padStart(w);

function printGrowth(rows: Row[]): void {
  console.log('');
  console.log(`growth (seed ${SEED}, 12 months; floor = DuckDB alone: CREATE TABLE … AS SELECT * FROM read_json(…) per collection;`);
  console.log(' audit = jiuzhu audit in its own process: load and validation, every rule, every report; start-up excluded)');
  console.log(`${pad('households', 11)} ${pad('records', 11)} ${pad('NDJSON MB', 9)} ${pad('floor s', 8)} ${pad('audit s', 8)} ${pad('×floor', 6)} ${pad('records/s', 10)} ${pad('MB/s', 5)} ${pad('floor RSS', 9)} ${pad('audit RSS', 9)}  database`);
  for (const r of rows)
    console.log(
      `${pad(n(r.exp.households), 11)} ${pad(n(r.exp.records), 11)} ${pad(n(r.exp.mb), 9)} ${pad(s(r.floor.ms), 8)} ${pad(s(r.audit.ms), 8)} ${pad((r.audit.ms / r.floor.ms).toFixed(2), 6)} ` +
        `${pad(n(r.exp.records / (r.audit.ms / 1000)), 10)} ${pad(n(r.exp.mb / (r.audit.ms / 1000)), 5)} ${pad(`${n(r.floor.maxRssMb)} MB`, 9)} ${pad(`${n(r.audit.maxRssMb)} MB`, 9)}  ${r.onDisk ? `on disk, memory limit ${MEMORY_LIMIT}` : 'in memory'}`,
    );
}

/** Seconds per phase, rule family and top rule, one column per size, with µs per record so growth faster than linear shows. */
function printBreakdown(rows: Row[]): void {
  console.log('');
  console.log('where the audit spends its time (seconds; in brackets µs per record of the export, which stays flat while a step grows linearly):');
  const head = `${'step'.padEnd(50)} ${rows.map((r) => pad(n(r.exp.households), 20)).join(' ')}`;
  console.log(head);
  const line = (name: string, sec: (r: Row) => number) =>
    console.log(`${name.padEnd(50)} ${rows.map((r) => pad(`${sec(r).toFixed(2)} (${((sec(r) * 1e6) / r.exp.records).toFixed(2)})`, 20)).join(' ')}`);
  line('load and validate, all', (r) => r.phases.loadTotal);
  const collections = [...new Set(rows.flatMap((r) => r.phases.load.map(([c]) => c)))];
  for (const c of collections) {
    const biggest = Math.max(...rows.map((r) => r.phases.load.find(([x]) => x === c)?.[1] ?? 0));
    if (biggest >= 0.05) line(`  ${c}`, (r) => r.phases.load.find(([x]) => x === c)?.[1] ?? 0);
  }
  line('Cucumber start and every rule', (r) => r.phases.rulesTotal);
  const family = (id: string) => RULES_BY_ID.get(id)?.family ?? 'other';
  const families = [...new Set(rows.flatMap((r) => r.phases.rules.map(([id]) => family(id))))].sort();
  for (const f of families) line(`  rules: ${f}`, (r) => r.phases.rules.filter(([id]) => family(id) === f).reduce((a, [, ms]) => a + ms, 0) / 1000);
  // Rules policy staff wrote as features (features/**, a @定义 scenario), whatever family folder holds them.
  const written = new Set(vocabulary().rules.map((r) => r.id).filter((id) => RULES_BY_ID.has(id)));
  const ms = (r: Row, id: string) => r.phases.rules.find(([x]) => x === id)?.[1] ?? 0;
  line('  vocabulary rules (written in features, no code)', (r) => [...written].reduce((a, id) => a + ms(r, id), 0) / 1000);
  for (const id of [...written].sort()) line(`    ${id}`, (r) => ms(r, id) / 1000);
  const last = rows[rows.length - 1];
  const top = [...last.phases.rules].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([id]) => id);
  console.log('  slowest rules, built in or written:');
  for (const id of top) line(`    ${id}`, (r) => (r.phases.rules.find(([x]) => x === id)?.[1] ?? 0) / 1000);
  line('reports (json, junit, md, html)', (r) => r.phases.reports);
}

/** The county export as an auditor or a CI gate runs it: the real command, start-up included. Printed, never asserted. */
async function printCounty(): Promise<{ help: number; audit: number }> {
  const exp = await exportOf(COUNTY);
  const built = fs.existsSync(path.join(ROOT, 'dist', 'engine', 'cli', 'main.js'));
  const helps = Array.from({ length: 5 }, () => command('--help').ms).sort((a, b) => a - b);
  const audits = Array.from({ length: 3 }, () => {
    const r = command('audit', exp.dir, '--out', path.join(OUT, `reports-${COUNTY}-cli`));
    if (r.exitCode !== 0 && r.exitCode !== 1) throw new Error(`jiuzhu audit exited ${r.exitCode}:\n${r.stderr}`);
    return r.ms;
  }).sort((a, b) => a - b);
  console.log('');
  console.log(`county export: ${n(COUNTY)} households, ${n(exp.records)} records, ${n(exp.mb)} MB NDJSON (${built ? 'compiled dist/' : 'ts-node, no dist/ — run npm run build'})`);
  console.log(`jiuzhu --help, 5 runs:                         median ${s(helps[2])} s, min ${s(helps[0])} s, max ${s(helps[4])} s   (target < 0.3 s)`);
  console.log(`jiuzhu audit end to end, start-up included, 3 runs: median ${s(audits[1])} s, min ${s(audits[0])} s, max ${s(audits[2])} s   (target < 2 s)`);
  return { help: helps[2], audit: audits[1] };
}

const rss = (m: { maxRssMb: number }) => `peak RSS ${n(m.maxRssMb)} MB (target ≤ 2,048 MB)`;

/**
 * The last lines: each target beside the figure this run measured, and for an audit above twice
 * its floor, where the multiple comes from (the phases in the same run), so the reason is measured too.
 */
function printSummary(rows: Row[], county?: { help: number; audit: number }, parquet?: { households: number; floor: Timed; audit: Timed }): void {
  console.log('');
  console.log('summary: the targets and what this run measured');
  for (const r of rows) {
    const where = r.onDisk ? `on disk, memory limit ${MEMORY_LIMIT}` : 'in memory';
    const times = r.audit.ms / r.floor.ms;
    console.log(`  ${n(r.exp.households)} households (${where}): audit ${s(r.audit.ms)} s = ${times.toFixed(2)}× its floor of ${s(r.floor.ms)} s (target ≤ 2×); ${rss(r.audit)}`);
    if (times <= 2) continue;
    const floor = r.floor.ms / 1000;
    const p = r.phases;
    const rest = r.audit.ms / 1000 - p.loadTotal - p.rulesTotal - p.reports;
    console.log(
      `    where the ${times.toFixed(2)}× comes from: load and validation ${p.loadTotal.toFixed(2)} s (${(p.loadTotal / floor).toFixed(2)}× the floor), ` +
        `Cucumber and the rules ${p.rulesTotal.toFixed(2)} s (${(p.rulesTotal / floor).toFixed(2)}×), reports ${p.reports.toFixed(2)} s, the rest ${rest.toFixed(2)} s`,
    );
  }
  if (parquet)
    console.log(
      `  Parquet, ${n(parquet.households)} households: audit ${s(parquet.audit.ms)} s = ${(parquet.audit.ms / parquet.floor.ms).toFixed(2)}× its floor of ${s(parquet.floor.ms)} s; ${rss(parquet.audit)}`,
    );
  if (county) console.log(`  county, ${n(COUNTY)} households, end to end: median ${s(county.audit)} s (target < 2 s); --help median ${s(county.help)} s (target < 0.3 s)`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const flags = new Set(args.filter((a) => a.startsWith('--')));
  const unknown = [...flags].filter((f) => !['--on-disk', '--no-county', '--no-parquet'].includes(f));
  if (unknown.length) throw new Error(`unknown option ${unknown.join(', ')} (sizes, --on-disk, --no-county, --no-parquet)`);
  const sizes = args.filter((a) => !a.startsWith('--')).map(Number);
  for (const h of sizes) if (!Number.isInteger(h) || h < 1) throw new Error(`households must be positive whole numbers, got ${args.join(' ')}`);
  if (!sizes.length) sizes.push(100_000);
  sizes.sort((a, b) => a - b);

  const rows: Row[] = [];
  for (const h of sizes) rows.push(await growthRow(h, flags.has('--on-disk') || h >= ON_DISK_FROM));
  printGrowth(rows);
  printBreakdown(rows);
  const county = flags.has('--no-county') ? undefined : await printCounty();
  // The Parquet row: the 1,000,000-household export when the run has it, else the largest, as Parquet.
  let parquet: Parameters<typeof printSummary>[2];
  if (!flags.has('--no-parquet')) {
    const pq = rows.find((r) => r.exp.households === 1_000_000) ?? rows[rows.length - 1];
    parquet = { households: pq.exp.households, ...(await parquetRows(pq.exp.dir, pq.exp.records, (d, out) => measure('audit', d, out))) };
  }
  printSummary(rows, county, parquet);
}

main().catch((e) => {
  console.error((e as Error).message);
  process.exit(2);
});
