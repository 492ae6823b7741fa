// Both SQL passes — the one parse that types every line (one-pass.ts) and the second look at the
// lines it found suspect (sql-validator.ts) — must flag every record ajv rejects (missing one
// would audit a bad record); flagging a valid record only costs a second look, but the plain
// cases must pass so that a large export is not validated line by line in Node.
import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import schema from '../../schemas/case-export.schema.json';
import { COLLECTION_NAMES, CollectionName, defName } from '../../schemas/case-export';
import { Dataset } from '../dataset/dataset';
import { jsonStructure } from './duck-types';
import { keyOrders, onePass, onePassLinesSelect, onePassSelect } from './one-pass';
import { linesOf } from './loader';
import { flagViolations, SqlValidationPlan } from './sql-validator';
import { scanRecord } from './json-text';
import { validateRecord } from './validator';

const good: Partial<Record<CollectionName, any>> = {
  households: { household_id: 'H1', region_code: '150525100201', region_name: '希望村', area_type: 'rural', members: [{ person_id: '150525197503010112', name: '王建国', birth_date: '1975-03-01', relation: 'head', disability_grade: 2, serious_illness: true }], vehicles: [{ owner_person_id: '150525197503010112' }] },
  payments: { payment_id: 'P1', application_id: 'A1', household_id: 'H1', program: 'dibao', region_code: '150525', month: '2024-03', amount: 650.07, paid_on: '2024-03-15', channel: 'bank' },
  notices: { notice_id: 'N1', household_id: 'H1', kind: 'review', posted_on: '2024-03-01', ends_on: '2024-03-07', channel: 'x', columns: [{ label: '姓名', value: '王' }], objections: [{ received_on: '2024-03-02' }] },
  oversight: { record_id: 'O1', level: 'county', region_code: '150525', kind: 'half_year_report', period: '2024-H1', done_on: '2024-07-10' },
  warnings: { warning_id: 'W1', household_id: 'H1', type: 'vehicle', raised_on: '2024-03-01', evidence_due: '2024-03-15', response: { credible: true }, outcome: 'continued', outcome_on: '2024-03-20' },
};

// [collection, what, mutation, valid per the contract, and whether SQL may flag it anyway]
const cases: [CollectionName, string, (r: any) => void, boolean, boolean?][] = [
  ['households', 'valid as is', () => {}, true],
  ['households', 'enum', (r) => (r.area_type = 'town'), false],
  ['households', 'missing required', (r) => delete r.region_name, false],
  ['households', 'nested pattern', (r) => (r.members[0].person_id = '15052519750301011'), false],
  ['households', 'nested impossible date', (r) => (r.members[0].birth_date = '2023-02-29'), false],
  ['households', 'leap day', (r) => (r.members[0].birth_date = '2024-02-29'), true],
  ['households', 'leap day of a century year', (r) => (r.members[0].birth_date = '2000-02-29'), true],
  ['households', 'no leap day in 1900', (r) => (r.members[0].birth_date = '1900-02-29'), false],
  ['households', 'day 31 of a 30-day month', (r) => (r.members[0].birth_date = '2024-04-31'), false],
  ['households', 'date without leading zeros', (r) => (r.members[0].birth_date = '2024-4-1'), false],
  ['households', 'date with a time', (r) => (r.members[0].birth_date = '2024-04-01T00:00'), false],
  ['households', 'integer with fraction', (r) => (r.members[0].disability_grade = 2.5), false],
  ['households', 'integer above maximum', (r) => (r.members[0].disability_grade = 5), false],
  ['households', 'boolean as string', (r) => (r.members[0].serious_illness = 'yes'), false],
  ['households', 'array as object', (r) => (r.members = {}), false],
  ['households', 'array as string', (r) => (r.members = 'none'), false],
  ['households', 'array element not an object', (r) => r.members.push(7), false],
  ['households', 'null for optional array', (r) => (r.vehicles = null), false],
  ['households', 'null for optional member field', (r) => (r.members[0].serious_illness = null), false],
  ['households', 'empty string id', (r) => (r.household_id = ''), false],
  ['households', 'id as number', (r) => (r.household_id = 7), false],
  ['households', 'extra field allowed', (r) => (r.extra = { a: 1 }), true, true],
  ['households', 'extra scalar field allowed', (r) => (r.note = 'x'), true],
  ['households', 'text containing the word null', (r) => (r.region_name = 'null, 村'), true],
  ['households', 'escaped quote in a name', (r) => (r.members[0].name = '王"建国'), true],
  ['payments', 'valid as is', () => {}, true],
  ['payments', 'three decimals', (r) => (r.amount = 650.075), false],
  ['payments', 'negative', (r) => (r.amount = -0.01), false],
  ['payments', 'amount as string', (r) => (r.amount = '650'), false],
  ['payments', 'month 13', (r) => (r.month = '2024-13'), false],
  ['payments', 'optional person id wrong', (r) => (r.person_id = 'abc'), false],
  ['payments', 'large integer amount', (r) => (r.amount = 123456789), true],
  ['payments', 'enum as object', (r) => (r.program = { p: 'dibao' }), false],
  ['notices', 'valid as is', () => {}, true],
  ['notices', 'column without value', (r) => delete r.columns[0].value, false],
  ['notices', 'objection date wrong', (r) => (r.objections[0].received_on = '2024/03/02'), false],
  ['notices', 'objections as a string', (r) => (r.objections = 'none'), false],
  ['oversight', 'valid as is', () => {}, true],
  ['oversight', 'period pattern', (r) => (r.period = '2024-H3'), false],
  ['warnings', 'valid as is', () => {}, true],
  ['warnings', 'optional object given as a string', (r) => (r.response = 'credible'), false],
  ['warnings', 'optional object given as an array', (r) => (r.response = [true]), false],
];

