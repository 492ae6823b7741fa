// One parse per record: each line is parsed once by from_json straight into the contract's
// DuckDB types (duck-types.ts), and from that one parse the same query decides whether the
// line is *suspect*. Only suspect lines get a second look (sql-validator.ts, ajv) and are typed
// again from their text.
//
// The typed parse is lenient (123 in a string field reads as '123', 12.345 as 12.35, "2024-1-1"
// as a date, 1 as true, a repeated key as its first value), so what it read is written back as
// compact JSON text, keys in a fixed order, each string between quotes as read, each number in
// its shortest form, each date as YYYY-MM-DD, absent and NULL values left out; a line is
// conforming only if it is that text byte for byte (and passes the value checks: enum, pattern,
// bounds, required). Why that is exact: the written text is valid JSON meaning exactly the typed
// values, so a line equal to it means exactly them; any leniency, escape, whitespace, null,
// extra or repeated key, exponent or longer number text makes the line differ.
import { sqlString } from '../dataset/sql';
import { FIRST_DAY, jsonStructure, LAST_DAY } from './duck-types';
import { keywordChecks } from './typed-checks';
import { ident, resolveSchema } from './sql-validator';

type Schema = Record<string, any>;

// An anchored pattern of digits, letters, '-', classes of those, groups, alternatives and
// counts: nothing in it can match '"'.
const PATTERN_WITHOUT_QUOTE = /^\^(?:\\d|[A-Za-z0-9\-()|?:]|\[(?:\\d|[A-Za-z0-9\-])+\]|\{\d+(?:,\d*)?\})*\$$/;

type Piece = { lit: string } | { sql: string };
const sqlOf = (p: Piece) => ('lit' in p ? sqlString(p.lit) : p.sql);
/** The pieces with adjacent literal text joined. */
function merged(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const p of pieces) {
    const last = out[out.length - 1];
    if ('lit' in p && last && 'lit' in last) out[out.length - 1] = { lit: last.lit + p.lit };
    else out.push(p);
  }
  return out;
}

/** One concat() of the pieces. */
const concatOf = (pieces: Piece[]) => `concat(${merged(pieces).map(sqlOf).join(', ')})`;

/** Key orders seen in a file, by object path ('' the record, 'members[]' a member…): the order the written text uses. */
export type KeyOrders = Map<string, string[]>;

export interface OnePassSql {
  /** from_json structure: the contract's DuckDB types (duck-types.ts). */
  structure: string;
  /** The record's columns (quoted), in the contract's order. */
  names: string[];
  /** SQL true unless the line (column `_j`) certainly conforms; never NULL. */
  suspect: string;
  /** The compact JSON text of what the parse read, which a conforming line equals. */
  text: string;
}

export class OnePassPlan {
  private lambdas = 0;

  constructor(private readonly root: Schema, private readonly orders: KeyOrders = new Map()) {}

  private resolve(s: Schema): Schema {
    return resolveSchema(this.root, s);
  }

  private props(s: Schema): [string, Schema][] {
    return Object.entries(s.properties ?? {}).map(([k, v]) => [k, this.resolve(v as Schema)]);
  }

  /** The plan for one collection's record type. */
  record(defName: string): OnePassSql {
    const ref = { $ref: `#/$defs/${defName}` };
    const s = this.resolve(ref);
    if (s.type !== 'object') throw new Error(`$defs/${defName} is not an object`);
    const props = this.props(s);
    const text = concatOf(this.objectPieces(props, new Set(s.required ?? []), ident, ''));
    const checks = [`_j <> ${text}`, ...this.objectChecks(s, props, ident)];
    return { structure: JSON.stringify(jsonStructure(this.root, ref)), names: props.map(([k]) => ident(k)), suspect: `coalesce(${checks.join('\n OR ')}, true)`, text };
  }

  private lambda(): string {
    return `e${this.lambdas++}`;
  }

