import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { writeParquetExport } from '../../examples/parquet';
import { duck, exportFolders, ndjson, writeParquet } from '../../tests/support/export-folders';
import schema from '../../schemas/case-export.schema.json';
import { COLLECTION_NAMES, CollectionName, defName } from '../../schemas/case-export';
import { Dataset } from '../dataset/dataset';
import { sqlString } from '../dataset/sql';
import { duckType } from './duck-types';
import { LoadedExport, loadExport } from './loader';
import { source } from './parquet';
import { typedParquetSelect } from './parquet-typed';
import { NORMALISED_IDS } from './person-ids';


const member = (person_id: string, over: Record<string, unknown> = {}) => ({ person_id, name: '包乌力吉', birth_date: '1987-09-08', relation: 'head', ...over });
const household = (household_id: string, over: Record<string, unknown> = {}) => ({
  household_id, region_code: '150525100001', region_name: '镇区社区', area_type: 'urban', members: [member('152326198709082439')], ...over,
});
const application = (application_id: string, over: Record<string, unknown> = {}) => ({
  application_id, household_id: 'H1', applicant_person_id: '152326198709082439', program: 'dibao', region_code: '150525100', applied_on: '2024-01-27', route: 'standard', handled_by: ['JB1', 'JB2'],
  income: { monthly_per_capita: 158.92, standard_monthly: 880, counted: [{ type: 'wage', amount: 367.11 }], excluded: [] },
  decision: { result: 'approved', decided_on: '2024-02-28', coverage: 'household', covered_person_ids: ['152326198709082439'], benefit_monthly: 2163.24, start_month: '2024-02' },
  ...over,
});
const payment = (payment_id: string, over: Record<string, unknown> = {}) => ({
  payment_id, application_id: 'A1', household_id: 'H1', program: 'dibao', region_code: '150525', month: '2024-03', amount: 300, paid_on: '2024-03-15', channel: 'bank', ...over,
});

// Each kind of violation the typed path must find, beside records that conform. Every record is
// an NDJSON line and the same-numbered Parquet row.
const HOUSEHOLDS = [
  household('H1'),
  household('H2', { members: [member('152326198709082439'), null] }), // NULL element of a list
  household('H3', { members: [member('152326198709082439', { relation: 'cousin' })] }), // enum inside a list
  household('H4', { members: [member('152326198709082439', { disability_grade: 5 })] }), // integer maximum
  household('H5', { members: [member('152326198709082439', { disability_grade: 0 })] }), // integer minimum
  household('H6', { members: [{ ...member(''), person_id: undefined }] }), // required field inside a list
  household('H7', { members: [member('15232619870908243x')] }), // lower-case x inside a list
  household('H8', { members: [member('152326198709082439', { name: '' })] }), // minLength inside a list
  household('H9', { region_code: undefined }), // required top-level field
  household('H10', { members: [], vehicles: [{ owner_person_id: '1523261987090824', plate: '蒙G' }] }), // pattern inside a list
  household('H11', { members: [member('152326198709082439', { serious_illness: true, disability_grade: 4 })] }),
  household('H12', { members: [member('152326198709082439', { birth_date: '1987-02-30' })] }), // text date inside a list of structs
];
const APPLICATIONS = [
  application('A1'),
  application('A2', { program: 'bogus' }), // enum
  application('A3', { household_id: undefined }), // required
  application('A4', { region_code: '' }), // minLength
  application('A5', { handled_by: ['JB1', null] }), // NULL element of a list of text
  application('A6', { monitoring_case: true }), // a v1.1 field in a v1.0 export
  application('A7', { applicant_person_id: '15232619870908243x' }), // lower-case x
  application('A8', { decision: { ...application('').decision, covered_person_ids: ['15232619870908243x', '152326198709082439'] } }), // lower-case x in a nested list
  application('A9', { decision: { ...application('').decision, start_month: '2024-13' } }), // pattern inside a struct
  application('A10', { decision: { ...application('').decision, benefit_monthly: 99999999999 } }), // maximum inside a struct
  application('A11', { income: { ...application('').income, standard_monthly: undefined } }), // required inside a struct
  application('A12', { income: { ...application('').income, counted: [{ type: 'wage', amount: -1 }] } }), // minimum in a list of structs
  application('A13', { decision: { ...application('').decision, result: 'maybe' } }), // enum inside a struct
  application('A14', { decision: undefined, exit: { ended_on: '2024-05-31', reason: 'death' } }),
  application('A1', { route: 'emergency' }), // duplicate key
];
const PAYMENTS = [
  payment('P1'),
  payment('P2', { amount: 300.125 }), // a third decimal in a DECIMAL(18,3) column
  payment('P3', { amount: 300.1 }), // a DECIMAL(18,3) holding two decimals: 300.100 is 300.10
  payment('P4', { paid_on: '2023-02-29' }), // text date that is no day
  payment('P5', { paid_on: '2024-3-15' }), // text date not YYYY-MM-DD
  payment('P6', { program: 'bogus' }), // enum
  payment('P7', { month: '2024-13' }), // pattern
  payment('P8', { amount: 99999999999 }), // maximum
  payment('P9', { amount: -0.01 }), // minimum
  payment('P10', { person_id: '15232619870908243x' }), // lower-case x
  payment('P11', { channel: undefined }), // required
  payment('P12', { region_code: '' }), // minLength
  payment('P13', { household_id: 'H9' }), // a reference to a rejected household: a finding, not a rejection
];

