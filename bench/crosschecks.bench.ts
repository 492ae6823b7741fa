// Timing of the cross-check rules (DUP-*, WARN-*, SUP-*) at province scale: 1,000,000
// households of 3, one dibao application each with 12 monthly payments (≈12 million payment
// rows), plus 特困 applications, temporary grants, deaths, warnings and oversight records,
// built by code inside DuckDB with the loader's column types (file parsing and validation are
// the lead's load benchmark, not timed here). Planted at known rates: people in two households,
// dibao + 特困, households paid after every covered member died, repeats, grants above the
// ceiling, unreviewed batches, payments after over-limit exits and after warnings.
// Floors measured in the same run: one scan of every payment, one scan of every covered person.
//
//   npx ts-node -T bench/crosschecks.bench.ts [households=1000000] [--naive] [--db=file]
// With --db, an existing file built by an earlier run is reused (the build is skipped).
import fs from 'node:fs';
import schema from '../schemas/case-export.schema.json';
import { Dataset } from '../engine/dataset/dataset';
import { jsonStructure } from '../engine/load/duck-types';
import { loadProfile } from '../engine/profile/load';
import { auditRule } from '../engine/run/audit';
import type { LoadedExport } from '../engine/load/loader';
import type { CollectionName } from '../schemas/case-export';
import { crosscheckRules } from '../policies/rules/crosschecks';

