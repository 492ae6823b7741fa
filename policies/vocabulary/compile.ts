// A vocabulary rule (RuleIR) → a `Rule` like any other: one SQL query per period in which its
// parameters are constant, returning how many records it judged and only those that break a
// requirement or could not be judged. Findings are built here exactly as built-in rules build them.
import { CollectionName } from '../../schemas/case-export';
import { Dataset } from '../../engine/dataset/dataset';
import { Bilingual, Finding } from '../../engine/findings/finding';
import { personal, PersonalKind } from '../../engine/findings/personal-data';
import { ParameterValue, ResolvedProfile } from '../../engine/profile/profile';
import { auditPeriod, historyBeforePeriod, Unjudged } from '../audit-period';
import { Duration, formatDuration } from '../duration';
import { inPeriod, Period, periodsOf } from '../periods';
import { makeFinding, Rule, RuleEvaluation } from '../rule';
import { ensureCalendar } from './calendar';
import { Field } from './contract';
import { Condition, RuleIR } from './ir';
import { tablesOf } from './links';
import { conditionSql, parametersOf, subjectFieldsOf, usesWorkingDays, Values } from './sql';

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
}

const HISTORY_NOTE: Bilingual = { zh: '(规则生效前的记录,作为历史记录)', en: ' (before the rule took effect: history)' };

/** The SQL of one period: the count of records judged, and the rows that fail or cannot be judged. */
export function periodSql(ir: RuleIR, values: Values, span: Pick<Period, 'from' | 'until'> | 'all' | 'undated', countOnly = false): string {
  const c = ir.subject.collection!;
  const key = collectionKey(ir);
  const req = ir.require.map((r) => conditionSql(r, values));
  const where = ir.where.map((w) => conditionSql(w, values));
  if (ir.datedBy && span !== 'all') where.push(span === 'undated' ? `s.${ir.datedBy.path} IS NULL` : inPeriod(`s.${ir.datedBy.path}`, { ...span, preRule: false, off: false, values: {} }));
  const scope = `FROM ${c} s WHERE ${where.length ? where.join(' AND ') : 'TRUE'}`;
  if (countOnly) return `SELECT count(*)::INTEGER AS n ${scope}`;
  const holders = placeholders(ir);
  const fields = actualFields(ir);
  const has = (p: string) => ir.subject.fields.some((f) => f.path === p);
  const town = ir.groups.township === undefined ? 'NULL' : ir.groups.township ? `s.${ir.groups.township}` : `(SELECT h.region_code FROM households h WHERE h.household_id = s.household_id)`;
  const staff = ir.groups.staff === undefined ? 'NULL' : ir.groups.staff === 'handled_by' ? 's.handled_by[1]' : `s.${ir.groups.staff}`;
  const row = `{'id': s.${key}::VARCHAR, 'line': s._line, 'on': ${ir.datedBy ? `s.${ir.datedBy.path}::VARCHAR` : 'NULL'},
      'ok': [${req.join(', ')}]::BOOLEAN[],
      'v': [${holders.map((f) => `s.${f.path}::VARCHAR`).join(', ')}]::VARCHAR[],
      'f': [${fields.map((f) => `s.${f.path}::VARCHAR`).join(', ')}]::VARCHAR[],
      'hh': ${c !== 'households' && has('household_id') ? 's.household_id' : 'NULL'}, 'app': ${c !== 'applications' && has('application_id') ? 's.application_id' : 'NULL'},
      'town': ${town}::VARCHAR, 'staff': ${staff}::VARCHAR}`;
  return `SELECT count(*)::INTEGER AS n, list(${row} ORDER BY s._line) FILTER (WHERE NOT coalesce(${req.join(' AND ')}, FALSE)) AS bad ${scope}`;
}

const collectionKey = (ir: RuleIR) => ({ households: 'household_id', applications: 'application_id', notices: 'notice_id', staff: 'staff_id', relative_filings: 'filing_id', payments: 'payment_id', deaths: 'person_id', fraud_cases: 'case_id', accountability_cases: 'case_id', warnings: 'warning_id', oversight: 'record_id' })[ir.subject.collection!];

function fieldByName(ir: RuleIR, name: string): Field | undefined {
  const n = name.normalize('NFKC').replace(/\s/g, '');
  return ir.subject.fields.find((f) => [f.zh, f.en, f.path, f.parent ? `${f.parent}的${f.zh}` : ''].some((x) => x.normalize('NFKC').replace(/\s/g, '') === n));
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
  return [...new Set([ir.subject.collection!, ...tablesOf(sql)])];
}

