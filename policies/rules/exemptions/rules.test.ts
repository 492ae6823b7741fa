// Behaviours of the exemptions rules that the spec features do not reach: what a rule does when
// the data or the calendar cannot settle a case (fail closed: not reviewed or a finding, never a pass).
import { expect } from 'chai';
import { loadRecords } from '../../../engine/load/from-records';
import { loadProfile } from '../../../engine/profile/load';
import { auditRule } from '../../../engine/run/audit';
import { ruleById } from '..';
import { accountabilityCase, application, decision, household, payment } from './testing';

async function judge(ruleId: string, profile: string, records: Record<string, unknown[]>) {
  const loaded = await loadRecords(records as any);
  try {
    return await auditRule(loaded, loadProfile(profile), ruleById(ruleId));
  } finally {
    loaded.dataset.close();
  }
}

describe('exemptions rules, where the data cannot settle a case', function () {
  this.timeout(30_000);

  it('ELIG-INCOME marks a decided application without income items not reviewed, never passed', async () => {
    const hh = household(2);
    const r = await judge('ELIG-INCOME', 'national', { households: [hh], applications: [application(hh, { decision: decision('approved', '2024-04-01', []) })] });
    expect(r.outcome).to.equal('not_reviewed');
    expect(r.counts.not_reviewed).to.equal(1);
  });

  it('ELIG-INCOME counts an item the agency excluded without a ground (fail closed)', async () => {
    const hh = household(2);
    const app = application(hh, {
      income: { monthly_per_capita: 500, standard_monthly: 800, counted: [{ type: 'wages', amount: 1000 }], excluded: [{ type: 'rent_subsidy', amount: 700 }] },
      decision: decision('approved', '2024-04-01', hh.members.map((m) => m.person_id)),
    });
    const r = await judge('ELIG-INCOME', 'national', { households: [hh], applications: [app] });
    expect(r.findings.map((f) => [f.severity, f.groups?.direction])).to.deep.equal([['error', 'inclusion']]);
    expect(r.findings[0].message.zh).to.include('原核算误剔除(无排除依据,仍计入):rent_subsidy 700.00 元');
    expect(r.findings[0].expected).to.include({ per_capita_fen: 85000, standard_fen: 80000 });
  });

  it('ELIG-GRADUAL judges a declared gradual exit even when the export has no payments', async () => {
    const hh = household(1);
    const app = application(hh, { decision: decision('approved', '2023-01-10', []), exit: { ended_on: '2024-03-15', reason: 'income_over_limit', gradual_exit_until: '2024-12' } });
    const r = await judge('ELIG-GRADUAL', 'national', { households: [hh], applications: [app] });
    expect(r.findings.map((f) => f.expected)).to.deep.equal([{ last_month: '2024-09', months: 6 }]);
  });

  it('ELIG-GRADUAL sums what to recover in fen, across payments', async () => {
    const hh = household(1);
    const app = application(hh, { decision: decision('approved', '2023-01-10', []), exit: { ended_on: '2024-03-15', reason: 'income_over_limit' } });
    const r = await judge('ELIG-GRADUAL', 'national', { households: [hh], applications: [app], payments: [payment(app, '2024-04', 0.1), payment(app, '2024-05', 0.2)] });
    expect(r.findings[0].remedy).to.include({ amount_fen: 30, month: '2024-03' });
    expect(r.findings[0].related.map((x) => x.id)).to.deep.equal(['H001', 'P-A001-2024-04', 'P-A001-2024-05']);
  });

  it('ELIG-TOLERANCE leaves a decision outside the working-day calendar not reviewed', async () => {
    const hh = household(1);
    const app = application(hh, {
      route: 'tolerance', applied_on: '2026-12-20', accepted_on: '2026-12-20',
      tolerance: { situation: 'R01', commitment_signed: true, missing_documents: [] },
      decision: decision('approved', '2027-01-08', []),
    });
    const r = await judge('ELIG-TOLERANCE', 'liaoning-tieling', { households: [hh], applications: [app] });
    expect(r.findings).to.deep.equal([]);
    expect(r.outcome).to.equal('not_reviewed');
  });

  it('ELIG-TOLERANCE reports a tolerance route with no tolerance record', async () => {
    const hh = household(1);
    const r = await judge('ELIG-TOLERANCE', 'liaoning-tieling', { households: [hh], applications: [application(hh, { route: 'tolerance' })] });
    expect(r.findings.map((f) => f.message.zh)).to.deep.equal(['按容缺受理办理,却没有容缺信息(情形、承诺书、缺少材料)']);
  });

  it('EXEMPT-BARRED gives the staff member as a related record and the grounds it overrides', async () => {
    const c = accountabilityCase({ claimed_situations: ['H01', 'H02', 'H03'], outcome: 'exempt', facts: { ...accountabilityCase().facts, repeated_same_matter: true } });
    const r = await judge('EXEMPT-BARRED', 'shandong-hanting', { accountability_cases: [c] });
    expect(r.findings).to.have.length(1);
    expect(r.findings[0].related).to.deep.equal([{ collection: 'staff', id: 'S01' }]);
    expect(r.findings[0].actual).to.deep.include({ applicable_grounds: ['H01', 'H02', 'H03'] });
    expect(r.findings[0].expected).to.deep.equal({ outcome: 'not_exempt', because: [{ code: 'HN04', facts: ['repeated_same_matter'] }] });
  });

  it('EXEMPT-* rules do not review cases under a profile with no exemption mechanism', async () => {
    const c = accountabilityCase({ claimed_situations: ['D01'], outcome: 'not_exempt', steps: [{ step: '提出申请', on: '2024-03-05' }] });
    for (const id of ['EXEMPT-BARRED', 'EXEMPT-PROCEDURE', 'EXEMPT-TRACKING']) {
      const r = await judge(id, 'national', { accountability_cases: [c] });
      expect(r.outcome, id).to.equal('not_applicable');
    }
  });
});
