// A Parquet file whose columns already have the contract's types (duck-types.ts: VARCHAR, DATE,
// DECIMAL, INTEGER, BOOLEAN, STRUCT, LIST) is loaded from those columns in one statement, with
// no JSON text in between: each row's values, cast to the contract's types, and a predicate over
// those values that is true for every row that may violate the contract. Only such *suspect*
// rows are written as JSON text (parquet.ts, RowJson) and judged as an NDJSON line is (ajv is the
// authority on meaning and messages). A file with any other column type (a BIGINT id, text
// money, DOUBLE money) keeps the JSON-text path for the whole file, which judges or refuses it.
//
// Why a row that is not suspect conforms: a typed value already has the JSON type the contract
// wants, and a NULL is an absent field (parquet.ts); what is left to check is each keyword the
// contract uses (required, enum, pattern, a real date, minLength, minimum, maximum, two
// decimals, no null inside a list). A lower-case x ending a resident ID is suspect too: the
// loader reads it as X from the row's text and logs it (loader.ts, normaliseLowerCaseX).
import schema from '../../schemas/case-export.schema.json';
import { CollectionName, defName, PERSON_ID_PATTERN } from '../../schemas/case-export';
import { DuckDBDecimalType, DuckDBListType, DuckDBStructType, DuckDBType, DuckDBTypeId } from '@duckdb/node-api';
import { Dataset } from '../dataset/dataset';
import { sqlString } from '../dataset/sql';
import { CollectionFile } from './discover';
import { duckType } from './duck-types';
import { rowJson, source } from './parquet';
import { ident, resolveSchema } from './sql-validator';
import { keywordChecks } from './typed-checks';

type Schema = Record<string, any>;

/** A field read from its column: the value in the contract's type, and SQL true when the present value may violate the contract ('' if it cannot). */
interface Read {
  typed: string;
  check: string;
}

const anyOf = (checks: string[]) => (checks.length ? `(${checks.join(' OR ')})` : '');

export class TypedParquetPlan {
  private lambdas = 0;

  constructor(private readonly root: Schema) {}

  private resolve(s: Schema): Schema {
    return resolveSchema(this.root, s);
  }

  private props(s: Schema): [string, Schema][] {
    return Object.entries(s.properties ?? {}).map(([k, v]) => [k, this.resolve(v as Schema)]);
  }

  /**
   * Typed columns (in the contract's order, named as the contract names them) and the suspect
   * predicate over the columns `names` of `types`; undefined when some contract field's column
   * has a type this path does not read exactly. Columns outside the contract are left out, as
   * the JSON-text path leaves them out.
   */
  record(defName: string, names: string[], types: DuckDBType[]): { columns: string[]; suspect: string } | undefined {
    const s = this.resolve({ $ref: `#/$defs/${defName}` });
    const fields = this.fields(s, (k) => {
      const i = names.indexOf(k);
      return i < 0 ? undefined : { expr: ident(k), type: types[i] };
    });
    if (!fields) return undefined;
    const columns = fields.reads.map((r, i) => `${r.typed} AS ${ident(fields.keys[i])}`);
    return { columns, suspect: fields.checks.length ? `coalesce(${fields.checks.join('\n OR ')}, true)` : 'false' };
  }

  /** The contract's fields of object `s`, each read from the member `member(k)` gives (absent: NULL). */
  private fields(s: Schema, member: (k: string) => { expr: string; type: DuckDBType } | undefined) {
    const required = new Set<string>(s.required ?? []);
    const keys: string[] = [];
    const reads: Read[] = [];
    const checks: string[] = [];
    for (const [k, sub] of this.props(s)) {
      const m = member(k);
      const read = m ? this.read(m.type, sub, m.expr) : { typed: `NULL::${duckType(this.root, sub)}`, check: '' };
      if (!read) return undefined;
      keys.push(k);
      reads.push(read);
      if (required.has(k)) checks.push(m ? `${m.expr} IS NULL` : 'true');
      if (m && read.check) checks.push(`(${m.expr} IS NOT NULL AND ${read.check})`);
    }
    return { keys, reads, checks };
  }

  private lambda(): string {
    return `e${this.lambdas++}`;
  }

  /** How the value `x` of Parquet type `type` is read as contract schema `s`; undefined if not exactly. */
  private read(type: DuckDBType, s: Schema, x: string): Read | undefined {
    // The contract's records use no const; one added later is for the JSON-text path until compiled here.
    if ('const' in s) return undefined;
    switch (s.type) {
      case 'object': {
        if (type.typeId !== DuckDBTypeId.STRUCT) return undefined;
        const struct = type as DuckDBStructType;
        const fields = this.fields(s, (k) => {
          const i = struct.entryNames.indexOf(k);
          return i < 0 ? undefined : { expr: `${x}.${ident(k)}`, type: struct.entryTypes[i] };
        });
        if (!fields) return undefined;
        // The same members, in the same order, read as they are: the struct is the contract's already.
        const same = fields.keys.length === struct.entryNames.length && fields.keys.every((k, i) => struct.entryNames[i] === k && fields.reads[i].typed === `${x}.${ident(k)}`);
        const typed = same ? x : `CASE WHEN ${x} IS NULL THEN NULL ELSE struct_pack(${fields.keys.map((k, i) => `${ident(k)} := ${fields.reads[i].typed}`).join(', ')}) END`;
        return { typed, check: anyOf(fields.checks) };
      }
      case 'array': {
        if (type.typeId !== DuckDBTypeId.LIST) return undefined;
        const e = this.lambda();
        const item = this.read((type as DuckDBListType).valueType, this.resolve(s.items ?? { type: 'string' }), e);
        if (!item) return undefined;
        // A NULL element is a JSON null, which the contract rejects at its index.
        return {
          typed: item.typed === e ? x : `list_transform(${x}, ${e} -> ${item.typed})`,
          check: `coalesce(list_bool_or(list_transform(${x}, ${e} -> ${e} IS NULL${item.check ? ` OR ${item.check}` : ''})), false)`,
        };
      }
      case 'string':
        return this.string(type, s, x);
      case 'integer':
        if (type.typeId !== DuckDBTypeId.INTEGER) return undefined;
        return { typed: x, check: anyOf(keywordChecks(s, x)) };
      case 'number':
        return this.money(type, s, x);
      case 'boolean':
        if (type.typeId !== DuckDBTypeId.BOOLEAN) return undefined;
        return { typed: x, check: '' };
      default:
        return undefined;
    }
  }

