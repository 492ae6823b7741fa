// A rejected record never becomes a pass: what depends on it is left out of the rules that read
// its collection and counted as not reviewed, with the rejected record's file and line.
import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { loadRecords } from '../load/from-records';
import { loadExport, LoadedExport } from '../load/loader';
import { loadProfile } from '../profile/load';
import { RejectedRecord } from '../dataset/dataset';
import { explainRecord } from '../cli/commands/explain';
import { reveal } from '../findings/personal-data';
import { JiuzhuError } from '../errors';
import { ruleById } from '../../policies/rules';
import { auditRule } from './audit';
import { dependentsReason } from './dependents';

const FIXTURE = path.resolve(__dirname, '..', '..', 'tests', 'fixtures', 'exports', 'rejected-dependents');
const national = () => loadProfile('national');
const HOUSEHOLDS = path.join(FIXTURE, 'households.ndjson');
const APPLICATIONS = path.join(FIXTURE, 'applications.ndjson');

describe('records that depend on a rejected record', function () {
  this.timeout(60_000);
  let loaded: LoadedExport;
  before(async () => {
    loaded = await loadExport(FIXTURE);
  });
  after(() => loaded.dataset.close());
  const audit = (id: string) => auditRule(loaded, national(), ruleById(id));

  it('a notice naming a minor of a rejected household is not reviewed by NOTICE-MINORS, never passed', async () => {
    const r = await audit('NOTICE-MINORS');
    expect(r.outcome).to.equal('not_reviewed');
    expect(r.counts).to.include({ examined: 0, not_reviewed: 4 });
    expect(r.reason!.zh).to.contain(`households「H002」(${HOUSEHOLDS}:2)`);
    expect(r.reason!.en).to.contain(`households "H002" (${HOUSEHOLDS}:2)`);
    expect(r.notReviewedRecords).to.deep.include({ collection: 'notices', line: 1 });
  });

  it('the notice and payments of an application rejected for its date are counted not reviewed, not judged', async () => {
    const period = await audit('NOTICE-PERIOD');
    expect(period.counts).to.include({ examined: 1, not_reviewed: 1 });
    expect(period.reason!.zh).to.contain(`applications「A003」(${APPLICATIONS}:3)`);
    expect(period.notReviewedRecords).to.deep.equal([{ collection: 'notices', line: 2 }]);
    const overLimit = await audit('DUP-OVER-LIMIT');
    expect(overLimit.counts).to.include({ examined: 0, not_reviewed: 1 });
    expect(overLimit.notReviewedRecords).to.deep.equal([{ collection: 'payments', line: 2 }]);
  });

  it('a rule that does not read the rejected records’ collections judges everything', async () => {
    const fields = await audit('NOTICE-FIELDS');
    expect(fields.counts).to.include({ examined: 2, not_reviewed: 0 });
    expect(fields.findings.map((f) => f.record.id)).to.deep.equal(['N002']);
    expect(fields.reason).to.equal(undefined);
  });

  it('a rule that reads the referring collection but not the rejected one is not affected', async () => {
    // NOTICE-PERIOD reads notices and applications, not households: N002 of rejected H002 is judged.
    const period = await audit('NOTICE-PERIOD');
    expect(period.reason!.zh).not.to.contain('H002');
  });

  it('explain says an affected record was not reviewed and why', async () => {
    const e = await explainRecord(loaded, national(), 'N002', { ruleIds: ['NOTICE-MINORS', 'NOTICE-FIELDS'] });
    const minors = e.rules.find((r) => r.rule === 'NOTICE-MINORS')!;
    expect(minors.verdict).to.equal('not_reviewed');
    expect(minors.reason!.en).to.contain(`households "H002" (${HOUSEHOLDS}:2)`);
    expect(e.rules.find((r) => r.rule === 'NOTICE-FIELDS')!.verdict).to.equal('finding');
  });

  it('explain on a rejected record says it was rejected, with its file and line', async () => {
    const error = await explainRecord(loaded, national(), 'H002').then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error).to.be.instanceOf(JiuzhuError);
    expect(error!.message).to.contain(`因不符合契约被剔除(${HOUSEHOLDS}:2)`);
  });

  it('a later rule still sees every row after an affected rule ran', async () => {
    await audit('NOTICE-MINORS');
    const pii = await audit('NOTICE-PII-VALUES');
    expect(pii.counts).to.include({ examined: 2, not_reviewed: 0 });
  });
});