/** Each collection's top-level fields with the contract's DuckDB type, as examples/parquet.ts writes them. */
const contractColumns = (c: CollectionName) =>
  Object.fromEntries(Object.entries((schema as any).$defs[defName(c)].properties as Record<string, object>).map(([k, v]) => [k, duckType(schema, v)]));
/** Payments as a warehouse might type them: money DECIMAL(18,3), dates as text, a column outside the contract. */
const PAYMENT_COLUMNS = { ...contractColumns('payments'), amount: 'DECIMAL(18,3)', paid_on: 'VARCHAR', etl_loaded_at: 'TIMESTAMP' };
/** Members with their fields in another order, the birth date as text and a field outside the contract. */
const HOUSEHOLD_COLUMNS = {
  ...contractColumns('households'),
  members: 'STRUCT(relation VARCHAR, person_id VARCHAR, name VARCHAR, birth_date VARCHAR, serious_illness BOOLEAN, disability_grade INTEGER, etl_note VARCHAR)[]',
};

const { folder, cleanup } = exportFolders('jiuzhu-typed-parquet-');
after(cleanup);



async function bothWays(): Promise<{ nd: string; pq: string }> {
  const nd = folder();
  const pq = folder();
  const sets: [CollectionName, object[], Record<string, string>][] = [
    ['households', HOUSEHOLDS, HOUSEHOLD_COLUMNS],
    ['applications', APPLICATIONS, contractColumns('applications')],
    ['payments', PAYMENTS, PAYMENT_COLUMNS],
  ];
  for (const [c, records, columns] of sets) {
    fs.writeFileSync(path.join(nd, `${c}.ndjson`), ndjson(records));
    await writeParquet(pq, c, records, columns);
  }
  return { nd, pq };
}

/** What a Parquet file's probe gives typedParquetSelect. */
async function select(c: CollectionName, file: string): Promise<string | undefined> {
  const ds = await Dataset.open();
  try {
    const probe = await ds.conn.run(`SELECT * FROM ${source(file)} LIMIT 0`);
    return typedParquetSelect(c, file, probe.columnNames(), probe.columnTypes());
  } finally {
    ds.close();
  }
}

