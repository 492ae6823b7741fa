// The SQL pass must flag every record ajv rejects (it may not miss one, or a bad record would
// be audited) and nothing ajv accepts. Checked side by side on mutated records.
import { expect } from 'chai';
import schema from '../../schemas/case-export.schema.json';
import { COLLECTION_NAMES, COLLECTIONS, CollectionName } from '../../schemas/case-export';
import { Dataset } from '../dataset/dataset';
import { recordViolationSql } from './sql-validator';
import { validateRecord } from './validator';

const good: Partial<Record<CollectionName, any>> = {
  households: { household_id: 'H1', region_code: '150525100201', region_name: '希望村', area_type: 'rural', members: [{ person_id: '150525197503010112', name: '王建国', birth_date: '1975-03-01', relation: 'head', disability_grade: 2, serious_illness: true }], vehicles: [{ owner_person_id: '150525197503010112' }] },
  payments: { payment_id: 'P1', application_id: 'A1', household_id: 'H1', program: 'dibao', region_code: '150525', month: '2024-03', amount: 650.07, paid_on: '2024-03-15', channel: 'bank' },
  notices: { notice_id: 'N1', household_id: 'H1', kind: 'review', posted_on: '2024-03-01', ends_on: '2024-03-07', channel: 'x', columns: [{ label: '姓名', value: '王' }], objections: [{ received_on: '2024-03-02' }] },
  oversight: { record_id: 'O1', level: 'county', region_code: '150525', kind: 'half_year_report', period: '2024-H1', done_on: '2024-07-10' },
};

// Each mutation breaks one constraint kind, or keeps the record valid (expected: valid).
const mutations: [CollectionName, string, (r: any) => void, boolean][] = [
  ['households', 'valid as is', () => {}, true],
  ['households', 'enum', (r) => (r.area_type = 'town'), false],
  ['households', 'missing required', (r) => delete r.region_name, false],
  ['households', 'nested pattern', (r) => (r.members[0].person_id = '15052519750301011'), false],
  ['households', 'nested impossible date', (r) => (r.members[0].birth_date = '2023-02-29'), false],
  ['households', 'leap day', (r) => (r.members[0].birth_date = '2024-02-29'), true],
  ['households', 'integer with fraction', (r) => (r.members[0].disability_grade = 2.5), false],
  ['households', 'integer above maximum', (r) => (r.members[0].disability_grade = 5), false],
  ['households', 'integer written 2.0', (r) => (r.members[0].disability_grade = 2.0), true],
  ['households', 'boolean as string', (r) => (r.members[0].serious_illness = 'yes'), false],
  ['households', 'array as object', (r) => (r.members = {}), false],
  ['households', 'null for optional array', (r) => (r.vehicles = null), false],
  ['households', 'empty string id', (r) => (r.household_id = ''), false],
  ['households', 'extra field allowed', (r) => (r.extra = { a: 1 }), true],
  ['payments', 'valid as is', () => {}, true],
  ['payments', 'three decimals', (r) => (r.amount = 650.075), false],
  ['payments', 'negative', (r) => (r.amount = -0.01), false],
  ['payments', 'amount as string', (r) => (r.amount = '650'), false],
  ['payments', 'month 13', (r) => (r.month = '2024-13'), false],
  ['payments', 'optional person id wrong', (r) => (r.person_id = 'abc'), false],
  ['payments', 'large integer amount', (r) => (r.amount = 123456789), true],
  ['notices', 'valid as is', () => {}, true],
  ['notices', 'column without value', (r) => delete r.columns[0].value, false],
  ['notices', 'objection date wrong', (r) => (r.objections[0].received_on = '2024/03/02'), false],
  ['oversight', 'valid as is', () => {}, true],
  ['oversight', 'period pattern', (r) => (r.period = '2024-H3'), false],
];

describe('SQL record validation agrees with ajv', () => {
  let ds: Dataset;
  before(async () => (ds = await Dataset.open()));
  after(() => ds.close());

  for (const [collection, name, mutate, valid] of mutations)
    it(`${collection}: ${name} → ${valid ? 'accepted' : 'rejected'} by both`, async () => {
      const record = structuredClone(good[collection]);
      mutate(record);
      const json = JSON.stringify(record);
      const ajvValid = validateRecord(collection, JSON.parse(json)).length === 0;
      const sql = recordViolationSql(schema, (COLLECTIONS[collection].schema.meta() as { id: string }).id);
      const [{ bad }] = await ds.all<{ bad: boolean }>(`SELECT ${sql} AS bad FROM (SELECT ? AS j)`, [json]);
      expect(ajvValid, 'ajv').to.equal(valid);
      expect(!bad, 'sql').to.equal(valid);
    });

  it('compiles every collection of the contract', () => {
    for (const c of COLLECTION_NAMES) expect(recordViolationSql(schema, (COLLECTIONS[c].schema.meta() as { id: string }).id)).to.be.a('string');
  });

  it('rejects a non-object line', async () => {
    const sql = recordViolationSql(schema, 'Payment');
    const [{ bad }] = await ds.all<{ bad: boolean }>(`SELECT ${sql} AS bad FROM (SELECT '[1,2]' AS j)`);
    expect(bad).to.equal(true);
  });
});