describe('CONTRACT-REFERENCE and rejected records', function () {
  this.timeout(60_000);
  let loaded: LoadedExport;
  before(async () => {
    loaded = await loadExport(FIXTURE);
  });
  after(() => loaded.dataset.close());

  it('says a referenced record was rejected, with its file and line, apart from one truly absent', async () => {
    const r = await auditRule(loaded, national(), ruleById('CONTRACT-REFERENCE'));
    const n002 = r.findings.find((f) => f.record.id === 'N002')!;
    expect(n002.severity).to.equal('warning');
    expect(n002.message.zh).to.equal(`household_id 引用的 households 记录「H002」因不符合契约被剔除(${HOUSEHOLDS}:2)`);
    expect(n002.message.en).to.equal(`household_id refers to households "H002", which was rejected as not conforming to the contract (${HOUSEHOLDS}:2)`);
    const p404 = r.findings.find((f) => f.record.id === 'P404')!;
    expect(p404.severity).to.equal('error');
    expect(p404.message.zh).to.equal('application_id 引用的 applications 记录「A404」不在导出数据中');
    expect(r.findings.map((f) => `${f.record.id} ${f.severity}`).sort()).to.deep.equal(['A002 warning', 'N002 warning', 'N003 warning', 'P003 warning', 'P404 error']);
  });
});

// The loader rejects every copy of a repeated primary key (keyword `duplicate-key`); what such
// a loader leaves is built here directly: no H005 in the table, both copies among the rejected.
describe('records referring to a repeated id', function () {
  this.timeout(60_000);
  const household = (id: string) => ({
    household_id: id,
    region_code: '150525100201',
    region_name: '大沁他拉镇希望村',
    area_type: 'rural',
    members: [
      { person_id: '150525198006150221', name: '李桂英', birth_date: '1980-06-15', relation: 'head' },
      { person_id: '150525201206010124', name: '李小红', birth_date: '2012-06-01', relation: 'child' },
    ],
  });
  const notice = (id: string, household_id: string) => ({
    notice_id: id,
    household_id,
    kind: 'review',
    posted_on: '2024-03-01',
    ends_on: '2024-03-07',
    channel: '村务公开栏',
    columns: [{ label: '家庭成员', value: '李桂英、李小红' }],
  });
  const rejectedCopy = (index: number, record: unknown): RejectedRecord => ({
    collection: 'households',
    file: 'export.json',
    index,
    id: 'H005',
    record,
    errors: [{ path: '$.household_id', keyword: 'duplicate-key', zh: '编号重复', en: 'repeated id' }],
  });

  it('a notice of a household whose id is repeated is not reviewed, naming both copies', async () => {
    const loaded = await loadRecords({ households: [household('H001')], notices: [notice('N001', 'H001'), notice('N005', 'H005')] });
    try {
      loaded.dataset.rejected.push(rejectedCopy(1, household('H005')), rejectedCopy(2, household('H005')));
      const r = await auditRule(loaded, national(), ruleById('NOTICE-MINORS'));
      expect(r.counts).to.include({ examined: 1, not_reviewed: 1, error: 1 });
      expect(r.findings.map((f) => f.record.id)).to.deep.equal(['N001']);
      expect(r.reason!.zh).to.contain('households「H005」(export.json[1])、households「H005」(export.json[2])');
    } finally {
      loaded.dataset.close();
    }
  });

  it('without the parsed record, the rejected record’s id is enough to find what refers to it', async () => {
    const loaded = await loadRecords({ households: [household('H001')], notices: [notice('N005', 'H005')] });
    try {
      loaded.dataset.rejected.push(rejectedCopy(1, undefined));
      const r = await auditRule(loaded, national(), ruleById('NOTICE-MINORS'));
      expect(r.counts).to.include({ examined: 0, not_reviewed: 1 });
    } finally {
      loaded.dataset.close();
    }
  });
});

