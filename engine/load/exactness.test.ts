// No record is silently lost or changed on the way in: amounts are stored exactly as written
// or rejected with their path; repeated keys, unpaired surrogates and repeated primary keys
// are rejected records, never NULLs, last-wins values or a stopped run.
import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MONEY_MAX } from '../../schemas/case-export';
import { InputError } from '../errors';
import { loadExport, LoadedExport } from './loader';
import { NORMALISED_IDS } from './person-ids';

const META = { schema_version: '1.0', exported_at: '2024-12-31T18:00:00+08:00', source_system: 't', region_code: '150525', region_name: '奈曼旗', period: { from: '2024-01-01', to: '2024-12-31' } };
const PAYMENT = `"application_id":"A1","household_id":"H1","program":"dibao","region_code":"150525","month":"2024-03","paid_on":"2024-03-15","channel":"bank"`;
/** A payment line with the amount's text exactly as given. */
const payment = (id: string, amountText: string) => `{"payment_id":"${id}",${PAYMENT},"amount":${amountText}}`;
const member = (pid: string) => ({ person_id: pid, name: '甲', birth_date: '1980-01-01', relation: 'head' });
const household = (id: string, pid = '150525198001010016') => ({ household_id: id, region_code: '150525', region_name: '奈曼旗', area_type: 'rural', members: [member(pid)] });

const made: string[] = [];
const opened: LoadedExport[] = [];
after(() => {
  opened.forEach((l) => l.dataset.close());
  made.forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
});

async function load(files: Record<string, string>): Promise<LoadedExport> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuzhu-exact-'));
  made.push(dir);
  fs.writeFileSync(path.join(dir, 'meta.json'), JSON.stringify(META));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  const loaded = await loadExport(dir, { allowEmpty: true });
  opened.push(loaded);
  return loaded;
}

/** The same records as a single-file export whose arrays hold the given element texts. */
async function loadSingleFile(collections: Record<string, string[]>): Promise<LoadedExport> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuzhu-exact-'));
  made.push(dir);
  const body = Object.entries(collections).map(([c, texts]) => `"${c}": [\n  ${texts.join(',\n  ')}\n]`);
  fs.writeFileSync(path.join(dir, 'export.json'), `{"meta": ${JSON.stringify(META)},\n${body.join(',\n')}}`);
  const loaded = await loadExport(path.join(dir, 'export.json'), { allowEmpty: true });
  opened.push(loaded);
  return loaded;
}

const EDGE_AMOUNTS: [string, string][] = [
  ['0', '0.00'], ['0.01', '0.01'], ['0.1', '0.10'], ['99999.99', '99999.99'], ['12.340', '12.34'], ['650.07', '650.07'],
  ['1.5e3', '1500.00'], ['1E2', '100.00'], ['1234.5e-1', '123.45'], [String(MONEY_MAX), '9999999999.99'], ['9999999999.98', '9999999999.98'],
  ['0.29', '0.29'], ['1.15', '1.15'], ['4503599627.37', '4503599627.37'],
];

describe('amounts on the way in', () => {
  for (const shape of ['NDJSON folder', 'single JSON file'] as const)
    it(`stores every accepted amount exactly as its text says (${shape})`, async () => {
      const lines = EDGE_AMOUNTS.map(([text], i) => payment(`P${i}`, text));
      const loaded = shape === 'NDJSON folder' ? await load({ 'payments.ndjson': lines.join('\n') }) : await loadSingleFile({ payments: lines });
      expect(loaded.rejected).to.deep.equal([]);
      const rows = await loaded.dataset.all<{ payment_id: string; a: string }>(`SELECT payment_id, amount::VARCHAR AS a FROM payments ORDER BY _line`);
      expect(rows.map((r) => r.a)).to.deep.equal(EDGE_AMOUNTS.map(([, stored]) => stored));
    });

  const REJECTED: [string, string][] = [
    ['12.340000001', 'decimals'], ['0.30000000000000004', 'decimals'], ['12.3400000000000000001', 'decimals'], ['650.075', 'decimals'], ['1e-3', 'decimals'],
    ['1234567890123456.78', 'maximum'], ['9999999999999999.99', 'maximum'], ['1e20', 'maximum'], ['10000000000', 'maximum'], ['9999999999.991', 'maximum'], ['9999999999.989', 'decimals'],
  ];
  for (const shape of ['NDJSON folder', 'single JSON file'] as const)
    it(`rejects amounts it cannot hold exactly, with their path, never rounded or NULL (${shape})`, async () => {
      const lines = REJECTED.map(([text], i) => payment(`P${i}`, text));
      const loaded = shape === 'NDJSON folder' ? await load({ 'payments.ndjson': lines.join('\n') }) : await loadSingleFile({ payments: lines });
      expect(loaded.rejected.map((r) => [r.id, r.errors.map((e) => `${e.path} ${e.keyword}`)])).to.deep.equal(REJECTED.map(([, k], i) => [`P${i}`, [`$.amount ${k}`]]));
      expect(loaded.dataset.count('payments')).to.equal(0);
    });

  it('rejects a third decimal in a nested amount', async () => {
    const loaded = await load({ 'fraud_cases.ndjson': JSON.stringify({ case_id: 'F1', household_id: 'H1', person_ids: [], stage: 'in_receipt', amount: 10, circumstances: [], found_on: '2024-05-01' }).replace('"amount":10', '"amount":10.001') });
    expect(loaded.rejected[0].errors).to.deep.include({ path: '$.amount', keyword: 'decimals', zh: '金额最多两位小数(不作舍入)', en: 'money has at most two decimals (never rounded)' });
  });
});

