// The vocabulary's sentences: one step of a rule definition → a piece of the rule (its
// records, a condition, what a finding says), with every noun resolved against the contract's
// labels and every comparison type-checked. Chinese first; each form has an English twin.
import { Severity } from '../../engine/findings/finding';
import { Unit } from '../duration';
import { Field, RecordKind, recordKinds } from './contract';
import { SentenceError } from './errors';
import { CompareOp, Condition, Operand, OperandType } from './ir';
import { Link, linksFrom } from './links';
import { didYouMean } from './suggest';

/** Where a sentence is read: the rule's records (`s`), and the linked records a condition is about. */
export interface Scope {
  kind: RecordKind;
  alias: string;
}

export interface SentenceContext {
  subject: Scope;
  current: Scope;
  line: number;
  /** The type of a parameter by key, or undefined for a key no rule and no feature declares. */
  paramType(key: string): OperandType | undefined;
  paramKeys(): string[];
  /** Parameters the rule reads (filled while parsing). */
  used: Set<string>;
  /** Depth of linked aliases already used (a1, a2…). */
  depth: { n: number };
}

const TYPE_WORDS: Record<string, { zh: string; en: string }> = {
  date: { zh: '日期', en: 'a date' },
  month: { zh: '月份', en: 'a month' },
  quarter: { zh: '季度', en: 'a quarter' },
  amount: { zh: '金额', en: 'an amount' },
  integer: { zh: '整数', en: 'a whole number' },
  text: { zh: '文字', en: 'text' },
  enum: { zh: '类别代码', en: 'a code' },
  boolean: { zh: '是否', en: 'yes/no' },
  person: { zh: '身份证号', en: 'a resident ID' },
  list: { zh: '列表', en: 'a list' },
  duration: { zh: '期限', en: 'a duration' },
  codes: { zh: '代码列表', en: 'a list of codes' },
};

const fail = (zh: string, en: string): never => {
  throw new SentenceError(zh, en);
};

const strip = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim();
// NFKC turns the full-width parentheses of labels such as 村(居) into ASCII; labels compare the same way.
const norm = (s: string) => strip(s).replace(/\s/g, '').toLowerCase();

// ---- nouns -------------------------------------------------------------------------------

/** Every name a field answers to: its label, its label under its parent (审核确认的决定日期), its English label, its path. */
function fieldNames(f: Field): string[] {
  return [f.zh, f.en, f.path, ...(f.parent ? [`${f.parent}的${f.zh}`, `${f.parent}.${f.zh}`] : [])];
}

export function resolveField(kind: RecordKind, name: string): Field {
  const wanted = norm(name);
  const hits = kind.fields.filter((f) => fieldNames(f).some((n) => norm(n) === wanted));
  // A label shared by two fields of one record is ambiguous; the qualified name is not.
  const exact = hits.filter((f) => norm(f.path) === wanted || (f.parent && norm(`${f.parent}的${f.zh}`) === wanted));
  if (hits.length === 1) return hits[0];
  if (exact.length === 1) return exact[0];
  if (hits.length > 1)
    fail(
      `「${name}」在${kind.zh}中不止一个字段,请写明: ${hits.map((f) => (f.parent ? `${f.parent}的${f.zh}` : f.path)).join('、')}`,
      `"${name}" names more than one field of ${kind.en}; say which: ${hits.map((f) => f.path).join(', ')}`,
    );
  const near = didYouMean(name, kind.fields.flatMap((f) => [f.zh, ...(f.parent ? [`${f.parent}的${f.zh}`] : [])]));
  return fail(`${kind.zh}没有字段「${name}」${near.zh}`, `${kind.en} has no field "${name}"${near.en}`);
}

function findKind(name: string): RecordKind | undefined {
  const n = norm(name);
  return [...recordKinds().values()].find((k) => (k.collection || k.derived) && [k.zh, k.en, ...k.aliases].some((a) => norm(a) === n));
}

