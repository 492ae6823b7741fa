// The links a sentence may follow from one kind of record to another — the references the
// contract defines (engine/dataset/references.ts: an application's household, a payment's
// application…) read in both directions, the arrays a record holds (家庭成员, 近亲属, 异议),
// and the matches on resident ID number the rules make (a member on the staff roster, a
// member's relatives on it, a member's death). Each is SQL from a parent row `p` to rows `a`.
import { CollectionName, defName } from '../../schemas/case-export';
import { REFERENCES } from '../../engine/dataset/references';
import { SHARED_SCANS, SharedScan } from '../../engine/dataset/shared-scans';
import { kindOf, recordKinds } from './contract';

export interface Link {
  from: string;
  to: string;
  zh: string[];
  en: string[];
  /** The linked rows as alias `a`: what to add to FROM, and the condition tying them to the parent alias `p`. */
  sql(p: string, a: string): { from: string; on?: string };
}

const LINKS: Link[] = [];
const add = (from: string, to: string, zh: string[], en: string[], sql: Link['sql']) => LINKS.push({ from, to, zh, en, sql });
const coll = (c: CollectionName) => defName(c);

// The contract's references: the referenced record under its own names (申请 → 家庭), and the
// referring records under theirs (家庭 → 公示, 发放记录…). A list reference (经办人) is named by its field.
for (const r of REFERENCES) {
  const from = kindOf(r.from);
  const to = kindOf(r.to);
  const field = from.fields.find((f) => f.path === r.field);
  // A reference inside a list of objects (change_lists.changes[].household_id): named by the list's label.
  if (!field) {
    const [list, inner] = [r.field.slice(0, r.field.indexOf('.')), r.field.slice(r.field.indexOf('.') + 1)];
    const lf = from.fields.find((f) => f.path === list)!;
    const keys = (p: string) => `list_transform(${p}.${list}, x -> x.${inner})`;
    add(coll(r.from), coll(r.to), [`${lf.zh}的${to.zh}`, ...to.aliases.filter((x) => !/^[a-z]/.test(x)).map((x) => `${lf.zh}的${x}`)], [`${lf.en} ${to.en}`], (p, a) => ({ from: `${r.to} ${a}`, on: `list_contains(${keys(p)}, ${a}.${r.key})` }));
    add(coll(r.to), coll(r.from), [from.zh, ...from.aliases], [from.en, ...from.aliases.filter((x) => /^[a-z]/.test(x))], (p, a) => ({ from: `${r.from} ${a}`, on: `list_contains(${keys(a)}, ${p}.${r.key})` }));
    continue;
  }
  const fieldNames = [field.zh.replace(/编号$/, ''), field.en.replace(/ id$/, '')];
  if (r.list) add(coll(r.from), coll(r.to), [field.zh], [field.en], (p, a) => ({ from: `${r.to} ${a}`, on: `list_contains(${p}.${r.field}, ${a}.${r.key})` }));
  // A reference inside an object is named under it: 近亲属申明的工作人员.
  else add(coll(r.from), coll(r.to), r.field.includes('.') ? [`${field.parent}的${fieldNames[0]}`] : [...new Set([to.zh, ...to.aliases, fieldNames[0]])], r.field.includes('.') ? [fieldNames[1]] : [to.en, ...to.aliases.filter((x) => /^[a-z]/.test(x))], (p, a) => ({ from: `${r.to} ${a}`, on: `${a}.${r.key} = ${p}.${r.field}` }));
  if (r.list) add(coll(r.to), coll(r.from), [`${field.zh}的${from.aliases[0] ?? from.zh}`, `经办的${from.aliases[1] ?? from.zh}`], [`${from.en} ${field.en}`], (p, a) => ({ from: `${r.from} ${a}`, on: `list_contains(${a}.${r.field}, ${p}.${r.key})` }));
  else if (!r.field.includes('.')) add(coll(r.to), coll(r.from), [from.zh, ...from.aliases], [from.en, ...from.aliases.filter((x) => /^[a-z]/.test(x))], (p, a) => ({ from: `${r.from} ${a}`, on: `${a}.${r.field} = ${p}.${r.key}` }));
}