describe('repeated keys and invalid text', () => {
  it('rejects a record with the same key twice, naming the path, whichever value comes first', async () => {
    const lines = [payment('P1', '5.00').replace('"amount":5.00', '"amount":"x","amount":5.00'), payment('P2', '5.00').replace('"amount":5.00', '"amount":5.00,"amount":"x"')];
    for (const loaded of [await load({ 'payments.ndjson': lines.join('\n') }), await loadSingleFile({ payments: lines })]) {
      expect(loaded.rejected.map((r) => r.id)).to.deep.equal(['P1', 'P2']);
      for (const r of loaded.rejected) expect(r.errors.map((e) => `${e.path} ${e.keyword}`)).to.include('$.amount duplicate-property');
      expect(loaded.dataset.count('payments')).to.equal(0);
    }
  });

  it('rejects a repeated key inside a nested object', async () => {
    const h = JSON.stringify(household('H1')).replace('"name":"甲"', '"name":"甲","name":"乙"');
    const loaded = await load({ 'households.ndjson': h });
    expect(loaded.rejected[0].errors.map((e) => `${e.path} ${e.keyword}`)).to.deep.equal(['$.members[0].name duplicate-property']);
  });

  it('makes an unpaired surrogate one rejected record, and loads the rest', async () => {
    const bad = JSON.stringify(household('H2')).replace('"name":"甲"', '"name":"\\ud800"');
    const loaded = await load({ 'households.ndjson': [JSON.stringify(household('H1')), bad, JSON.stringify(household('H3'))].join('\n') });
    expect(loaded.rejected).to.have.length(1);
    expect(loaded.rejected[0]).to.deep.include({ line: 2, id: 'H2' });
    expect(loaded.rejected[0].errors.map((e) => `${e.path} ${e.keyword}`)).to.deep.equal(['$.members[0].name unicode']);
    expect((await loaded.dataset.all<{ household_id: string }>('SELECT household_id FROM households ORDER BY _line')).map((r) => r.household_id)).to.deep.equal(['H1', 'H3']);
  });

  it('numbers the lines of a file holding a line of spaces, which the parse cannot read, as any other', async () => {
    const loaded = await load({ 'households.ndjson': [JSON.stringify(household('H1')), '   ', '', JSON.stringify({ ...household('H2'), area_type: 'town' }), JSON.stringify(household('H3'))].join('\n') });
    expect(loaded.rejected.map((r) => [r.line, r.id])).to.deep.equal([[4, 'H2']]);
    expect(await loaded.dataset.all('SELECT _line, household_id FROM households')).to.deep.equal([{ _line: 1, household_id: 'H1' }, { _line: 5, household_id: 'H3' }]);
  });

  it('stops on a file that is not UTF-8 while the other files are being parsed, naming it', async () => {
    const bad = Buffer.concat([Buffer.from('{"household_id":"H2","region_name":"'), Buffer.from([0xb0, 0xa1]), Buffer.from('"}\n')]);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuzhu-exact-'));
    made.push(dir);
    fs.writeFileSync(path.join(dir, 'meta.json'), JSON.stringify(META));
    fs.writeFileSync(path.join(dir, 'payments.ndjson'), payment('P1', '1.00'));
    fs.writeFileSync(path.join(dir, 'households.ndjson'), bad);
    await loadExport(dir).then(
      () => expect.fail('loaded'),
      (e) => expect(e).to.be.instanceOf(InputError).and.have.property('message').that.matches(/households\.ndjson:1: 不是 UTF-8 编码/),
    );
  });

  it('still stops on malformed JSON, naming file and line', async () => {
    await load({ 'households.ndjson': [JSON.stringify(household('H1')), '{"household_id": "H2",'].join('\n') }).then(
      () => expect.fail('loaded'),
      (e) => expect(e).to.be.instanceOf(InputError).and.have.property('message').that.matches(/households\.ndjson:2: JSON 格式错误/),
    );
  });

  it('stops on a file that is not UTF-8, naming file and line, in either format', async () => {
    const bad = Buffer.concat([Buffer.from(JSON.stringify(household('H1')) + '\n'), Buffer.from('{"household_id":"H2","region_name":"'), Buffer.from([0xb0, 0xa1]), Buffer.from('"}\n')]);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuzhu-exact-'));
    made.push(dir);
    fs.writeFileSync(path.join(dir, 'meta.json'), JSON.stringify(META));
    fs.writeFileSync(path.join(dir, 'households.ndjson'), bad);
    await loadExport(dir).then(
      () => expect.fail('loaded'),
      (e) => expect(e).to.be.instanceOf(InputError).and.have.property('message').that.matches(/households\.ndjson:2: 不是 UTF-8 编码/),
    );
    fs.rmSync(path.join(dir, 'households.ndjson'));
    fs.writeFileSync(path.join(dir, 'households.json'), Buffer.concat([Buffer.from('[\n'), bad.subarray(0, bad.indexOf('\n')), Buffer.from(',\n'), bad.subarray(bad.indexOf('\n') + 1), Buffer.from(']')]));
    await loadExport(dir).then(
      () => expect.fail('loaded'),
      (e) => expect(e).to.be.instanceOf(InputError).and.have.property('message').that.matches(/households\.json:3: 不是 UTF-8 编码/),
    );
  });

  it('keeps the parsed value of a rejected record for the rules that follow its references', async () => {
    const loaded = await load({ 'payments.ndjson': payment('P1', '1.001') });
    expect(loaded.rejected[0].record).to.deep.include({ payment_id: 'P1', application_id: 'A1' });
  });
});

