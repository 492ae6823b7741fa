import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { writeParquetExport } from '../../examples/parquet';
import { runCli } from '../../tests/support/cli';
import { exportFolders, ndjson, writeParquet } from '../../tests/support/export-folders';
import { loadProfile } from '../profile/load';
import { auditDataset } from '../run/audit';
import { sqlString } from '../dataset/sql';
import { InputError } from '../errors';
import { LoadedExport, loadExport } from './loader';

const member = (person_id: string, relation = 'head') => ({ person_id, name: '包乌力吉', birth_date: '1987-09-08', relation });
const payment = (payment_id: string, over: Record<string, unknown> = {}) => ({
  payment_id, application_id: 'A1', household_id: 'H1', program: 'dibao', region_code: '150525', month: '2024-03', amount: 300, paid_on: '2024-03-15', channel: 'bank', ...over,
});

// One export, both ways: each record is an NDJSON line and the same-numbered Parquet row.
const HOUSEHOLDS = [
  { household_id: 'H1', region_code: '150525100001', region_name: '镇区社区', area_type: 'urban', members: [member('152326198709082439'), { ...member('150525195603044716', 'parent'), disability_grade: 2 }] },
  { household_id: 'H2', region_code: '150525100001', region_name: '镇区社区', area_type: 'rural', members: [member('150525195705215344', 'cousin')] },
];
const PAYMENTS = [
  payment('P1'),
  payment('P2', { amount: 300.125 }),
  payment('P3', { program: 'bogus' }),
  payment('P4', { paid_on: '2023-02-29' }),
  { ...payment('P5'), household_id: undefined },
  payment('P1', { month: '2024-04' }),
  payment('P7', { household_id: 'H9' }),
  payment('P8', { amount: 99999999999 }),
  payment('P9', { person_id: '15252619870908243x' }),
];
/** How a warehouse might type the columns: money DECIMAL(18,3), dates as text, an extra audit column. */
const PAYMENT_COLUMNS = {
  payment_id: 'VARCHAR', application_id: 'VARCHAR', household_id: 'VARCHAR', person_id: 'VARCHAR', program: 'VARCHAR', region_code: 'VARCHAR',
  month: 'VARCHAR', amount: 'DECIMAL(18,3)', paid_on: 'VARCHAR', channel: 'VARCHAR', etl_loaded_at: 'TIMESTAMP',
};
const HOUSEHOLD_COLUMNS = {
  household_id: 'VARCHAR', region_code: 'VARCHAR', region_name: 'VARCHAR', area_type: 'VARCHAR',
  members: 'STRUCT(person_id VARCHAR, name VARCHAR, birth_date DATE, relation VARCHAR, serious_illness BOOLEAN, disability_grade INTEGER)[]',
};

const { folder, cleanup } = exportFolders('jiuzhu-parquet-');
after(cleanup);


async function bothWays(): Promise<{ nd: string; pq: string }> {
  const nd = folder();
  fs.writeFileSync(path.join(nd, 'households.ndjson'), ndjson(HOUSEHOLDS));
  fs.writeFileSync(path.join(nd, 'payments.ndjson'), ndjson(PAYMENTS));
  const pq = folder();
  await writeParquet(pq, 'households', HOUSEHOLDS, HOUSEHOLD_COLUMNS);
  await writeParquet(pq, 'payments', PAYMENTS, PAYMENT_COLUMNS);
  return { nd, pq };
}

/** A message with the folder and the file's kind taken out, and "row n" read as ":n", to compare NDJSON with Parquet. */
const withoutFolder = (s: string, dir: string) =>
  s.split(dir + path.sep).join('').replace(/\.(ndjson|parquet)\b/g, '.*').replace(/ 第(\d+)行 \(row \1\)/g, ':$1');

async function findings(loaded: LoadedExport, dir: string): Promise<string[]> {
  const results = await auditDataset(loaded, loadProfile('national'));
  return results.flatMap((r) => r.findings.map((f) => withoutFolder(`${f.rule} ${f.record.collection} ${f.record.id} ${f.record.file}:${f.record.line} ${f.message.en}`, dir))).sort();
}