  private string(type: DuckDBType, s: Schema, x: string): Read | undefined {
    if (s.format === 'date') {
      // A DATE is a real calendar day; only its year can fall outside YYYY (to_json writes a year
      // before 1 with "(BC)", one after 9999 with a fifth digit).
      if (type.typeId === DuckDBTypeId.DATE) return { typed: x, check: anyOf(keywordChecks(s, x)) };
      if (type.typeId !== DuckDBTypeId.VARCHAR) return undefined;
      // The shape, then DuckDB's own date parser: the contract's leap-year pattern (as one-pass.ts).
      const date = `TRY_CAST(${x} AS DATE)`;
      return { typed: date, check: `(NOT regexp_matches(${x}, '^[0-9]{4}-[0-9]{2}-[0-9]{2}$') OR ${date} IS NULL)` };
    }
    if (type.typeId !== DuckDBTypeId.VARCHAR) return undefined;
    const checks = keywordChecks(s, x);
    if (s.pattern === PERSON_ID_PATTERN.source) checks.push(`ends_with(${x}, 'x')`);
    return { typed: x, check: anyOf(checks) };
  }

  /** Money: a DECIMAL of any scale, cast to DECIMAL(18,2) (exact when it has at most two decimals, which is checked). */
  private money(type: DuckDBType, s: Schema, x: string): Read | undefined {
    if (s['x-decimals'] !== 2 || type.typeId !== DuckDBTypeId.DECIMAL) return undefined;
    const { width, scale } = type as DuckDBDecimalType;
    const exact = width === 18 && scale === 2;
    const typed = exact ? x : `TRY_CAST(${x} AS DECIMAL(18,2))`;
    // A value too wide for DECIMAL(18,2) is kept out by the contract's maximum (MONEY_MAX).
    if (!exact && !(typeof s.maximum === 'number' && s.maximum < 1e16)) return undefined;
    const checks = keywordChecks(s, x);
    if (scale > 2) checks.push(`${x} <> round(${x}, 2)`);
    return { typed, check: anyOf(checks) };
  }
}

/**
 * The statement creating collection `c`'s table from its Parquet `file` whose columns are `names`
 * of `types`: `_line` (row n is line n), the typed columns as the NDJSON parse types them
 * (one-pass.ts), `_suspect`, and `_text` holding the JSON text of the suspect rows only.
 * Undefined when a column's type is not exactly the contract's.
 */
export function typedParquetSelect(c: CollectionName, file: string, names: string[], types: DuckDBType[]): string | undefined {
  const plan = new TypedParquetPlan(schema).record(defName(c), names, types);
  if (!plan) return undefined;
  const { json, unfaithful } = rowJson(c, names, types);
  if (unfaithful.length) return undefined;
  return `SELECT CAST(file_row_number + 1 AS INTEGER) AS _line, ${plan.columns.join(', ')}, jz_suspect AS _suspect, CASE WHEN jz_suspect THEN ${json} END AS _text FROM (SELECT *, ${plan.suspect} AS jz_suspect FROM read_parquet(${sqlString(file)}, file_row_number = true))`;
}

/**
 * Creates the table of `f`'s collection from the typed columns of its Parquet file (see
 * typedParquetSelect), on a connection of its own as an NDJSON file's parse; false, with nothing
 * created, when the file is for the JSON-text path (a column of another type, or a file DuckDB
 * cannot read, which that path reports). splitSuspects then finishes the table.
 */
export function loadTypedParquet(ds: Dataset, f: CollectionFile): Promise<boolean> {
  const loaded = ds.connect().then(async (conn) => {
    try {
      const probe = await conn.run(`SELECT * FROM ${source(f.file)} LIMIT 0`).catch(() => undefined);
      const select = probe && typedParquetSelect(f.collection, f.file, probe.columnNames(), probe.columnTypes());
      if (!select) return false;
      return await conn.run(`CREATE TABLE ${f.collection} AS ${select}`).then(
        () => true,
        () => conn.run(`DROP TABLE IF EXISTS ${f.collection}`).then(() => false),
      );
    } finally {
      conn.closeSync();
    }
  });
  // Awaited in its collection's turn; a failure before then is not an unhandled rejection.
  loaded.catch(() => undefined);
  return loaded;
}

// The suspect rows' text into sus_<c>, as the NDJSON path leaves it, and those rows out of the
// table. Deleting the few and dropping the two columns costs next to nothing; a copy of the
// others, as the NDJSON path makes, costs more than the typed read itself (4.1 s of CPU against
// 2.9 s for 8.2 M payments).
export async function splitSuspects(ds: Dataset, c: CollectionName): Promise<void> {
  await ds.run(`CREATE TEMP TABLE sus_${c} AS SELECT _line, _text AS j FROM ${c} WHERE _suspect`);
  await ds.run(`DELETE FROM ${c} WHERE _suspect`);
  await ds.run(`ALTER TABLE ${c} DROP COLUMN _suspect`);
  await ds.run(`ALTER TABLE ${c} DROP COLUMN _text`);
}