export function resolveCollection(name: string): RecordKind {
  const kind = findKind(name);
  if (kind) return kind;
  const all = [...recordKinds().values()].filter((k) => k.collection || k.derived).flatMap((k) => [k.zh, ...k.aliases]);
  const near = didYouMean(name, all);
  return fail(`没有名为「${name}」的数据集合${near.zh}`, `no collection is called "${name}"${near.en}`);
}

function resolveLink(from: RecordKind, name: string): { link: Link; to: RecordKind } {
  const n = norm(name);
  const links = linksFrom(from.def);
  const hits = links.filter((l) => [...l.zh, ...l.en].some((x) => norm(x) === n));
  if (hits.length === 1) return { link: hits[0], to: recordKinds().get(hits[0].to)! };
  if (hits.length > 1) fail(`「${name}」在${from.zh}中可指多种关联`, `"${name}" is ambiguous from ${from.en}`);
  const near = didYouMean(name, links.flatMap((l) => l.zh));
  return fail(`${from.zh}没有名为「${name}」的关联记录${near.zh}`, `${from.en} has no linked records called "${name}"${near.en}`);
}

/** "家庭成员的工作人员" / "members/staff" → the links walked, from `from`. */
export function resolvePath(from: RecordKind, text: string): { path: Link[]; to: RecordKind } {
  const parts = /[\u4e00-\u9fff]/.test(text) ? splitZhPath(from, text) : text.split('/').map((s) => s.trim());
  const path: Link[] = [];
  let at = from;
  for (const p of parts) {
    const { link, to } = resolveLink(at, p);
    path.push(link);
    at = to;
  }
  return { path, to: at };
}

// "的" joins the steps of a path, but a link may contain 的 itself (其为近亲属的工作人员): take the longest known name first.
function splitZhPath(from: RecordKind, text: string): string[] {
  const pieces = text.split('的');
  const out: string[] = [];
  let at = from;
  let i = 0;
  while (i < pieces.length) {
    let taken = 0;
    for (let j = pieces.length; j > i; j--) {
      const name = pieces.slice(i, j).join('的');
      const hit = linksFrom(at.def).find((l) => l.zh.some((x) => norm(x) === norm(name)));
      if (hit) {
        out.push(name);
        at = recordKinds().get(hit.to)!;
        taken = j - i;
        break;
      }
    }
    if (!taken) return [...out, pieces.slice(i).join('的')];
    i += taken;
  }
  return out;
}

// ---- operands ----------------------------------------------------------------------------

const UNIT_WORDS: [RegExp, Unit][] = [
  [/^(个工作日|工作日|working days?)$/, 'working_days'],
  [/^(天|日|自然日|calendar days?|days?)$/, 'calendar_days'],
  [/^(个月|月|months?)$/, 'months'],
];

function unitOf(word: string): Unit {
  const hit = UNIT_WORDS.find(([re]) => re.test(word.trim()));
  return hit ? hit[1] : fail(`未知的期限单位「${word}」(可用: 天、个工作日、个月)`, `unknown unit "${word}" (use days, working days or months)`);
}

/** Money as written (5000元, 1.5万元) → its exact decimal text in yuan. */
export function yuanText(text: string): string | undefined {
  const m = /^(\d+)(?:\.(\d+))?\s*(万元|万|元|yuan)$/.exec(strip(text).replace(/[,，]/g, ''));
  if (!m) return undefined;
  const [, whole, frac = '', unit] = m;
  const scale = unit.startsWith('万') ? 4 : 0;
  const digits = whole + frac.padEnd(scale, '0');
  const point = digits.length - (frac.length > scale ? frac.length - scale : 0);
  const yuan = frac.length > scale ? `${digits.slice(0, point)}.${digits.slice(point)}` : digits + '0'.repeat(Math.max(0, scale - frac.length));
  if ((yuan.split('.')[1] ?? '').length > 2) fail(`金额精度超过分: ${text}`, `more precise than a fen: ${text}`);
  return yuan.replace(/^0+(?=\d)/, '');
}

