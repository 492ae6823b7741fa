// The vocabulary's nouns: every collection and field of the case-export contract under its own
// labels (the `title`s of schemas/case-export.schema.json, "中文 / English"), with the type a
// sentence may compare it as and the SQL that reads it. Nothing here is hand-kept: a field the
// contract adds is a noun the day the schema is regenerated.
import fs from 'node:fs';
import path from 'node:path';
import { COLLECTIONS, CollectionName, COLLECTION_NAMES, defName } from '../../schemas/case-export';
import { PACKAGE_ROOT } from '../../engine/root';

/** What a value is, for the type checker: a date is never compared with an amount. */
export type ValueType = 'date' | 'month' | 'quarter' | 'amount' | 'integer' | 'text' | 'enum' | 'boolean' | 'person' | 'list';

export interface Field {
  /** Path in the record ('decision.decided_on'); SQL reads it as `<alias>.decision.decided_on`. */
  path: string;
  zh: string;
  en: string;
  type: ValueType;
  /** Enumerations: each code with the Chinese word the contract gives it ('approved' → '批准'). */
  codes?: { code: string; zh?: string }[];
  /** Elements of a list field (handled_by: text; circumstances: enum). */
  items?: ValueType;
  /** Personal data: values placed in a message are wrapped for masking. */
  personal?: 'id' | 'name' | 'plate';
  /** The label of the object it sits in (审核确认 for 审核确认的决定日期). */
  parent?: string;
}

/** A kind of record: a collection, or the items of an array field (家庭成员, 近亲属, 异议). */
export interface RecordKind {
  /** Schema name ('Application', 'Member', 'Staff.relatives[]'). */
  def: string;
  collection?: CollectionName;
  zh: string;
  en: string;
  /** Other names staff use for it (申请, 家庭, 发放记录…). */
  aliases: string[];
  fields: Field[];
  /** A kind the export does not hold but the rule derives (乡镇月份): its table, key, and what a finding points at. */
  derived?: { table: string; key: string; locate: CollectionName; from: CollectionName[] };
}

/**
 * Each township (the first nine digits of a household's region code) in each whole month of the
 * export's period: the records a "每月应有…" rule judges, since a missing monthly record has no
 * row of its own (乌海: 镇(街道)人民政府每月提供变更后的服务对象名单). A month the period covers in part is left out.
 */
export const TOWNSHIP_MONTH: RecordKind = {
  def: 'TownshipMonth',
  zh: '乡镇月份',
  en: 'township month',
  aliases: ['乡镇的月份', '乡镇每月', 'township months'],
  fields: [
    { path: 'region_code', zh: '乡镇代码', en: 'township code', type: 'text' },
    { path: 'month', zh: '所属月份', en: 'month', type: 'month' },
    { path: 'month_end', zh: '月末日期', en: 'month end', type: 'date' },
    { path: 'township_month', zh: '乡镇月份编号', en: 'township month id', type: 'text' },
  ],
  derived: { table: 'jz_township_months', key: 'township_month', locate: 'change_lists', from: ['households'] },
};

type Schema = Record<string, any>;
const SCHEMA_FILE = path.join(PACKAGE_ROOT, 'schemas', 'case-export.schema.json');

// Names staff use besides the record title: the collection's own label and short forms.
const ALIASES: Partial<Record<CollectionName, string[]>> = {
  households: ['家庭', '户', 'households', 'household'],
  applications: ['申请', '救助申请', '救助申请及审核确认', 'applications', 'application'],
  notices: ['公示', 'notices', 'notice'],
  staff: ['工作人员', '经办人员', '经办人员及村(居)干部名册', 'staff'],
  relative_filings: ['备案', '近亲属备案', 'relative_filings', 'filing'],
  payments: ['发放记录', '资金发放', '发放', 'payments', 'payment'],
  deaths: ['死亡记录', '死亡信息', 'deaths', 'death'],
  fraud_cases: ['骗取救助案件', '失信案件', 'fraud_cases', 'fraud case'],
  accountability_cases: ['责任追究案件', 'accountability_cases'],
  warnings: ['预警', '预警信息', 'warnings', 'warning'],
  oversight: ['监督记录', 'oversight'],
};

const split = (title: string): [string, string] => {
  const [zh, en] = String(title ?? '').split(' / ');
  return [zh ?? '', en ?? ''];
};

