// A vocabulary rule (RuleIR) → a `Rule` like any other: one SQL query per period in which its
// parameters are constant, returning how many records it judged and only those that break a
// requirement or could not be judged. Findings are built here exactly as built-in rules build them.
import { CollectionName, COLLECTIONS } from '../../schemas/case-export';
import { Dataset } from '../../engine/dataset/dataset';
import { Bilingual } from '../../engine/findings/finding';
import { personal, PersonalKind } from '../../engine/findings/personal-data';
import { ParameterValue } from '../../engine/profile/profile';
import { Duration, formatDuration } from '../duration';
import { FrameContext, FrameFinding, frameRule, ParamKey, Span } from '../frame';
import { Rule } from '../rule';
import { ensureCalendar, ensureDerived } from './calendar';
import { Field } from './contract';
import { Condition, RuleIR } from './ir';
import { sharedScansOf, tablesOf } from './links';
import { sharedScan } from '../../engine/dataset/shared-scans';
import { resolveField } from './sentences';
import { conditionSql, parametersOf, subjectFieldsOf, usesWorkingDays, Values, witnessSql } from './sql';
import { recordKinds } from './contract';

interface Row {
  id: string;
  line: number;
  on: string | null;
  ok: (boolean | null)[];
  v: (string | null)[];
  f: (string | null)[];
  hh: string | null;
  app: string | null;
  town: string | null;
  staff: string | null;
  /** Per requirement, the linked records that break a "none may" requirement. */
  w: (string[] | null)[];
}

const HISTORY_NOTE: Bilingual = { zh: '(规则生效前的记录,作为历史记录)', en: ' (before the rule took effect: history)' };

/** Dates [from, until) of one period; 'all' time; or the records 'undated' (no date to place them by). */
export type Which = { from: string | null; until: string | null } | 'all' | 'undated';

/** The records of one period the rule chooses: a WHERE clause over `s`. */
export function scopeWhere(ir: RuleIR, values: Values, which: Which): string {
  const where = ir.where.map((w) => conditionSql(w, values));
  const d = ir.datedBy && `s.${ir.datedBy.path}`;
  if (d && which === 'undated') where.push(`${d} IS NULL`);
  else if (d && typeof which === 'object') {
    if (which.from) where.push(`${d} >= DATE '${which.from}'`);
    if (which.until) where.push(`${d} < DATE '${which.until}'`);
  }
  return where.length ? where.join(' AND ') : 'TRUE';
}

/** The SQL of one period: the count of records judged, and the rows that fail or cannot be judged. */
export function periodSql(ir: RuleIR, values: Values, which: Which, countOnly = false): string {
  const c = tableOf(ir);
  const key = collectionKey(ir);
  const req = ir.require.map((r) => conditionSql(r, values));
  const scope = `FROM ${c} s WHERE ${scopeWhere(ir, values, which)}`;
  if (countOnly) return `SELECT count(*)::INTEGER AS n ${scope}`;
  // Each requirement is computed once per record (a look-up on linked records is a join); the row a
  // finding needs, with its witnesses, only for the records that fail, found again by row key.
  const rowKey = ir.subject.derived?.key ?? '_line';
  const judged = `SELECT s.${rowKey} AS jz_key, [${req.join(', ')}]::BOOLEAN[] AS jz_ok ${scope}`;
  const failed = `NOT coalesce(${ir.require.map((_, i) => `j.jz_ok[${i + 1}]`).join(' AND ')}, FALSE)`;
  const holders = placeholders(ir);
  const fields = actualFields(ir);
  const has = (p: string) => ir.subject.fields.some((f) => f.path === p);
  const town = ir.groups.township === undefined ? 'NULL' : ir.groups.township ? `s.${ir.groups.township}` : `(SELECT h.region_code FROM households h WHERE h.household_id = s.household_id)`;
  const staff = ir.groups.staff === undefined ? 'NULL' : ir.groups.staff === 'handled_by' ? 's.handled_by[1]' : `s.${ir.groups.staff}`;
  const row = `{'id': s.${key}::VARCHAR, 'line': s._line, 'on': ${ir.datedBy ? `s.${ir.datedBy.path}::VARCHAR` : 'NULL'},
      'ok': j.jz_ok,
      'v': [${holders.map((f) => `s.${f.path}::VARCHAR`).join(', ')}]::VARCHAR[],
      'f': [${fields.map((f) => `s.${f.path}::VARCHAR`).join(', ')}]::VARCHAR[],
      'hh': ${c !== 'households' && has('household_id') ? 's.household_id' : 'NULL'}, 'app': ${c !== 'applications' && has('application_id') ? 's.application_id' : 'NULL'},
      'town': ${town}::VARCHAR, 'staff': ${staff}::VARCHAR,
      'w': [${ir.require.map((r) => witnessSql(r, values, keyOfKind) ?? 'NULL').join(', ')}]::VARCHAR[][]}`;
  return `WITH j AS MATERIALIZED (${judged})
    SELECT (SELECT count(*) FROM j)::INTEGER AS n,
           (SELECT list(${row} ORDER BY s._line) FROM j JOIN ${c} s ON s.${rowKey} = j.jz_key WHERE ${failed}) AS bad`;
}

