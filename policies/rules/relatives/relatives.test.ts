import { expect } from 'chai';
import path from 'node:path';
import { StaffRelation } from '../../../schemas/case-export';
import { loadRecords } from '../../../engine/load/from-records';
import { loadExport, LoadedExport } from '../../../engine/load/loader';
import { loadProfile } from '../../../engine/profile/load';
import { reveal } from '../../../engine/findings/personal-data';
import { auditRule } from '../../../engine/run/audit';
import { residentIdCheckChar } from '../../checks/resident-id';
import { relativesParameters } from '../../parameters/relatives';
import { periodsOf } from '../../periods';
import { classify, SCOPE_KEYS } from './chain';
import { relativeRules } from '.';
import { relDeclare } from './declare';
import { relFiled } from './filed';
import { relIneligibleApproved } from './ineligible';
import { LinkRow, relativeLinks } from './links';

let seq = 700;
const pid = (birth = '19600101') => {
  const body = `150525${birth}${String(seq++).padStart(3, '0')}`;
  return body + residentIdCheckChar(body);
};

const national = () => loadProfile('national');

function row(over: Partial<LinkRow> = {}): LinkRow {
  return {
    application_id: 'A1', staff_id: 'S1', _line: 1, household_id: 'H1', region_code: '150525100201', program: 'dibao',
    applied_on: '2024-03-01', result: 'approved', decided_on: '2024-03-20', ended_on: null, handled_by: ['S9'],
    declared_staff_ids: [], declared_relation: null, staff_known: true, role: 'village_cadre', staff_name: '李春梅',
    active_from: '2020-01-01', active_to: null, roster: [{ person_id: pid(), name: '王建国', relation: 'spouse' }], filings: [],
    ...over,
  };
}

function currentPeriod() {
  return periodsOf(national(), SCOPE_KEYS).find((p) => !p.preRule && !p.off)!;
}

describe('relatives: classify', () => {
  it('counts the first and the last day of a term as in post', () => {
    expect(classify(row({ active_from: '2024-03-01' }), currentPeriod()).rosterInScope).to.equal(true);
    expect(classify(row({ active_to: '2024-03-01' }), currentPeriod()).rosterInScope).to.equal(true);
    expect(classify(row({ active_from: '2024-03-02' }), currentPeriod()).rosterInScope).to.equal(false);
    expect(classify(row({ active_to: '2024-02-29' }), currentPeriod()).rosterInScope).to.equal(false);
  });

  it('leaves publicly funded staff and in-laws out of scope under the national profile', () => {
    expect(classify(row({ role: 'public_funded' }), currentPeriod()).required).to.equal(false);
    expect(classify(row({ roster: [{ person_id: pid(), name: null, relation: 'parent_in_law' }] }), currentPeriod()).required).to.equal(false);
  });

  it('treats a relation the profile classifies nowhere as close, and says so (fail closed)', () => {
    const link = classify(row({ roster: [{ person_id: pid(), name: null, relation: 'godparent' }] }), currentPeriod());
    expect(link.required).to.equal(true);
    expect(link.unclassified).to.deep.equal(['godparent']);
  });

  it('binds a declaration naming staff the roster lacks', () => {
    const link = classify(row({ staff_known: false, role: null, active_from: null, roster: [], declared_staff_ids: ['S1'] }), currentPeriod());
    expect(link.required).to.equal(true);
  });
});

describe('relatives: parameters', () => {
  it('national classifies every relation of the contract, in or out of the close set', () => {
    const p = national();
    const close = p.at<string[]>('relatives.close_relations', '2024-01-01')!.value;
    const other = p.at<string[]>('relatives.other_relations', '2024-01-01')!.value;
    expect([...close, ...other].sort()).to.deep.equal([...StaffRelation.options].sort());
    expect(close).to.not.include('parent_in_law');
  });

  it('refuses a severity table that ranks any link above ineligible-yet-approved', () => {
    const schema = relativesParameters['relatives.severity'].schema;
    const ok = { undeclared: 'warning', unfiled: 'error', filed_late: 'warning', verified_never: 'error', verified_late: 'warning', ineligible_approved: 'error', handled_by_relative: 'error' };
    expect(schema.safeParse(ok).success).to.equal(true);
    expect(schema.safeParse({ ...ok, ineligible_approved: 'warning' }).success).to.equal(false);
  });
});

