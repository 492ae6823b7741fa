// A vocabulary rule's conditions as SQL over the export's tables, with the parameter values
// of one period written in as constants: the record is `s`, linked records a1, a2…
import { ParameterValue } from '../../engine/profile/profile';
import { Duration } from '../duration';
import { Condition, Operand } from './ir';

export type Values = Record<string, ParameterValue | undefined>;

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

function paramSql(key: string, values: Values, type: string): string {
  const v = values[key]?.value;
  if (v === undefined || v === null) return 'NULL';
  if (Array.isArray(v)) return `[${v.map((x) => lit(String(x))).join(', ')}]::VARCHAR[]`;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return type === 'amount' ? `${v}::DECIMAL(18,2)` : String(v);
  return lit(String(v));
}

// Working days are counted on the official calendar (jz_calendar: every known day with the
// running count of working days up to it; jz_workdays: the n-th working day). Outside the
// calendar's years the lookup is NULL, so the record is not judged rather than guessed.
function addWorkingDays(base: string, n: number): string {
  if (n >= 0) return `(SELECT w.d FROM jz_workdays w WHERE w.n = (SELECT c.cum FROM jz_calendar c WHERE c.d = ${base}) + ${n})`;
  return `(SELECT w.d FROM jz_workdays w WHERE w.n = (SELECT c.cum FROM jz_calendar c WHERE c.d = CAST(${base} - INTERVAL 1 DAY AS DATE)) - ${-n} + 1)`;
}

function offsetSql(base: string, d: Duration, sign: 1 | -1, countingStart: boolean): string {
  // Counting the first day (a notice posted on the 1st for 7 days ends on the 7th) is the period after the day before.
  const from = countingStart ? `CAST(${base} - INTERVAL 1 DAY AS DATE)` : base;
  switch (d.unit) {
    case 'calendar_days':
      return `CAST(${from} + INTERVAL (${sign * d.value}) DAY AS DATE)`;
    case 'months':
      return countingStart ? `CAST(${base} + INTERVAL (${sign * d.value}) MONTH - INTERVAL 1 DAY AS DATE)` : `CAST(${base} + INTERVAL (${sign * d.value}) MONTH AS DATE)`;
    case 'working_days':
      return addWorkingDays(from, sign * d.value);
  }
}

export function operandSql(o: Operand, values: Values): string {
  switch (o.kind) {
    case 'field':
      return `${o.alias}.${o.field.path}`;
    case 'literal':
      return o.sql;
    case 'param':
      return paramSql(o.key, values, o.type);
    case 'offset': {
      const d = 'param' in o.by ? (values[o.by.param]?.value as Duration | undefined) : o.by;
      return d ? offsetSql(operandSql(o.base, values), d, o.sign, o.countingStart) : 'NULL::DATE';
    }
    case 'quarter': {
      const b = operandSql(o.base, values);
      return `(strftime(${b}, '%Y') || '-Q' || quarter(${b}))`;
    }
    case 'values':
      return `(SELECT list(${o.aliases[o.aliases.length - 1]}.${o.field.path}) ${linkedFrom(o.path, o.aliases, o.from, [])})`;
  }
}

function linkedFrom(path: { sql(p: string, a: string): { from: string; on?: string } }[], aliases: string[], from: string, more: string[]): string {
  const parts = path.map((l, i) => l.sql(i ? aliases[i - 1] : from, aliases[i]));
  const on = [...parts.map((p) => p.on).filter((x): x is string => !!x), ...more];
  return `FROM ${parts.map((p) => p.from).join(', ')}${on.length ? ` WHERE ${on.join(' AND ')}` : ''}`;
}

