// Loads an export into the dataset. Every record ends up in exactly one place: its
// collection's table (audited) or the rejected list (CONTRACT-INVALID, with file, line or
// index, record id, JSON path and reason). Validation runs as SQL inside DuckDB so it
// keeps pace at millions of records; ajv explains the lines the SQL flagged.
import fs from 'node:fs';
import schema from '../../schemas/case-export.schema.json';
import { COLLECTIONS, CollectionName, defName, MetaT } from '../../schemas/case-export';
import { Dataset, RejectedRecord } from '../dataset/dataset';
import { sqlString } from '../dataset/sql';
import { InputError } from '../errors';
import { CollectionFile, discover, DiscoveredExport } from './discover';
import { columnsOf, jsonStructure } from './duck-types';
import { readParquet, rowAt } from './parquet';
import { loadTypedParquet, splitSuspects } from './parquet-typed';
import { ScannedRecord, scanRecord } from './json-text';
import { holdsPersonIds, NORMALISED_IDS, PERSON_ID_PATHS, personIdsAt } from './person-ids';
import { keyOrders, onePass, onePassLinesSelect, onePassSelect } from './one-pass';
import { flagViolations, ident } from './sql-validator';
import { FieldError, validateRecord } from './validator';
import { checkCollectionVersions, rejectNewerFields } from './versions';

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
  /** DuckDB's memory_limit for this load and audit (e.g. '1.5GB'). */
  memoryLimit?: string;
  allowEmpty?: boolean;
  onProgress?: (message: string) => void;
  /** Load into a database attached to the process's shared instance (see Dataset.attached). */
  attached?: boolean;
  /**
   * Called once every NDJSON file's parse has been handed to DuckDB: from then on, work that keeps
   * this thread busy (an audit loads Cucumber) no longer holds back the parses' start.
   */
  onStarted?: () => void;
}


export async function loadExport(exportPath: string, options: LoadOptions = {}): Promise<LoadedExport> {
  return loadDiscovered(discover(exportPath), options);
}