const PARAM = /^(?:参数|parameter)\s*[“"「]?([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)[”"」]?$/;
const QUOTED = /^[“"「]([^”"」]*)[”"」]$/;

function param(ctx: SentenceContext, key: string): Operand {
  const type = ctx.paramType(key);
  if (!type) {
    const near = didYouMean(key, ctx.paramKeys());
    fail(`没有参数 ${key}${near.zh}(新参数请在规则中声明: 参数 ${key} 为金额/期限/整数/是否/代码列表)`, `no parameter ${key}${near.en} (declare a new one in the rule: parameter ${key} is an amount/duration/count/yes-no/code list)`);
  }
  ctx.used.add(key);
  return { kind: 'param', key, type: type! };
}

/** A field reference: 其X (the record in scope), 该<记录>的X (the rule's record), or a bare label. */
function fieldRef(ctx: SentenceContext, text: string): Operand {
  let t = strip(text);
  let scope = ctx.current;
  const subjectNames = [ctx.subject.kind.zh, ...ctx.subject.kind.aliases];
  const own = /^(?:该|本|this )(.+?)(?:的|'s )(.+)$/.exec(t);
  if (own && subjectNames.some((n) => norm(n) === norm(own[1]))) {
    scope = ctx.subject;
    t = own[2];
  } else t = t.replace(/^(其|its\s+)/, '');
  // 该申请的家庭成员的身份证号: the values of a field over linked records.
  if (/的/.test(t)) {
    const cut = t.lastIndexOf('的');
    try {
      const field = resolveField(scope.kind, t);
      return { kind: 'field', alias: scope.alias, field, type: field.type };
    } catch {
      const { path, to } = resolvePath(scope.kind, t.slice(0, cut));
      const field = resolveField(to, t.slice(cut + 1));
      const aliases = path.map((_, i) => `v${ctx.depth.n + i + 1}`);
      ctx.depth.n += path.length;
      return { kind: 'values', type: 'codes', path, aliases, field, from: scope.alias };
    }
  }
  const field = resolveField(scope.kind, t);
  return { kind: 'field', alias: scope.alias, field, type: field.type };
}

export function operand(ctx: SentenceContext, raw: string): Operand {
  const text = strip(raw);
  const p = PARAM.exec(text);
  if (p) return param(ctx, p[1]);
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return { kind: 'literal', type: 'date', sql: `DATE '${text}'`, text };
  if (/^\d{4}-\d{2}$/.test(text)) return { kind: 'literal', type: 'month', sql: `'${text}'`, text };
  if (/^\d{4}-Q[1-4]$/.test(text)) return { kind: 'literal', type: 'quarter', sql: `'${text}'`, text };
  // The quarter a date falls in: 该服务类救助的服务日期所在季度 / the quarter of its provided on.
  const qt = /^(.+?)所在(?:的)?季度$/.exec(text) ?? /^the quarter of (.+)$/.exec(text);
  if (qt) {
    const base = operand(ctx, qt[1]);
    if (base.type !== 'date') fail(`「${qt[1]}」不是日期,没有所在季度`, `"${qt[1]}" is not a date; it has no quarter`);
    return { kind: 'quarter', type: 'quarter', base };
  }
  const yuan = yuanText(text);
  if (yuan !== undefined) return { kind: 'literal', type: 'amount', sql: `${yuan}::DECIMAL(18,2)`, text };
  const int = /^(\d+)\s*(?:条|次|个|人|笔|份|户|项|名)?$/.exec(text);
  if (int) return { kind: 'literal', type: 'integer', sql: int[1], text };
  const q = QUOTED.exec(text);
  if (q) return { kind: 'literal', type: 'text', sql: `'${q[1].replace(/'/g, "''")}'`, text: q[1] };
  if (/^(是|true|yes)$/.test(text)) return { kind: 'literal', type: 'boolean', sql: 'TRUE', text };
  if (/^(否|false|no)$/.test(text)) return { kind: 'literal', type: 'boolean', sql: 'FALSE', text };
  // A date moved by a duration: 其申请日期后10个工作日 / 其公示日期起算参数 notice.min_days.
  const zh = /^(.+?)(后|之后|以后|前|之前|起算)\s*(参数.+|\d+\s*\S+)$/.exec(text);
  const en = /^(.+?)\s+(plus|minus)\s+(parameter\s+\S+|\d+\s+[a-z ]+?)(\s+counting that day)?$/.exec(text);
  if (zh || en) {
    const [base, word, by] = zh ? [zh[1], zh[2], zh[3]] : [en![1], en![2], en![3]];
    const b = operand(ctx, base);
    if (b.type !== 'date') fail(`「${base}」不是日期,不能加减期限`, `"${base}" is not a date; a duration cannot be added to it`);
    const counting = zh ? word === '起算' : !!en![4];
    const sign = /前|minus/.test(word) ? -1 : 1;
    const pm = PARAM.exec(by.trim());
    if (pm) {
      const po = param(ctx, pm[1]);
      if (po.type !== 'duration') fail(`参数 ${pm[1]} 是${TYPE_WORDS[po.type].zh},不是期限`, `parameter ${pm[1]} is ${TYPE_WORDS[po.type].en}, not a duration`);
      return { kind: 'offset', type: 'date', base: b, by: { param: pm[1] }, sign, countingStart: counting };
    }
    const m = /^(\d+)\s*(.+)$/.exec(by.trim())!;
    return { kind: 'offset', type: 'date', base: b, by: { value: Number(m[1]), unit: unitOf(m[2]) }, sign, countingStart: counting };
  }
  return fieldRef(ctx, text);
}

// ---- conditions --------------------------------------------------------------------------

const ORDER_OPS: [string, CompareOp][] = [
  ['不早于', '>='], ['不晚于', '<='], ['早于', '<'], ['晚于', '>'],
  ['不高于', '<='], ['不低于', '>='], ['不超过', '<='], ['不少于', '>='], ['不多于', '<='],
  ['高于', '>'], ['低于', '<'], ['超过', '>'], ['少于', '<'], ['多于', '>'], ['不等于', '<>'], ['等于', '='],
];
const EN_OPS: [string, CompareOp][] = [
  ['on or before', '<='], ['on or after', '>='], ['before', '<'], ['after', '>'],
  ['at most', '<='], ['at least', '>='], ['above', '>'], ['below', '<'], ['more than', '>'], ['fewer than', '<'], ['less than', '<'], ['not', '<>'],
];
const ZH_OP = ORDER_OPS.map(([w]) => w).join('|');
const EN_OP = EN_OPS.map(([w]) => w).join('|');
const opOf = (w: string): CompareOp => (ORDER_OPS.find(([x]) => x === w) ?? EN_OPS.find(([x]) => x === w))![1];

const ORDERED: OperandType[] = ['date', 'month', 'quarter', 'amount', 'integer'];

function describe(o: Operand): { zh: string; en: string } {
  const t = TYPE_WORDS[o.type];
  const what = o.kind === 'field' ? o.field.zh : o.kind === 'param' ? `参数 ${o.key}` : o.kind === 'literal' ? o.text : o.kind === 'values' ? o.field.zh : '日期';
  return { zh: `${t.zh}「${what}」`, en: `${t.en} ("${what}")` };
}

/** An enumeration's code for a value written by code or by the contract's word for it (批准 → approved). */
function enumCode(field: Field, value: string): string {
  const hit = field.codes?.find((c) => c.code === value || c.zh === value);
  if (hit) return hit.code;
  const near = didYouMean(value, (field.codes ?? []).flatMap((c) => [c.code, ...(c.zh ? [c.zh] : [])]));
  return fail(`「${field.zh}」没有取值「${value}」${near.zh}`, `"${field.en}" has no value "${value}"${near.en}`);
}

/** Checks that `left` and `right` can be compared with `op`, and reads a text literal as the enumeration's code. */
function typed(left: Operand, op: CompareOp, right: Operand): Operand {
  if (left.kind === 'field' && (left.type === 'enum' || (left.type === 'list' && left.field.codes)) && right.kind === 'literal' && right.type === 'text') {
    const code = enumCode(left.field, right.text);
    return { ...right, type: left.type, sql: `'${code}'` };
  }
  // A quoted date or month ("2024-06") is read as one when compared with a date or month field.
  if (right.kind === 'literal' && right.type === 'text' && ((left.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(right.text)) || (left.type === 'month' && /^\d{4}-\d{2}$/.test(right.text))))
    return { ...right, type: left.type, sql: left.type === 'date' ? `DATE '${right.text}'` : `'${right.text}'` };
  const same =
    left.type === right.type ||
    (['text', 'enum', 'person'].includes(left.type) && ['text', 'enum', 'person'].includes(right.type));
  if (!same) {
    const l = describe(left);
    const r = describe(right);
    fail(`不能比较${l.zh}与${r.zh}`, `cannot compare ${l.en} with ${r.en}`);
  }
  if (op !== '=' && op !== '<>' && !ORDERED.includes(left.type)) {
    const l = describe(left);
    fail(`${l.zh}没有先后大小,只能判断是否相等`, `${l.en} has no order; only equality can be tested`);
  }
  return right;
}

function listValues(ctx: SentenceContext, text: string): string[] {
  return strip(text).split(/[、,,]|\s+或\s*|\s*or\s+/).map((s) => s.trim()).filter(Boolean);
}

/** One condition about the record in scope (`ctx.current`). */
export function condition(ctx: SentenceContext, raw: string): Condition {
  const text = strip(raw).replace(/[。.]$/, '');
  const c = linkCondition(ctx, text) ?? fieldCondition(ctx, text);
  return { ...c, text, line: ctx.line } as Condition;
}

// A condition before its text and line are attached (Omit distributed over the union).
type Bare = Condition extends infer C ? (C extends Condition ? Omit<C, 'text' | 'line'> : never) : never;

// The linked records a condition walks to get aliases of their own (a1, a2…), the last one in scope for its inner conditions.
function scoped<T>(ctx: SentenceContext, path: Link[], to: RecordKind, f: (inner: SentenceContext, aliases: string[]) => T): T {
  const aliases = path.map((_, i) => `a${ctx.depth.n + i + 1}`);
  ctx.depth.n += path.length;
  return f({ ...ctx, current: { kind: to, alias: aliases[aliases.length - 1] } }, aliases);
}

function conditionsIn(ctx: SentenceContext, text: string): Condition[] {
  const t = text.replace(/的?(记录|人员|人|者|项)$/, '').trim();
  if (!t) return [];
  return t.split(/且|,并且|, and | and /).map((s) => condition(ctx, s));
}

// 其家庭成员的工作人员中不应有身份为“财政供养人员”的记录 / 其发放记录中发放日期晚于… 的记录数应不超过 2
function linkCondition(ctx: SentenceContext, text: string): Bare | undefined {
  const zhExists = /^(?:其)?(.+?)中(?:应|须)?(有|没有|不应有|不得有|无)(.*)$/.exec(text);
  const zhCount = /^(?:其)?(.+?)(?:中(.*?))?的记录数(?:应|须)?(不超过|不少于|少于|多于|超过|不多于|等于|为)(.+)$/.exec(text);
  const zhSum = /^(?:其)?(.+?)(?:中(.*?))?的(\S+?)合计(?:应|须)?(不超过|不高于|不少于|不低于|低于|高于|超过|等于)(.+)$/.exec(text);
  const enExists = /^(?:its\s+)?(.+?)\s+(?:must include|include|includes|must include no|include no|includes no)\s+(?:one|any)(?:\s+with\s+(.*))?$/.exec(text);
  const enCount = /^the number of (?:its\s+)?(.+?)(?:\s+with\s+(.*?))?\s+(?:must be|is)\s+(at most|at least|fewer than|more than)\s+(.+)$/.exec(text);
  const enSum = /^the total (.+?) of (?:its\s+)?(.+?)(?:\s+with\s+(.*?))?\s+(?:must be|is)\s+(at most|at least|above|below)\s+(.+)$/.exec(text);
  const from = ctx.current.alias;
  if (zhSum || enSum) {
    const [pathText, conds, fieldText, op, right] = zhSum ? [zhSum[1], zhSum[2] ?? '', zhSum[3], zhSum[4], zhSum[5]] : [enSum![2], enSum![3] ?? '', enSum![1], enSum![4], enSum![5]];
    const { path, to } = resolvePath(ctx.current.kind, pathText);
    return scoped(ctx, path, to, (inner, aliases) => {
      const field = resolveField(to, fieldText);
      if (field.type !== 'amount' && field.type !== 'integer') fail(`「${field.zh}」不是金额或数量,不能合计`, `"${field.en}" is not an amount or a number; it cannot be totalled`);
      const r = operand(ctx, right);
      typed({ kind: 'field', alias: inner.current.alias, field, type: field.type }, opOf(op === '为' ? '等于' : op), r);
      return { kind: 'sum', path, aliases, conditions: conditionsIn(inner, conds), field, op: opOf(op), right: r, from } as Bare;
    });
  }
  if (zhCount || enCount) {
    const [pathText, conds, op, right] = zhCount ? [zhCount[1], zhCount[2] ?? '', zhCount[3], zhCount[4]] : [enCount![1], enCount![2] ?? '', enCount![3], enCount![4]];
    const { path, to } = resolvePath(ctx.current.kind, pathText);
    return scoped(ctx, path, to, (inner, aliases) => {
      const r = operand(ctx, right);
      if (r.type !== 'integer') fail(`记录数只能与整数比较,${describe(r).zh}不是整数`, `a count compares with a whole number, not ${describe(r).en}`);
      return { kind: 'count', path, aliases, conditions: conditionsIn(inner, conds), op: opOf(op === '为' ? '等于' : op), right: r, from } as Bare;
    });
  }
  if (zhExists || enExists) {
    const [pathText, verb, conds] = zhExists ? [zhExists[1], zhExists[2], zhExists[3]] : [enExists![1], /no\s/.test(text) ? 'no' : 'has', enExists![2] ?? ''];
    // "受理日期中有…" is not a link: fall through to field conditions when the path is no link at all.
    let resolved: { path: Link[]; to: RecordKind };
    try {
      resolved = resolvePath(ctx.current.kind, pathText);
    } catch (e) {
      if (ctx.current.kind.fields.some((f) => norm(f.zh) === norm(pathText))) return undefined;
      throw e;
    }
    const { path, to } = resolved;
    const negate = /没有|不应有|不得有|无|no/.test(verb);
    return scoped(ctx, path, to, (inner, aliases) => ({ kind: 'exists', path, aliases, conditions: conditionsIn(inner, conds), negate, from }) as Bare);
  }
  return undefined;
}

function fieldCondition(ctx: SentenceContext, text: string): Bare {
  const t = text.replace(/^(其|its\s+)/, '');
  const must = '(?:应当|应|须|must be|is|are)?\\s*';
  // Parameter switches: 参数 relatives.recusal_required 为是.
  const sw = /^(?:参数|parameter)\s*(\S+)\s*(?:为|is)\s*(是|否|true|false)$/.exec(text);
  if (sw) {
    const p = param(ctx, sw[1]);
    if (p.type !== 'boolean') fail(`参数 ${sw[1]} 不是是否型`, `parameter ${sw[1]} is not yes/no`);
    return { kind: 'param-is', key: sw[1], value: /是|true/.test(sw[2]) };
  }
  // An optional field: 任职止为空或不早于该申请的决定日期 / its active to is empty or on or after ….
  const orAbsent = /^(.+?)(?:应|须)?为空或(.+)$/.exec(t) ?? /^(.+?)\s+(?:must be|is) empty or (.+)$/.exec(t);
  if (orAbsent) {
    const left = operand(ctx, orAbsent[1]);
    if (left.kind === 'field') return { kind: 'absent-or', operand: left, inner: condition(ctx, `${orAbsent[1]}${/[\u4e00-\u9fff]/.test(orAbsent[2]) ? '' : ' is '}${orAbsent[2]}`) };
  }
  // Try every split of "<field><rest>" until the field part names a field (labels may hold 为, 不…).
  const forms: { re: RegExp; build(left: Operand, m: RegExpExecArray): Bare }[] = [
    { re: new RegExp(`^${must}(不)?(?:为空|未填写|缺失|empty|absent)$`), build: (l, m) => ({ kind: 'present', operand: l, present: !!m[1] }) },
    { re: new RegExp(`^${must}(?:已填写|有值|不为空|present|filled in)$`), build: (l) => ({ kind: 'present', operand: l, present: true }) },
    {
      re: new RegExp(`^${must}(不)?(?:为|是|not )?(.+?)之一$|^${must}(not )?one of (.+)$`),
      build: (l, m) => {
        const negate = !!(m[1] || m[3]);
        const vals = m[2] ?? m[4];
        if (PARAM.test(strip(vals))) {
          const p = operand(ctx, vals);
          if (p.type !== 'codes') fail(`参数 ${(p as { key: string }).key} 不是代码列表`, `parameter ${(p as { key: string }).key} is not a list of codes`);
          return { kind: 'in', left: l, values: [p], negate };
        }
        const vo = /^(该|本|this )/.test(strip(vals)) || /的/.test(vals) ? [operand(ctx, vals)] : listValues(ctx, vals).map((v) => typed(l, '=', operand(ctx, v)));
        return { kind: 'in', left: l, values: vo, negate };
      },
    },
    {
      // A list holding every value of another: 参加部门包含参数 X 的全部 / its departments include all of parameter X.
      re: new RegExp(`^(?:应当|应|须)?\\s*(不)?(?:包含|包括)(.+?)(?:的全部|全部)?$|^(?:must |does )?(not )?(?:include|includes) all of (.+)$`),
      build: (l, m) => {
        const r = operand(ctx, m[2] ?? m[4]);
        const isList = (x: Operand) => x.kind === 'values' || (x.kind === 'field' && x.type === 'list') || (x.kind === 'param' && x.type === 'codes');
        if (!isList(l)) fail(`${describe(l).zh}不是列表,不能判断是否包含`, `${describe(l).en} is not a list; it cannot include others`);
        if (!isList(r)) fail(`${describe(r).zh}不是列表或代码列表参数`, `${describe(r).en} is not a list or a code-list parameter`);
        return { kind: 'includes', left: l, right: r, negate: !!(m[1] || m[3]) };
      },
    },
    {
      re: new RegExp(`^${must}(?:在)(.+?)(?:至|到)(.+?)之间$|^${must}between (.+) and (.+)$`),
      build: (l, m) => {
        const low = operand(ctx, m[1] ?? m[3]);
        const high = operand(ctx, m[2] ?? m[4]);
        typed(l, '<=', low);
        typed(l, '<=', high);
        return { kind: 'between', left: l, low, high };
      },
    },
    {
      re: new RegExp(`^${must}(${ZH_OP})(.+)$|^${must}(${EN_OP})\\s+(.+)$`),
      build: (l, m) => {
        const op = opOf(m[1] ?? m[3]);
        const r = operand(ctx, m[2] ?? m[4]);
        return { kind: 'compare', left: l, op, right: typed(l, op, r) };
      },
    },
    {
      re: new RegExp(`^${must}(不)?(?:为|是)(.+)$|^(?:must be|is)\\s+(not\\s+)?(.+)$`),
      build: (l, m) => {
        const op: CompareOp = m[1] || m[3] ? '<>' : '=';
        const r = operand(ctx, m[2] ?? m[4]);
        return { kind: 'compare', left: l, op, right: typed(l, op, r) };
      },
    },
  ];
  let firstUnknown: unknown;
  const chars = [...t];
  for (let i = 1; i < chars.length; i++) {
    const head = chars.slice(0, i).join('').trim();
    const rest = chars.slice(i).join('').trim();
    for (const form of forms) {
      const m = form.re.exec(rest);
      if (!m) continue;
      let left: Operand;
      try {
        left = operand(ctx, head);
      } catch (e) {
        // The shortest head whose rest reads as a condition is the field staff meant.
        firstUnknown ??= e;
        continue;
      }
      // The subject of a condition is a field; "5000元高于…" is no condition.
      if (left.kind !== 'field' && left.kind !== 'values' && left.kind !== 'quarter') continue;
      return form.build(left, m);
    }
  }
  if (firstUnknown) throw firstUnknown;
  return fail(
    `无法理解的条件「${text}」(见 docs/vocabulary.md:为、为…之一、早于/晚于、高于/低于/不超过、为空/已填写、…中有/没有…)`,
    `cannot read the condition "${text}" (see docs/vocabulary.md)`,
  );
}

// ---- the rule's records and what a finding says ------------------------------------------

/** 对每一份申请 / for every application → the collection. */
export function subjectOf(text: string): RecordKind | undefined {
  const m = /^对每(?:一)?(?:份|条|户|笔|名|个|件|位|项)?(.+)$/.exec(strip(text)) ?? /^for (?:every|each) (.+)$/i.exec(strip(text));
  return m ? resolveCollection(m[1]) : undefined;
}

export const SEVERITY_WORDS: Record<string, Severity> = { 错误: 'error', 违规: 'error', 警告: 'warning', 提示: 'info', error: 'error', warning: 'warning', info: 'info' };

export type FindingPart =
  | { part: 'severity'; severity: Severity }
  | { part: 'message' | 'remedy'; lang: 'zh' | 'en'; text: string }
  | { part: 'group'; by: 'township' | 'staff' }
  | { part: 'title'; en: string }
  | { part: 'dated'; field: string }
  | { part: 'before'; before: 'history' | 'skip' }
  | { part: 'declare'; key: string; type: string; description: { zh: string; en: string } };

const Q = '[“"「]([^”"」]*)[”"」]';

/** A sentence that says what a finding is, or how the rule is dated; undefined for a condition. */
export function findingPart(text: string): FindingPart | undefined {
  const t = strip(text);
  let m: RegExpExecArray | null;
  if ((m = /^(?:不符合时)?严重程度为\s*[“"「]?(错误|违规|警告|提示)[”"」]?$|^the severity is (error|warning|info)$/.exec(t))) return { part: 'severity', severity: SEVERITY_WORDS[m[1] ?? m[2]] };
  if ((m = new RegExp(`^(英文)?说明为\\s*${Q}$`).exec(t))) return { part: 'message', lang: m[1] ? 'en' : 'zh', text: m[2] };
  if ((m = new RegExp(`^the (Chinese )?message is\\s*${Q}$`).exec(t))) return { part: 'message', lang: m[1] ? 'zh' : 'en', text: m[2] };
  if ((m = new RegExp(`^(英文)?整改(?:措施|建议)?为\\s*${Q}$`).exec(t))) return { part: 'remedy', lang: m[1] ? 'en' : 'zh', text: m[2] };
  if ((m = new RegExp(`^the (Chinese )?remedy is\\s*${Q}$`).exec(t))) return { part: 'remedy', lang: m[1] ? 'zh' : 'en', text: m[2] };
  if ((m = new RegExp(`^英文标题为\\s*${Q}$|^the English title is\\s*${Q}$`).exec(t))) return { part: 'title', en: m[1] ?? m[2] };
  if ((m = /^按(乡镇|街道|工作人员|经办人)分组$|^grouped by (township|staff)$/.exec(t))) return { part: 'group', by: /乡镇|街道|township/.test(m[0]) ? 'township' : 'staff' };
  if ((m = /^按其(.+?)适用(?:政策|参数)$|^parameters in force on its (.+)$/.exec(t))) return { part: 'dated', field: m[1] ?? m[2] };
  if (/^(?:规则)?生效前的记录(?:作为历史记录|仅作历史记录)$|^records before the rule took effect are history$/.test(t)) return { part: 'before', before: 'history' };
  if (/^(?:规则)?生效前的记录不予审查$|^records before the rule took effect are not judged$/.test(t)) return { part: 'before', before: 'skip' };
  if ((m = new RegExp(`^(?:参数|parameter)\\s*([a-z][a-z0-9_]*(?:\\.[a-z0-9_]+)+)\\s*(?:为|is an?)\\s*(金额|期限|整数|次数|是否|代码列表|amount|duration|count|yes-no|code list)[,,]\\s*(?:含义为|meaning)\\s*${Q}(?:[,,]\\s*(?:英文为|in English)\\s*${Q})?$`).exec(t)))
    return { part: 'declare', key: m[1], type: m[2], description: { zh: m[3], en: m[4] ?? m[3] } };
  return undefined;
}