/** Every table of the load (types, rows in their order), its rejections and the IDs read as X, with the folder taken out. */
async function everything(l: LoadedExport, dir: string) {
  const clean = (s: string) => s.split(dir + path.sep).join('').replace(/\.(ndjson|parquet)\b/g, '.*').replace(/ 第(\d+)行 \(row \1\)/g, ':$1');
  const tables: Record<string, unknown> = {};
  for (const c of Object.keys(l.counts)) {
    const types = (await l.dataset.all<{ column_name: string; column_type: string }>(`DESCRIBE ${c}`)).map((r) => `${r.column_name} ${r.column_type}`);
    const rows = (await l.dataset.all<{ j: string }>(`SELECT to_json(t)::VARCHAR AS j FROM ${c} t`)).map((r) => r.j);
    tables[c] = { types, rows };
  }
  const ids = await l.dataset.all(`SELECT * FROM ${NORMALISED_IDS} ORDER BY collection, _line, path`);
  const rejected = l.rejected.map((r) => ({ ...r, file: clean(r.file), errors: r.errors.map((e) => ({ ...e, zh: clean(e.zh), en: clean(e.en) })) }));
  return { tables, ids, rejected, counts: l.counts };
}

describe('Parquet files in the contract’s types', function () {
  this.timeout(60_000);

  it('are read from their typed columns, not through JSON text', async () => {
    const { pq } = await bothWays();
    for (const c of ['households', 'applications', 'payments'] as const) expect(await select(c, path.join(pq, `${c}.parquet`)), c).to.be.a('string');
  });

  it('load to the tables, rows, order, types and rejections the same records give as NDJSON', async () => {
    const { nd, pq } = await bothWays();
    const [a, b] = [await loadExport(nd), await loadExport(pq)];
    try {
      const [fromNdjson, fromParquet] = [await everything(a, nd), await everything(b, pq)];
      expect(fromParquet).to.deep.equal(fromNdjson);
      // Each kind of violation is among them, and the conforming records are in the tables.
      expect(b.rejected.map((r) => `${r.collection}:${r.line} ${r.errors.map((e) => `${e.path} ${e.keyword}`).join(', ')}`)).to.deep.equal([
        'applications:1 $.application_id duplicate-key',
        'applications:2 $.program enum',
        'applications:3 $.household_id required',
        'applications:4 $.region_code minLength',
        'applications:5 $.handled_by[1] type',
        'applications:6 $.monitoring_case since',
        'applications:9 $.decision.start_month pattern',
        'applications:10 $.decision.benefit_monthly maximum',
        'applications:11 $.income.standard_monthly required',
        'applications:12 $.income.counted[0].amount minimum',
        'applications:13 $.decision.result enum',
        'applications:15 $.application_id duplicate-key',
        'households:2 $.members[1] type',
        'households:3 $.members[0].relation enum',
        'households:4 $.members[0].disability_grade maximum',
        'households:5 $.members[0].disability_grade minimum',
        'households:6 $.members[0].person_id required',
        'households:8 $.members[0].name minLength',
        'households:9 $.region_code required',
        'households:10 $.vehicles[0].owner_person_id pattern',
        'households:12 $.members[0].birth_date pattern',
        'payments:2 $.amount decimals',
        'payments:4 $.paid_on pattern',
        'payments:5 $.paid_on pattern',
        'payments:6 $.program enum',
        'payments:7 $.month pattern',
        'payments:8 $.amount maximum',
        'payments:9 $.amount minimum',
        'payments:11 $.channel required',
        'payments:12 $.region_code minLength',
      ]);
      expect((fromParquet.tables.payments as { rows: string[] }).rows.map((r) => JSON.parse(r)._line)).to.deep.equal([1, 3, 10, 13]);
      expect(fromParquet.ids.map((r) => `${r.collection}:${r._line} ${r.path}`)).to.deep.equal([
        'applications:7 applicant_person_id',
        'applications:8 decision.covered_person_ids[0]',
        'households:7 members[0].person_id',
        'payments:10 person_id',
      ]);
    } finally {
      a.dataset.close();
      b.dataset.close();
    }
  });

  it('load the example export to the tables, rows, order and types its NDJSON gives', async () => {
    const example = path.join(__dirname, '..', '..', 'examples', 'naiman-2024');
    const out = folder();
    await writeParquetExport(example, out, { check: false });
    for (const file of fs.readdirSync(out).filter((f) => f.endsWith('.parquet'))) expect(await select(file.replace('.parquet', '') as CollectionName, path.join(out, file)), file).to.be.a('string');
    const [a, b] = [await loadExport(example), await loadExport(out)];
    try {
      expect(await everything(b, out)).to.deep.equal(await everything(a, example));
    } finally {
      a.dataset.close();
      b.dataset.close();
    }
  });

  it('reads money of a wider scale as DECIMAL(18,2) when it has two decimals', async () => {
    const { pq } = await bothWays();
    const loaded = await loadExport(pq);
    try {
      const rows = await loaded.dataset.all<{ amount: string; t: string }>(`SELECT amount::VARCHAR AS amount, typeof(amount) AS t FROM payments WHERE _line = 3`);
      expect(rows).to.deep.equal([{ amount: '300.10', t: 'DECIMAL(18,2)' }]);
    } finally {
      loaded.dataset.close();
    }
  });

  it('rejects a DATE whose year JSON cannot write as YYYY, as that text in NDJSON is', async () => {
    const dir = folder();
    const columns = Object.entries(contractColumns('payments')).map(([k, t]) => `${k === 'paid_on' ? `DATE '10000-01-01'` : k === 'person_id' ? 'NULL' : sqlString(String((payment('P1') as Record<string, unknown>)[k]))}::${t} AS ${k}`);
    await duck((run) => run(`COPY (SELECT ${columns.join(', ')}) TO ${sqlString(path.join(dir, 'payments.parquet'))} (FORMAT parquet)`));
    expect(await select('payments', path.join(dir, 'payments.parquet'))).to.be.a('string');
    const loaded = await loadExport(dir);
    loaded.dataset.close();
    expect(loaded.rejected.map((r) => r.errors.map((e) => `${r.line} ${e.path} ${e.keyword}`))).to.deep.equal([['1 $.paid_on pattern']]);
  });

  it('leaves a file with a column of another type to the JSON-text path: a BIGINT id, text money, DOUBLE money', async () => {
    for (const over of [{ payment_id: 'BIGINT' }, { amount: 'VARCHAR' }, { amount: 'DOUBLE' }, { paid_on: 'TIMESTAMP' }] as Record<string, string>[]) {
      const dir = folder();
      const file = await writeParquet(dir, 'payments', [payment('1')], { ...contractColumns('payments'), ...over });
      expect(await select('payments', file), JSON.stringify(over)).to.equal(undefined);
    }
  });

  // The loader takes a row's number from its position in the typed table: the statement must be
  // one DuckDB inserts in order (a join anywhere in it, an IN list planned as one, is not).
  it('loads every collection in an order-keeping insert', async () => {
    const dir = folder();
    const threads = process.env.JIUZHU_THREADS;
    delete process.env.JIUZHU_THREADS;
    const audit = await Dataset.open().finally(() => threads !== undefined && (process.env.JIUZHU_THREADS = threads));
    try {
      await audit.run('SET threads = 2');
      await audit.run('SET preserve_insertion_order = true');
      for (const c of COLLECTION_NAMES) {
        const file = path.join(dir, `${c}.parquet`);
        await audit.run(`COPY (SELECT ${Object.entries(contractColumns(c)).map(([k, t]) => `NULL::${t} AS "${k}"`).join(', ')} LIMIT 0) TO ${sqlString(file)} (FORMAT parquet)`);
        const probe = await audit.conn.run(`SELECT * FROM ${source(file)} LIMIT 0`);
        const sql = typedParquetSelect(c, file, probe.columnNames(), probe.columnTypes());
        expect(sql, c).to.be.a('string');
        const plan = await audit.all<{ explain_value: string }>(`EXPLAIN CREATE TABLE o_${c} AS ${sql}`);
        expect(plan.map((r) => r.explain_value).join('\n'), c).to.include('BATCH_CREATE_TABLE_AS');
      }
    } finally {
      audit.close();
    }
  });
});
