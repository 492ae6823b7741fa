// The other grounds for a refusal, one behaviour each: what justifies it, what does not, and
// which grounds were checked (those the profile and the export allow).
import { expect } from 'chai';
import { loadRecords } from '../engine/load/from-records';
import { loadProfile } from '../engine/profile/load';
import { application, decision, household } from './rules/exemptions/testing';
import { otherGrounds } from './disqualifying-grounds';

const refused = (hh: ReturnType<typeof household>, over: Record<string, unknown> = {}) =>
  application(hh, { income: { monthly_per_capita: 400, standard_monthly: 800, counted: [{ type: 'wages', amount: 800 }], excluded: [] }, decision: decision('rejected', '2024-04-01', []), ...over });

async function grounds(profile: string, records: Record<string, unknown[]>, skip: Parameters<typeof otherGrounds>[3] = []) {
  const loaded = await loadRecords(records as any);
  try {
    return (await otherGrounds(loaded.dataset, loadProfile(profile), ['A001'], skip)).get('A001')!;
  } finally {
    loaded.dataset.close();
  }
}

const warning = (over: Record<string, unknown>) => ({ warning_id: 'W1', household_id: 'H001', type: 'deposits', raised_on: '2024-02-01', evidence_due: '2024-03-01', outcome: 'pending', outcome_on: '2024-03-02', ...over });

describe('other grounds for a refusal', function () {
  this.timeout(30_000);

  it('finds none for a household under the standard with nothing else against it, and names what it checked', async () => {
    const hh = household(2);
    const g = await grounds('beijing-shunyi', { households: [hh], applications: [refused(hh)], warnings: [], fraud_cases: [], deaths: [] }, ['income']);
    expect(g.found).to.deep.equal([]);
    expect(g.checked).to.deep.equal(['vehicle', 'warning', 'false_statement', 'over_limit_exit', 'applicant_died']);
  });

  it('checks vehicles only where the profile has a vehicle rule', async () => {
    const hh = household(2, { vehicles: [{ owner_person_id: household(1).members[0].person_id }, { owner_person_id: household(1).members[0].person_id }] });
    expect((await grounds('national', { households: [hh], applications: [refused(hh)] })).checked).to.not.include('vehicle');
    expect((await grounds('beijing-shunyi', { households: [hh], applications: [refused(hh)] })).found.map((f) => f.code)).to.deep.equal(['vehicle']);
  });

  it('counts a warning whose evidence was due by the refusal and not given', async () => {
    const hh = household(2);
    const g = await grounds('national', { households: [hh], applications: [refused(hh)], warnings: [warning({})] });
    expect(g.found.map((f) => f.code)).to.deep.equal(['warning']);
  });

  it('does not count a warning answered in time with credible evidence, nor one still open at the refusal', async () => {
    const hh = household(2);
    const answered = warning({ response: { submitted_on: '2024-02-20', credible: true } });
    const open = warning({ warning_id: 'W2', evidence_due: '2024-05-01' });
    expect((await grounds('national', { households: [hh], applications: [refused(hh)], warnings: [answered, open] })).found).to.deep.equal([]);
  });

  it('counts a fraud case on the application and an over-limit exit in the year before the refusal', async () => {
    const hh = household(2);
    const fraud = { case_id: 'F1', household_id: 'H001', person_ids: [hh.members[0].person_id], application_id: 'A001', stage: 'application', amount: 0, circumstances: ['false_statement'], found_on: '2024-03-20' };
    const exited = application(hh, { application_id: 'A000', decision: decision('approved', '2023-01-01', []), exit: { ended_on: '2023-06-01', reason: 'income_over_limit' } });
    const g = await grounds('national', { households: [hh], applications: [refused(hh), exited], fraud_cases: [fraud] });
    expect(g.found.map((f) => f.code)).to.deep.equal(['false_statement', 'over_limit_exit']);
  });

  it('does not count an over-limit exit more than a year before the refusal', async () => {
    const hh = household(2);
    const exited = application(hh, { application_id: 'A000', decision: decision('approved', '2022-01-01', []), exit: { ended_on: '2023-04-01', reason: 'income_over_limit' } });
    expect((await grounds('national', { households: [hh], applications: [refused(hh), exited] })).found).to.deep.equal([]);
  });
});
