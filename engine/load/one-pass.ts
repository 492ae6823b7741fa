// One parse per record: each line is parsed once by from_json into its nested shape with every
// scalar left as its JSON text, and from that one parse the same query both types the record
// (the contract's DuckDB types, see duck-types.ts) and decides whether it is *suspect*. Only
// suspect lines get a second look (sql-validator.ts, ajv) and are typed again from their text.
//
// Why a line is conforming when not suspect: from_json writes each scalar back canonically,
// never longer than the text it read (an exponent could, so a number ending ".0" or holding an
// "e" is suspect). The length the record would have written compactly from those scalars, its
// keys and punctuation is computed; a line whose own length differs holds something else —
// whitespace, a key not in the contract or given twice, a null, a number written with more
// digits than it keeps (12.340000001 is caught by its third decimal, 12.3400000000000000001 by
// its length). A backslash is suspect too, so a string's text between its quotes is its value.
import { sqlString } from '../dataset/sql';
import { ident, numberShape, quotedPattern, resolveSchema } from './sql-validator';

type Schema = Record<string, any>;

const text = (x: string) => `CAST(${x} AS VARCHAR)`;
/** A string scalar's value: its text between the quotes (exact once the line has no backslash). */
const unquoted = (x: string) => `(${text(x)})[2:-2]`;

/** A date's value from its quoted text; the same expression in the check, so it is computed once. */
const dateOf = (x: string) => `TRY_CAST(substr(${x}, 2, 10) AS DATE)`;

// Not `x NOT IN (…)`: DuckDB plans a long IN list as a join, and a join in the statement makes
// its CREATE TABLE insert in parallel without keeping the lines' order, which parseFile needs.
const notAmong = (x: string, texts: string[]) => `NOT list_contains([${texts.map(sqlString).join(', ')}], ${x})`;

export interface OnePassSql {
  /** from_json structure: the record's shape with "JSON" at every scalar. */
  structure: string;
  /** Typed columns, in the contract's order, over the unnested columns of the parse. */
  columns: string[];
  /** Their names (quoted), in the same order. */
  names: string[];
  /** SQL true unless the line (column `_j`) certainly conforms; never NULL. */
  suspect: string;
  /** The bytes the line has when written compactly from what the parse read. */
  length: string;
}

export class OnePassPlan {
  private lambdas = 0;

  constructor(private readonly root: Schema) {}

  private resolve(s: Schema): Schema {
    return resolveSchema(this.root, s);
  }

  private props(s: Schema): [string, Schema][] {
    return Object.entries(s.properties ?? {}).map(([k, v]) => [k, this.resolve(v as Schema)]);
  }

  /** The plan for one collection's record type. */
  record(defName: string): OnePassSql {
    const s = this.resolve({ $ref: `#/$defs/${defName}` });
    if (s.type !== 'object') throw new Error(`$defs/${defName} is not an object`);
    const props = this.props(s);
    const col = (k: string) => ident(k);
    const structure = JSON.stringify(this.structure(s));
    const columns = props.map(([k, sub]) => `${this.typed(sub, col(k))} AS ${ident(k)}`);
    const length = this.objectLength(props, col);
    const checks = [`strlen(_j) <> ${length}`, `contains(_j, '\\')`, ...this.objectChecks(s, props, col)];
    return { structure, columns, names: props.map(([k]) => ident(k)), suspect: `coalesce(${checks.join('\n OR ')}, true)`, length };
  }

  private structure(s: Schema): unknown {
    if (s.type === 'object') return Object.fromEntries(this.props(s).map(([k, v]) => [k, this.structure(v)]));
    if (s.type === 'array') return [this.structure(this.resolve(s.items ?? { type: 'string' }))];
    return 'JSON';
  }

  private lambda(): string {
    return `e${this.lambdas++}`;
  }

  /** The value in the contract's DuckDB type; a wrong text gives NULL here (the line is suspect). */
  private typed(s: Schema, x: string): string {
    switch (s.type) {
      case 'object':
        return `CASE WHEN ${x} IS NULL THEN NULL ELSE struct_pack(${this.props(s).map(([k, v]) => `${ident(k)} := ${this.typed(v, `${x}.${ident(k)}`)}`).join(', ')}) END`;
      case 'array': {
        const e = this.lambda();
        return `list_transform(${x}, ${e} -> ${this.typed(this.resolve(s.items ?? { type: 'string' }), e)})`;
      }
      case 'string':
        return s.format === 'date' ? dateOf(text(x)) : unquoted(x);
      case 'integer':
        return `TRY_CAST(${text(x)} AS INTEGER)`;
      case 'number':
        return `TRY_CAST(${text(x)} AS ${s['x-decimals'] === 2 ? 'DECIMAL(18,2)' : 'DOUBLE'})`;
      case 'boolean':
        return `TRY_CAST(${text(x)} AS BOOLEAN)`;
      default:
        throw new Error(`schema without a supported type: ${JSON.stringify(s).slice(0, 80)}`);
    }
  }

  /** Bytes of the node written compactly from what the parse read; NULL when absent. */
  private length(s: Schema, x: string): string {
    if (s.type === 'object') return `CASE WHEN ${x} IS NULL THEN NULL ELSE ${this.objectLength(this.props(s), (k) => `${x}.${ident(k)}`)} END`;
    if (s.type === 'array') {
      const e = this.lambda();
      return `CASE WHEN ${x} IS NULL THEN NULL ELSE greatest(1 + coalesce(list_sum(list_transform(${x}, ${e} -> ${this.length(this.resolve(s.items ?? { type: 'string' }), e)} + 1)), 0), 2) END`;
    }
    return `strlen(${text(x)})`;
  }

