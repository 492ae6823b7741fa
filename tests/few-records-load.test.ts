// A JSON array of a few records (a spec scenario's, most fixtures') is loaded without the
// one-pass statement: every record gets the second look (ajv, then from_json). The tables and
// rejections must be those the one-pass path gives: every record of the fixture exports is
// loaded both ways and the two loads are compared table by table, column types and rows, and
// rejection by rejection.
import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { COLLECTION_NAMES, COLLECTIONS, CollectionName, SCHEMA_VERSION } from '../schemas/case-export';
import { SPEC_META } from '../engine/load/from-records';
import { discover } from '../engine/load/discover';
import { FEW_LINES, loadExport, LoadedExport } from '../engine/load/loader';
import { NORMALISED_IDS } from '../engine/load/person-ids';

const ROOT = path.resolve(__dirname, '..');
const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'exports');
const EXPORTS = fs.readdirSync(FIXTURES).sort().map((f) => path.join(FIXTURES, f));

function parsed(text: string): Record<string, unknown> | undefined {
  try {
    const v = JSON.parse(text);
    return v && typeof v === 'object' ? v : undefined;
  } catch {
    return undefined;
  }
}

/** JSON text without the whitespace between tokens (strings kept as written). */
function compact(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      out += ch;
      if (ch === '\\') out += text[++i];
      else if (ch === '"') inString = false;
    } else if (ch === '"') {
      inString = true;
      out += ch;
    } else if (!/\s/.test(ch)) out += ch;
  }
  return out;
}


/**
 * Every record of the fixture exports that JSON.parse reads (a line nothing reads stops a load,
 * see exactness.test.ts), one per primary key, dealt into exports of at most
 * FEW_LINES records per collection (the most the loader reads without the one-pass statement).
 * Each is written twice: as one JSON file, and as a folder of NDJSON files, one compact record
 * per line, record n on line n (which the one-pass path reads).
 */
function writeExports(dir: string): { file: string; folder: string }[] {
  const byCollection = new Map<CollectionName, Map<string, string>>();
  for (const exportPath of EXPORTS)
    for (const f of discover(exportPath).files)
      for (const text of f.texts ?? fs.readFileSync(f.file, 'utf8').split(/\r?\n/)) {
        const record = parsed(text);
        if (!record) continue;
        const key = String(record[COLLECTIONS[f.collection].key]);
        const records = byCollection.get(f.collection) ?? byCollection.set(f.collection, new Map()).get(f.collection)!;
        if (!records.has(key)) records.set(key, compact(text));
      }
  const meta = JSON.stringify({ ...SPEC_META, schema_version: SCHEMA_VERSION });
  const n = Math.max(...[...byCollection.values()].map((r) => Math.ceil(r.size / FEW_LINES)));
  return Array.from({ length: n }, (_, i) => {
    const chunk = [...byCollection].map(([c, records]) => [c, [...records.values()].slice(i * FEW_LINES, (i + 1) * FEW_LINES)] as const).filter(([, texts]) => texts.length);
    const file = path.join(dir, `export-${i}.json`);
    const folder = path.join(dir, `export-${i}`);
    fs.writeFileSync(file, `{"meta":${meta},${chunk.map(([c, texts]) => `"${c}":[${texts.join(',')}]`).join(',')}}`);
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'meta.json'), meta);
    for (const [c, texts] of chunk) fs.writeFileSync(path.join(folder, `${c}.ndjson`), texts.join('\n') + '\n');
    return { file, folder };
  });
}

/** Every table the loader made, as column types and rows in line order; the rejections with their place as a line. */
async function contents(loaded: LoadedExport): Promise<unknown> {
  const ds = loaded.dataset;
  const tables: Record<string, unknown> = {};
  for (const c of [...COLLECTION_NAMES.filter((c) => ds.has(c)), NORMALISED_IDS]) {
    const types = await ds.all(`SELECT column_name, column_type FROM (DESCRIBE ${c})`);
    const rows = await ds.all(`SELECT * FROM ${c} ORDER BY ALL`);
    tables[c] = { types, rows };
  }
  // Collections load in their files' order: a folder's sorted names, a JSON file's keys.
  const rejected = loaded.rejected.map(({ file, index, line, ...r }) => ({ ...r, line: line ?? index! + 1 })).sort((a, b) => a.collection.localeCompare(b.collection) || a.line - b.line);
  return { counts: Object.fromEntries(Object.entries(loaded.counts).sort()), tables, rejected };
}

describe('a few records load as the one-pass path loads them', function () {
  this.timeout(120_000);
  let tmp: string;
  let exports: { file: string; folder: string }[];
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuzhu-few-'));
    exports = writeExports(tmp);
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('every record of the fixture exports: the same tables, column types, rows and rejections as the same records written as NDJSON lines', async () => {
    let records = 0;
    for (const { file, folder } of exports) {
      const [array, lines] = [await loadExport(file), await loadExport(folder)];
      try {
        expect(await contents(array), path.basename(file)).to.deep.equal(await contents(lines));
        records += Object.values(array.counts).reduce((a, b) => a + (b ?? 0), 0);
      } finally {
        array.dataset.close();
        lines.dataset.close();
      }
    }
    expect(records).to.be.greaterThan(300);
  });
});
