// Timing of the REL-* rules at province scale: a roster of 30,000 staff × 5 relatives against
// 1,000,000 households (3 members each) and one application per household, built by code
// inside DuckDB with the loader's own column types (validation and file parsing are not timed).
// The floor is a plain scan of every household member, measured in the same run.
//
//   npx ts-node -T bench/relatives.bench.ts [households=1000000] [staff=30000]
import schema from '../schemas/case-export.schema.json';
import { Dataset } from '../engine/dataset/dataset';
import { jsonStructure } from '../engine/load/duck-types';
import { loadProfile } from '../engine/profile/load';
import { auditRule } from '../engine/run/audit';
import type { LoadedExport } from '../engine/load/loader';
import type { CollectionName } from '../schemas/case-export';
import { relativeRules } from '../policies/rules/relatives';
import { linkGaps, relativeLinks } from '../policies/rules/relatives/links';

const HOUSEHOLDS = Number(process.argv[2] ?? 1_000_000);
const STAFF = Number(process.argv[3] ?? 30_000);
const MEMBERS = 3;
const RELATIVES = 5;

const structure = (def: string) => `'${JSON.stringify(jsonStructure(schema, { $ref: `#/$defs/${def}` }))}'`;
const pid = (n: string) => `printf('%018d', ${n})`;

async function timed<T>(label: string, f: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await f();
  const ms = performance.now() - t;
  console.log(`${label.padEnd(34)} ${ms.toFixed(0).padStart(7)} ms`);
  return { ms, value };
}

async function build(ds: Dataset) {
  const table = async (name: CollectionName, def: string, rows: number, json: string) => {
    await ds.run(`CREATE TABLE ${name} AS SELECT CAST(i + 1 AS INTEGER) AS _line, unnest(from_json(${json}, ${structure(def)})) FROM range(${rows}) t(i)`);
    ds.sources.set(name, { collection: name, file: `bench:${name}`, position: 'line', records: rows, rejected: 0 });
  };
  // Member k of household h is person h*3+k. Every 25th relative on the roster is one of them
  // (6,000 of 150,000 at full scale); the rest live outside any assisted household.
  await table('households', 'Household', HOUSEHOLDS, `to_json({
      household_id: 'H' || i, region_code: '150525' || lpad(CAST(100 + i % 40 AS VARCHAR), 3, '0') || '201', region_name: '村', area_type: 'rural',
      members: [{ person_id: ${pid(`i * ${MEMBERS}`)}, name: '户主', birth_date: '1960-01-01', relation: 'head' },
                { person_id: ${pid(`i * ${MEMBERS} + 1`)}, name: '配偶', birth_date: '1962-01-01', relation: 'spouse' },
                { person_id: ${pid(`i * ${MEMBERS} + 2`)}, name: '子女', birth_date: '1990-01-01', relation: 'child' }] })`);
  await table('staff', 'Staff', STAFF, `to_json({
      staff_id: 'S' || i, person_id: ${pid(`900000000 + i`)}, name: '人员',
      role: CASE WHEN i % 10 < 6 THEN 'village_cadre' WHEN i % 10 < 9 THEN 'caseworker' ELSE 'public_funded' END,
      region_code: '150525100', active_from: '2015-01-01', active_to: CASE WHEN i % 10 = 3 THEN '2023-06-30' END,
      relatives: list_transform(range(${RELATIVES}), j -> {
        person_id: CASE WHEN (i * ${RELATIVES} + j) % 25 = 0 THEN ${pid(`((i * ${RELATIVES} + j) * 7919) % ${HOUSEHOLDS * MEMBERS}`)} ELSE ${pid(`800000000 + i * ${RELATIVES} + j`)} END,
        relation: ['spouse', 'parent', 'child', 'sibling', 'parent_in_law'][j + 1] }) })`);
  // One application per household; a few declare a relation or were filed by the township.
  await table('applications', 'Application', HOUSEHOLDS, `to_json({
      application_id: 'A' || i, household_id: 'H' || i, applicant_person_id: ${pid(`i * ${MEMBERS}`)}, program: 'dibao',
      region_code: '150525' || lpad(CAST(100 + i % 40 AS VARCHAR), 3, '0') || '201',
      applied_on: DATE '2024-01-01' + CAST(i % 300 AS INTEGER), route: 'standard', handled_by: ['S' || (i % ${STAFF})],
      declared_relation: CASE WHEN i % 500 = 0 THEN {staff_id: 'S' || ((i * 7) % ${STAFF}), relation: 'sibling'} END,
      decision: CASE WHEN i % 10 <> 0 THEN {result: 'approved', decided_on: DATE '2024-01-21' + CAST(i % 300 AS INTEGER), coverage: 'household', covered_person_ids: []} END })`);
  await table('relative_filings', 'RelativeFiling', Math.ceil(HOUSEHOLDS / 400), `to_json({
      filing_id: 'F' || i, application_id: 'A' || (i * 400 + 1), staff_id: 'S' || ((i * 400 + 1) % ${STAFF}), relation: 'sibling',
      filed_on: DATE '2024-01-11' + CAST((i * 400 + 1) % 300 AS INTEGER), registered_by: '镇',
      verification: CASE WHEN i % 2 = 0 THEN {completed_on: DATE '2024-01-15' + CAST((i * 400 + 1) % 300 AS INTEGER), result: CASE WHEN i % 20 = 0 THEN 'ineligible' ELSE 'eligible' END} END })`);
}

async function main() {
  console.log(`REL-* bench: ${HOUSEHOLDS.toLocaleString()} households × ${MEMBERS} members, ${STAFF.toLocaleString()} staff × ${RELATIVES} relatives`);
  const profile = loadProfile('national'); // first, so a broken profile fails before the long build
  const ds = await Dataset.open();
  try {
    await timed('build tables (not a rule cost)', () => build(ds));
    // Floor: touching every member once (no join), best of two so a busy neighbour does not set it.
    const floorSql = `SELECT count(DISTINCT t.m.person_id)::VARCHAR AS n FROM households h, unnest(h.members) AS t(m)`;
    const floor = { ms: Math.min((await timed('floor: every member once (1)', () => ds.all(floorSql))).ms, (await timed('floor: every member once (2)', () => ds.all(floorSql))).ms) };
    const loaded = { dataset: ds } as unknown as LoadedExport;
    const links = await timed('link query (one pass, all rules)', () => relativeLinks(ds));
    console.log(`  ${links.value.length.toLocaleString()} (application, staff) pairs`);
    const gaps = await timed('missing-record counts (one pass)', () => linkGaps(ds));
    let total = gaps.ms;
    for (const rule of relativeRules) {
      const r = await timed(`  ${rule.id}`, () => auditRule(loaded, profile, rule));
      console.log(`    examined ${r.value.counts.examined.toLocaleString()}, findings ${r.value.counts.findings.toLocaleString()} (${r.value.counts.error} error, ${r.value.counts.warning} warning, ${r.value.counts.info} info)`);
      total += r.ms;
    }
    const all = links.ms + total;
    console.log(`five rules, queries included            ${all.toFixed(0).padStart(7)} ms  = ${(all / floor.ms).toFixed(1)}× the member-scan floor`);
    console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  } finally {
    ds.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
