// Finds, inside DuckDB, every line of a collection that may violate the contract's JSON
// Schema, so millions of records are validated at DuckDB's speed; ajv then re-validates only
// the flagged lines and is the authority on meaning and messages. The pass must never miss a
// violation; flagging a valid line only costs an ajv call (sql-validator.test.ts checks both).
//
// How: each level of nesting is parsed once into a temp table of JSON fragments (from_json
// with "JSON" leaves; referencing a from_json result twice in one query would parse twice),
// and the checks run on the fragments' text: a fragment's first character gives its JSON
// type, and from_json re-serialises leaves canonically, so patterns can match the quoted text.
import { Dataset } from '../dataset/dataset';
import { sqlString } from '../dataset/sql';

type Schema = Record<string, any>;

export const SUPPORTED = new Set([
  '$ref', 'type', 'properties', 'required', 'additionalProperties', 'items', 'enum', 'const', 'pattern', 'format',
  'minLength', 'minimum', 'maximum', 'x-decimals', 'x-since', 'title', 'description', '$schema', 'id',
]);

export const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

// A JSON null anywhere as a value: ajv rejects null for every typed field of the contract,
// and from_json cannot tell a null from an absent key, so such lines always go to ajv.
const NULL_VALUE = `contains(j, 'null') AND regexp_matches(j, '[:,\\[]\\s*null\\s*[,\\]}]')`;
// from_json re-serialises a number through a double (12.3400000000000000001 → 12.34), so
// "at most two decimals" is pre-checked on the line's own text. A number the double rounds to
// two decimals needs 16+ significant digits: with a third fraction digit the '.' test finds it;
// with a positive exponent it is far above MONEY_MAX (the leaf check flags it); a negative
// exponent is caught by 'e-'. Even inside a string these only flag (literal tests, fast).
const MANY_DECIMALS = `(contains(j, 'e-') OR contains(j, 'E-') OR regexp_matches(j, '\\.[0-9]{3}'))`;

/**
 * The plain decimal text a number or integer of `s` may be written as (no exponent, no sign but
 * minus; money at most two decimals); any other `x-decimals` is refused, not approximated.
 */
export function numberShape(s: Schema): string {
  const places = s['x-decimals'];
  if (places !== undefined && places !== 2) throw new Error(`x-decimals ${places} is not compiled to SQL`);
  return s.type === 'integer' ? '^-?[0-9]+$' : places === 2 ? '^-?[0-9]+(\\.[0-9]{1,2})?$' : '^-?[0-9]+(\\.[0-9]+)?$';
}

/** `s` with its `$ref` followed into `root.$defs`; a keyword the SQL plans do not compile is refused. */
export function resolveSchema(root: Schema, s: Schema): Schema {
  if (typeof s.$ref === 'string') {
    const m = /^#\/\$defs\/(.+)$/.exec(s.$ref);
    if (!m || !root.$defs?.[m[1]]) throw new Error(`unsupported $ref ${s.$ref}`);
    return resolveSchema(root, root.$defs[m[1]]);
  }
  const unsupported = Object.keys(s).filter((k) => !SUPPORTED.has(k));
  if (unsupported.length) throw new Error(`JSON Schema keyword(s) not compiled to SQL: ${unsupported.join(', ')}`);
  return s;
}

export class SqlValidationPlan {
  private statements: string[] = [];
  private flags: string[] = [];
  private tables: string[] = [];
  private n = 0;
  private decimals = false;

  constructor(private readonly root: Schema, private readonly prefix: string) {}

  private resolve(s: Schema): Schema {
    return resolveSchema(this.root, s);
  }

  /** Plans the checks of `schema` over table `from`, whose column `f` holds the node's JSON text. */
  node(schema: Schema, from: string): void {
    const s = this.resolve(schema);
    if (s.type === 'object') return this.object(s, from);
    if (s.type === 'array') return this.array(s, from);
    this.flags.push(`SELECT _line FROM ${from} WHERE ${this.leaf(s, 'f')}`);
  }

  private table(select: string): string {
    const name = `${this.prefix}_${this.n++}`;
    this.statements.push(`CREATE TEMP TABLE ${name} AS ${select}`);
    this.tables.push(name);
    return name;
  }

  private object(s: Schema, from: string): void {
    const props: [string, Schema][] = Object.entries(s.properties ?? {});
    const required = new Set<string>(s.required ?? []);
    this.flags.push(`SELECT _line FROM ${from} WHERE NOT starts_with(f, '{')`);
    if (!props.length) return;
    const structure = JSON.stringify(Object.fromEntries(props.map(([k]) => [k, 'JSON'])));
    // from_json keeps the first of two equal keys, JSON.parse the last: a key given twice
    // (json_keys lists both) is flagged so the record is rejected rather than read either way.
    // Cheap test first: as many keys as described fields present means no repeat and no extra.
    // Only otherwise are keys compared, and an extra key holding an object or array (which
    // this pass does not parse) also sends the line to the exact check.
    const described = props.map(([k]) => sqlString(k)).join(', ');
    const present = props.map(([k]) => `(t.${ident(k)} IS NOT NULL)::INTEGER`).join(' + ');
    const extras = `list_filter(k, x -> x NOT IN (${described}))`;
    const extraContainer = `list_bool_or(list_transform(${extras}, x -> contains(x, '"') OR contains(x, '\\') OR json_type(f, '$."' || x || '"') IN ('OBJECT', 'ARRAY')))`;
    const t = this.table(
      `SELECT _line, t, CASE WHEN len(k) = ${present} THEN false ELSE len(k) <> len(list_distinct(k)) OR coalesce(${extraContainer}, false) END AS _dup FROM (SELECT _line, f, from_json(f, ${sqlString(structure)}) AS t, json_keys(f) AS k FROM ${from} WHERE starts_with(f, '{'))`,
    );
    const leafChecks: string[] = ['_dup'];
    for (const [key, raw] of props) {
      const sub = this.resolve(raw);
      const col = `t.${ident(key)}`;
      if (required.has(key)) leafChecks.push(`${col} IS NULL`);
      if (sub.type === 'object' || sub.type === 'array') {
        const child = this.table(`SELECT _line, ${col} AS f FROM ${t} WHERE ${col} IS NOT NULL`);
        this.node(sub, child);
      } else leafChecks.push(`(${col} IS NOT NULL AND ${this.leaf(sub, col)})`);
    }
    if (leafChecks.length) this.flags.push(`SELECT _line FROM ${t} WHERE ${leafChecks.join(' OR ')}`);
  }