describe('a single-file export read as written', () => {
  it('cuts a pretty-printed array into its records, by index', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuzhu-exact-'));
    made.push(dir);
    const doc = { meta: META, households: [household('H1'), { ...household('H2'), area_type: 'town' }, household('H3')] };
    fs.writeFileSync(path.join(dir, 'export.json'), JSON.stringify(doc, null, 2).replace('"H2"', '"H2" '));
    const loaded = await loadExport(path.join(dir, 'export.json'));
    opened.push(loaded);
    expect(loaded.rejected.map((r) => [r.index, r.id])).to.deep.equal([[1, 'H2']]);
    expect(await loaded.dataset.all('SELECT household_id, _line FROM households ORDER BY _line')).to.deep.equal([{ household_id: 'H1', _line: 1 }, { household_id: 'H3', _line: 3 }]);
  });

  it('refuses a collection given twice at the top level', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuzhu-exact-'));
    made.push(dir);
    fs.writeFileSync(path.join(dir, 'export.json'), `{"meta": ${JSON.stringify(META)}, "deaths": [], "deaths": []}`);
    await loadExport(path.join(dir, 'export.json'), { allowEmpty: true }).then(
      () => expect.fail('loaded'),
      (e) => expect(e).to.be.instanceOf(InputError).and.have.property('message').that.includes('top-level key "deaths" appears more than once'),
    );
  });
});

describe('a repeated key in meta', () => {
  it('stops the run naming the field, in either shape', async () => {
    const metaText = JSON.stringify(META).replace('"region_name":"奈曼旗"', '"region_name":"奈曼旗","region_name":"别处"');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuzhu-exact-'));
    made.push(dir);
    fs.mkdirSync(path.join(dir, 'folder'));
    fs.writeFileSync(path.join(dir, 'folder', 'meta.json'), metaText);
    fs.writeFileSync(path.join(dir, 'export.json'), `{"meta": ${metaText}, "deaths": []}`);
    for (const where of [path.join(dir, 'folder'), path.join(dir, 'export.json')])
      await loadExport(where, { allowEmpty: true }).then(
        () => expect.fail('loaded'),
        (e) => expect(e).to.be.instanceOf(InputError).and.have.property('message').that.includes('meta.region_name'),
      );
  });
});