  /**
   * The node `x` (typed) written as compact JSON text, as pieces for one concat(): literal text,
   * or SQL. A NULL piece is written as nothing (concat's rule), so an optional member is one
   * piece that is NULL when its value is. A required member's NULL writes text no line has but
   * `""` for a date (which reads as NULL): the required check flags it.
   */
  private pieces(s: Schema, x: string, path: string): Piece[] {
    switch (s.type) {
      case 'object':
        return this.objectPieces(this.props(s), new Set(s.required ?? []), (k) => `${x}.${ident(k)}`, path);
      case 'array': {
        const item = this.resolve(s.items ?? { type: 'string' });
        const e = this.lambda();
        // A NULL element (a null, or a value the parse could not type) is left out: the text then differs.
        // A list of free strings in one piece: '["' + elements joined by '","' + '"]'. Not for dates:
        // there [""] reads as [NULL], which that form writes back as [""].
        if (item.type === 'string' && item.format !== 'date') return [{ sql: `CASE WHEN ${x} IS NULL THEN NULL WHEN len(${x}) = 0 THEN '[]' ELSE concat('["', array_to_string(${x}, '","'), '"]') END` }];
        // Each element's text is NULL when the element is, so array_to_string leaves it out.
        const pieces = this.pieces(item, e, `${path}[]`);
        const element = `CASE WHEN ${e} IS NULL THEN NULL ELSE ${concatOf(pieces)} END`;
        return [{ sql: `'[' || array_to_string(list_transform(${x}, ${e} -> ${element}), ',') || ']'` }];
      }
      case 'string':
        return [{ lit: '"' }, { sql: s.format === 'date' ? `CAST(${x} AS VARCHAR)` : x }, { lit: '"' }];
      case 'integer':
      case 'boolean':
        return [{ sql: `CAST(${x} AS VARCHAR)` }];
      case 'number':
        // DECIMAL(18,2) is written with both decimals (12.30, 100.00); JSON's shortest form drops
        // '.00' or the last '0' (a substring: cheaper than rtrim).
        if (s['x-decimals'] !== 2) return [{ sql: `CAST(${x} AS VARCHAR)` }];
        return [{ sql: `left(CAST(${x} AS VARCHAR), strlen(CAST(${x} AS VARCHAR)) - CASE WHEN ends_with(CAST(${x} AS VARCHAR), '.00') THEN 3 WHEN ends_with(CAST(${x} AS VARCHAR), '0') THEN 1 ELSE 0 END)` }];
      default:
        throw new Error(`schema without a supported type: ${JSON.stringify(s).slice(0, 80)}`);
    }
  }

  // '{' + the members joined by ',' + '}', in the order the file writes its keys (any fixed
  // order is exact; the file's makes its plain lines equal their text). A required member is
  // written inline (were it NULL, the line is suspect anyway). An optional one writes nothing
  // when its value is NULL: its literal text (key, quotes) is guarded by that test, and each
  // piece of SQL in a value's text is NULL when the value is.
  private objectPieces(props: [string, Schema][], required: Set<string>, at: (k: string) => string, path: string): Piece[] {
    const order = this.order(props.map(([k]) => k), path);
    const rank = (k: string) => order.indexOf(k);
    const out: Piece[] = [{ lit: '{' }];
    // A comma goes before a member when one before it is written: always after a required one.
    let before = [] as string[] | 'required';
    for (const [k, v] of [...props].sort(([a], [b]) => rank(a) - rank(b))) {
      const name = JSON.stringify(k);
      const key: Piece = before === 'required' ? { lit: `,${name}:` } : before.length ? { sql: `CASE WHEN ${before.map((b) => `${b} IS NOT NULL`).join(' OR ')} THEN ${sqlString(`,${name}:`)} ELSE ${sqlString(`${name}:`)} END` } : { lit: `${name}:` };
      const value = this.pieces(v, at(k), path ? `${path}.${k}` : k);
      if (required.has(k)) out.push(key, ...value);
      else if (v.type === 'object') out.push({ sql: `CASE WHEN ${at(k)} IS NULL THEN NULL ELSE ${concatOf([key, ...value])} END` });
      // Inside a list's lambda, where a CASE costs more than a concatenation: key || value, NULL with the value.
      else if (path.includes('[]')) out.push({ sql: `(${merged([key, ...value]).map(sqlOf).join(' || ')})` });
      else {
        const guarded = (p: Piece): Piece => ({ sql: `CASE WHEN ${at(k)} IS NULL THEN NULL ELSE ${sqlOf(p)} END` });
        out.push(...merged([key, ...value]).map((p, i) => ('lit' in p || i === 0 ? guarded(p) : p)));
      }
      before = required.has(k) || before === 'required' ? 'required' : [...before, at(k)];
    }
    out.push({ lit: '}' });
    return out;
  }