export function conditionSql(c: Condition, values: Values): string {
  const o = (x: Operand) => operandSql(x, values);
  switch (c.kind) {
    case 'compare': {
      // A list field (经办人, 情节) "is" a value when it holds it.
      if (c.left.kind === 'field' && c.left.type === 'list') return `${c.op === '<>' ? 'NOT ' : ''}list_contains(${o(c.left)}, ${o(c.right)})`;
      return `(${o(c.left)} ${c.op} ${o(c.right)})`;
    }
    case 'in': {
      const [first] = c.values;
      const test = first.kind === 'param' || first.kind === 'values' ? `list_contains(${o(first)}, ${o(c.left)})` : `${o(c.left)} IN (${c.values.map(o).join(', ')})`;
      return c.negate ? `(NOT ${test})` : `(${test})`;
    }
    case 'present':
      return c.operand.kind === 'field' && c.operand.type === 'list'
        ? `(len(coalesce(${o(c.operand)}, [])) ${c.present ? '>' : '='} 0)`
        : `(${o(c.operand)} IS ${c.present ? 'NOT ' : ''}NULL)`;
    case 'absent-or':
      return `(${o(c.operand)} IS NULL OR ${conditionSql(c.inner, values)})`;
    case 'between':
      return `(${o(c.left)} BETWEEN ${o(c.low)} AND ${o(c.high)})`;
    case 'includes': {
      // No linked record is an empty list, not an unknown one: a chain without policies lacks them all.
      const list = (x: Operand) => (x.kind === 'values' ? `coalesce(${o(x)}, []::VARCHAR[])` : `${o(x)}::VARCHAR[]`);
      return `(${c.negate ? 'NOT ' : ''}list_has_all(${list(c.left)}, ${list(c.right)}))`;
    }
    case 'param-is': {
      const v = values[c.key]?.value;
      return v === undefined || v === null ? 'NULL' : v === c.value ? 'TRUE' : 'FALSE';
    }
    case 'exists': {
      const inner = c.conditions.map((x) => conditionSql(x, values));
      return `(${c.negate ? 'NOT ' : ''}EXISTS (SELECT 1 ${linkedFrom(c.path, c.aliases, c.from, inner)}))`;
    }
    case 'count':
      return `((SELECT count(*) ${linkedFrom(c.path, c.aliases, c.from, c.conditions.map((x) => conditionSql(x, values)))}) ${c.op} ${o(c.right)})`;
    case 'sum': {
      const a = c.aliases[c.aliases.length - 1];
      return `((SELECT coalesce(sum(${a}.${c.field.path}), 0) ${linkedFrom(c.path, c.aliases, c.from, c.conditions.map((x) => conditionSql(x, values)))}) ${c.op} ${o(c.right)})`;
    }
  }
}

/**
 * Every operand of a condition, through `absent-or` and the conditions on linked records, in
 * order; `totals` adds the right side of a count or total (a number or a parameter), and
 * `paramIs` receives the key of each parameter switch.
 */
function operandsOf(c: Condition, totals: boolean, paramIs: (key: string) => void = () => {}): Operand[] {
  switch (c.kind) {
    case 'compare':
      return [c.left, c.right];
    case 'in':
      return [c.left, ...c.values];
    case 'present':
      return [c.operand];
    case 'absent-or':
      return operandsOf(c.inner, totals, paramIs);
    case 'between':
      return [c.left, c.low, c.high];
    case 'includes':
      return [c.left, c.right];
    case 'param-is':
      paramIs(c.key);
      return [];
    case 'exists':
      return c.conditions.flatMap((x) => operandsOf(x, totals, paramIs));
    case 'count':
    case 'sum':
      return [...c.conditions.flatMap((x) => operandsOf(x, totals, paramIs)), ...(totals ? [c.right] : [])];
  }
}

/** Every parameter a condition reads. */
export function parametersOf(c: Condition): string[] {
  const ofOperand = (x: Operand): string[] =>
    x.kind === 'param' ? [x.key] : x.kind === 'offset' ? [...ofOperand(x.base), ...('param' in x.by ? [x.by.param] : [])] : x.kind === 'quarter' ? ofOperand(x.base) : [];
  const keys: string[] = [];
  for (const x of operandsOf(c, true, (key) => keys.push(key))) keys.push(...ofOperand(x));
  return keys;
}

/** Every field of the rule's own record (`s`) a condition reads, for a finding's `actual`. */
export function subjectFieldsOf(c: Condition): { path: string; zh: string; personal?: string }[] {
  const ofOperand = (x: Operand): { path: string; zh: string; personal?: string }[] =>
    x.kind === 'field' && x.alias === 's' ? [x.field] : x.kind === 'offset' || x.kind === 'quarter' ? ofOperand(x.base) : [];
  return operandsOf(c, false).flatMap(ofOperand);
}

/** Does the condition move a date by working days (NULL may then mean: outside the calendar)? */
export const usesWorkingDays = (sql: string) => sql.includes('jz_workdays');

/**
 * For a requirement that no linked record may match (…中不应有…): SQL listing the keys of those
 * that do, so a finding names them (related records); undefined for other requirements.
 */
export function witnessSql(c: Condition, values: Values, keyOf: (def: string) => string | undefined): string | undefined {
  if (c.kind !== 'exists' || !c.negate) return undefined;
  const key = keyOf(c.path[c.path.length - 1].to);
  if (!key) return undefined;
  const inner = c.conditions.map((x) => conditionSql(x, values));
  return `(SELECT list(DISTINCT ${c.aliases[c.aliases.length - 1]}.${key}::VARCHAR ORDER BY ${c.aliases[c.aliases.length - 1]}.${key}::VARCHAR) ${linkedFrom(c.path, c.aliases, c.from, inner)})`;
}
