// generateExport: a seeded, streaming generator of a contract-v1 folder export for Naiman
// banner. Households are generated one at a time and written straight to per-collection
// NDJSON streams, so a million households never sit in memory.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CollectionName, collectionsOf, MetaT, OversightT, SchemaVersion } from '../../schemas/case-export';
import { generateHousehold } from './cases';
import { Ctx, Showcase } from './context';
import { addDays, dayOf, monthsBetween, periodEnd } from './dates';
import { ResidentIdAllocator } from './ids';
import { PlantedViolation, plantPositions } from './plants';
import { mixSeed } from './random';
import { COUNTY_CODE, COUNTY_NAME } from './regions';
import { NdjsonSink } from './sink';
import { Roster } from './staff';

const GENERATED_VERSION: SchemaVersion = '1.0';

export type { PlantedViolation, PlantRule } from './plants';

export interface GenerateOptions {
  outDir: string;
  households: number;
  seed?: number;
  /** Months in the export period, and so of payments; default 12. */
  months?: number;
  /** Plant the known notice violations of plants.ts. */
  plant?: boolean;
  /** meta.jurisdiction; default 'neimenggu-naiman'. */
  jurisdiction?: string;
  /** First day of the period (YYYY-MM-DD, a month's first day); default 2024-01-01. */
  from?: string;
}

export interface GenerateResult {
  counts: Record<string, number>;
  bytes: number;
  planted: PlantedViolation[];
}

const SHOWCASE: Showcase[] = ['related', 'death', 'warning_continued', 'warning_exit', 'individual_coverage', 'temporary_case_by_case', 'objection', 'rejected'];
/** Households per batch between backpressure checks. */
const BATCH = 256;

export async function generateExport(opts: GenerateOptions): Promise<GenerateResult> {
  const { outDir, households } = opts;
  if (!Number.isInteger(households) || households < 0) throw new Error(`households must be a whole number, got ${households}`);
  const seed = (opts.seed ?? 1) >>> 0;
  const months = opts.months ?? 12;
  if (!Number.isInteger(months) || months < 1) throw new Error(`months must be a whole number ≥ 1, got ${months}`);
  const from = opts.from ?? '2024-01-01';
  if (!/^\d{4}-\d{2}-01$/.test(from)) throw new Error(`from must be the first day of a month, got ${from}`);
  // Planted cases are new applications decided inside the period, with room for their notices.
  if (opts.plant && months < 3) throw new Error('planting needs a period of at least 3 months');
  const to = periodEnd(from, months);
  const fromDay = dayOf(from);

  await mkdir(outDir, { recursive: true });
  // The generator writes what contract 1.0 holds (the committed example is a 1.0 export).
  const COLLECTION_NAMES = collectionsOf(GENERATED_VERSION);
  const out = Object.fromEntries(COLLECTION_NAMES.map((c) => [c, new NdjsonSink(join(outDir, `${c}.ndjson`))])) as Record<CollectionName, NdjsonSink>;
  const ids = new ResidentIdAllocator(mixSeed(seed, 0x1d));
  const plants = opts.plant ? plantPositions(households) : new Map();
  const ctx: Ctx = {
    seed,
    from,
    to,
    fromDay,
    toDay: dayOf(to),
    firstMonth: from.slice(0, 7),
    lastMonth: to.slice(0, 7),
    months: monthsBetween(from.slice(0, 7), to.slice(0, 7)).map((month) => ({ month, compact: month.replace('-', ''), firstDay: dayOf(`${month}-01`) })),
    idWidth: Math.max(7, String(households).length),
    ids,
    roster: new Roster(mixSeed(seed, 0x57aff), ids, fromDay),
    out,
    plants,
    showcase: showcasePositions(households, plants),
    planted: [],
  };

  let failure: unknown;
  try {
    for (let i = 0; i < households; i++) {
      generateHousehold(ctx, i);
      if (i % BATCH === BATCH - 1) for (const c of COLLECTION_NAMES) await out[c].ready();
    }
    // Written last: households add themselves to their staff relative's list as they are generated.
    for (const m of ctx.roster.all) out.staff.write(m.rec);
    for (const o of oversight(from, to)) out.oversight.write(o);
  } catch (e) {
    failure = e;
  }
  // Close every stream even after a failure, so no descriptor leaks; the first error wins.
  const closed = await Promise.allSettled(COLLECTION_NAMES.map((c) => out[c].close()));
  failure ??= closed.find((r): r is PromiseRejectedResult => r.status === 'rejected')?.reason;
  if (failure !== undefined) throw failure;
  let bytes = closed.reduce((n, r) => n + (r.status === 'fulfilled' ? r.value : 0), 0);

  const meta: MetaT = {
    schema_version: GENERATED_VERSION,
    exported_at: `${exportedOn(to)}T09:30:00+08:00`,
    source_system: '奈曼旗社会救助信息管理系统(合成示例数据 / synthetic example, jiuzhu examples/generator)',
    region_code: COUNTY_CODE,
    region_name: COUNTY_NAME,
    period: { from, to },
    jurisdiction: opts.jurisdiction ?? 'neimenggu-naiman',
  };
  const metaText = JSON.stringify(meta, null, 2) + '\n';
  await writeFile(join(outDir, 'meta.json'), metaText);
  bytes += Buffer.byteLength(metaText);

  const counts = Object.fromEntries(COLLECTION_NAMES.map((c) => [c, out[c].count]));
  return { counts, bytes, planted: ctx.planted };
}

/** Exported six days after the period: the H2 report (due 15 January) is not yet due. */
function exportedOn(to: string): string {
  return addDays(to, 6);
}

/**
 * The county's supervision records: each half-year report due (15 January / 15 July) inside
 * the period or before the export, filed a few days early, and one special inspection a year.
 */
function oversight(from: string, to: string): OversightT[] {
  const out: OversightT[] = [];
  const exported = exportedOn(to);
  for (let y = +from.slice(0, 4) - 1; y <= +to.slice(0, 4); y++) {
    for (const [half, due] of [['H1', `${y}-07-15`], ['H2', `${y + 1}-01-15`]] as const) {
      if (due < from || due > exported) continue;
      out.push({ record_id: `JD${y}${half}`, level: 'county', region_code: COUNTY_CODE, kind: 'half_year_report', period: `${y}-${half}`, done_on: addDays(due, -3 - (y % 3)) });
    }
    const inspection = `${y}-09-24`;
    if (inspection >= from && inspection <= to) {
      out.push({ record_id: `JD${y}ZX`, level: 'county', region_code: COUNTY_CODE, kind: 'special_inspection', period: String(y), done_on: inspection });
    }
  }
  return out.sort((a, b) => (a.done_on < b.done_on ? -1 : a.done_on > b.done_on ? 1 : 0));
}

/** Showcase features on households spread through the file, skipping planted ones. */
function showcasePositions(households: number, plants: Map<number, unknown>): Map<number, Showcase> {
  const out = new Map<number, Showcase>();
  if (households < SHOWCASE.length + plants.size) return out;
  SHOWCASE.forEach((s, j) => {
    let i = Math.floor(((2 * j + 1) * households) / (2 * SHOWCASE.length)) + 1;
    while (plants.has(i) || out.has(i)) i = (i + 1) % households;
    out.set(i, s);
  });
  return out;
}