// Cases only text can express: numbers beyond a double's digits, exponents, repeated keys.
// [collection, what, text edit of the valid record's JSON, valid, SQL may flag it anyway]
const textCases: [CollectionName, string, (json: string) => string, boolean, boolean?][] = [
  ['payments', 'amount 12.340000001', (j) => j.replace('650.07', '12.340000001'), false],
  ['payments', 'amount 0.30000000000000004', (j) => j.replace('650.07', '0.30000000000000004'), false],
  ['payments', 'amount with a third decimal beyond double precision', (j) => j.replace('650.07', '12.3400000000000000001'), false],
  ['payments', 'amount 1234567890123456.78', (j) => j.replace('650.07', '1234567890123456.78'), false],
  ['payments', 'amount 9999999999999999.99', (j) => j.replace('650.07', '9999999999999999.99'), false],
  ['payments', 'amount 1e20', (j) => j.replace('650.07', '1e20'), false],
  ['payments', 'amount at the maximum', (j) => j.replace('650.07', '9999999999.99'), true],
  ['payments', 'amount in exponent form', (j) => j.replace('650.07', '1.5e3'), true],
  ['payments', 'amount with a negative exponent', (j) => j.replace('650.07', '65007E-2'), true, true],
  ['payments', 'a long mantissa the double rounds to a whole number', (j) => j.replace('650.07', '100000000000000000001e-20'), false],
  ['payments', 'a long mantissa with a positive exponent', (j) => j.replace('650.07', '100000000000000000001e+0'), false],
  ['payments', 'a long mantissa with two decimals and an exponent', (j) => j.replace('650.07', '1234567890123456.78e1'), false],
  ['payments', 'amount with a trailing zero decimal', (j) => j.replace('650.07', '650.070'), true, true],
  ['payments', 'a key given twice, string first', (j) => j.replace('"amount":650.07', '"amount":"x","amount":5.00'), false],
  ['payments', 'a key given twice, number first', (j) => j.replace('"amount":650.07', '"amount":5.00,"amount":"x"'), false],
  ['payments', 'a key given twice with equal values', (j) => j.replace('"amount":650.07', '"amount":650.07,"amount":650.07'), false],
  ['households', 'a key given twice in a member', (j) => j.replace('"name":"王建国"', '"name":"王建国","name":"王"'), false],
  ['households', 'a key given twice in an extra object', (j) => j.replace('{"household_id"', '{"extra":{"a":1,"a":2},"household_id"'), false],
  ['households', 'a key given twice in an extra array of objects', (j) => j.replace('{"household_id"', '{"extra":[{"a":1,"a":2}],"household_id"'), false],
  ['households', 'lower-case x in a resident ID', (j) => j.replace('"150525197503010112"', '"15052519750301011x"'), true],
];