  // '{' + members joined by ',' + '}': 1 + Σ(key + ':' + value + ',') when any, else 2.
  private objectLength(props: [string, Schema][], at: (k: string) => string): string {
    const members = props.map(([k, v]) => `coalesce(${Buffer.byteLength(JSON.stringify(k)) + 2} + ${this.length(v, at(k))}, 0)`);
    return `greatest(1 + ${members.length ? members.join(' + ') : '0'}, 2)`;
  }

  private objectChecks(s: Schema, props: [string, Schema][], at: (k: string) => string): string[] {
    const required = new Set<string>(s.required ?? []);
    const checks: string[] = [];
    // A value that is not an object reads as an object of NULLs: with no required field to miss,
    // an object of NULLs is suspect itself.
    if (!required.size && props.length) checks.push(`(${props.map(([k]) => `${at(k)} IS NULL`).join(' AND ')})`);
    for (const [k, v] of props) {
      const x = at(k);
      if (required.has(k)) checks.push(`${x} IS NULL`);
      const inner = this.checks(v, x);
      if (inner) checks.push(`(${x} IS NOT NULL AND ${inner})`);
    }
    return checks;
  }

  /** SQL true when the present node `x` may violate `s`, or '' when nothing is to check. */
  private checks(s: Schema, x: string): string {
    if (s.type === 'object') {
      const c = this.objectChecks(s, this.props(s), (k) => `${x}.${ident(k)}`);
      return c.length ? `(${c.join(' OR ')})` : '';
    }
    if (s.type === 'array') {
      const e = this.lambda();
      const inner = this.checks(this.resolve(s.items ?? { type: 'string' }), e);
      return `coalesce(list_bool_or(list_transform(${x}, ${e} -> ${e} IS NULL${inner ? ` OR ${inner}` : ''})), false)`;
    }
    return this.leaf(s, text(x));
  }

  /** SQL true when the JSON text `x` of a scalar may violate `s`. */
  private leaf(s: Schema, x: string): string {
    if ('const' in s) return `${x} <> ${sqlString(JSON.stringify(s.const))}`;
    switch (s.type) {
      case 'string': {
        // An enum, a date or a pattern is matched on the quoted text, so only a free string needs its quote checked.
        const checks: string[] = [];
        if (s.enum) checks.push(notAmong(x, s.enum.map((e: string) => JSON.stringify(e))));
        // The shape, then DuckDB's own date parser: the contract's leap-year pattern, cheaply.
        if (s.format === 'date') checks.push(`NOT regexp_matches(${x}, '^"[0-9]{4}-[0-9]{2}-[0-9]{2}"$') OR ${dateOf(x)} IS NULL`);
        else if (s.pattern) checks.push(`NOT regexp_matches(${x}, ${sqlString(quotedPattern(s.pattern))})`);
        if (!checks.length) checks.push(`NOT starts_with(${x}, '"')`);
        if (typeof s.minLength === 'number' && s.minLength > 1) throw new Error(`minLength ${s.minLength} is not compiled to SQL`);
        if (s.minLength === 1) checks.push(`strlen(${x}) < 3`);
        return `(${checks.join(' OR ')})`;
      }
      case 'number':
      case 'integer': {
        // A whole double is written "100.0", longer than the "1e2" it may have been read from.
        const checks = [`NOT regexp_matches(${x}, '${numberShape(s)}')`, `ends_with(${x}, '.0')`];
        const v = `TRY_CAST(${x} AS DOUBLE)`;
        if (typeof s.minimum === 'number') checks.push(`${v} < ${s.minimum}`);
        if (typeof s.maximum === 'number') checks.push(`${v} > ${s.maximum}`);
        return `(${checks.join(' OR ')})`;
      }
      case 'boolean':
        return notAmong(x, ['true', 'false']);
      default:
        throw new Error(`schema without a supported type: ${JSON.stringify(s).slice(0, 80)}`);
    }
  }
}

/** The plan for a collection's records: structure, typed columns, suspect predicate. */
export function onePass(root: Schema, defName: string): OnePassSql {
  return new OnePassPlan(root).record(defName);
}

const suspectOf = (plan: OnePassSql, extraSuspect?: string) => (extraSuspect ? `(${plan.suspect} OR ${extraSuspect})` : plan.suspect);

/** The statement's body: typed columns and `_suspect` of every line of `rawView` (`_line`, `j`). */
export function onePassSelect(plan: OnePassSql, rawView: string, extraSuspect?: string): string {
  return `SELECT _line, ${plan.columns.join(', ')}, ${suspectOf(plan, extraSuspect)} AS _suspect FROM (SELECT _line, j AS _j, unnest(from_json(j, ${sqlString(plan.structure)})) FROM ${rawView})`;
}

/**
 * The same over every line of `lines` (one column `j`, in file order, blank lines as NULL), with
 * no table of the text in between: `_line` is left NULL for the caller to fill from the row's
 * position, and `_text` keeps the text of the suspect lines only (blank lines are suspect).
 */
export function onePassLinesSelect(plan: OnePassSql, lines: string, extraSuspect?: string): string {
  return `SELECT NULL::INTEGER AS _line, ${plan.names.join(', ')}, _suspect, CASE WHEN _suspect THEN _j END AS _text FROM (SELECT _j, ${plan.columns.join(', ')}, ${suspectOf(plan, extraSuspect)} AS _suspect FROM (SELECT j AS _j, unnest(from_json(j, ${sqlString(plan.structure)})) FROM ${lines}))`;
}