describe('repeated primary keys', () => {
  it('rejects every copy in an NDJSON file, each naming the other lines', async () => {
    const loaded = await load({ 'households.ndjson': [household('H1'), household('H2'), household('H1'), household('H1')].map((h) => JSON.stringify(h)).join('\n') });
    expect(loaded.rejected.map((r) => [r.line, r.id, r.errors.map((e) => e.keyword)])).to.deep.equal([[1, 'H1', ['duplicate-key']], [3, 'H1', ['duplicate-key']], [4, 'H1', ['duplicate-key']]]);
    expect(loaded.rejected[0].errors[0].en).to.match(/households\.ndjson:3, .*households\.ndjson:4$/);
    expect(loaded.rejected[1].errors[0].en).to.match(/households\.ndjson:1, .*households\.ndjson:4$/);
    expect(loaded.rejected[0].record).to.deep.include({ household_id: 'H1' });
    expect(loaded.counts.households).to.equal(4);
    expect((await loaded.dataset.all<{ household_id: string }>('SELECT household_id FROM households')).map((r) => r.household_id)).to.deep.equal(['H2']);
  });

  it('rejects every copy in a JSON array, naming the other index', async () => {
    const loaded = await loadSingleFile({ households: [household('H1'), household('H1')].map((h) => JSON.stringify(h)) });
    expect(loaded.rejected.map((r) => r.index)).to.deep.equal([0, 1]);
    expect(loaded.rejected[0].errors[0].en).to.match(/export\.json\[1\]$/);
    expect(loaded.dataset.count('households')).to.equal(0);
  });

  it('rejects the valid copy of a key whose other copy was already rejected', async () => {
    const loaded = await load({ 'households.ndjson': [household('H1'), { ...household('H1'), area_type: 'town' }].map((h) => JSON.stringify(h)).join('\n') });
    expect(loaded.rejected.map((r) => [r.line, r.errors.map((e) => e.keyword)])).to.deep.equal([[1, ['duplicate-key']], [2, ['enum', 'duplicate-key']]]);
    expect(loaded.dataset.count('households')).to.equal(0);
  });
});

describe('lower-case x in resident IDs', () => {
  it('reads it as X and records where, so the household stays in the audit', async () => {
    const h = { ...household('H1', '11010519491231002x'), vehicles: [{ owner_person_id: '11010519491231002x' }] };
    const loaded = await load({ 'households.ndjson': JSON.stringify(h) });
    expect(loaded.rejected).to.deep.equal([]);
    const [row] = await loaded.dataset.all<{ p: string; o: string }>(`SELECT members[1].person_id AS p, vehicles[1].owner_person_id AS o FROM households`);
    expect(row).to.deep.equal({ p: '11010519491231002X', o: '11010519491231002X' });
    const logged = await loaded.dataset.all(`SELECT collection, _line, id, path FROM ${NORMALISED_IDS} ORDER BY path`);
    expect(logged).to.deep.equal([
      { collection: 'households', _line: 1, id: 'H1', path: 'members[0].person_id' },
      { collection: 'households', _line: 1, id: 'H1', path: 'vehicles[0].owner_person_id' },
    ]);
  });
});

describe('lines the one pass finds suspect', () => {
  it('loads a valid line written with spaces, an extra field or an escape exactly as a plain one, in line order', async () => {
    const lines = [
      payment('P1', '1.50'),
      payment('P2', '2.50').replace('"amount":', '"amount": ').replace('{', '{ '),
      payment('P3', '3.50').replace('"channel":"bank"', '"channel":"bank","note":"x"'),
      payment('P4', '4.50').replace('"A1"', '"\\u0041\\"1"'),
      payment('P5', '5.50'),
    ];
    const loaded = await load({ 'payments.ndjson': lines.join('\n') });
    expect(loaded.rejected).to.deep.equal([]);
    const rows = await loaded.dataset.all<{ payment_id: string; application_id: string; a: string }>(`SELECT payment_id, application_id, amount::VARCHAR AS a, _line FROM payments`);
    expect(rows).to.deep.equal([
      { payment_id: 'P1', application_id: 'A1', a: '1.50', _line: 1 },
      { payment_id: 'P2', application_id: 'A1', a: '2.50', _line: 2 },
      { payment_id: 'P3', application_id: 'A1', a: '3.50', _line: 3 },
      { payment_id: 'P4', application_id: 'A"1', a: '4.50', _line: 4 },
      { payment_id: 'P5', application_id: 'A1', a: '5.50', _line: 5 },
    ]);
  });

  it('narrows thousands of suspect lines with the SQL checks, rejecting only the bad one', async () => {
    // Every line has a space after a colon (valid, but not the compact form the one pass expects).
    const lines = Array.from({ length: 2500 }, (_, i) => payment(`P${i}`, i === 1234 ? '1.001' : '7.25').replace('"amount":', '"amount": '));
    const loaded = await load({ 'payments.ndjson': lines.join('\n') });
    expect(loaded.rejected.map((r) => [r.line, r.id, r.errors.map((e) => `${e.path} ${e.keyword}`)])).to.deep.equal([[1235, 'P1234', ['$.amount decimals']]]);
    const [{ n, total, ordered }] = await loaded.dataset.all<{ n: number; total: string; ordered: boolean }>(
      `SELECT count(*)::INTEGER AS n, sum(amount)::VARCHAR AS total, bool_and(_line > prev) AS ordered FROM (SELECT amount, _line, lag(_line, 1, 0) OVER () AS prev FROM payments)`,
    );
    expect({ n, total, ordered }).to.deep.equal({ n: 2499, total: (2499 * 7.25).toFixed(2), ordered: true });
  });
});