const args = process.argv.slice(2);
const HOUSEHOLDS = Number(args.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
const NAIVE = args.includes('--naive');
const DB = args.find((a) => a.startsWith('--db='))?.slice(5);

const PROFILE_OF: Record<string, string> = { WARN: 'district-warnings', SUP: 'fujian', DUP: 'neimenggu-naiman' };

const structure = (def: string) => `'${JSON.stringify(jsonStructure(schema, { $ref: `#/$defs/${def}` }))}'`;
const pid = (n: string) => `printf('%018d', ${n})`;
const region = `CASE WHEN i % 2 = 0 THEN '150525' ELSE '150502' END || lpad(CAST(100 + i % 40 AS VARCHAR), 3, '0') || '201'`;
// Member 2 of every 1000th household (i ≡ 7) is also member 2 of household i + 501 (rural, other county) or, every
// other time, i + 503 (urban, other county): one person, two households.
const partner = `(i + CASE WHEN i % 2000 = 7 THEN 501 ELSE 503 END)`;
const member2 = `CASE WHEN i % 1000 = 7 AND ${partner} < ${HOUSEHOLDS} THEN ${pid(`${partner} * 3 + 2`)} ELSE ${pid('i * 3 + 2')} END`;

async function timed<T>(label: string, f: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await f();
  const ms = performance.now() - t;
  console.log(`${label.padEnd(40)} ${ms.toFixed(0).padStart(7)} ms   RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
  return { ms, value };
}

async function build(ds: Dataset) {
  const fromJson = (def: string, rows: number | string, json: string, where = 'TRUE') =>
    `SELECT unnest(from_json(${json}, ${structure(def)})) FROM range(${rows}) t(i) WHERE ${where}`;
  const table = async (name: CollectionName, selects: string[]) => {
    await ds.run(`CREATE TABLE ${name} AS SELECT CAST(row_number() OVER () AS INTEGER) AS _line, * FROM (${selects.join(' UNION ALL ')})`);
    const [{ n }] = await ds.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${name}`);
    ds.sources.set(name, { collection: name, file: `bench:${name}`, position: 'line', records: n, rejected: 0 });
    console.log(`  ${name.padEnd(12)} ${n.toLocaleString().padStart(12)} rows`);
  };
  await table('households', [
    fromJson('Household', HOUSEHOLDS, `to_json({
      household_id: 'H' || i, region_code: ${region}, region_name: '村', area_type: CASE WHEN i % 5 = 0 THEN 'urban' ELSE 'rural' END,
      members: [{ person_id: ${pid('i * 3')}, name: '户主', birth_date: '1960-01-01', relation: 'head' },
                { person_id: ${pid('i * 3 + 1')}, name: '配偶', birth_date: '1962-01-01', relation: 'spouse' },
                { person_id: ${member2}, name: '子女', birth_date: '1990-01-01', relation: 'child' }] })`),
  ]);
  const d = (base: string, days: string) => `DATE '${base}' + CAST(${days} AS INTEGER)`;
  await table('applications', [
    // dibao: every household; 1 in 10 without a covered list (whole household); 1 in 5,000 approved in a batch without a survey;
    // 1 in 100 exited over the limit in June.
    fromJson('Application', HOUSEHOLDS, `to_json({
      application_id: 'A' || i, household_id: 'H' || i, applicant_person_id: ${pid('i * 3')}, program: 'dibao', region_code: ${region},
      applied_on: ${d('2023-06-01', 'i % 150')}, route: 'standard', handled_by: ['S1'],
      household_survey_on: CASE WHEN i % 5000 <> 9 THEN ${d('2023-06-06', 'i % 150')} END,
      batch_id: CASE WHEN i % 5000 = 9 THEN 'B' || (i % 3) END,
      decision: {result: 'approved', decided_on: ${d('2023-07-01', 'i % 150')}, coverage: 'household',
                 covered_person_ids: CASE WHEN i % 10 = 0 THEN [] ELSE [${pid('i * 3')}, ${pid('i * 3 + 1')}, ${member2}] END},
      exit: CASE WHEN i % 100 = 21 THEN {ended_on: DATE '2024-06-15', reason: 'income_over_limit'} END })`),
    // 特困 for one person in 100 households; in 1 of 10 of them the person is also in the household's dibao.
    fromJson('Application', HOUSEHOLDS, `to_json({
      application_id: 'T' || i, household_id: 'H' || i, applicant_person_id: ${pid('i * 3')}, program: 'tekun', region_code: ${region},
      applied_on: DATE '2023-12-01', route: 'standard', handled_by: ['S1'], household_survey_on: DATE '2023-12-05',
      decision: {result: 'approved', decided_on: DATE '2024-01-15', coverage: 'individual',
                 covered_person_ids: [CASE WHEN i % 1000 = 3 THEN ${pid('i * 3')} ELSE ${pid('500000000 + i')} END]} })`, 'i % 100 = 3'),
    // temporary grants for 1 household in 20, repeated for the same cause in 1 in 200, 60,000 yuan case by case in 1 in 1,000.
    ...['A', 'B'].map((k) =>
      fromJson('Application', HOUSEHOLDS, `to_json({
      application_id: 'TMP${k}' || i, household_id: 'H' || i, applicant_person_id: ${pid('i * 3')}, program: 'temporary', region_code: ${region},
      applied_on: ${d('2024-01-01', `i % 180 + ${k === 'A' ? 0 : 180}`)}, route: 'standard', handled_by: ['S1'],
      decision: {result: 'approved', decided_on: ${d('2024-01-01', `i % 180 + ${k === 'A' ? 0 : 180}`)}, coverage: 'household', covered_person_ids: []},
      temporary: {cause: ['火灾', '因病', '医疗', '房屋倒塌'][i % 4 + 1], event_date: DATE '2023-12-20',
                  amount: CASE WHEN i % 1000 = 5 THEN 60000 WHEN i % 100 = 5 THEN 30000 ELSE 1000 + (i % 50) * 10 END,
                  approval: CASE WHEN i % 100 = 5 THEN 'case_by_case' ELSE 'standard' END} })`, k === 'A' ? 'i % 20 = 5' : 'i % 200 = 5'),
    ),
  ]);
  // Payments, typed directly (12 million rows): dibao monthly; stopped after an over-limit exit (except 1 in 1,000),
  // after every covered member died (except 1 in 1,000) and after a warning exit (except 1 in 1,000); 特困 monthly.
  await ds.run(`CREATE TABLE payments AS SELECT CAST(row_number() OVER () AS INTEGER) AS _line, * FROM (
    SELECT 'P' || i || '-' || m AS payment_id, 'A' || i AS application_id, 'H' || i AS household_id, CAST(NULL AS VARCHAR) AS person_id, 'dibao' AS program,
           ${region} AS region_code, '2024-' || lpad(CAST(m AS VARCHAR), 2, '0') AS month, CAST(300 + (i % 7) * 50 + 0.5 AS DECIMAL(18,2)) AS amount,
           CAST(DATE '2024-01-10' + INTERVAL (m - 1) MONTH AS DATE) AS paid_on, 'bank' AS channel
    FROM range(${HOUSEHOLDS}) t(i), range(1, 13) u(m)
    WHERE NOT (i % 100 = 21 AND m > 6 AND i % 1000 <> 21) AND NOT (i % 1000 = 71 AND m > 5)
      AND NOT (i % 50 = 13 AND (i // 50) % 4 IN (0, 1, 3) AND m > 4 AND i % 1000 <> 13)
    UNION ALL
    SELECT 'PT' || i || '-' || m, 'T' || i, 'H' || i, CASE WHEN i % 1000 = 3 THEN ${pid('i * 3')} ELSE ${pid('500000000 + i')} END, 'tekun',
           ${region}, '2024-' || lpad(CAST(m AS VARCHAR), 2, '0'), CAST(900 AS DECIMAL(18,2)), CAST(DATE '2024-01-10' + INTERVAL (m - 1) MONTH AS DATE), 'bank'
    FROM range(${HOUSEHOLDS}) t(i), range(1, 13) u(m) WHERE i % 100 = 3)`);
  const [{ n }] = await ds.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM payments`);
  ds.sources.set('payments', { collection: 'payments', file: 'bench:payments', position: 'line', records: n, rejected: 0 });
  console.log(`  ${'payments'.padEnd(12)} ${n.toLocaleString().padStart(12)} rows`);
  // Deaths: one member of 1 household in 500 (still paid: the partial case); every member of 2 in 1,000 (one of them still paid);
  // 20,000 people outside any assisted household.
  await table('deaths', [
    fromJson('Death', HOUSEHOLDS, `to_json({person_id: ${pid('i * 3')}, died_on: DATE '2024-03-15', source: 'funeral'})`, 'i % 500 = 11'),
    fromJson('Death', HOUSEHOLDS * 3, `to_json({person_id: ${pid('i')}, died_on: DATE '2024-05-20', source: 'public_security'})`, '(i // 3) % 1000 IN (61, 71)'),
    fromJson('Death', 20_000, `to_json({person_id: ${pid('700000000 + i')}, died_on: DATE '2024-02-01', source: 'health'})`),
  ]);
  await table('warnings', [
    fromJson('Warning', HOUSEHOLDS, `to_json({
      warning_id: 'W' || i, household_id: 'H' || i, type: ['deposits', 'securities', 'real_estate', 'insurance', 'income_tax', 'vehicle', 'provident_fund', 'business'][i % 8 + 1],
      raised_on: DATE '2024-03-01', evidence_due: DATE '2024-03-31',
      response: CASE (i // 50) % 4 WHEN 1 THEN {submitted_on: DATE '2024-03-20', credible: false} WHEN 2 THEN {submitted_on: DATE '2024-03-20', credible: true} END,
      outcome: ['voluntary_exit', 'cancelled', 'continued', 'cancelled'][(i // 50) % 4 + 1], outcome_on: DATE '2024-04-10' })`, 'i % 50 = 13'),
  ]);
  await table('oversight', [
    fromJson('Oversight', 200 * 4, `to_json({
      record_id: 'O' || i, level: CASE WHEN i // 4 < 180 THEN 'county' ELSE 'city' END, region_code: '35' || lpad(CAST(i // 4 AS VARCHAR), 4, '0'),
      kind: 'half_year_report', period: (2023 + (i % 4) // 2) || '-H' || (i % 2 + 1),
      done_on: CAST(CASE WHEN i % 2 = 0 THEN DATE '2023-07-10' ELSE DATE '2024-01-10' END + INTERVAL ((i % 4) // 2) YEAR AS DATE) + CAST(CASE WHEN i % 97 = 0 THEN 10 ELSE 0 END AS INTEGER) })`),
    fromJson('Oversight', 200 * 2, `to_json({
      record_id: 'I' || i, level: CASE WHEN i // 2 < 180 THEN 'county' ELSE 'city' END, region_code: '35' || lpad(CAST(i // 2 AS VARCHAR), 4, '0'),
      kind: 'special_inspection', period: CAST(2023 + i % 2 AS VARCHAR), done_on: CAST(DATE '2023-09-01' + INTERVAL (i % 2) YEAR AS DATE) })`, 'i % 53 <> 0'),
  ]);
}

async function main() {
  console.log(`DUP/WARN/SUP bench: ${HOUSEHOLDS.toLocaleString()} households × 3 members, 12 monthly payments each${DB ? `, database file ${DB}` : ', in memory'}`);
  const reuse = !!DB && fs.existsSync(DB);
  const ds = await Dataset.open(DB);
  try {
    if (reuse)
      for (const name of ['households', 'applications', 'payments', 'deaths', 'warnings', 'oversight'] as CollectionName[]) {
        const [{ n }] = await ds.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${name}`);
        ds.sources.set(name, { collection: name, file: `bench:${name}`, position: 'line', records: n, rejected: 0 });
      }
    const built = reuse ? undefined : await timed('build tables (not a rule cost)', () => build(ds));
    const floors = [
      await timed('floor: scan every payment', () => ds.all(`SELECT count(*)::VARCHAR AS n, sum(amount)::VARCHAR AS s FROM payments`)),
      await timed('floor: scan every covered person', () => ds.all(`SELECT count(*)::VARCHAR AS n FROM (SELECT unnest(decision.covered_person_ids) FROM applications)`)),
    ];
    // What any rule that reads payments by key pays at least: one semi-join of every payment.
    const keyed = await timed('floor: payments semi-joined to 1% of apps', () =>
      ds.all(`SELECT count(*)::VARCHAR AS n, sum(amount)::VARCHAR AS s, max(payment_id) AS p, max(month) AS m FROM payments WHERE application_id IN (SELECT application_id FROM applications WHERE exit IS NOT NULL)`),
    );
    const floor = floors.reduce((a, f) => a + f.ms, 0);
    if (NAIVE)
      await timed('reference: naive member × payment join', () =>
        ds.all(`SELECT count(*)::VARCHAR AS n FROM (SELECT m.person_id, p.month FROM payments p JOIN (SELECT household_id, unnest(members) AS m FROM households) h ON h.household_id = p.household_id
                GROUP BY 1, 2 HAVING count(DISTINCT p.application_id) > 1)`),
      );
    const loaded = { dataset: ds } as unknown as LoadedExport;
    let total = 0;
    for (const rule of crosscheckRules) {
      const profile = loadProfile(PROFILE_OF[rule.id.split('-')[0]]);
      const r = await timed(`  ${rule.id} (${profile.id})`, () => auditRule(loaded, profile, rule));
      const c = r.value.counts;
      console.log(`    ${r.value.outcome}: examined ${c.examined.toLocaleString()}, findings ${c.findings.toLocaleString()} (${c.error} error, ${c.warning} warning, ${c.info} info), not reviewed ${c.not_reviewed.toLocaleString()}`);
      total += r.ms;
    }
    console.log(`twelve rules                             ${total.toFixed(0).padStart(7)} ms  = ${(total / floor).toFixed(1)}× the two scan floors (${floor.toFixed(0)} ms), ${(total / keyed.ms).toFixed(1)}× one keyed payment pass`);
    if (built) console.log(`                                         = ${((100 * total) / built.ms).toFixed(0)}% of building the tables in DuckDB (a lower bound on loading them)`);
    console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  } finally {
    ds.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
