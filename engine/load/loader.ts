// Loads an export into the dataset. Every record ends up in exactly one place: its
// collection's table (audited) or the rejected list (CONTRACT-INVALID, with file, line or
// index, record id, JSON path and reason). Validation runs as SQL inside DuckDB so it
// keeps pace at millions of records; ajv explains the lines the SQL flagged.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import schema from '../../schemas/case-export.schema.json';
import { COLLECTIONS, CollectionName, defName, MetaT } from '../../schemas/case-export';
import { Dataset, RejectedRecord } from '../dataset/dataset';
import { sqlString } from '../dataset/sql';
import { InputError } from '../errors';
import { CollectionFile, discover, DiscoveredExport } from './discover';
import { jsonStructure } from './duck-types';
import { flagViolations } from './sql-validator';
import { validateRecord } from './validator';

export type { RejectedRecord };

export interface LoadedExport {
  path: string;
  shape: 'file' | 'folder';
  meta: MetaT;
  dataset: Dataset;
  counts: Partial<Record<CollectionName, number>>;
  rejected: RejectedRecord[];
}

export interface LoadOptions {
  db?: string;
  allowEmpty?: boolean;
  onProgress?: (message: string) => void;
}


export async function loadExport(exportPath: string, options: LoadOptions = {}): Promise<LoadedExport> {
  return loadDiscovered(discover(exportPath), options);
}

export async function loadDiscovered(found: DiscoveredExport, options: LoadOptions = {}): Promise<LoadedExport> {
  if (options.db && fs.existsSync(options.db)) throw new InputError(`--db 文件已存在: ${options.db}`, `--db file already exists: ${options.db}`);
  const dataset = await Dataset.open(options.db);
  dataset.meta = found.meta;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuzhu-'));
  try {
    await dataset.run(`SET preserve_insertion_order = true`);
    const rejected: RejectedRecord[] = [];
    const counts: Partial<Record<CollectionName, number>> = {};
    for (const f of found.files) {
      const source = f.format === 'array' ? writeArrayAsNdjson(f, tmp) : f.file;
      const result = await loadCollection(dataset, f, source);
      rejected.push(...result.rejected);
      dataset.rejected.push(...result.rejected);
      counts[f.collection] = result.records;
      dataset.sources.set(f.collection, { collection: f.collection, file: f.file, position: f.format === 'array' ? 'index' : 'line', records: result.records, rejected: result.rejected.length });
      options.onProgress?.(`${f.collection}: ${result.records} 条 records, ${result.rejected.length} 条不合契约 rejected`);
    }
    const total = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
    if (total === 0 && !options.allowEmpty) {
      dataset.close();
      throw new InputError(`${found.path}: 导出数据中没有任何记录(空运行不算通过;如确需,请加 --allow-empty)`, `${found.path}: the export holds no records (an empty run is never a pass; use --allow-empty to accept it)`);
    }
    return { path: found.path, shape: found.shape, meta: found.meta, dataset, counts, rejected };
  } catch (e) {
    if (!(e instanceof InputError)) dataset.close();
    throw e;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

// JSON arrays (small by construction: they were parsed whole) go through the same NDJSON
// path as folder exports; line n of the temporary file is array index n-1.
function writeArrayAsNdjson(f: CollectionFile, tmp: string): string {
  const out = path.join(tmp, `${f.collection}.ndjson`);
  fs.writeFileSync(out, (f.records ?? []).map((r) => JSON.stringify(r) + '\n').join(''));
  return out;
}

async function insertLines(ds: Dataset, table: string, lines: number[]): Promise<void> {
  for (let i = 0; i < lines.length; i += 10_000) await ds.run(`INSERT INTO ${table} VALUES (${lines.slice(i, i + 10_000).join('),(')})`);
}

async function loadCollection(ds: Dataset, f: CollectionFile, source: string) {
  const c = f.collection;
  const raw = `raw_${c}`;
  // One VARCHAR column per line: chr(1) never occurs unescaped in JSON text, so no line is split.
  // rowid follows file order (insertion order is preserved), so rowid + 1 is the line number.
  await ds.run(
    `CREATE TEMP TABLE ${raw} AS SELECT j FROM read_csv(${sqlString(source)}, columns = {'j': 'VARCHAR'}, delim = chr(1), quote = '', escape = '', header = false, auto_detect = false, strict_mode = false, max_line_size = 8388608, buffer_size = 33554432)`,
  );
  await ds.run(`CREATE TEMP VIEW v_${raw} AS SELECT CAST(rowid + 1 AS INTEGER) AS _line, j FROM ${raw} WHERE j IS NOT NULL AND (length(j) > 8 OR trim(j) <> '')`);
  const malformed = async (line?: number): Promise<never> => {
    const at = line ?? (await ds.all<{ _line: number }>(`SELECT _line FROM v_${raw} WHERE NOT json_valid(j) ORDER BY _line LIMIT 1`))[0]?._line;
    const where = at === undefined ? '' : f.format === 'array' ? `[${at - 1}]` : `:${at}`;
    throw new InputError(`${f.file}${where}: JSON 格式错误`, `${f.file}${where}: malformed JSON`);
  };
  // Malformed JSON is rare: rather than a validity pass over every line, the parse that
  // validation does anyway fails, and only then is the first bad line looked up.
  const lines = await flagViolations(ds, schema, defName(c), `v_${raw}`, `chk_${c}`).catch(async (e: Error) =>
    /malformed JSON/i.test(e.message) ? malformed() : Promise.reject(e),
  );
  await ds.run(`CREATE TEMP TABLE flagged_${c} (_line INTEGER)`);
  await insertLines(ds, `flagged_${c}`, lines);
  const flagged = await ds.all<{ _line: number; j: string }>(`SELECT v._line, v.j FROM v_${raw} v JOIN flagged_${c} USING (_line) ORDER BY v._line`);
  await ds.run(`DROP TABLE flagged_${c}`);
  const rejected: RejectedRecord[] = [];
  const keyField = COLLECTIONS[c].key;
  for (const row of flagged) {
    let record: any;
    try {
      record = JSON.parse(row.j);
    } catch {
      await malformed(row._line);
    }
    const errors = validateRecord(c, record);
    // ajv is the authority on meaning; the SQL pass only has to find every candidate.
    if (!errors.length) continue;
    const id = record && typeof record === 'object' && typeof record[keyField] === 'string' ? record[keyField] : undefined;
    rejected.push({ collection: c, file: f.file, ...(f.format === 'array' ? { index: row._line - 1 } : { line: row._line }), id, record, errors });
  }
  await ds.run(`CREATE TEMP TABLE rejected_${c} (_line INTEGER)`);
  await insertLines(ds, `rejected_${c}`, rejected.map((r) => r.line ?? (r.index as number) + 1));
  const structure = JSON.stringify(jsonStructure(schema, { $ref: `#/$defs/${defName(c)}` }));
  await ds.run(
    `CREATE TABLE ${c} AS SELECT _line, unnest(from_json(j, ${sqlString(structure)})) FROM v_${raw} WHERE _line NOT IN (SELECT _line FROM rejected_${c})`,
  );
  await ds.run(`DROP VIEW v_${raw}`);
  await ds.run(`DROP TABLE ${raw}`);
  await ds.run(`DROP TABLE rejected_${c}`);
  // Every record is in the table or among the rejected: counting both is counting the file.
  const [{ n }] = await ds.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${c}`);
  return { records: n + rejected.length, rejected };
}