  // The learnt order of the keys the sample wrote; each key it did not write goes right after
  // the nearest key before it in the contract's order (first when there is none).
  private order(contract: string[], path: string): string[] {
    const order = (this.orders.get(path) ?? []).filter((k) => contract.includes(k));
    contract.forEach((k, i) => {
      if (order.includes(k)) return;
      const before = contract.slice(0, i).reverse().find((p) => order.includes(p));
      order.splice(before === undefined ? 0 : order.indexOf(before) + 1, 0, k);
    });
    return order;
  }

  private objectChecks(s: Schema, props: [string, Schema][], at: (k: string) => string): string[] {
    const required = new Set<string>(s.required ?? []);
    const checks: string[] = [];
    for (const [k, v] of props) {
      const x = at(k);
      if (required.has(k)) checks.push(`${x} IS NULL`);
      const inner = this.checks(v, x);
      if (inner) checks.push(`(${x} IS NOT NULL AND ${inner})`);
    }
    return checks;
  }

  /** SQL true when the present, typed node `x` may violate `s`, or '' when nothing is to check. */
  private checks(s: Schema, x: string): string {
    if (s.type === 'object') {
      const c = this.objectChecks(s, this.props(s), (k) => `${x}.${ident(k)}`);
      return c.length ? `(${c.join(' OR ')})` : '';
    }
    if (s.type === 'array') {
      const item = this.resolve(s.items ?? { type: 'string' });
      const whole = this.listChecks(item, x);
      if (whole !== undefined) return whole;
      const e = this.lambda();
      const inner = this.checks(item, e);
      return inner ? `coalesce(list_bool_or(list_transform(${x}, ${e} -> ${inner})), false)` : '';
    }
    return this.leaf(s, x);
  }