/** What the loader decides for a flagged line: the text check, then ajv on the value. */
function exactErrors(collection: CollectionName, json: string) {
  const scanned = scanRecord(json);
  return [...scanned.errors, ...validateRecord(collection, scanned.value, scanned.numbers)];
}

// Valid records the one pass leaves to the second look: what it cannot see in the canonical
// form — a key the contract does not describe, a backslash, an exponent, a lower-case x.
const ONE_PASS_MAY_FLAG = new Set(['extra scalar field allowed', 'escaped quote in a name', 'amount in exponent form', 'lower-case x in a resident ID']);

for (const pass of ['second look (SQL checks)', 'one pass (typing parse)'] as const)
  describe(`${pass}: record validation agrees with ajv`, () => {
    let ds: Dataset;
    let n = 0;
    before(async () => (ds = await Dataset.open()));
    after(() => ds.close());

    async function sqlFlags(collection: CollectionName, json: string): Promise<boolean> {
      const view = `one_${n++}`;
      await ds.run(`CREATE TEMP TABLE ${view} AS SELECT 1 AS _line, ? AS j`, [json]);
      let flagged: boolean;
      if (pass === 'second look (SQL checks)') flagged = (await flagViolations(ds, schema, defName(collection), view, `t${n}`)).length > 0;
      else {
        const lowerX = collection === 'households' ? `contains(_j, 'x"')` : undefined;
        // The key order the loader learns from a file's first records: here the valid record's.
        const plan = onePass(schema, defName(collection), keyOrders([good[collection]]));
        const [{ s }] = await ds.all<{ s: boolean }>(`SELECT _suspect AS s FROM (${onePassSelect(plan, view, lowerX)})`);
        flagged = s;
      }
      await ds.run(`DROP TABLE ${view}`);
      return flagged;
    }

    async function agree(collection: CollectionName, name: string, json: string, valid: boolean, mayFlag?: boolean) {
      expect(exactErrors(collection, json).length === 0, 'ajv').to.equal(valid);
      const flagged = await sqlFlags(collection, json);
      if (!valid) expect(flagged, 'sql flags an invalid record').to.equal(true);
      else if (!mayFlag && !(pass === 'one pass (typing parse)' && ONE_PASS_MAY_FLAG.has(name))) expect(flagged, 'sql leaves a plain valid record to the fast path').to.equal(false);
    }

    for (const [collection, name, mutate, valid, mayFlag] of cases)
      it(`${collection}: ${name} → ${valid ? 'valid, not flagged' : 'invalid, flagged'}`, async () => {
        const record = structuredClone(good[collection]);
        mutate(record);
        await agree(collection, name, JSON.stringify(record), valid, mayFlag);
      });

    for (const [collection, name, edit, valid, mayFlag] of textCases)
      it(`${collection}: ${name} → ${valid ? 'valid' : 'invalid, flagged'}`, async () => {
        const json = edit(JSON.stringify(good[collection]));
        expect(json, 'the edit applied').not.to.equal(JSON.stringify(good[collection]));
        await agree(collection, name, json, valid, mayFlag);
      });

    // Whitespace, nulls and numbers written longer than the parse keeps them change a line's length.
    if (pass === 'one pass (typing parse)')
    for (const [name, json] of [
      ['whitespace after a colon', JSON.stringify(good.payments).replace('"amount":', '"amount": ')],
      ['a trailing zero decimal', JSON.stringify(good.payments).replace('650.07', '650.070')],
      ['a null for an optional field', JSON.stringify({ ...good.payments, person_id: null })],
      ['a member given as a number', JSON.stringify({ ...good.households, members: [7] })],
    ] as const)
      it(`flags ${name}`, async () => {
        expect(await sqlFlags(name === 'a member given as a number' ? 'households' : 'payments', json)).to.equal(true);
      });

    it('flags a line that is not an object', async () => {
      expect(await sqlFlags('payments', '[1,2]')).to.equal(true);
    });
  });

