// The JSON text of a Parquet row, written from the typed columns without loss, so a Parquet row
// meets exactly the validation, typing and rejection an NDJSON line does. Row n is line n.
// A file whose columns have the contract's types is read from those columns (parquet-typed.ts)
// and only its suspect rows are written as text here; any other file is read whole as text
// into the loader's raw table (readParquet).
//
// Why JSON text is the authority rather than the typed columns: the contract is judged on
// values as written (money with at most two decimals, dates that exist, enumerations, required
// fields), and the one validator that judges NDJSON then judges Parquet too, message for message.
// A NULL is an absent field (Parquet has a column for every field, the contract no nulls).
// The one loss a text cannot undo is a binary float: FLOAT/DOUBLE holding money stops the run.
import schema from '../../schemas/case-export.schema.json';
import { CollectionName, defName } from '../../schemas/case-export';
import { DuckDBListType, DuckDBStructType, DuckDBType, DuckDBTypeId } from '@duckdb/node-api';
import { Dataset } from '../dataset/dataset';
import { sqlString } from '../dataset/sql';
import { InputError } from '../errors';
import { CollectionFile } from './discover';

type Schema = Record<string, any>;

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** Types whose to_json text is their value exactly (DECIMAL keeps its scale: 12.30 stays 12.30). */
const EXACT = new Set<DuckDBTypeId>([
  DuckDBTypeId.VARCHAR, DuckDBTypeId.BOOLEAN, DuckDBTypeId.DATE, DuckDBTypeId.DECIMAL, DuckDBTypeId.ENUM, DuckDBTypeId.SQLNULL,
  DuckDBTypeId.TINYINT, DuckDBTypeId.SMALLINT, DuckDBTypeId.INTEGER, DuckDBTypeId.BIGINT, DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UTINYINT, DuckDBTypeId.USMALLINT, DuckDBTypeId.UINTEGER, DuckDBTypeId.UBIGINT, DuckDBTypeId.UHUGEINT,
]);
const FLOATING = new Set<DuckDBTypeId>([DuckDBTypeId.FLOAT, DuckDBTypeId.DOUBLE]);

/** A contract field whose Parquet type cannot carry its value faithfully; the run stops if it holds any value. */
export interface Unfaithful {
  path: string;
  type: string;
  /** Money in a binary floating-point column (otherwise: a type with no JSON counterpart). */
  money: boolean;
  /** SQL: the list of the field's values in one row (nested lists flattened). */
  values: string;
}

function resolve(s: Schema | undefined): Schema | undefined {
  if (!s?.$ref) return s;
  return resolve((schema as Schema).$defs[String(s.$ref).replace('#/$defs/', '')]);
}

const isMoney = (s: Schema | undefined) => s?.type === 'number' && s['x-decimals'] !== undefined;

/**
 * SQL giving the JSON text of `expr` (of Parquet type `type`, contract schema `s`), or NULL
 * when it is NULL (an absent field). Fields outside the contract are left out, as extra JSON
 * keys are ignored. `values` lists the field's values per row, for `Unfaithful`.
 */
export class RowJson {
  readonly unfaithful: Unfaithful[] = [];
  private depth = 0;

  value(expr: string, type: DuckDBType, s: Schema | undefined, path: string, values: string): string {
    s = resolve(s);
    if (type.typeId === DuckDBTypeId.STRUCT && s?.type === 'object') return this.object(expr, type as DuckDBStructType, s, path, values);
    if (type.typeId === DuckDBTypeId.LIST && s?.type === 'array') {
      const e = `e${this.depth++}`;
      const item = this.value(e, (type as DuckDBListType).valueType, s.items, `${path}[]`, `flatten(${values})`);
      // A NULL element is a JSON null, which the contract rejects at that index, as in NDJSON.
      return `CASE WHEN ${expr} IS NULL THEN NULL ELSE '[' || array_to_string(list_transform(${expr}, ${e} -> coalesce(${item}, 'null')), ',') || ']' END`;
    }
    const json = `CAST(to_json(${expr}) AS VARCHAR)`;
    if (FLOATING.has(type.typeId)) {
      if (isMoney(s)) this.unfaithful.push({ path, type: type.toString(), money: true, values });
      // NaN and Infinity are no JSON numbers: as text they are rejected as "must be a number".
      return `CASE WHEN isfinite(${expr}) THEN ${json} ELSE CAST(to_json(CAST(${expr} AS VARCHAR)) AS VARCHAR) END`;
    }
    // A type whose text is its value is written as it is even where the contract wants another
    // (a BIGINT id, text money, a STRUCT for text): rejected row by row, as that value in NDJSON is.
    // A type with no JSON counterpart (TIMESTAMP, BLOB, …) cannot be judged so: it stops the run.
    if (!EXACT.has(type.typeId) && type.typeId !== DuckDBTypeId.STRUCT && type.typeId !== DuckDBTypeId.LIST)
      this.unfaithful.push({ path, type: type.toString(), money: false, values });
    return json;
  }

