// Command line for the example generator:
//   npx ts-node -T examples/generate.ts --households N --seed S --out DIR [--plant]
// Prints counts and size to stderr; with --plant also writes DIR/PLANTED.md.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { generateExport } from './generator';
import { plantedMarkdown } from './generator/planted-md';

function whole(name: string, min: number) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`${name} must be a whole number ≥ ${min}`);
    return n;
  };
}

async function main(argv: string[]): Promise<void> {
  const program = new Command('generate')
    .description('Generate a synthetic contract-v1 folder export for Naiman banner (奈曼旗)')
    .requiredOption('--households <n>', 'number of households', whole('--households', 0))
    .requiredOption('--out <dir>', 'output folder (created if missing)')
    .option('--seed <s>', 'random seed', whole('--seed', 0), 1)
    .option('--months <m>', 'months in the period (payments per household)', whole('--months', 1), 12)
    .option('--from <date>', 'first day of the period', '2024-01-01')
    .option('--jurisdiction <id>', 'meta.jurisdiction', 'neimenggu-naiman')
    .option('--plant', 'plant the known notice violations and write PLANTED.md', false)
    .parse(argv);
  const o = program.opts<{ households: number; out: string; seed: number; months: number; from: string; jurisdiction: string; plant: boolean }>();

  const started = process.hrtime.bigint();
  const result = await generateExport({ outDir: o.out, households: o.households, seed: o.seed, months: o.months, from: o.from, jurisdiction: o.jurisdiction, plant: o.plant });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;

  if (o.plant) {
    const command = `npx ts-node -T examples/generate.ts --households ${o.households} --seed ${o.seed} --plant --out ${o.out}` + (o.months !== 12 ? ` --months ${o.months}` : '') + (o.from !== '2024-01-01' ? ` --from ${o.from}` : '') + (o.jurisdiction !== 'neimenggu-naiman' ? ` --jurisdiction ${o.jurisdiction}` : '');
    await writeFile(join(o.out, 'PLANTED.md'), plantedMarkdown(result.planted, command));
  }
  const records = Object.values(result.counts).reduce((a, b) => a + b, 0);
  const width = Math.max(...Object.keys(result.counts).map((k) => k.length));
  for (const [c, n] of Object.entries(result.counts)) process.stderr.write(`${c.padEnd(width)}  ${n}\n`);
  process.stderr.write(
    `${records} records, ${(result.bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(2)} s (${Math.round(o.households / seconds)} households/s)` +
      (o.plant ? `; ${result.planted.length} planted, see ${join(o.out, 'PLANTED.md')}` : '') +
      '\n',
  );
}

main(process.argv).catch((e) => {
  process.stderr.write(`generate: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