describe('the one pass', () => {
  let ds: Dataset;
  before(async () => (ds = await Dataset.open()));
  after(() => ds.close());

  it('types every collection exactly as from_json with the contract structure does', async () => {
    for (const c of COLLECTION_NAMES) {
      const view = `e_${c}`;
      await ds.run(`CREATE TEMP TABLE ${view} (_line INTEGER, j VARCHAR)`);
      await ds.run(`CREATE TEMP TABLE a_${c} AS SELECT * EXCLUDE (_suspect) FROM (${onePassSelect(onePass(schema, defName(c)), view)})`);
      await ds.run(`CREATE TEMP TABLE b_${c} AS SELECT _line, unnest(from_json(j, '${JSON.stringify(jsonStructure(schema, { $ref: `#/$defs/${defName(c)}` }))}')) FROM ${view}`);
      const describe = async (t: string) => (await ds.all<{ column_name: string; column_type: string }>(`DESCRIBE ${t}`)).map((r) => `${r.column_name} ${r.column_type}`);
      expect(await describe(`a_${c}`), c).to.deep.equal(await describe(`b_${c}`));
      await ds.run(`CREATE TEMP TABLE l_${c} AS SELECT * EXCLUDE (_suspect, _text) FROM (${onePassLinesSelect(onePass(schema, defName(c)), `(SELECT j FROM ${view})`)})`);
      expect(await describe(`l_${c}`), c).to.deep.equal(await describe(`b_${c}`));
    }
  });

  // The loader takes a line's number from its row's position in the typed table: the statement
  // must be one DuckDB inserts in order (a join anywhere in it, an IN list planned as one, is not).
  it('parses every collection straight from the file in an order-keeping insert', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jiuzhu-order-')), 'x.ndjson');
    fs.writeFileSync(file, '{}\n');
    // With the threads an audit has (test processes run DuckDB on one thread, where any plan keeps order).
    const threads = process.env.JIUZHU_THREADS;
    delete process.env.JIUZHU_THREADS;
    const audit = await Dataset.open().finally(() => threads !== undefined && (process.env.JIUZHU_THREADS = threads));
    try {
      await audit.run('SET threads = 2');
      for (const c of COLLECTION_NAMES) {
        const plan = await audit.all<{ explain_value: string }>(`EXPLAIN CREATE TABLE o_${c} AS ${onePassLinesSelect(onePass(schema, defName(c)), linesOf(file), `contains(_j, 'x"')`)}`);
        expect(plan.map((r) => r.explain_value).join('\n'), c).to.include('BATCH_CREATE_TABLE_AS');
      }
    } finally {
      audit.close();
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });

  it('reads the values of a plain record as from_json with the contract structure does', async () => {
    for (const [c, record] of Object.entries(good) as [CollectionName, unknown][]) {
      const json = JSON.stringify(record);
      const [a] = await ds.all(`SELECT * EXCLUDE (_suspect) FROM (${onePassSelect(onePass(schema, defName(c)), `(SELECT 1 AS _line, ${`'${json.replace(/'/g, "''")}'`} AS j)`)})`);
      const [b] = await ds.all(`SELECT 1 AS _line, unnest(from_json(?, '${JSON.stringify(jsonStructure(schema, { $ref: `#/$defs/${defName(c)}` }))}'))`, [json]);
      expect(a, c).to.deep.equal(b);
    }
  });
});

describe('the second look', () => {
  it('plans every collection of the contract', () => {
    for (const c of COLLECTION_NAMES) expect(() => new SqlValidationPlan(schema, 'x').node({ $ref: `#/$defs/${defName(c)}` }, 'v')).not.to.throw();
  });

  it('refuses to plan a keyword it cannot check exactly', () => {
    expect(() => new SqlValidationPlan({ $defs: { X: { type: 'string', minLength: 3 } } }, 'x').node({ $ref: '#/$defs/X' }, 'v')).to.throw(/minLength 3/);
    expect(() => new SqlValidationPlan({ $defs: { X: { type: 'string', format: 'email', maxLength: 3 } } }, 'x').node({ $ref: '#/$defs/X' }, 'v')).to.throw(/maxLength/);
  });
});