// Arrays a record holds.
add('Household', 'Member', ['家庭成员', '成员'], ['members', 'household members'], (p, a) => ({ from: `unnest(${p}.members) AS ${a}_u(${a})` }));
// From another record, members are rows of the shared members table: a join on the household, where
// unnesting every household inside a correlated subquery grew faster than the export.
const MEMBERS = SHARED_SCANS.members.table;
add('Application', 'Member', ['家庭成员', '成员'], ['members', 'household members'], (p, a) => ({ from: `${MEMBERS} ${a}`, on: `${a}.household_id = ${p}.household_id` }));
add('Staff', 'Staff.relatives[]', ['近亲属'], ['relatives'], (p, a) => ({ from: `unnest(${p}.relatives) AS ${a}_u(${a})` }));
add('AssistanceChain', 'AssistanceChain.policies[]', ['匹配政策', '政策'], ['matched policies', 'policies'], (p, a) => ({ from: `unnest(${p}.policies) AS ${a}_u(${a})` }));
// A township's list for the month (change_lists is keyed by township code and month).
add('TownshipMonth', 'ChangeList', ['乡镇月度变动清单', '变动清单'], ['township monthly change lists', 'change lists'], (p, a) => ({ from: `change_lists ${a}`, on: `${a}.region_code = ${p}.region_code AND ${a}.month = ${p}.month` }));
add('Notice', 'Notice.objections[]', ['异议'], ['objections'], (p, a) => ({ from: `unnest(${p}.objections) AS ${a}_u(${a})` }));

// Matches on resident ID number: whoever a record names, on the staff roster, among staff
// relatives, or among the deaths.
const persons: [string, string][] = [
  ['Member', 'person_id'],
  ['Application', 'applicant_person_id'],
  ['Payment', 'person_id'],
  ['Staff.relatives[]', 'person_id'],
];
for (const [from, field] of persons) {
  add(from, 'Staff', ['工作人员', '工作人员名册', '名册'], ['staff', 'staff roster'], (p, a) => ({ from: `staff ${a}`, on: `${a}.person_id = ${p}.${field}` }));
  add(from, 'Staff', ['亲属工作人员', '其为近亲属的工作人员'], ['staff related to them'], (p, a) => ({ from: `staff ${a}`, on: `list_contains(list_transform(${a}.relatives, x -> x.person_id), ${p}.${field})` }));
  add(from, 'Death', ['死亡记录', '死亡信息'], ['death', 'deaths'], (p, a) => ({ from: `deaths ${a}`, on: `${a}.person_id = ${p}.${field}` }));
}
add('Household', 'Death', ['死亡记录', '死亡信息'], ['deaths'], (p, a) => ({ from: `deaths ${a}`, on: `list_contains(list_transform(${p}.members, x -> x.person_id), ${a}.person_id)` }));
add('Staff', 'Member', ['近亲属中的家庭成员'], ['relatives among household members'], (p, a) => ({ from: `${MEMBERS} ${a}`, on: `list_contains(list_transform(${p}.relatives, x -> x.person_id), ${a}.person_id)` }));

/** The links that leave a kind of record. */
export function linksFrom(def: string): Link[] {
  void recordKinds();
  return LINKS.filter((l) => l.from === def);
}

const mentions = (sql: string, table: string) => new RegExp(`(^|[\\s,(])${table}\\s`).test(sql);

/** The shared tables (engine/dataset/shared-scans.ts) a piece of SQL reads: built before it runs. */
export function sharedScansOf(sql: string): SharedScan[] {
  return (Object.keys(SHARED_SCANS) as SharedScan[]).filter((s) => mentions(sql, SHARED_SCANS[s].table));
}

/** Every collection a piece of SQL reads as a table, or through a shared table (for the rule's `needs` and `reads`). */
export function tablesOf(sql: string): CollectionName[] {
  const shared = new Set(sharedScansOf(sql).flatMap((s) => SHARED_SCANS[s].from));
  return [...recordKinds().values()].map((k) => k.collection).filter((c): c is CollectionName => !!c && (shared.has(c) || mentions(sql, c)));
}
