// Compiles the contract's JSON Schema into one DuckDB boolean expression per collection
// that is TRUE when a raw NDJSON line violates the schema. It runs inside DuckDB over
// millions of lines; ajv then re-validates only the flagged lines to produce messages,
// so the two must agree (engine/load/sql-validator.test.ts checks them side by side).
type Schema = Record<string, any>;

const NUMERIC = `('BIGINT','UBIGINT','DOUBLE','HUGEINT')`;
const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;
const jsonKey = (k: string) => `'$."${k.replace(/"/g, '\\"')}"'`;

export class SqlSchemaCompiler {
  private depth = 0;
  constructor(private readonly root: Schema) {}

  private resolve(s: Schema): Schema {
    if (typeof s.$ref === 'string') {
      const m = /^#\/\$defs\/(.+)$/.exec(s.$ref);
      if (!m || !this.root.$defs?.[m[1]]) throw new Error(`unsupported $ref ${s.$ref}`);
      return this.resolve(this.root.$defs[m[1]]);
    }
    return s;
  }

  /** SQL that is TRUE when JSON value `v` (never SQL NULL) violates schema `s`. */
  violation(schema: Schema, v: string): string {
    const s = this.resolve(schema);
    const unsupported = Object.keys(s).filter((k) => !SUPPORTED.has(k));
    if (unsupported.length) throw new Error(`JSON Schema keyword(s) not compiled to SQL: ${unsupported.join(', ')}`);
    if ('const' in s) return `(${v}->>'$') IS DISTINCT FROM ${sqlString(String(s.const))} OR json_type(${v}) <> 'VARCHAR'`;
    switch (s.type) {
      case 'string':
        return this.stringViolation(s, v);
      case 'number':
      case 'integer':
        return this.numberViolation(s, v);
      case 'boolean':
        return `json_type(${v}) <> 'BOOLEAN'`;
      case 'object':
        return this.objectViolation(s, v);
      case 'array':
        return this.arrayViolation(s, v);
      default:
        throw new Error(`schema without a supported type: ${JSON.stringify(s).slice(0, 80)}`);
    }
  }

  private stringViolation(s: Schema, v: string): string {
    const str = `(${v}->>'$')`;
    const checks: string[] = [];
    if (s.enum) checks.push(`${str} NOT IN (${s.enum.map((e: string) => sqlString(e)).join(', ')})`);
    if (s.pattern) checks.push(`NOT regexp_matches(${str}, ${sqlString(s.pattern)})`);
    if (typeof s.minLength === 'number') checks.push(`length(${str}) < ${s.minLength}`);
    if (typeof s.maxLength === 'number') checks.push(`length(${str}) > ${s.maxLength}`);
    return `CASE WHEN json_type(${v}) <> 'VARCHAR' THEN TRUE ELSE ${checks.length ? `(${checks.join(' OR ')})` : 'FALSE'} END`;
  }

  private numberViolation(s: Schema, v: string): string {
    const x = `CAST(${v} AS DOUBLE)`;
    const checks: string[] = [];
    if (s.type === 'integer') checks.push(`${x} <> floor(${x})`);
    if (typeof s.minimum === 'number') checks.push(`${x} < ${s.minimum}`);
    if (typeof s.maximum === 'number') checks.push(`${x} > ${s.maximum}`);
    if (typeof s.exclusiveMinimum === 'number') checks.push(`${x} <= ${s.exclusiveMinimum}`);
    if (typeof s.exclusiveMaximum === 'number') checks.push(`${x} >= ${s.exclusiveMaximum}`);
    // Same tolerance as ajv's multipleOfPrecision (engine/load/validator.ts).
    if (typeof s.multipleOf === 'number') checks.push(`abs(round(${x} / ${s.multipleOf}) - ${x} / ${s.multipleOf}) > 1e-${MULTIPLE_OF_PRECISION}`);
    return `CASE WHEN json_type(${v}) NOT IN ${NUMERIC} THEN TRUE ELSE ${checks.length ? `(${checks.join(' OR ')})` : 'FALSE'} END`;
  }

  private objectViolation(s: Schema, v: string): string {
    const props: [string, Schema][] = Object.entries(s.properties ?? {});
    const required = new Set<string>(s.required ?? []);
    if (!props.length) return `json_type(${v}) <> 'OBJECT'`;
    // Extract every property in one parse, bound to a lambda variable (DuckDB has no LET).
    const q = `q${this.depth++}`;
    const parts = props.map(([key, sub], i) => {
      const p = `${q}[${i + 1}]`;
      const bad = this.violation(sub, p);
      return required.has(key) ? `(${p} IS NULL OR (${bad}))` : `(${p} IS NOT NULL AND (${bad}))`;
    });
    this.depth--;
    const paths = `[${props.map(([k]) => jsonKey(k)).join(', ')}]`;
    return `CASE WHEN json_type(${v}) <> 'OBJECT' THEN TRUE ELSE list_transform([json_extract(${v}, ${paths})], ${q} -> ${parts.join(' OR ')})[1] END`;
  }

  private arrayViolation(s: Schema, v: string): string {
    const x = `e${this.depth++}`;
    const item = s.items ? this.violation(s.items, x) : 'FALSE';
    this.depth--;
    const extra = [typeof s.minItems === 'number' ? `json_array_length(${v}) < ${s.minItems}` : null].filter(Boolean);
    return `CASE WHEN json_type(${v}) <> 'ARRAY' THEN TRUE ELSE (${[`len(list_filter(CAST(${v} AS JSON[]), ${x} -> ${item})) > 0`, ...extra].join(' OR ')}) END`;
  }
}

export const MULTIPLE_OF_PRECISION = 6;

const SUPPORTED = new Set([
  '$ref', 'type', 'properties', 'required', 'additionalProperties', 'items', 'enum', 'const', 'pattern', 'format',
  'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minItems',
  'title', 'description', '$schema', 'id',
]);

/** The violation expression for a collection's record schema (`#/$defs/<Name>`), over a raw line `j` (VARCHAR). */
export function recordViolationSql(root: Schema, defName: string): string {
  return new SqlSchemaCompiler(root).violation({ $ref: `#/$defs/${defName}` }, 'CAST(j AS JSON)');
}