  /**
   * The checks of a list of strings or dates on the whole list, with no lambda per element
   * (undefined when an item's keywords need one). NULL elements are left to the text check.
   */
  private listChecks(item: Schema, x: string): string | undefined {
    if (item.type !== 'string' || 'const' in item) return undefined;
    if (item.format === 'date') return `coalesce(list_min(${x}) < ${FIRST_DAY} OR list_max(${x}) > ${LAST_DAY}, false)`;
    const checks: string[] = [];
    if (item.enum) checks.push(`NOT list_has_all([${item.enum.map(sqlString).join(', ')}], ${x})`);
    if (item.pattern) {
      // Elements joined by '"' (which no element of a line equal to its text holds, and which the
      // pattern cannot match) match the pattern repeated with '"' between.
      if (!PATTERN_WITHOUT_QUOTE.test(item.pattern)) return undefined;
      const p = `(?:${item.pattern.slice(1, -1)})`;
      checks.push(`(len(${x}) > 0 AND NOT regexp_matches(array_to_string(${x}, '"'), ${sqlString(`^${p}(?:"${p})*$`)}))`);
    }
    if (typeof item.minLength === 'number' && item.minLength > 1) throw new Error(`minLength ${item.minLength} is not compiled to SQL`);
    if (item.minLength === 1) checks.push(`list_contains(${x}, '')`);
    return checks.length ? `(${checks.join(' OR ')})` : '';
  }

  /** SQL true when the typed scalar `x` violates `s` ('' when its type says all). */
  private leaf(s: Schema, x: string): string {
    if ('const' in s) return `${x} IS DISTINCT FROM ${typeof s.const === 'string' ? sqlString(s.const) : JSON.stringify(s.const)}`;
    if (!['string', 'number', 'integer', 'boolean'].includes(s.type)) throw new Error(`schema without a supported type: ${JSON.stringify(s).slice(0, 80)}`);
    if (s['x-decimals'] !== undefined && s['x-decimals'] !== 2) throw new Error(`x-decimals ${s['x-decimals']} is not compiled to SQL`);
    const checks = keywordChecks(s, x);
    return checks.length ? `(${checks.join(' OR ')})` : '';
  }
}

/** The plan for a collection's records: structure, typed columns, suspect predicate. */
export function onePass(root: Schema, defName: string, orders?: KeyOrders): OnePassSql {
  return new OnePassPlan(root, orders).record(defName);
}

/** The order in which `records` (parsed sample lines) write their keys, object path by object path. */
export function keyOrders(records: unknown[]): KeyOrders {
  const after = new Map<string, Map<string, Set<string>>>();
  const visit = (v: unknown, path: string) => {
    if (Array.isArray(v)) return v.forEach((e) => visit(e, `${path}[]`));
    if (!v || typeof v !== 'object') return;
    const keys = Object.keys(v);
    const edges = after.get(path) ?? after.set(path, new Map()).get(path)!;
    keys.forEach((k, i) => {
      if (!edges.has(k)) edges.set(k, new Set());
      if (i > 0) edges.get(keys[i - 1])!.add(k);
      visit((v as Record<string, unknown>)[k], path ? `${path}.${k}` : k);
    });
  };
  records.forEach((r) => visit(r, ''));
  const orders: KeyOrders = new Map();
  for (const [path, edges] of after) {
    // Keys in first-seen order, each moved after every key seen before it (a topological order; a cycle keeps first-seen order).
    const order: string[] = [];
    const indegree = new Map([...edges.keys()].map((k) => [k, 0]));
    for (const next of edges.values()) for (const k of next) indegree.set(k, (indegree.get(k) ?? 0) + 1);
    const ready = [...edges.keys()].filter((k) => indegree.get(k) === 0);
    while (ready.length) {
      const k = ready.shift()!;
      order.push(k);
      for (const n of edges.get(k) ?? []) if (indegree.set(n, indegree.get(n)! - 1).get(n) === 0) ready.push(n);
    }
    for (const k of edges.keys()) if (!order.includes(k)) order.push(k);
    orders.set(path, order);
  }
  return orders;
}

const suspectOf = (plan: OnePassSql, extraSuspect?: string) => (extraSuspect ? `(${plan.suspect} OR ${extraSuspect})` : plan.suspect);

/** The statement's body: typed columns and `_suspect` of every line of `rawView` (`_line`, `j`). */
export function onePassSelect(plan: OnePassSql, rawView: string, extraSuspect?: string): string {
  return `SELECT _line, ${plan.names.join(', ')}, ${suspectOf(plan, extraSuspect)} AS _suspect FROM (SELECT _line, j AS _j, unnest(from_json(j, ${sqlString(plan.structure)})) FROM ${rawView})`;
}

/**
 * The same over every line of `lines` (one column `j`, in file order, blank lines as NULL), with
 * no table of the text in between: `_line` is left NULL for the caller to fill from the row's
 * position, and `_text` keeps the text of the suspect lines only (blank lines are suspect).
 */
export function onePassLinesSelect(plan: OnePassSql, lines: string, extraSuspect?: string): string {
  return `SELECT NULL::INTEGER AS _line, ${plan.names.join(', ')}, _suspect, CASE WHEN _suspect THEN _j END AS _text FROM (SELECT _j, ${plan.names.join(', ')}, ${suspectOf(plan, extraSuspect)} AS _suspect FROM (SELECT j AS _j, unnest(from_json(j, ${sqlString(plan.structure)})) FROM ${lines}))`;
}