export function compileRule(ir: RuleIR): Rule {
  const needs = collectionsOf(ir);
  const rule: Rule = {
    id: ir.id,
    family: ir.family,
    title: ir.title,
    clause: ir.clause,
    needs,
    reads: [],
    parameters: ir.parameters,
    evaluate: (ds, profile) => evaluate(ir, rule, ds, profile),
  };
  return rule;
}

async function evaluate(ir: RuleIR, rule: Rule, ds: Dataset, profile: ResolvedProfile): Promise<RuleEvaluation> {
  const sqlProbe = periodSql(ir, {}, 'all');
  const workingDays = usesWorkingDays(sqlProbe) || ir.require.some((r) => JSON.stringify(r).includes('working_days'));
  if (workingDays) await ensureCalendar(ds);
  const unjudged = new Unjudged();
  const findings: Finding[] = [];
  let examined = 0;
  const keys = ir.parameters;
  const spans: (Period & { all?: boolean })[] = keys.length ? periodsOf(profile, keys) : [{ from: null, until: null, preRule: false, off: false, values: {}, all: true }];
  if (!spans.length) {
    // The profile never sets the rule's parameters: the rule does not reach this jurisdiction.
    const free = { ...ir, where: ir.where.filter((w) => !parametersOf(w).length) };
    const [{ n }] = await ds.all<{ n: number }>(periodSql(free, {}, 'all', true));
    return { findings, examined: 0, ...(n ? { notReviewed: { count: n, reason: { zh: `政策配置「${profile.id}」未设定 ${keys.join('、')},本规则不适用于该地`, en: `profile "${profile.id}" sets no ${keys.join(', ')}` } } } : {}) };
  }
  if (keys.length && ir.datedBy) {
    const [{ n }] = await ds.all<{ n: number }>(periodSql(ir, spans[spans.length - 1].values, 'undated', true));
    unjudged.add({ zh: `${ir.subject.zh}缺少${ir.datedBy.zh},无法确定适用的政策`, en: `${ir.subject.en} lacks ${ir.datedBy.path}, so the policy in force cannot be known` }, n);
    examined += n;
  }
  for (const span of spans) {
    if (span.off || (span.preRule && ir.before === 'skip')) continue;
    const [res] = await ds.all<{ n: number; bad: Row[] | null }>(periodSql(ir, span.values, span.all ? 'all' : span));
    examined += Number(res.n);
    for (const row of res.bad ?? []) {
      const failed = row.ok.map((ok, i) => (ok === false ? i : -1)).filter((i) => i >= 0);
      if (!failed.length) {
        const i = row.ok.findIndex((ok) => ok === null);
        unjudged.add(unjudgedReason(ir, ir.require[i], workingDays));
        continue;
      }
      for (const i of failed) findings.push(finding(ir, rule, ds, row, i, span));
    }
  }
  examined -= unjudged.count;
  return { findings: historyBeforePeriod(findings, auditPeriod(ds)), examined, ...unjudged.result() };
}

function finding(ir: RuleIR, rule: Rule, ds: Dataset, row: Row, i: number, span: Period): Finding {
  const fields = actualFields(ir);
  const history = span.preRule;
  const reads = subjectFieldsOf(ir.require[i]).map((f) => f.path);
  const actual = Object.fromEntries(fields.map((f, j) => [f.path, f.personal && row.f[j] !== null ? personal(f.personal as PersonalKind, row.f[j]!) : row.f[j]]).filter(([p]) => reads.includes(p as string)));
  const message = { zh: fill(ir.message.zh, ir, row, span.values, 'zh'), en: fill(ir.message.en, ir, row, span.values, 'en') };
  return makeFinding(rule, {
    severity: history ? 'info' : ir.severity,
    record: ds.locate(ir.subject.collection!, row.id, row.line),
    related: [...(row.hh ? [{ collection: 'households', id: row.hh }] : []), ...(row.app ? [{ collection: 'applications', id: row.app }] : [])],
    message: history ? { zh: message.zh + HISTORY_NOTE.zh, en: message.en + HISTORY_NOTE.en } : message,
    expected: { requirement: ir.require[i].text },
    actual,
    params: ir.parameters.map((k) => span.values[k]),
    remedy: ir.remedy.zh ? { zh: fill(ir.remedy.zh, ir, row, span.values, 'zh'), en: fill(ir.remedy.en, ir, row, span.values, 'en') } : { zh: '核实并依规纠正', en: 'verify and correct' },
    ...(row.town || row.staff ? { groups: { ...(row.town ? { township: row.town.slice(0, 9) } : {}), ...(row.staff ? { staff: row.staff } : {}) } } : {}),
    ...(ir.require.length > 1 ? { detail: `r${i + 1}` } : {}),
    ...(row.on ? { on: row.on } : {}),
  });
}
