import { expect } from 'chai';
import { loadExport, LoadedExport } from '../../../engine/load/loader';
import { loadRecords } from '../../../engine/load/from-records';
import { loadProfile } from '../../../engine/profile/load';
import { auditRule } from '../../../engine/run/audit';
import { residentIdCheckChar } from '../../checks/resident-id';
import { crosscheckRules } from '.';
import { monthRanges } from './common';
import { dueDate, halfOf } from './supervision';
import { expectedOutcome } from './warnings';

const rule = (id: string) => crosscheckRules.find((r) => r.id === id)!;
const found = async (l: LoadedExport, profile: string, id: string) =>
  (await auditRule(l, loadProfile(profile), rule(id))).findings.map((f) => `${f.record.id}|${f.severity}`).sort();

describe('cross-check rules over the fixture exports', () => {
  let dup: LoadedExport, warn: LoadedExport, sup: LoadedExport;
  before(async () => {
    dup = await loadExport('tests/fixtures/exports/crosschecks-duplicates.json');
    warn = await loadExport('tests/fixtures/exports/crosschecks-warnings.json');
    sup = await loadExport('tests/fixtures/exports/crosschecks-supervision.json');
  });
  after(() => [dup, warn, sup].forEach((l) => l.dataset.close()));

  const EXPECTED: [string, () => LoadedExport, string, string[]][] = [
    ['DUP-URBAN-RURAL', () => dup, 'neimenggu-naiman', ['A02|error']],
    ['DUP-DIBAO-TEKUN', () => dup, 'neimenggu-naiman', ['A06|error']],
    ['DUP-CROSS-REGION', () => dup, 'neimenggu-naiman', ['A10|error']],
    ['DUP-DECEASED', () => dup, 'neimenggu-naiman', ['A13|error', 'A15|warning', 'A16|error']],
    ['DUP-TEMP-REPEAT', () => dup, 'neimenggu-naiman', ['A18|error']],
    ['DUP-TEMP-CAP', () => dup, 'neimenggu-naiman', ['A23|error']],
    ['DUP-BLOCK', () => dup, 'neimenggu-naiman', ['A24|error', 'A25|error', 'A26|error', 'A29|error']],
    ['DUP-OVER-LIMIT', () => dup, 'neimenggu-naiman', ['A30|error']],
    ['WARN-OUTCOME', () => warn, 'district-warnings', ['W02|error', 'W05|error', 'W06|error', 'W07|error', 'W08|warning', 'W09|error']],
    ['WARN-PAYMENTS', () => warn, 'district-warnings', ['W03|error', 'W10|error']],
    ['SUP-REPORT', () => sup, 'fujian', ['O02|error', 'O08|error', 'county:350102:2024-H1|error']],
    ['SUP-INSPECTION', () => sup, 'fujian', ['county:350102:2024|error']],
  ];
  for (const [id, data, profile, expected] of EXPECTED)
    it(`${id} finds exactly the planted cases and none of the near-misses`, async () => expect(await found(data(), profile, id)).to.deep.equal([...expected].sort()));

  it('names both households, both applications and every payment of a duplicate, with the amount in fen', async () => {
    const [f] = (await auditRule(dup, loadProfile('neimenggu-naiman'), rule('DUP-URBAN-RURAL'))).findings;
    expect(f.related.map((r) => `${r.collection}:${r.id}`)).to.include.members(['applications:A01', 'households:H01', 'households:H02', 'payments:A01-2024-03', 'payments:A02-2024-05']);
    expect(f.remedy?.amount_fen).to.equal(240000);
    expect((f.actual as any).months).to.deep.equal(['2024-03', '2024-04', '2024-05']);
  });

  it('does not leak the ID number of the deceased through related records', async () => {
    const { findings } = await auditRule(dup, loadProfile('neimenggu-naiman'), rule('DUP-DECEASED'));
    const deaths = findings.flatMap((f) => f.related.filter((r) => r.collection === 'deaths'));
    expect(deaths).to.have.length.greaterThan(0);
    for (const d of deaths) expect(d.id).to.match(/^\u27E6id:/);
  });

  it('the ceiling and the standard cap are Naiman’s: the national profile does not review them', async () => {
    const res = await auditRule(dup, loadProfile('national'), rule('DUP-TEMP-CAP'));
    expect(res.findings).to.deep.equal([]);
    expect(res.counts.not_reviewed).to.equal(7);
  });

  it('warnings and supervision are local: not reviewed under the national profile', async () => {
    expect((await auditRule(warn, loadProfile('national'), rule('WARN-OUTCOME'))).outcome).to.equal('not_reviewed');
    expect((await auditRule(sup, loadProfile('national'), rule('SUP-INSPECTION'))).outcome).to.equal('not_reviewed');
  });
});

