// The DuckDB column types for each collection, derived from the contract's JSON Schema so
// tables are typed as the contract says (never by DuckDB's sampling inference): dates are
// DATE, money is DECIMAL(18,2) so sums are exact in fen, nested records are STRUCTs.
type Schema = Record<string, any>;

/**
 * The days a contract date can be (four digits of year). DuckDB's DATE also holds BC days and
 * ±infinity, and reads them from text ("-infinity", "2024-03-15 (BC)"): both are kept out with this.
 */
export const FIRST_DAY = `DATE '0001-01-01'`;
export const LAST_DAY = `DATE '9999-12-31'`;

export function duckType(root: Schema, schema: Schema): string {
  const s = schema.$ref ? root.$defs[String(schema.$ref).replace('#/$defs/', '')] : schema;
  switch (s.type) {
    case 'string':
      return s.format === 'date' ? 'DATE' : 'VARCHAR';
    case 'integer':
      return 'INTEGER';
    case 'number':
      // Money (`x-decimals: 2`, bounded by MONEY_MAX) fits DECIMAL(18,2) exactly.
      return s['x-decimals'] === 2 ? 'DECIMAL(18,2)' : 'DOUBLE';
    case 'boolean':
      return 'BOOLEAN';
    case 'array':
      return `${duckType(root, s.items ?? { type: 'string' })}[]`;
    case 'object':
      return `STRUCT(${Object.entries(s.properties ?? {})
        .map(([k, v]) => `"${k}" ${duckType(root, v as Schema)}`)
        .join(', ')})`;
    default:
      return 'JSON';
  }
}

/** `from_json` takes its structure as a JSON document of type names. */
export function jsonStructure(root: Schema, schema: Schema): unknown {
  const s = schema.$ref ? root.$defs[String(schema.$ref).replace('#/$defs/', '')] : schema;
  switch (s.type) {
    case 'array':
      return [jsonStructure(root, s.items ?? { type: 'string' })];
    case 'object':
      return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, jsonStructure(root, v as Schema)]));
    default:
      return duckType(root, s);
  }
}

export function columnsOf(root: Schema, defName: string): string[] {
  return Object.keys(root.$defs[defName].properties);
}