// Rules match deaths to covered people and household members by person_id, so a rejected death
// leaves the applications and payments of that person unjudged rather than passed.
describe('a rejected death record', function () {
  this.timeout(60_000);
  const person = '150525197503010112';
  const app = {
    application_id: 'A001',
    household_id: 'H001',
    applicant_person_id: person,
    program: 'dibao',
    region_code: '150525100201',
    applied_on: '2024-02-01',
    route: 'standard',
    handled_by: [],
    decision: { result: 'approved', decided_on: '2024-03-10', coverage: 'household', covered_person_ids: [person], benefit_monthly: 650 },
  };
  const payment = (id: string, month: string) => ({
    payment_id: id,
    application_id: 'A001',
    household_id: 'H001',
    program: 'dibao',
    region_code: '150525100201',
    month,
    amount: 650,
    paid_on: `${month}-15`,
    channel: 'bank',
  });

  it('leaves the covered person’s application and payments not reviewed by DUP-DECEASED, the ID masked', async () => {
    const loaded = await loadRecords({
      applications: [app],
      payments: [payment('P1', '2024-04'), payment('P2', '2024-09')],
      deaths: [{ person_id: person, died_on: '2024/05/01', source: 'civil_affairs' }],
    });
    try {
      expect(loaded.rejected.map((r) => r.collection)).to.deep.equal(['deaths']);
      const r = await auditRule(loaded, national(), ruleById('DUP-DECEASED'));
      expect(r.findings).to.deep.equal([]);
      expect(r.counts).to.include({ examined: 0, not_reviewed: 3 });
      expect(reveal(r.reason!.zh, false)).to.contain('deaths「').and.not.to.contain(person);
      expect(reveal(r.reason!.zh, true)).to.contain(`deaths「${person}」`);
    } finally {
      loaded.dataset.close();
    }
  });
});

describe('a rejected application and its handler', function () {
  this.timeout(60_000);
  it('leaves the other cases of the staff member who handled it judged', async () => {
    const clean = JSON.parse(fs.readFileSync(path.join(FIXTURE, '..', 'relatives-clean.json'), 'utf8'));
    const { meta, ...collections } = clean;
    const rejected = { ...collections.applications[0], application_id: 'A900', household_id: 'H900', applied_on: '2024/05/12' };
    const before = await loadRecords(collections, meta);
    const after = await loadRecords({ ...collections, applications: [...collections.applications, rejected] }, meta);
    try {
      expect(after.rejected.map((r) => r.id)).to.deep.equal(['A900']);
      for (const id of ['REL-DECLARE', 'REL-FILED']) {
        const [b, a] = [await auditRule(before, national(), ruleById(id)), await auditRule(after, national(), ruleById(id))];
        expect(a.counts, id).to.deep.equal(b.counts);
      }
    } finally {
      before.dataset.close();
      after.dataset.close();
    }
  });
});

describe('the not-reviewed reason', () => {
  it('names a few rejected records, then how many more', () => {
    const roots: RejectedRecord[] = ['H1', 'H2', 'H3', 'H4', 'H5'].map((id, i) => ({ collection: 'households', file: 'households.ndjson', line: i + 1, id, errors: [] }));
    const reason = dependentsReason({ lines: new Map([['notices', [1, 2, 3, 4, 5]]]), roots, count: 5 });
    expect(reason.zh).to.equal('5 条记录(notices 5)依赖因不符合契约被剔除的记录,未审查: households「H1」(households.ndjson:1)、households「H2」(households.ndjson:2)、households「H3」(households.ndjson:3) 等另 2 条');
    expect(reason.en).to.equal('5 record(s) (notices 5) depend on records rejected as not conforming to the contract and were not reviewed: households "H1" (households.ndjson:1), households "H2" (households.ndjson:2), households "H3" (households.ndjson:3) and 2 more');
  });
});