// The record's key is the contract's own (COLLECTIONS[c].key); a derived kind (乡镇月份) names its own.
const collectionKey = (ir: RuleIR): string => ir.subject.derived?.key ?? COLLECTIONS[ir.subject.collection!].key;
const tableOf = (ir: RuleIR): string => ir.subject.derived?.table ?? ir.subject.collection!;
// A linked record a finding can name: one of a collection, by its key.
const keyOfKind = (def: string) => {
  const c = recordKinds().get(def)?.collection;
  return c ? COLLECTIONS[c].key : undefined;
};

// Placeholders were resolved when the rule was read; an unknown one never reaches here.
function fieldByName(ir: RuleIR, name: string): Field | undefined {
  try {
    return resolveField(ir.subject, name);
  } catch {
    return undefined;
  }
}

/** The record fields the message and remedy name, in order. */
function placeholders(ir: RuleIR): Field[] {
  const names = [...`${ir.message.zh}\u0000${ir.message.en}\u0000${ir.remedy.zh}\u0000${ir.remedy.en}`.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
  const out: Field[] = [];
  for (const n of names) {
    const f = fieldByName(ir, n);
    if (f && !out.includes(f)) out.push(f);
  }
  return out;
}

/** The record fields the requirements read, for a finding's `actual`. */
function actualFields(ir: RuleIR): Field[] {
  const out: Field[] = [];
  for (const r of ir.require) for (const f of subjectFieldsOf(r)) if (!out.some((x) => x.path === f.path)) out.push(ir.subject.fields.find((x) => x.path === f.path)!);
  return out;
}

const shown = (f: Field, v: string | null): string => (v === null ? '—' : f.personal ? personal(f.personal as PersonalKind, v) : v);

function paramText(p: ParameterValue | undefined, type: string | undefined): Bilingual {
  const v = p?.value;
  if (v === undefined || v === null) return { zh: '—', en: '—' };
  if (type === 'amount' && typeof v === 'number') return { zh: v.toFixed(2), en: v.toFixed(2) };
  if (typeof v === 'object' && v && 'unit' in v) return formatDuration(v as Duration);
  if (Array.isArray(v)) return { zh: v.join('、'), en: v.join(', ') };
  return { zh: String(v), en: String(v) };
}

function fill(text: string, ir: RuleIR, row: Row, values: Values, lang: 'zh' | 'en'): string {
  const holders = placeholders(ir);
  return text.replace(/\{([^}]+)\}/g, (all, name: string) => {
    const p = /^(?:参数|parameter)\s*(.+)$/.exec(name);
    if (p) return paramText(values[p[1].trim()], ir.parameterTypes[p[1].trim()])[lang];
    const f = fieldByName(ir, name);
    return f ? shown(f, row.v[holders.indexOf(f)]) : all;
  });
}

/** Why a record could not be judged: the fields the requirement reads that it lacks (or the calendar). */
function unjudgedReason(ir: RuleIR, r: Condition, workingDays: boolean): Bilingual {
  const fields = subjectFieldsOf(r).map((f) => f.zh);
  const what = fields.length ? fields.join('、') : '所需记录';
  return {
    zh: `${ir.subject.zh}缺少${what}${workingDays ? '(或日期超出工作日历已知年份)' : ''},无法判断「${r.text}」`,
    en: `${ir.subject.en} lacks ${subjectFieldsOf(r).map((f) => f.path).join(', ') || 'a record it needs'}${workingDays ? ' (or a date is outside the working-day calendar)' : ''}, so "${r.text}" cannot be judged`,
  };
}

/** Every collection the rule's SQL reads: it cannot run without any of them. */
export function collectionsOf(ir: RuleIR): CollectionName[] {
  const sql = periodSql(ir, {}, 'all');
  return [...new Set([...(ir.subject.derived?.from ?? [ir.subject.collection!]), ...tablesOf(sql)])];
}