describe('DUP-DECEASED on records built in the test', () => {
  const id = (n: number) => {
    const body = `150525197001010${String(n).padStart(2, '0')}`;
    return body + residentIdCheckChar(body);
  };
  const household = (members: string[]) => ({
    household_id: 'H1', region_code: '150525100201', region_name: '村', area_type: 'rural',
    members: members.map((p, i) => ({ person_id: p, name: `成员${i}`, birth_date: '1970-01-01', relation: i ? 'spouse' : 'head' })),
  });
  const application = (covered: string[]) => ({
    application_id: 'A1', household_id: 'H1', applicant_person_id: id(1), program: 'dibao', region_code: '150525100201', applied_on: '2023-01-01',
    route: 'standard', handled_by: [], household_survey_on: '2023-01-05', decision: { result: 'approved', decided_on: '2023-02-01', coverage: 'household', covered_person_ids: covered },
  });
  const payments = (months: string[]) => months.map((m) => ({ payment_id: `P${m}`, application_id: 'A1', household_id: 'H1', program: 'dibao', region_code: '150525100201', month: m, amount: 100.1, paid_on: `${m}-05`, channel: 'bank' }));

  it('an application without a covered list covers its whole household (coverage unknown → nobody escapes)', async () => {
    const l = await loadRecords({ households: [household([id(1), id(2)])], applications: [application([])], payments: payments(['2024-01', '2024-02', '2024-03']), deaths: [{ person_id: id(1), died_on: '2024-01-15', source: 'funeral' }, { person_id: id(2), died_on: '2024-01-20', source: 'funeral' }] });
    const { findings } = await auditRule(l, loadProfile('national'), rule('DUP-DECEASED'));
    l.dataset.close();
    expect(findings.map((f) => [f.severity, f.remedy?.amount_fen])).to.deep.equal([['error', 20020]]);
  });

  it('payments before the rule took effect are history, with the amount still listed', async () => {
    const l = await loadRecords({ households: [household([id(1)])], applications: [application([id(1)])], payments: payments(['2022-04', '2022-05']), deaths: [{ person_id: id(1), died_on: '2022-03-10', source: 'funeral' }] });
    const { findings } = await auditRule(l, loadProfile('national'), rule('DUP-DECEASED'));
    l.dataset.close();
    expect(findings.map((f) => [f.severity, f.remedy?.amount_fen])).to.deep.equal([['info', 20020]]);
  });
});

describe('cross-check helpers', () => {
  it('monthRanges joins consecutive months across a year end', () => expect(monthRanges(['2024-12', '2025-01', '2025-03', '2024-11'])).to.equal('2024-11~2025-01、2025-03'));
  it('a whole-year report counts as the second half-year', () => expect(halfOf('2024')).to.equal('2024-H2'));
  it('H2 reports are due in January of the next year', () => expect(dueDate('2024-H2', 'county', { county: { H1: '07-15', H2: '01-15' } })).to.equal('2025-01-15'));
  it('counter-evidence on the due date is on time, the next day is none', () => {
    expect(expectedOutcome({ evidence_due: '2024-03-31', submitted_on: '2024-03-31', credible: true })).to.equal('continued');
    expect(expectedOutcome({ evidence_due: '2024-03-31', submitted_on: '2024-04-01', credible: true })).to.equal('voluntary_exit');
    expect(expectedOutcome({ evidence_due: '2024-03-31', submitted_on: '2024-03-20', credible: null })).to.equal('pending');
  });
});