async function expectInputError(promise: Promise<unknown>, pattern: RegExp): Promise<void> {
  const e = await promise.then(() => undefined, (x: unknown) => x);
  expect(e).to.be.instanceOf(InputError);
  expect((e as InputError).message).to.match(pattern);
}

describe('Parquet exports', function () {
  this.timeout(60_000);

  it('rejects the rows of a Parquet file as the NDJSON lines of the same export, row for line', async () => {
    const { nd, pq } = await bothWays();
    const [a, b] = [await loadExport(nd), await loadExport(pq)];
    try {
      const summary = (l: LoadedExport, dir: string) => l.rejected.map((r) => ({ ...r, file: withoutFolder(r.file, dir), errors: r.errors.map((e) => ({ ...e, zh: withoutFolder(e.zh, dir), en: withoutFolder(e.en, dir) })) }));
      expect(summary(b, pq)).to.deep.equal(summary(a, nd));
      expect(b.rejected.map((r) => `${r.collection}:${r.line} ${r.errors.map((e) => `${e.path} ${e.keyword}`).join(', ')}`)).to.deep.equal([
        'households:2 $.members[0].relation enum',
        'payments:1 $.payment_id duplicate-key',
        'payments:2 $.amount decimals',
        'payments:3 $.program enum',
        'payments:4 $.paid_on pattern',
        'payments:5 $.household_id required',
        'payments:6 $.payment_id duplicate-key',
        'payments:8 $.amount maximum',
      ]);
      expect(b.counts).to.deep.equal({ households: 2, payments: 9 });
    } finally {
      a.dataset.close();
      b.dataset.close();
    }
  });

  it('gives the same findings from Parquet as from NDJSON, references included', async () => {
    const { nd, pq } = await bothWays();
    const [a, b] = [await loadExport(nd), await loadExport(pq)];
    try {
      const fromParquet = await findings(b, pq);
      expect(fromParquet).to.deep.equal(await findings(a, nd));
      expect(fromParquet.some((f) => f.startsWith('CONTRACT-REFERENCE payments P7 payments.*:7'))).to.equal(true);
    } finally {
      a.dataset.close();
      b.dataset.close();
    }
  });

  it('says row, not line, where a message names another Parquet record', async () => {
    const { pq } = await bothWays();
    const loaded = await loadExport(pq);
    loaded.dataset.close();
    const dup = loaded.rejected.find((r) => r.line === 1)!.errors[0];
    expect(dup.zh).to.equal(`payment_id 与 ${path.join(pq, 'payments.parquet')} 第6行 (row 6) 的记录重复`);
    expect(dup.en).to.equal(`payment_id repeats that of the record at ${path.join(pq, 'payments.parquet')} 第6行 (row 6)`);
  });

  it('types Parquet records as the contract says: DATE dates, DECIMAL(18,2) money, NULL fields absent', async () => {
    const { pq } = await bothWays();
    const loaded = await loadExport(pq);
    try {
      const [p] = await loaded.dataset.all<{ amount: string; t: string; pid: string | null }>(`SELECT amount::VARCHAR AS amount, typeof(paid_on) AS t, person_id AS pid FROM payments WHERE _line = 7`);
      expect(p).to.deep.equal({ amount: '300.00', t: 'DATE', pid: null });
      const [h] = await loaded.dataset.all<{ grades: string }>(`SELECT list_transform(members, m -> m.disability_grade)::VARCHAR AS grades FROM households`);
      expect(h.grades).to.equal('[NULL, 2]');
    } finally {
      loaded.dataset.close();
    }
  });

  it('reads a lower-case x ending a resident ID in Parquet as X and reports it, as in NDJSON', async () => {
    const dir = folder();
    await writeParquet(dir, 'payments', [payment('P9', { person_id: '15252619870908243x' })], PAYMENT_COLUMNS);
    const loaded = await loadExport(dir);
    try {
      const [p] = await loaded.dataset.all<{ pid: string }>(`SELECT person_id AS pid FROM payments`);
      expect(p.pid).to.equal('15252619870908243X');
      expect((await findings(loaded, dir)).filter((f) => f.startsWith('CONTRACT-ID-CHECK'))).to.deep.equal(['CONTRACT-ID-CHECK payments P9 payments.*:1 person_id: the resident ID number ends in a lower-case x, read as X']);
    } finally {
      loaded.dataset.close();
    }
  });

  it('reads a folder mixing Parquet and NDJSON collections, references across them', async () => {
    const dir = folder();
    fs.writeFileSync(path.join(dir, 'households.ndjson'), ndjson(HOUSEHOLDS));
    await writeParquet(dir, 'payments', [payment('P1'), payment('P7', { household_id: 'H9' })], PAYMENT_COLUMNS);
    const loaded = await loadExport(dir);
    try {
      expect(loaded.counts).to.deep.equal({ households: 2, payments: 2 });
      const refs = (await findings(loaded, dir)).filter((f) => f.startsWith('CONTRACT-REFERENCE'));
      expect(refs).to.have.length(1);
      expect(refs[0]).to.match(/^CONTRACT-REFERENCE payments P7 payments\.\*:2 household_id refers to households "H9"/);
    } finally {
      loaded.dataset.close();
    }
  });

  it('rejects a NULL element of a Parquet list at its index, as a null in NDJSON is', async () => {
    const dir = folder();
    await writeParquet(dir, 'households', [{ ...HOUSEHOLDS[0], members: [member('152326198709082439'), null] }], HOUSEHOLD_COLUMNS);
    const loaded = await loadExport(dir);
    loaded.dataset.close();
    expect(loaded.rejected.map((r) => r.errors.map((e) => `${r.line} ${e.path} ${e.keyword}`))).to.deep.equal([['1 $.members[1] type']]);
  });

  it('stops the run when money is in a DOUBLE column, naming the column', async () => {
    const dir = folder();
    await writeParquet(dir, 'payments', [payment('P1', { amount: 0.1 })], { ...PAYMENT_COLUMNS, amount: 'DOUBLE' });
    await expectInputError(loadExport(dir), /payments\.parquet: 金额列 amount 是浮点类型 DOUBLE.*DECIMAL\(18,2\) 导出金额 \/ .*money column amount is floating point \(DOUBLE\)/);
  });

  it('stops the run on FLOAT money inside a nested record', async () => {
    const application = { application_id: 'A1', household_id: 'H1', program: 'dibao', applied_on: '2024-01-05', region_code: '150525', income: { monthly_per_capita: 120.5, standard_monthly: 700 } };
    const dir = folder();
    await writeParquet(dir, 'applications', [application], {
      application_id: 'VARCHAR', household_id: 'VARCHAR', program: 'VARCHAR', applied_on: 'DATE', region_code: 'VARCHAR', income: 'STRUCT(monthly_per_capita FLOAT, standard_monthly DECIMAL(18,2))',
    });
    await expectInputError(loadExport(dir), /金额列 income\.monthly_per_capita 是浮点类型 FLOAT/);
  });

  it('lets a DOUBLE money column through when it holds no value, each row then lacking the field', async () => {
    const dir = folder();
    await writeParquet(dir, 'payments', [{ ...payment('P1'), amount: undefined }], { ...PAYMENT_COLUMNS, amount: 'DOUBLE' });
    const loaded = await loadExport(dir);
    loaded.dataset.close();
    expect(loaded.rejected.map((r) => r.errors.map((e) => `${r.line} ${e.path} ${e.keyword}`))).to.deep.equal([['1 $.amount required']]);
  });

  it('judges a value of another type row by row, as JSON would: text money, a numeric key', async () => {
    const dir = folder();
    await writeParquet(dir, 'payments', [payment('1', { amount: '300.00' }), { ...payment('2'), amount: undefined }], { ...PAYMENT_COLUMNS, payment_id: 'BIGINT', amount: 'VARCHAR' });
    const loaded = await loadExport(dir);
    loaded.dataset.close();
    expect(loaded.rejected.map((r) => r.errors.map((e) => `${r.line} ${e.path} ${e.keyword}`))).to.deep.equal([
      ['1 $.payment_id type', '1 $.amount type'],
      ['2 $.amount required', '2 $.payment_id type'],
    ]);
  });

  it('accepts whole numbers in a DOUBLE integer column and rejects a fraction there', async () => {
    const dir = folder();
    const grades = [2, 2.5].map((g, i) => ({ ...HOUSEHOLDS[0], household_id: `H${i}`, members: [{ ...member('152326198709082439'), disability_grade: g }] }));
    await writeParquet(dir, 'households', grades, { ...HOUSEHOLD_COLUMNS, members: HOUSEHOLD_COLUMNS.members.replace('disability_grade INTEGER', 'disability_grade DOUBLE') });
    const loaded = await loadExport(dir);
    loaded.dataset.close();
    expect(loaded.rejected.map((r) => r.errors.map((e) => `${r.line} ${e.path} ${e.keyword}`))).to.deep.equal([['2 $.members[0].disability_grade type']]);
  });

  it('stops the run on a contract field of an unsupported type such as TIMESTAMP', async () => {
    const dir = folder();
    await writeParquet(dir, 'payments', [payment('P1')], { ...PAYMENT_COLUMNS, paid_on: 'TIMESTAMP' });
    await expectInputError(loadExport(dir), /列 paid_on 的类型 TIMESTAMP 不受支持/);
  });

  it('audits a Parquet folder from the command line, reports naming file and row', async () => {
    const { pq } = await bothWays();
    const out = folder();
    const r = await runCli('audit', pq, '--out', out);
    expect(r.code, r.stderr).to.equal(1);
    const md = fs.readFileSync(path.join(out, 'compliance.md'), 'utf8');
    expect(md).to.include(`${path.join(pq, 'payments.parquet')}:2`);
    expect(md).to.include(`${path.join(pq, 'households.parquet')}:2`);
  });

  it('stops the command with exit code 2 and one line each in Chinese and English on DOUBLE money', async () => {
    const dir = folder();
    await writeParquet(dir, 'payments', [payment('P1')], { ...PAYMENT_COLUMNS, amount: 'DOUBLE' });
    const r = await runCli('audit', dir, '--out', folder());
    expect(r.code).to.equal(2);
    expect(r.stderr.trim().split('\n')).to.have.length(2);
    expect(r.stderr).to.match(/金额列 amount 是浮点类型 DOUBLE[^\n]*\n.*money column amount is floating point/);
  });

  it('refuses a single Parquet file given as the export', async () => {
    const dir = folder();
    await writeParquet(dir, 'payments', [payment('P1')], PAYMENT_COLUMNS);
    await expectInputError(loadExport(path.join(dir, 'payments.parquet')), /Parquet 导出应为文件夹/);
  });

  it('refuses a file that is not Parquet, in one line', async () => {
    const dir = folder();
    fs.writeFileSync(path.join(dir, 'payments.parquet'), ndjson([payment('P1')]));
    await expectInputError(loadExport(dir), /payments\.parquet: 无法读取 Parquet 文件 \/ .*not a readable Parquet file/);
  });

  it('writes the example export as Parquet that audits to the same findings', async () => {
    const example = path.join(__dirname, '..', '..', 'examples', 'naiman-2024');
    const out = folder();
    await writeParquetExport(example, out);
    const [a, b] = [await loadExport(example), await loadExport(out)];
    try {
      const profile = loadProfile(a.meta.jurisdiction ?? 'national');
      const list = async (l: LoadedExport, dir: string) =>
        (await auditDataset(l, profile)).flatMap((r) => r.findings.map((f) => withoutFolder(`${f.rule} ${f.record.id} ${f.record.file}:${f.record.line} ${f.message.en}`, dir))).sort();
      const fromParquet = await list(b, out);
      expect(fromParquet).to.deep.equal(await list(a, example));
      expect(fromParquet).to.have.length.greaterThan(0);
      expect(b.counts).to.deep.equal(a.counts);
      const [{ amount, paid }] = await b.dataset.all<{ amount: string; paid: string }>(
        `SELECT typeof(amount) AS amount, typeof(paid_on) AS paid FROM read_parquet(${sqlString(path.join(out, 'payments.parquet'))}) LIMIT 1`,
      );
      expect({ amount, paid }).to.deep.equal({ amount: 'DECIMAL(18,2)', paid: 'DATE' });
    } finally {
      a.dataset.close();
      b.dataset.close();
    }
  });
});