describe('relatives: rules over the fixture export', () => {
  let loaded: LoadedExport;
  before(async () => {
    loaded = await loadExport(path.join(__dirname, '..', '..', '..', 'tests', 'fixtures', 'exports', 'relatives-chain.json'), { allowEmpty: true });
  });
  after(() => loaded.dataset.close());

  it('puts township and staff groups, the household, the staff member and the filings on every finding', async () => {
    for (const rule of relativeRules) {
      const result = await auditRule(loaded, national(), rule);
      for (const f of result.findings) {
        expect(f.groups?.township, `${rule.id} ${f.record.id}`).to.match(/^\d{9}$/);
        expect(f.groups?.staff).to.match(/^S\d+$/);
        expect(f.related.map((r) => r.collection)).to.include.members(['households', 'staff']);
        expect(f.record.collection).to.equal('applications');
      }
    }
  });

  it('masks every name and ID number in messages and evidence', async () => {
    const people = await loaded.dataset.all<{ person_id: string; name: string }>(
      `SELECT t.r.person_id AS person_id, t.r.name AS name FROM staff s, unnest(s.relatives) AS t(r) UNION ALL SELECT person_id, name FROM staff`,
    );
    expect(people.length).to.be.greaterThan(10);
    for (const rule of relativeRules) {
      const result = await auditRule(loaded, national(), rule);
      for (const f of result.findings) {
        const shown = reveal(JSON.stringify({ m: f.message, a: f.actual }), false);
        for (const p of people) {
          expect(shown).to.not.include(p.person_id);
          expect(shown).to.not.include(p.name);
        }
      }
    }
  });

  it('tells the roster evidence from proof in an undeclared relationship', async () => {
    const result = await auditRule(loaded, national(), relDeclare);
    const f = result.findings.find((x) => x.record.id === 'A101')!;
    expect(f.message.zh).to.include('可能故意隐瞒').and.include('尚未查实');
    expect(f.message.en).to.include('not proven');
    expect((f.actual as any).proven).to.equal(false);
  });

  it('gives the amount to recover, in fen, for an ineligible household that was approved', async () => {
    const result = await auditRule(loaded, national(), relIneligibleApproved);
    const byId = Object.fromEntries(result.findings.map((f) => [f.record.id, f]));
    expect(byId.A106.remedy?.amount_fen).to.equal(96100);
    expect(byId.A109.remedy?.amount_fen).to.equal(144150);
    expect(byId.A106.severity).to.equal('error');
  });
});

describe('relatives: the link query', () => {
  it('joins roster relatives to household members and to the applicant, one pair per staff member', async () => {
    const [a, b, c] = [pid(), pid(), pid()];
    const loaded = await loadRecords({
      households: [{ household_id: 'H1', region_code: '150525100201', region_name: '希望村', area_type: 'rural', members: [
        { person_id: a, name: '甲', birth_date: '1960-01-01', relation: 'head' },
        { person_id: b, name: '乙', birth_date: '1960-01-01', relation: 'spouse' },
      ] }],
      applications: [
        { application_id: 'A1', household_id: 'H1', applicant_person_id: a, program: 'dibao', region_code: '150525100201', applied_on: '2024-03-01', route: 'standard', handled_by: [] },
        { application_id: 'A2', household_id: 'H9', applicant_person_id: c, program: 'temporary', region_code: '150525100201', applied_on: '2024-03-01', route: 'standard', handled_by: [] },
      ],
      staff: [{ staff_id: 'S1', person_id: pid('19750101'), name: '丙', role: 'caseworker', region_code: '150525100', active_from: '2020-01-01', relatives: [
        { person_id: a, relation: 'parent' }, { person_id: b, relation: 'parent_in_law' }, { person_id: c, relation: 'sibling' },
      ] }],
    });
    try {
      const links = await relativeLinks(loaded.dataset);
      expect(links.map((l) => [l.application_id, l.staff_id, l.roster.length])).to.deep.equal([['A1', 'S1', 2], ['A2', 'S1', 1]]);
      // No relative_filings collection at all: the filing rule cannot judge, it does not pass.
      expect((await auditRule(loaded, national(), relFiled)).outcome).to.equal('not_reviewed');
      const declare = await auditRule(loaded, national(), relDeclare);
      expect(declare.findings.map((f) => f.record.id)).to.deep.equal(['A1', 'A2']);
      // A2's household is missing: matched through the applicant only, and counted as not fully reviewed.
      expect(declare.counts.not_reviewed).to.equal(1);
    } finally {
      loaded.dataset.close();
    }
  });
});