// "approved 批准,rejected 不予批准,pending 待定。" → approved: 批准 …
function codeWords(description: string, codes: string[]): { code: string; zh?: string }[] {
  const zhPart = description.split(' / ')[0];
  return codes.map((code) => {
    const m = new RegExp(`(?:^|[,,::;;\\s])${code}\\s+([^,,。;;(]+)`).exec(zhPart);
    return { code, ...(m ? { zh: m[1].trim() } : {}) };
  });
}

function typeOf(root: Schema, s: Schema): { type: ValueType; items?: ValueType; codes?: string[] } {
  const n = s.$ref ? root.$defs[String(s.$ref).replace('#/$defs/', '')] : s;
  if (n.enum) return { type: 'enum', codes: n.enum };
  switch (n.type) {
    case 'string':
      if (n.format === 'date') return { type: 'date' };
      if (String(n.pattern ?? '').startsWith('^\\d{4}-(0[1-9]')) return { type: 'month' };
      // YYYY-Qn sorts as text in time order, so a quarter is ordered like a month.
      if (String(n.pattern ?? '') === '^\\d{4}-Q[1-4]$') return { type: 'quarter' };
      if (String(n.pattern ?? '') === '^\\d{17}[\\dXx]$') return { type: 'person' };
      return { type: 'text' };
    case 'number':
      return { type: 'amount' };
    case 'integer':
      return { type: 'integer' };
    case 'boolean':
      return { type: 'boolean' };
    case 'array':
      return { type: 'list', items: typeOf(root, n.items ?? {}).type };
    default:
      return { type: 'text' };
  }
}

function fieldsOf(root: Schema, def: Schema, prefix = ''): Field[] {
  const out: Field[] = [];
  for (const [k, v] of Object.entries<Schema>(def.properties ?? {})) {
    const p = prefix ? `${prefix}.${k}` : k;
    const [zh, en] = split(v.title);
    const t = typeOf(root, v);
    const items = v.type === 'array' ? (v.items?.$ref ? root.$defs[String(v.items.$ref).replace('#/$defs/', '')] : v.items) : undefined;
    const itemEnum = items?.enum as string[] | undefined;
    const codes = t.codes ?? itemEnum;
    const personal = t.type === 'person' || (t.type === 'list' && t.items === 'person') ? 'id' : zh.endsWith('姓名') ? 'name' : zh === '号牌' ? 'plate' : undefined;
    if (v.type !== 'object')
      out.push({
        path: p,
        zh,
        en,
        type: t.type,
        ...(t.items ? { items: t.items } : {}),
        ...(codes ? { codes: codeWords(String((itemEnum ? items.description : v.description) ?? ''), codes) } : {}),
        ...(personal ? { personal } : {}),
      });
    // A nested object's fields are nouns of the record too: 审核确认的决定日期.
    if (v.type === 'object') out.push(...fieldsOf(root, v, p).map((f) => ({ ...f, parent: f.parent ?? zh })));
  }
  return out;
}

let kinds: Map<string, RecordKind> | undefined;

/** Every record kind by schema name ('Application', 'Member', 'Staff.relatives[]', 'Notice.objections[]'). */
export function recordKinds(): Map<string, RecordKind> {
  if (kinds) return kinds;
  const root = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')) as Schema;
  kinds = new Map();
  for (const c of COLLECTION_NAMES) {
    const def = defName(c);
    const [zh, en] = split(root.$defs[def].title);
    kinds.set(def, { def, collection: c, zh, en, aliases: [...new Set([COLLECTIONS[c].label, ...(ALIASES[c] ?? [])])], fields: fieldsOf(root, root.$defs[def]) });
  }
  // Array items a sentence can walk into: their own labels are the nouns.
  const nested: [string, string, string[]][] = [
    ['Member', 'Member', ['家庭成员', '成员', 'members', 'member']],
    ['Staff.relatives[]', 'Staff', ['近亲属', 'relatives', 'relative']],
    ['Notice.objections[]', 'Notice', ['异议', 'objections', 'objection']],
    ['AssistanceChain.policies[]', 'AssistanceChain', ['匹配政策', '政策', 'matched policies', 'policies']],
  ];
  for (const [def, owner, aliases] of nested) {
    const node = def === 'Member' ? root.$defs.Member : root.$defs[owner].properties[def.split('.')[1].replace('[]', '')].items;
    const [zh, en] = split(node.title);
    kinds.set(def, { def, zh, en, aliases, fields: fieldsOf(root, node) });
  }
  kinds.set(TOWNSHIP_MONTH.def, TOWNSHIP_MONTH);
  return kinds;
}

export function kindOf(c: CollectionName): RecordKind {
  return recordKinds().get(defName(c))!;
}