  private object(expr: string, type: DuckDBStructType, s: Schema, path: string, values: string): string {
    const v = `v${this.depth++}`;
    const body = this.members(
      type.entryNames.map((name, i) => ({ name, type: type.entryTypes[i], expr: `${expr}.${ident(name)}`, values: `list_transform(${values}, ${v} -> ${v}.${ident(name)})` })),
      s,
      path,
    );
    return `CASE WHEN ${expr} IS NULL THEN NULL ELSE ${body} END`;
  }

  /** `{…}` of the given members that the contract describes, NULL ones left out. */
  members(members: { name: string; type: DuckDBType; expr: string; values: string }[], s: Schema, path: string): string {
    const parts: string[] = [];
    for (const m of members) {
      const sub = s.properties?.[m.name];
      if (!sub) continue;
      const json = this.value(m.expr, m.type, sub, `${path}.${m.name}`, m.values);
      parts.push(`${sqlString(JSON.stringify(m.name) + ':')} || ${json}`);
    }
    return parts.length ? `'{' || concat_ws(',', ${parts.join(', ')}) || '}'` : `'{}'`;
  }
}

export const source = (file: string) => `read_parquet(${sqlString(file)})`;

function unreadable(f: CollectionFile, e: Error): InputError {
  const reason = e.message.split('\n')[0];
  if (/encoding|utf-?8|unicode/i.test(reason))
    return new InputError(`${f.file}: 不是 UTF-8 编码的文本列(请以 UTF-8 导出)`, `${f.file}: holds text that is not UTF-8 (export as UTF-8): ${reason}`);
  return new InputError(`${f.file}: 无法读取 Parquet 文件`, `${f.file}: not a readable Parquet file (${reason})`);
}

/** The SQL that writes each row of `f` as JSON text, and the fields that would not be faithful. */
export async function planParquet(ds: Dataset, f: CollectionFile): Promise<{ select: string; unfaithful: Unfaithful[] }> {
  const probe = await ds.conn.run(`SELECT * FROM ${source(f.file)} LIMIT 0`).catch((e: Error) => {
    throw unreadable(f, e);
  });
  const { json, unfaithful } = rowJson(f.collection, probe.columnNames(), probe.columnTypes());
  return { select: `SELECT ${json} AS j FROM ${source(f.file)}`, unfaithful };
}

/** SQL giving the JSON text of a row whose columns are `names` of `types`, and the fields that would not be faithful. */
export function rowJson(collection: CollectionName, names: string[], types: DuckDBType[]): { json: string; unfaithful: Unfaithful[] } {
  const plan = new RowJson();
  const root = resolve({ $ref: `#/$defs/${defName(collection)}` })!;
  const json = plan.members(names.map((name, i) => ({ name, type: types[i], expr: ident(name), values: `[${ident(name)}]` })), root, '$');
  return { json, unfaithful: plan.unfaithful };
}

/** Creates `raw` (one VARCHAR column `j`, row n at rowid n-1) from the Parquet file of `f`. */
export async function readParquet(ds: Dataset, f: CollectionFile, raw: string): Promise<void> {
  const { select, unfaithful } = await planParquet(ds, f);
  for (const u of unfaithful) {
    const [{ n }] = await ds.all<{ n: number }>(`SELECT coalesce(sum(len(list_filter(${u.values}, x -> x IS NOT NULL))), 0)::BIGINT AS n FROM ${source(f.file)}`);
    if (Number(n) === 0) continue;
    const field = u.path.replace(/^\$\.?/, '');
    if (u.money)
      throw new InputError(
        `${f.file}: 金额列 ${field} 是浮点类型 ${u.type},浮点数无法精确表示分,无法判断原值;请以 DECIMAL(18,2) 导出金额`,
        `${f.file}: money column ${field} is floating point (${u.type}), which cannot hold fen exactly, so the amount meant cannot be known; export money as DECIMAL(18,2)`,
      );
    throw new InputError(
      `${f.file}: 列 ${field} 的类型 ${u.type} 不受支持(文本用 VARCHAR,日期用 DATE 或 VARCHAR,金额用 DECIMAL(18,2),嵌套记录用 STRUCT/LIST)`,
      `${f.file}: column ${field} has type ${u.type}, which is not supported (text as VARCHAR, dates as DATE or VARCHAR, money as DECIMAL(18,2), nested records as STRUCT/LIST)`,
    );
  }
  await ds.run(`CREATE TEMP TABLE ${raw} AS ${select}`).catch((e: Error) => {
    throw unreadable(f, e);
  });
}

/** Where a Parquet record sits, in messages that name it after the file: row, not line. */
export const rowAt = (row: number) => ` 第${row}行 (row ${row})`;
