import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InputError } from '../errors';
import { loadExport } from './loader';
import { versionedFields } from './versions';

const META = (v: string) => ({ schema_version: v, exported_at: '2024-12-31T18:00:00+08:00', source_system: 't', region_code: '150525', region_name: '奈曼旗', period: { from: '2024-01-01', to: '2024-12-31' } });
const application = (extra: Record<string, unknown> = {}) => ({
  application_id: 'A1', household_id: 'H1', applicant_person_id: '150525197503010112', program: 'dibao', region_code: '150525100201',
  applied_on: '2024-03-01', route: 'standard', handled_by: ['S1'], ...extra,
});
const DECLARED = { declared_relations: [{ staff_id: 'S2', relation: 'self' }] };

const made: string[] = [];
after(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
function exportFile(doc: unknown): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuzhu-versions-'));
  made.push(dir);
  fs.writeFileSync(path.join(dir, 'export.json'), JSON.stringify(doc));
  return path.join(dir, 'export.json');
}

describe('contract versions', () => {
  it('lists the fields 1.1 added, nested ones by their path', () => {
    expect(versionedFields('applications').map((f) => f.path.join('.'))).to.deep.equal(['declared_relations', 'monitoring_case']);
    expect(versionedFields('fraud_cases').map((f) => f.path.join('.'))).to.deep.equal(['decision.measures', 'blacklist_removed_on', 'reapproval']);
    expect(versionedFields('payments')).to.deep.equal([]);
  });

  it('rejects a record of a 1.0 export that uses a 1.1 field, naming the field, and audits the others', async () => {
    const loaded = await loadExport(exportFile({ meta: META('1.0'), applications: [application(), application({ application_id: 'A2', ...DECLARED })] }));
    expect(loaded.counts.applications).to.equal(2);
    expect(loaded.rejected).to.have.length(1);
    expect(loaded.rejected[0]).to.deep.include({ collection: 'applications', index: 1, id: 'A2' });
    expect(loaded.rejected[0].errors).to.have.length(1);
    expect(loaded.rejected[0].errors[0]).to.deep.include({ path: '$.declared_relations', keyword: 'since' });
    expect(loaded.rejected[0].errors[0].zh).to.include('v1.1').and.include('"1.0"');
    const rows = await loaded.dataset.all<{ application_id: string }>('SELECT application_id FROM applications');
    expect(rows.map((r) => r.application_id)).to.deep.equal(['A1']);
    loaded.dataset.close();
  });

  it('names a nested 1.1 field by its full path', async () => {
    const fraud = { case_id: 'C1', household_id: 'H1', person_ids: [], stage: 'in_receipt', amount: 100, circumstances: [], found_on: '2024-03-01', reapproval: { application_id: 'A3', decided_on: '2024-09-01', from_month: '2024-09' } };
    const loaded = await loadExport(exportFile({ meta: META('1.0'), fraud_cases: [fraud] }));
    expect(loaded.rejected.map((r) => r.errors.map((e) => e.path))).to.deep.equal([['$.reapproval']]);
    loaded.dataset.close();
  });

  it('loads the same records unchanged when the export says 1.1', async () => {
    const loaded = await loadExport(exportFile({ meta: META('1.1'), applications: [application(), application({ application_id: 'A2', ...DECLARED })] }));
    expect(loaded.rejected).to.deep.equal([]);
    const [row] = await loaded.dataset.all<{ n: number }>(`SELECT len(declared_relations)::INTEGER AS n FROM applications WHERE application_id = 'A2'`);
    expect(row.n).to.equal(1);
    loaded.dataset.close();
  });

  it('stops the run on a 1.1 collection in a 1.0 export, naming it and the version it needs', async () => {
    const file = exportFile({ meta: META('1.0'), recoveries: [] });
    const err = await loadExport(file).then(() => null, (e) => e);
    expect(err).to.be.instanceOf(InputError);
    expect(err.message).to.include('recoveries').and.include('v1.1');
  });

  it('names both versions it reads when the version is unknown', async () => {
    const err = await loadExport(exportFile({ meta: META('1.2'), applications: [application()] })).then(() => null, (e) => e);
    expect(err).to.be.instanceOf(InputError);
    expect(err.message).to.include('"1.0", "1.1"');
  });

  it('loads a record of every 1.1 collection, and rejects a wrong one with its field', async () => {
    const good = {
      recoveries: { recovery_id: 'R1', household_id: 'H1', reason: 'deceased', ordered_on: '2024-06-05', amount_due: 1300, payment_ids: ['P1'], collected: [{ on: '2024-06-20', amount: 650.5 }] },
      joint_reviews: { review_id: 'J1', application_id: 'A1', household_id: 'H1', held_on: '2024-04-02', departments: ['civil_affairs', 'health'] },
      services: { service_id: 'V1', household_id: 'H1', kind: '助餐', provided_on: '2024-04-03' },
      satisfaction_surveys: { survey_id: 'Q1', household_id: 'H1', quarter: '2024-Q2', surveyed_on: '2024-06-28', result: 'satisfied' },
      change_lists: { list_id: 'L1', region_code: '150302001', month: '2024-04', published_on: '2024-05-05', changes: [] },
      assistance_chains: { chain_id: 'C1', household_id: 'H1', opened_on: '2024-01-10', hardships: ['illness'], policies: [{ policy: '医疗救助', hardship: 'illness', matched_on: '2024-01-12' }] },
    };
    const bad = {
      recoveries: { ...good.recoveries, recovery_id: 'R2', collected: [{ on: '2024-06-20', amount: 650.555 }] },
      joint_reviews: { ...good.joint_reviews, review_id: 'J2', departments: ['police'] },
      services: { ...good.services, service_id: 'V2', provided_on: '2024-02-30' },
      satisfaction_surveys: { ...good.satisfaction_surveys, survey_id: 'Q2', quarter: '2024-Q5' },
      change_lists: { ...good.change_lists, list_id: 'L2', region_code: '150302' },
      assistance_chains: { ...good.assistance_chains, chain_id: 'C2', hardships: ['poverty'] },
    };
    const doc: Record<string, unknown> = { meta: META('1.1') };
    for (const [c, r] of Object.entries(good)) doc[c] = [r, bad[c as keyof typeof bad]];
    const loaded = await loadExport(exportFile(doc));
    expect(loaded.rejected.map((r) => [r.collection, r.id, r.errors[0].path])).to.deep.equal([
      ['recoveries', 'R2', '$.collected[0].amount'],
      ['joint_reviews', 'J2', '$.departments[0]'],
      ['services', 'V2', '$.provided_on'],
      ['satisfaction_surveys', 'Q2', '$.quarter'],
      ['change_lists', 'L2', '$.region_code'],
      ['assistance_chains', 'C2', '$.hardships[0]'],
    ]);
    for (const c of Object.keys(good)) expect(await loaded.dataset.all(`SELECT * FROM ${c}`), c).to.have.length(1);
    const [r] = await loaded.dataset.all<{ fen: string }>(`SELECT CAST(collected[1].amount * 100 AS BIGINT)::VARCHAR AS fen FROM recoveries`);
    expect(r.fen).to.equal('65050');
    loaded.dataset.close();
  });
});