export function compileRule(ir: RuleIR): Rule {
  const keys = ir.parameters as ParamKey[];
  // One query over the span's records: counted as examined, failures made findings, NULLs not judged.
  const judge = async (ctx: FrameContext<ParamKey>, span: Span<ParamKey> | undefined, values: Values, which: Which) => {
    const sql = periodSql(ir, values, which);
    // A working-day duration (literal, or a parameter's value in this span) reads the calendar tables.
    const workingDays = usesWorkingDays(sql);
    if (workingDays) await ensureCalendar(ctx.ds);
    await ensureTables(ctx.ds, ir, sql);
    const [res] = await ctx.ds.all<{ n: number; bad: Row[] | null }>(sql);
    ctx.examine(Number(res.n));
    for (const row of res.bad ?? []) {
      const failed = row.ok.map((ok, i) => (ok === false ? i : -1)).filter((i) => i >= 0);
      if (!failed.length) ctx.notJudged(unjudgedReason(ir, ir.require[row.ok.findIndex((ok) => ok === null)], workingDays));
      for (const i of failed) ctx.find(span, finding(ir, ctx.ds, row, i, values));
    }
  };
  const valuesOf = (span: Span<ParamKey>): Values => Object.fromEntries(keys.map((k) => [k, span.maybe(k)]));
  return frameRule<ParamKey>({
    id: ir.id,
    family: ir.family,
    title: ir.title,
    clause: ir.clause,
    needs: collectionsOf(ir),
    reads: [],
    parameters: keys,
    before: ir.before === 'skip' ? 'skip' : { note: HISTORY_NOTE },
    historyBeforeAuditPeriod: true,
    // A profile that never sets the rule's parameters: every record it would choose is not reviewed.
    unset: {
      count: async (ds) => {
        const sql = periodSql({ ...ir, where: ir.where.filter((w) => !parametersOf(w).length) }, {}, 'all', true);
        await ensureTables(ds, ir, sql);
        return Number((await ds.all<{ n: number }>(sql))[0].n);
      },
    },
    ...(keys.length ? { eachSpan: (span, ctx) => judge(ctx, span, valuesOf(span), { from: span.from, until: span.until }) } : {}),
    async whole(ctx) {
      if (!keys.length) return judge(ctx, undefined, {}, 'all');
      // A record without the date that says which values apply cannot be placed in a span.
      if (!ir.datedBy) return;
      const last = ctx.timeline.spans[ctx.timeline.spans.length - 1];
      const where = scopeWhere(ir, valuesOf(last), 'undated');
      await ensureTables(ctx.ds, ir, where);
      const n = await ctx.examineWhere(`${tableOf(ir)} s`, where);
      ctx.notJudged({ zh: `${ir.subject.zh}缺少${ir.datedBy.zh},无法确定适用的政策`, en: `${ir.subject.en} lacks ${ir.datedBy.path}, so the policy in force cannot be known` }, n);
    },
  });
}

/** The derived kind's table and the shared tables the SQL reads, built once per dataset. */
async function ensureTables(ds: Dataset, ir: RuleIR, sql: string): Promise<void> {
  await ensureDerived(ds, ir.subject);
  for (const scan of sharedScansOf(sql)) await sharedScan(ds, scan);
}

function witnesses(ir: RuleIR, i: number): CollectionName[] {
  const r = ir.require[i];
  const c = r.kind === 'exists' && r.negate ? recordKinds().get(r.path[r.path.length - 1].to)?.collection : undefined;
  return c ? [c] : [];
}

function finding(ir: RuleIR, ds: Dataset, row: Row, i: number, values: Values): FrameFinding {
  const fields = actualFields(ir);
  const reads = subjectFieldsOf(ir.require[i]).map((f) => f.path);
  const actual = Object.fromEntries(fields.map((f, j) => [f.path, f.personal && row.f[j] !== null ? personal(f.personal as PersonalKind, row.f[j]!) : row.f[j]]).filter(([p]) => reads.includes(p as string)));
  return {
    severity: ir.severity,
    record: ds.locate(ir.subject.derived?.locate ?? ir.subject.collection!, row.id, row.line),
    related: [
      ...(row.hh ? [{ collection: 'households', id: row.hh }] : []),
      ...(row.app ? [{ collection: 'applications', id: row.app }] : []),
      ...witnesses(ir, i).flatMap((collection) => (row.w[i] ?? []).map((id) => ({ collection, id }))),
    ],
    message: { zh: fill(ir.message.zh, ir, row, values, 'zh'), en: fill(ir.message.en, ir, row, values, 'en') },
    expected: { requirement: ir.require[i].text },
    actual,
    remedy: ir.remedy.zh ? { zh: fill(ir.remedy.zh, ir, row, values, 'zh'), en: fill(ir.remedy.en, ir, row, values, 'en') } : { zh: '核实并依规纠正', en: 'verify and correct' },
    ...(row.town || row.staff ? { groups: { ...(row.town ? { township: row.town.slice(0, 9) } : {}), ...(row.staff ? { staff: row.staff } : {}) } } : {}),
    ...(ir.require.length > 1 ? { detail: `r${i + 1}` } : {}),
    ...(row.on ? { on: row.on } : {}),
  };
}