export async function loadDiscovered(found: DiscoveredExport, options: LoadOptions = {}): Promise<LoadedExport> {
  checkCollectionVersions(found);
  if (options.db && fs.existsSync(options.db)) throw new InputError(`--db 文件已存在: ${options.db}`, `--db file already exists: ${options.db}`);
  const dataset = options.attached && !options.db ? await Dataset.attached() : await Dataset.open(options.db, options.memoryLimit);
  dataset.meta = found.meta;
  const parses = new Map<CollectionFile, Promise<boolean>>();
  let threadsBack: Promise<unknown> = Promise.resolve();
  try {
    await dataset.run(`SET preserve_insertion_order = true`);
    // Side by side, the files' parses keep both cores busy on one DuckDB thread each (county: ≈0.2 s
    // less wall and CPU; 100,000 households: load 3.2 → 2.6 s). The threads come back once every parse is done.
    const threads = await dataset.oneThreadPerQuery();
    const restore = () => (threads ? dataset.connect().then((c) => c.run(`SET threads = ${threads}`).finally(() => c.closeSync())) : undefined);
    await dataset.run(`CREATE TABLE ${NORMALISED_IDS} (collection VARCHAR, _line INTEGER, id VARCHAR, path VARCHAR)`);
    const rejected: RejectedRecord[] = [];
    const counts: Partial<Record<CollectionName, number>> = {};
    // Every NDJSON file's parse starts at once, each on a connection of its own: DuckDB parses them
    // side by side, and goes on while this thread is busy (loading Cucumber, in an audit). What
    // follows a parse runs collection by collection, in the export's order; small files are
    // started first, so they are not queued behind the large ones.
    // A Parquet file whose columns have the contract's types is parsed so too (parquet-typed.ts).
    const bySize = found.files.filter((f) => f.format === 'ndjson' || f.format === 'parquet').map((f) => ({ f, size: fs.statSync(f.file).size }));
    const submitted: Promise<unknown>[] = [];
    for (const { f } of bySize.sort((a, b) => a.size - b.size)) parses.set(f, f.format === 'parquet' ? loadTypedParquet(dataset, f) : parseFile(dataset, f, submitted));
    // Each parse's statement is sent as its connection opens; this runs after all of them.
    if (options.onStarted) Promise.allSettled(submitted).then(options.onStarted);
    threadsBack = Promise.allSettled(parses.values()).then(restore);
    threadsBack.catch(() => undefined);
    for (const f of found.files) {
      const result = await loadCollection(dataset, f, parses.get(f));
      await rejectNewerFields(dataset, f, found.meta.schema_version, result.rejected);
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
    await threadsBack;
    return { path: found.path, shape: found.shape, meta: found.meta, dataset, counts, rejected };
  } catch (e) {
    await Promise.allSettled(parses.values());
    await threadsBack.catch(() => undefined);
    // A --db file keeps no half-made work of a load that stopped: parses and their suspect lines.
    if (options.db)
      for (const f of found.files) for (const t of [parsedTable(f.collection), `sus_${f.collection}`]) await dataset.run(`DROP TABLE IF EXISTS ${t}`).catch(() => undefined);
    if (!(e instanceof InputError)) dataset.close();
    throw e;
  }
}

/** A temporary table of one column, filled in order by an appender (row n holds values[n-1]). */
async function tempColumn(ds: Dataset, table: string, column: string, type: 'VARCHAR' | 'INTEGER', values: readonly string[] | readonly number[]): Promise<void> {
  await ds.run(`CREATE TEMP TABLE ${table} (${column} ${type})`);
  const appender = await ds.conn.createAppender(table, 'main', 'temp');
  for (const v of values) {
    if (typeof v === 'string') appender.appendVarchar(v);
    else appender.appendInteger(v);
    appender.endRow();
  }
  appender.closeSync();
}

// JSON arrays go through the same path as NDJSON lines, each element as its own text (numbers
// and repeated keys as written), appended in order, so row n is array index n-1 as line n would be.
const appendTexts = (ds: Dataset, raw: string, texts: string[]) => tempColumn(ds, raw, 'j', 'VARCHAR', texts);

/** A temporary table of line numbers (a whole file's lines may be suspect). */
const lineTable = (ds: Dataset, table: string, lines: number[]) => tempColumn(ds, table, '_line', 'INTEGER', lines);

/** The line read as the contract needs it (json-text.ts); text nothing can read stops the run. */
function scanned(f: CollectionFile, line: number, text: string): ScannedRecord {
  try {
    return scanRecord(text);
  } catch {
    throw new InputError(`${f.file}${at(f, line)}: JSON 格式错误`, `${f.file}${at(f, line)}: malformed JSON`);
  }
}

const where = (f: CollectionFile, line: number) => (f.format === 'array' ? { index: line - 1 } : { line });
const at = (f: CollectionFile, line: number) => (f.format === 'array' ? `[${line - 1}]` : f.format === 'parquet' ? rowAt(line) : `:${line}`);

/** Why a line JavaScript reads with no error is rejected when DuckDB cannot read it. */
const UNREADABLE: FieldError = { path: '$', keyword: 'unicode', zh: '含数据库无法读取的字符', en: 'holds characters the database cannot read' };

/** A line DuckDB cannot read: rejected with what JavaScript finds in its text, else as unreadable. */
function unreadableLine(f: CollectionFile, line: number, text: string, reject: Reject): void {
  const { errors } = scanned(f, line, text);
  reject(line, parsed(text), errors.length ? errors : [UNREADABLE]);
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Every line of an NDJSON file as one VARCHAR column `j`, in file order, blank lines NULL. */
// chr(1) never occurs unescaped in JSON text, so no line is split.
export const linesOf = (file: string) =>
  `read_csv(${sqlString(file)}, columns = {'j': 'VARCHAR'}, delim = chr(1), quote = '', escape = '', header = false, auto_detect = false, strict_mode = false, max_line_size = 8388608, buffer_size = 33554432)`;

/** A file in another encoding (GBK, say) is not one bad record but a wrong export. */
function encodingError(f: CollectionFile) {
  return (e: Error): never => {
    if (!/Invalid unicode/i.test(e.message)) throw e;
    const line = /on Line: (\d+)/.exec(e.message)?.[1];
    const where = line ? `:${line}` : '';
    throw new InputError(`${f.file}${where}: 不是 UTF-8 编码(请以 UTF-8 导出)`, `${f.file}${where}: not UTF-8 encoded (export as UTF-8)`);
  };
}

/** A temporary table of every line's text, row n being line n (rowid follows file order: insertion order is preserved). */
async function rawLines(ds: Dataset, f: CollectionFile, raw: string): Promise<void> {
  if (f.format === 'array') await appendTexts(ds, raw, f.texts ?? []);
  else if (f.format === 'parquet') await readParquet(ds, f, raw);
  else await ds.run(`CREATE TEMP TABLE ${raw} AS SELECT j FROM ${linesOf(f.file)}`).catch(encodingError(f));
}

type Reject = (line: number, record: unknown, errors: FieldError[]) => void;

async function loadCollection(ds: Dataset, f: CollectionFile, parse?: Promise<boolean>) {
  const c = f.collection;
  const raw = `raw_${c}`;
  const keyField = COLLECTIONS[c].key;
  const rejected: RejectedRecord[] = [];
  const reject: Reject = (line, record, errors) => {
    const id = record && typeof record === 'object' && typeof (record as any)[keyField] === 'string' ? (record as any)[keyField] : undefined;
    rejected.push({ collection: c, file: f.file, ...where(f, line), id, errors, ...(record !== undefined ? { record } : {}) });
  };
  if (fewLines(f)) return loadFew(ds, f, reject, rejected);
  // Either way: table `c` of the lines that certainly conform, and sus_<c> holding the suspect lines' text.
  const direct = (await parse) === true;
  // An NDJSON file's parse has split it already (parseFile).
  if (!direct) await parseLines(ds, f, raw, reject);
  else if (f.format === 'parquet') await splitSuspects(ds, c);
  const suspects = (await ds.all<{ _line: number }>(`SELECT _line FROM sus_${c} ORDER BY _line`)).map((r) => Number(r._line));
  if (suspects.length) await secondLook(ds, f, suspects, reject, rejected);
  await rejectDuplicateKeys(ds, f, raw, keyField, rejected, direct);
  await ds.run(`DROP TABLE sus_${c}`);
  if (!direct) {
    await ds.run(`DROP VIEW v_${raw}`);
    await ds.run(`DROP TABLE ${raw}`);
  }
  return counted(ds, c, rejected);
}

// Every record is in the table or among the rejected: counting both is counting the file.
async function counted(ds: Dataset, c: CollectionName, rejected: RejectedRecord[]) {
  rejected.sort((a, b) => (a.line ?? a.index!) - (b.line ?? b.index!));
  const [{ n }] = await ds.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${c}`);
  return { records: n + rejected.length, rejected };
}

// A lower-case x is read as X from the line's text (normaliseLowerCaseX): such lines are retyped.
const lowerXOf = (c: CollectionName) => (holdsPersonIds(c) ? `contains(_j, 'x"')` : undefined);

/** Blank lines are skipped (a record is at least '{}'). */
const notBlank = (j: string) => `${j} IS NOT NULL AND (strlen(${j}) > 8 OR trim(${j}) <> '')`;

// An NDJSON file is parsed straight from the file, with no table of its text in between (at a
// province's size that table alone outgrows the memory limit): the row's position in the typed
// table is its line, and only the suspect lines' text is kept. False when some line cannot be
// parsed at all: the file then goes through parseLines, which finds and reports those lines.
function parseFile(ds: Dataset, f: CollectionFile, submitted: Promise<unknown>[]): Promise<boolean> {
  const c = f.collection;
  const connected = ds.connect();
  submitted.push(connected);
  const parsed = connected.then(async (conn) => {
    try {
      const read = await conn.run(`CREATE TABLE ${parsedTable(c)} AS ${onePassLinesSelect(planOf(f), linesOf(f.file), lowerXOf(c))}`).then(
        () => true,
        (e: Error) => (/malformed JSON/i.test(e.message) ? false : encodingError(f)(e)),
      );
      // Split on the same connection as soon as the parse is done, beside the other files' parses,
      // not in the collection's turn: at county size the copies were most of the load's serial tail.
      if (read) await suspectLines((sql) => conn.run(sql), c);
      return read;
    } finally {
      conn.closeSync();
    }
  });
  // Awaited in its collection's turn; a failure before then is not an unhandled rejection.
  parsed.catch(() => undefined);
  return parsed;
}

/** The table parseFile fills, every line a row, before `_line` is known. */
const parsedTable = (c: CollectionName) => `jz_parsed_${c}`;

// After parseFile: sus_<c> from the suspect rows' text, and the table of the others with `_line`
// from each row's position. A copy, not an UPDATE of `_line`: DuckDB keeps an updated column as
// changes over the old values, and every later scan of the table (every rule's) merges them.
// sus_<c> is a table of the database, not a TEMP one: it is made on the parse's connection and read
// on the dataset's (loadCollection drops it).
async function suspectLines(run: (sql: string) => Promise<unknown>, c: CollectionName): Promise<void> {
  const parsed = parsedTable(c);
  await run(`CREATE TABLE sus_${c} AS SELECT CAST(rowid + 1 AS INTEGER) AS _line, _text AS j FROM ${parsed} WHERE _suspect AND ${notBlank('_text')}`);
  await run(`CREATE TABLE ${c} AS SELECT CAST(rowid + 1 AS INTEGER) AS _line, ${columnsOf(schema, defName(c)).map(ident).join(', ')} FROM ${parsed} WHERE NOT _suspect`);
  await run(`DROP TABLE ${parsed}`);
}

// Lines of a JSON array or a Parquet file, or of an NDJSON file some line of which DuckDB cannot
// parse, from a table of their text. The parse fails, and only then are the bad lines looked up.
// One that JavaScript reads (an unpaired surrogate such as "\ud800") is one rejected record; one
// that nothing reads is malformed JSON and stops the run, naming file and line.
async function parseLines(ds: Dataset, f: CollectionFile, raw: string, reject: Reject): Promise<void> {
  const c = f.collection;
  await ds.run(`DROP TABLE IF EXISTS ${parsedTable(c)}`);
  await rawLines(ds, f, raw);
  // Lines nothing can read are left out once found.
  const lines = (unreadable?: number[]) =>
    ds.run(
      `CREATE OR REPLACE TEMP VIEW v_${raw} AS SELECT CAST(rowid + 1 AS INTEGER) AS _line, j FROM ${raw} WHERE ${notBlank('j')}${unreadable ? ` AND rowid + 1 NOT IN (${unreadable.join(',')})` : ''}`,
    );
  await lines();
  const unreadable: number[] = [];
  for (let parsedAll = false; !parsedAll; ) {
    parsedAll = await ds.run(`CREATE TABLE ${c} AS ${onePassSelect(planOf(f), `v_${raw}`, lowerXOf(c))}`).then(
      () => true,
      async (e: Error) => {
        if (!/malformed JSON/i.test(e.message)) throw e;
        const bad = await ds.all<{ _line: number; j: string }>(`SELECT _line, j FROM v_${raw} WHERE NOT json_valid(j) ORDER BY _line`);
        if (!bad.length) throw e;
        for (const row of bad) unreadableLine(f, row._line, row.j, reject);
        unreadable.push(...bad.map((r) => r._line));
        await lines(unreadable);
        return false;
      },
    );
  }
  await ds.run(`CREATE TEMP TABLE sus_${c} AS SELECT _line, j FROM v_${raw} WHERE _line IN (SELECT _line FROM ${c} WHERE _suspect)`);
  await ds.run(`DELETE FROM ${c} WHERE _suspect`);
  await ds.run(`ALTER TABLE ${c} DROP COLUMN _suspect`);
}

/** The one-pass plan for a file, its text written in the key order of the file's first records. */
const planOf = (f: CollectionFile) => onePass(schema, defName(f.collection), keyOrders(sampleRecords(f)));

/** Up to SAMPLE records from the file's first 64 KB (those JSON.parse reads): where its key order is learnt. */
const SAMPLE = 256;
function sampleRecords(f: CollectionFile): unknown[] {
  const texts = f.format === 'ndjson' ? firstLines(f.file) : f.format === 'array' ? (f.texts ?? []).slice(0, SAMPLE) : [];
  return texts.map(parsed).filter((r) => r !== undefined);
}

function firstLines(file: string): string[] {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(1 << 16);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    // The last piece may be cut short: only lines ended by a line break are read.
    return buf.toString('utf8', 0, n).split('\n').slice(0, -1).slice(0, SAMPLE);
  } finally {
    fs.closeSync(fd);
  }
}

/** The record of text `j` typed as the contract's structure says: what the second look and a few records' load select. */
const typedColumns = (c: CollectionName) => `unnest(from_json(j, ${sqlString(JSON.stringify(jsonStructure(schema, { $ref: `#/$defs/${defName(c)}` })))}))`;

/** ajv's judgement of one line (the authority on meaning; the SQL passes only find candidates). */
function judge(f: CollectionFile, line: number, text: string, reject: Reject): void {
  const read = scanned(f, line, text);
  const errors = [...read.errors, ...validateRecord(f.collection, read.value, read.numbers)];
  if (errors.length) reject(line, parsed(text), errors);
}

// A JSON array of a few records (a spec scenario's, most fixtures') skips the one-pass statement,
// whose planning alone (60 ms for applications) costs more than the rest of the load: ajv reads
// every record, as it reads suspect lines, and one statement types the conforming ones with
// from_json, as the second look types them. The tables and rejections are the one-pass path's
// (tests/few-records-load.test.ts loads every fixture record both ways).
export const FEW_LINES = 64;
const fewLines = (f: CollectionFile) => f.format === 'array' && (f.texts?.length ?? 0) <= FEW_LINES;

async function loadFew(ds: Dataset, f: CollectionFile, reject: Reject, rejected: RejectedRecord[]) {
  const c = f.collection;
  const raw = `raw_${c}`;
  const keyField = COLLECTIONS[c].key;
  const texts = f.texts ?? [];
  await appendTexts(ds, raw, texts);
  await ds.run(`CREATE TEMP VIEW v_${raw} AS SELECT CAST(rowid + 1 AS INTEGER) AS _line, j FROM ${raw}`);
  // As in the one-pass path: a line DuckDB cannot read is rejected with what JavaScript finds in its text.
  const unreadable = new Set((await ds.all<{ _line: number }>(`SELECT _line FROM v_${raw} WHERE NOT json_valid(j)`)).map((r) => Number(r._line)));
  texts.forEach((text, i) => {
    if (unreadable.has(i + 1)) unreadableLine(f, i + 1, text, reject);
    else judge(f, i + 1, text, reject);
  });
  const refused = rejected.map((r) => r.index! + 1);
  if (holdsPersonIds(c)) {
    const lowerX = texts.map((j, i) => ({ _line: i + 1, j })).filter((r) => !refused.includes(r._line) && /[0-9]{17}x"/.test(r.j));
    const { fixes, logged } = lowerCaseX(c, lowerX, keyField);
    if (fixes.length) {
      await fixLines(ds, c, raw, `${raw}.rowid + 1`, fixes);
      await logNormalised(ds, c, logged);
    }
  }
  await ds.run(`CREATE TABLE ${c} AS SELECT _line, ${typedColumns(c)} FROM v_${raw}${refused.length ? ` WHERE _line NOT IN (${refused.join(',')})` : ''} ORDER BY _line`);
  await rejectDuplicateKeys(ds, f, raw, keyField, rejected, false);
  await ds.run(`DROP VIEW v_${raw}`);
  await ds.run(`DROP TABLE ${raw}`);
  return counted(ds, c, rejected);
}

/** Above this many suspect lines, the SQL checks narrow them before ajv reads each one. */
const SECOND_LOOK_SQL = 2000;

// The suspect lines only (sus_<c>): ajv judges them (after the SQL checks, when many), the
// conforming ones are typed again from their own text by from_json, as the contract's structure
// says, and the table is put back in line order.
async function secondLook(ds: Dataset, f: CollectionFile, suspects: number[], reject: Reject, rejected: RejectedRecord[]) {
  const c = f.collection;
  const sus = `sus_${c}`;
  let flagged = suspects;
  if (suspects.length > SECOND_LOOK_SQL) {
    flagged = await flagViolations(ds, schema, defName(c), sus, `chk_${c}`);
    await lineTable(ds, `flagged_${c}`, flagged);
  }
  const rows = await ds.all<{ _line: number; j: string }>(
    suspects.length > SECOND_LOOK_SQL ? `SELECT s._line, s.j FROM ${sus} s JOIN flagged_${c} USING (_line) ORDER BY s._line` : `SELECT _line, j FROM ${sus} ORDER BY _line`,
  );
  if (suspects.length > SECOND_LOOK_SQL) await ds.run(`DROP TABLE flagged_${c}`);
  for (const row of rows) judge(f, row._line, row.j, reject);
  await lineTable(ds, `rejected_${c}`, rejected.map((r) => r.line ?? (r.index as number) + 1));
  await normaliseLowerCaseX(ds, c, sus, COLLECTIONS[c].key);
  const conforming = `FROM ${sus} WHERE _line NOT IN (SELECT _line FROM rejected_${c})`;
  const [{ n }] = await ds.all<{ n: number }>(`SELECT count(*)::INTEGER AS n ${conforming}`);
  if (n > 0) {
    await ds.run(`CREATE TABLE retyped_${c} AS SELECT * FROM ${c} UNION ALL SELECT _line, ${typedColumns(c)} ${conforming} ORDER BY _line`);
    await ds.run(`DROP TABLE ${c}`);
    await ds.run(`ALTER TABLE retyped_${c} RENAME TO ${c}`);
  }
  await ds.run(`DROP TABLE rejected_${c}`);
}

// A primary key given to two records makes every join count the household (or payment…)
// twice: every copy is rejected, each naming where the others are, so none is counted.
// Keys are grouped by their hash (an aggregate of numbers, not of millions of strings); copies
// sharing a hash are then compared by the key itself.
async function rejectDuplicateKeys(ds: Dataset, f: CollectionFile, raw: string, keyField: string, rejected: RejectedRecord[], direct: boolean) {
  const c = f.collection;
  const loaded = await ds.all<{ k: string; _line: number }>(
    `SELECT ${keyField} AS k, _line FROM ${c} WHERE hash(${keyField}) IN (SELECT hash(${keyField}) FROM ${c} GROUP BY 1 HAVING count(*) > 1)${
      rejected.some((r) => r.id !== undefined) ? ` OR ${keyField} IN (${[...new Set(rejected.filter((r) => r.id !== undefined).map((r) => sqlString(r.id!)))].join(', ')})` : ''
    }`,
  );
  const byKey = new Map<string, { line: number; rejected?: RejectedRecord }[]>();
  const add = (k: string, copy: { line: number; rejected?: RejectedRecord }) => byKey.set(k, [...(byKey.get(k) ?? []), copy]);
  for (const r of loaded) add(r.k, { line: Number(r._line) });
  for (const r of rejected) if (r.id !== undefined) add(r.id, { line: r.line ?? r.index! + 1, rejected: r });
  const dropped: number[] = [];
  for (const [k, copies] of byKey) {
    if (copies.length < 2) continue;
    for (const copy of copies) {
      const others = copies.filter((o) => o !== copy).sort((a, b) => a.line - b.line).map((o) => `${f.file}${at(f, o.line)}`).join(', ');
      const error: FieldError = { path: `$.${keyField}`, keyword: 'duplicate-key', zh: `${keyField} 与 ${others} 的记录重复`, en: `${keyField} repeats that of the record at ${others}` };
      if (copy.rejected) copy.rejected.errors.push(error);
      else {
        dropped.push(copy.line);
        rejected.push({ collection: c, file: f.file, ...where(f, copy.line), id: k, errors: [error] });
      }
    }
  }
  if (!dropped.length) return;
  // The dropped records' own text: a file parsed directly has no table of its lines, so this rare case reads them again.
  if (direct) await rawLines(ds, f, raw);
  const texts = await ds.all<{ _line: number; j: string }>(`SELECT CAST(rowid + 1 AS INTEGER) AS _line, j FROM ${raw} WHERE rowid + 1 IN (${dropped.join(',')})`);
  if (direct) await ds.run(`DROP TABLE ${raw}`);
  const text = new Map(texts.map((t) => [Number(t._line), t.j]));
  for (const r of rejected) if (r.record === undefined && dropped.includes(r.line ?? r.index! + 1)) r.record = parsed(text.get(r.line ?? r.index! + 1) ?? '');
  await ds.run(`DELETE FROM ${c} WHERE _line IN (${dropped.join(',')})`);
}

// Resident IDs ending in a lower-case x are read as X (docs/contract.md: the household stays
// in the audit), never silently: each one is recorded in NORMALISED_IDS, which CONTRACT-ID-CHECK
// reports. Such lines are suspect (one-pass.ts): only those are parsed in JS.
async function normaliseLowerCaseX(ds: Dataset, c: CollectionName, sus: string, keyField: string) {
  if (!holdsPersonIds(c)) return;
  const rows = await ds.all<{ _line: number; j: string }>(
    `SELECT _line, j FROM ${sus} WHERE contains(j, 'x"') AND regexp_matches(j, '[0-9]{17}x"') AND _line NOT IN (SELECT _line FROM rejected_${c})`,
  );
  const { fixes, logged } = lowerCaseX(c, rows, keyField);
  if (!fixes.length) return;
  await fixLines(ds, c, sus, `${sus}._line`, fixes);
  await logNormalised(ds, c, logged);
}

/** The lines among `rows` holding a resident ID that ends in x, as text with X, and each ID's path. */
function lowerCaseX(c: CollectionName, rows: { _line: number; j: string }[], keyField: string) {
  const paths = PERSON_ID_PATHS.filter((p) => p.collection === c);
  const fixes: { line: number; text: string }[] = [];
  const logged: { line: number; id: string; path: string }[] = [];
  for (const row of rows) {
    const record = JSON.parse(row.j);
    const fixed: string[] = [];
    for (const p of paths)
      for (const hit of personIdsAt(record, p.segments))
        if (hit.value.endsWith('x')) {
          hit.set(hit.value.slice(0, 17) + 'X');
          fixed.push(hit.path);
        }
    if (!fixed.length) continue;
    fixes.push({ line: row._line, text: JSON.stringify(record) });
    for (const p of fixed) logged.push({ line: row._line, id: String(record[keyField] ?? ''), path: p });
  }
  return { fixes, logged };
}

/** Puts the fixed text of each line into `table` (column j), whose line number is `lineOf`. */
async function fixLines(ds: Dataset, c: CollectionName, table: string, lineOf: string, fixes: { line: number; text: string }[]) {
  // Through an appender: a source system writing every x in lower case is plausible.
  await ds.run(`CREATE TABLE fix_${c} (_line INTEGER, j VARCHAR)`);
  const fix = await ds.conn.createAppender(`fix_${c}`);
  for (const f of fixes) {
    fix.appendInteger(f.line);
    fix.appendVarchar(f.text);
    fix.endRow();
  }
  fix.closeSync();
  await ds.run(`UPDATE ${table} SET j = fix_${c}.j FROM fix_${c} WHERE ${lineOf} = fix_${c}._line`);
  await ds.run(`DROP TABLE fix_${c}`);
}

async function logNormalised(ds: Dataset, c: CollectionName, logged: { line: number; id: string; path: string }[]) {
  const log = await ds.conn.createAppender(NORMALISED_IDS);
  for (const l of logged) {
    log.appendVarchar(c);
    log.appendInteger(l.line);
    log.appendVarchar(l.id);
    log.appendVarchar(l.path);
    log.endRow();
  }
  log.closeSync();
}
