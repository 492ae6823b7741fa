// What is left to check of a value already in the contract's DuckDB type (duck-types.ts): the
// keywords its type does not say. The NDJSON one pass (one-pass.ts) and typed Parquet files
// (parquet-typed.ts) both read values so, and judge them with these same checks.
import { sqlString } from '../dataset/sql';
import { FIRST_DAY, LAST_DAY } from './duck-types';

type Schema = Record<string, any>;

// Not `x NOT IN (…)`: DuckDB plans a long IN list as a join, and a join in the statement makes
// its CREATE TABLE insert in parallel without keeping the rows' order, which `_line` needs.
export const notAmong = (x: string, values: string[]) => `NOT list_contains([${values.map(sqlString).join(', ')}], ${x})`;

/**
 * SQL, each true when the typed scalar `x` breaks a keyword of `s`: enumeration, pattern, the
 * range of a date (DuckDB's DATE also holds BC days and ±infinity, and writes them back as it read
 * them), minLength, minimum, maximum.
 */
export function keywordChecks(s: Schema, x: string): string[] {
  const checks: string[] = [];
  if (s.type === 'string') {
    if (s.enum) checks.push(notAmong(x, s.enum));
    // The contract's patterns are anchored and use only what RE2 and JavaScript read alike; a date's
    // pattern is its range of years, the rest its type says.
    if (s.format === 'date') checks.push(`NOT (${x} BETWEEN ${FIRST_DAY} AND ${LAST_DAY})`);
    else if (s.pattern) checks.push(`NOT regexp_matches(${x}, ${sqlString(s.pattern)})`);
    if (typeof s.minLength === 'number' && s.minLength > 1) throw new Error(`minLength ${s.minLength} is not compiled to SQL`);
    if (s.minLength === 1) checks.push(`${x} = ''`);
  }
  if (s.type === 'number' || s.type === 'integer') {
    if (typeof s.minimum === 'number') checks.push(`${x} < ${s.minimum}`);
    if (typeof s.maximum === 'number') checks.push(`${x} > ${s.maximum}`);
  }
  return checks;
}
