import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Dataset } from '../dataset/dataset';
import { InputError } from '../errors';
import { loadExport } from './loader';

const META = { schema_version: '1.0', exported_at: '2024-12-31T18:00:00+08:00', source_system: 't', region_code: '150525', region_name: '奈曼旗', period: { from: '2024-01-01', to: '2024-12-31' } };
const death = (pid: string) => ({ person_id: pid, died_on: '2024-05-01', source: 'funeral' });

const made: string[] = [];
after(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function folder(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuzhu-load-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('loadExport', () => {
  it('gives DuckDB back the threads it had once the files are parsed (they parse on one thread each)', async () => {
    // As an audit runs: test processes pin DuckDB to one thread (JIUZHU_THREADS=1), which the load leaves alone.
    const pinned = process.env.JIUZHU_THREADS;
    delete process.env.JIUZHU_THREADS;
    try {
      const fresh = await Dataset.open();
      const [{ t: before }] = await fresh.all<{ t: string }>(`SELECT current_setting('threads')::VARCHAR AS t`);
      fresh.close();
      const loaded = await loadExport(folder({ 'meta.json': JSON.stringify(META), 'deaths.ndjson': `${JSON.stringify(death('150525197503010112'))}\n` }));
      const [{ t: after }] = await loaded.dataset.all<{ t: string }>(`SELECT current_setting('threads')::VARCHAR AS t`);
      loaded.dataset.close();
      expect(after).to.equal(before);
    } finally {
      if (pinned !== undefined) process.env.JIUZHU_THREADS = pinned;
    }
  });

  it('numbers NDJSON records by their line in the file, skipping blank lines', async () => {
    const dir = folder({ 'meta.json': JSON.stringify(META), 'deaths.ndjson': `${JSON.stringify(death('150525197503010112'))}\n\n${JSON.stringify({ ...death('150525196007150218'), source: 'rumour' })}\n` });
    const loaded = await loadExport(dir);
    expect(loaded.counts.deaths).to.equal(2);
    expect(loaded.rejected).to.have.length(1);
    expect(loaded.rejected[0]).to.deep.include({ collection: 'deaths', line: 3, id: '150525196007150218' });
    expect(loaded.rejected[0].errors[0]).to.deep.include({ path: '$.source', keyword: 'enum' });
    const rows = await loaded.dataset.all<{ _line: number }>('SELECT _line FROM deaths');
    expect(rows.map((r) => r._line)).to.deep.equal([1]);
    loaded.dataset.close();
  });

  it('gives records of a JSON array their index', async () => {
    const dir = folder({ 'meta.json': JSON.stringify(META), 'deaths.json': JSON.stringify([death('150525197503010112'), { person_id: 'x' }]) });
    const loaded = await loadExport(dir);
    expect(loaded.rejected[0]).to.deep.include({ index: 1 });
    expect(loaded.dataset.locate('deaths', '150525197503010112', 1)).to.deep.include({ index: 0 });
    loaded.dataset.close();
  });

  it('reads a single-file export with a byte-order mark', async () => {
    const dir = folder({ 'export.json': '\ufeff' + JSON.stringify({ meta: META, deaths: [death('150525197503010112')] }) });
    const loaded = await loadExport(path.join(dir, 'export.json'));
    expect(loaded.shape).to.equal('file');
    expect(loaded.counts).to.deep.equal({ deaths: 1 });
    loaded.dataset.close();
  });

  it('types dates as DATE and money as exact decimals', async () => {
    const payment = { payment_id: 'P1', application_id: 'A1', household_id: 'H1', program: 'dibao', region_code: '150525', month: '2024-03', amount: 0.1, paid_on: '2024-03-15', channel: 'bank' };
    const dir = folder({ 'meta.json': JSON.stringify(META), 'payments.ndjson': [0.1, 0.2].map((amount, i) => JSON.stringify({ ...payment, payment_id: `P${i}`, amount })).join('\n') });
    const loaded = await loadExport(dir);
    const [{ total, t }] = await loaded.dataset.all<{ total: string; t: string }>(`SELECT sum(amount)::VARCHAR AS total, any_value(typeof(paid_on)) AS t FROM payments`);
    expect(total).to.equal('0.30');
    expect(t).to.equal('DATE');
    loaded.dataset.close();
  });

  it('refuses two files for one collection', async () => {
    const dir = folder({ 'meta.json': JSON.stringify(META), 'deaths.ndjson': '', 'deaths.jsonl': '' });
    await loadExport(dir).then(
      () => expect.fail('loaded'),
      (e) => expect(e).to.be.instanceOf(InputError).and.have.property('message').that.includes('two files'),
    );
  });

  it('refuses invalid meta, naming the field', async () => {
    const dir = folder({ 'meta.json': JSON.stringify({ ...META, region_code: '15' }) });
    await loadExport(dir).then(
      () => expect.fail('loaded'),
      (e) => expect(e.message).to.include('meta field meta.region_code'),
    );
  });

  it('refuses a folder without meta.json', async () => {
    await loadExport(folder({ 'deaths.ndjson': '' })).then(
      () => expect.fail('loaded'),
      (e) => expect(e.message).to.include('has no meta.json'),
    );
  });

  it('ignores hidden files and files that are not data', async () => {
    const dir = folder({ 'meta.json': JSON.stringify(META), '.bench-complete': '{}', 'README.md': '#', 'deaths.ndjson': JSON.stringify(death('150525197503010112')) });
    const loaded = await loadExport(dir);
    expect(loaded.counts).to.deep.equal({ deaths: 1 });
    loaded.dataset.close();
  });
});