  private array(s: Schema, from: string): void {
    this.flags.push(`SELECT _line FROM ${from} WHERE NOT starts_with(f, '[')`);
    if (!s.items) return;
    const items = this.table(`SELECT _line, unnest(from_json(f, '["JSON"]')) AS f FROM ${from} WHERE starts_with(f, '[')`);
    this.node(s.items, items);
  }

  /** SQL true when the JSON text `x` of a scalar violates `s`. Conservative: may flag valid text. */
  private leaf(s: Schema, x: string): string {
    if ('const' in s) return `${x} <> ${sqlString(JSON.stringify(s.const))}`;
    switch (s.type) {
      case 'string': {
        const checks = [`NOT starts_with(${x}, '"')`];
        if (s.enum) checks.push(`${x} NOT IN (${s.enum.map((e: string) => sqlString(JSON.stringify(e))).join(', ')})`);
        // A calendar date: the shape, then DuckDB's own date parser, is the contract's long
        // leap-year pattern at a fraction of the cost (the test checks leap and impossible days).
        if (s.format === 'date') checks.push(`NOT regexp_matches(${x}, '^"[0-9]{4}-[0-9]{2}-[0-9]{2}"$') OR TRY_CAST(substr(${x}, 2, 10) AS DATE) IS NULL`);
        // Patterns match the quoted text; an escape in the text makes it fail, which only flags.
        else if (s.pattern) checks.push(`NOT regexp_matches(${x}, ${sqlString(quotedPattern(s.pattern))})`);
        // Escapes make the text longer than the value, so only "at least one character" is exact here.
        if (typeof s.minLength === 'number' && s.minLength > 1) throw new Error(`minLength ${s.minLength} is not compiled to SQL`);
        if (s.minLength === 1) checks.push(`length(${x}) < 3`);
        return `(${checks.join(' OR ')})`;
      }
      case 'number':
      case 'integer': {
        // Plain decimal text only; 1e2 or 2.0 is flagged and left to ajv.
        if (s['x-decimals'] === 2) this.decimals = true;
        const checks = [`NOT regexp_matches(${x}, '${numberShape(s)}')`];
        const v = `TRY_CAST(CAST(${x} AS VARCHAR) AS DOUBLE)`;
        if (typeof s.minimum === 'number') checks.push(`${v} < ${s.minimum}`);
        if (typeof s.maximum === 'number') checks.push(`${v} > ${s.maximum}`);
        return `(${checks.join(' OR ')})`;
      }
      case 'boolean':
        return `${x} NOT IN ('true', 'false')`;
      default:
        throw new Error(`schema without a supported type: ${JSON.stringify(s).slice(0, 80)}`);
    }
  }

  /** Statements to run, then the query that lists every flagged line, then the tables to drop. */
  build(rawView: string): { statements: string[]; flagged: string; cleanup: string[] } {
    return {
      statements: this.statements,
      flagged: [`SELECT _line FROM ${rawView} WHERE ${NULL_VALUE}${this.decimals ? ` OR ${MANY_DECIMALS}` : ''}`, ...this.flags].join('\nUNION\n'),
      cleanup: [...this.tables].reverse().map((t) => `DROP TABLE IF EXISTS ${t}`),
    };
  }
}

// ^…$ around the value becomes ^"…"$ around the quoted text.
export function quotedPattern(pattern: string): string {
  if (!pattern.startsWith('^') || !pattern.endsWith('$')) throw new Error(`pattern ${pattern} is not anchored`);
  return `^"(?:${pattern.slice(1, -1)})"$`;
}

/** Runs the plan for a collection over `rawView` (columns `_line`, `j`) and returns the flagged lines. */
export async function flagViolations(ds: Dataset, root: Schema, defName: string, rawView: string, prefix: string): Promise<number[]> {
  const plan = new SqlValidationPlan(root, prefix);
  const base = `${prefix}_root`;
  await ds.run(`CREATE TEMP VIEW ${base} AS SELECT _line, j AS f FROM ${rawView}`);
  plan.node({ $ref: `#/$defs/${defName}` }, base);
  const { statements, flagged, cleanup } = plan.build(rawView);
  try {
    for (const s of statements) await ds.run(s);
    const rows = await ds.all<{ _line: number }>(`SELECT DISTINCT _line FROM (${flagged}) ORDER BY _line`);
    return rows.map((r) => Number(r._line));
  } finally {
    for (const s of cleanup) await ds.run(s);
    await ds.run(`DROP VIEW IF EXISTS ${base}`);
  }
}
