// A JSON array of a few records (a spec scenario's, most fixtures') is loaded without the
// one-pass statement: every record gets the second look (ajv, then from_json). The tables and
// rejections must be those the one-pass path gives, so each single-file fixture export is also
// written as an NDJSON folder, one compact record per line (which the one-pass path reads), and
// the two loads are compared table by table, column types and rows, and rejection by rejection.
import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { COLLECTION_NAMES } from '../schemas/case-export';
import { discover } from '../engine/load/discover';
import { loadExport, LoadedExport } from '../engine/load/loader';
import { NORMALISED_IDS } from '../engine/load/person-ids';

const ROOT = path.resolve(__dirname, '..');
const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'exports');
const SINGLE_FILES = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.json')).sort();

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

/** The export as a folder: meta.json and one NDJSON file per collection, record n on line n. */
function asNdjsonFolder(file: string, dir: string): void {
  const found = discover(file);
  fs.writeFileSync(path.join(dir, 'meta.json'), JSON.stringify(JSON.parse(fs.readFileSync(file, 'utf8')).meta));
  for (const f of found.files) fs.writeFileSync(path.join(dir, `${f.collection}.ndjson`), (f.texts ?? []).map(compact).join('\n') + '\n');
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
  const rejected = loaded.rejected.map(({ file, index, line, ...r }) => ({ ...r, line: line ?? index! + 1 }));
  return { counts: loaded.counts, tables, rejected };
}

describe('a few records load as the one-pass path loads them', function () {
  this.timeout(120_000);
  let tmp: string;
  before(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuzhu-few-'))));
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('the fixtures hold single-file exports with arrays of a few records and of more', () => {
    const sizes = SINGLE_FILES.flatMap((f) => discover(path.join(FIXTURES, f)).files.map((c) => c.texts?.length ?? 0));
    expect(sizes.some((n) => n > 0 && n <= 64)).to.equal(true);
    expect(sizes.some((n) => n > 64)).to.equal(true);
  });

  for (const name of SINGLE_FILES)
    it(`${name}: the same tables, column types, rows and rejections as its records written as NDJSON lines`, async () => {
      const file = path.join(FIXTURES, name);
      const dir = path.join(tmp, name.replace(/\.json$/, ''));
      fs.mkdirSync(dir);
      asNdjsonFolder(file, dir);
      const [array, lines] = [await loadExport(file, { allowEmpty: true }), await loadExport(dir, { allowEmpty: true })];
      try {
        expect(await contents(array)).to.deep.equal(await contents(lines));
      } finally {
        array.dataset.close();
        lines.dataset.close();
      }
    });
});
