// Field labels for the HTML report's evidence, in both languages. Contract fields take the
// title the case-export JSON Schema gives them ("中文 / English"); evidence keys that rules
// compute (not contract fields) come from the small table below; anything else shows its key.
import fs from 'node:fs';
import path from 'node:path';
import { Bilingual } from '../findings/finding';
import { PACKAGE_ROOT } from '../root';

const SCHEMA = path.join(PACKAGE_ROOT, 'schemas', 'case-export.schema.json');

/** Every property title in a JSON Schema, by property name; the first title seen wins. */
export function schemaTitles(schema: unknown): Map<string, Bilingual> {
  const out = new Map<string, Bilingual>();
  const defs = (schema as { $defs?: Record<string, unknown> })?.$defs ?? {};
  const titleOf = (prop: Record<string, unknown>): unknown => {
    if (typeof prop.title === 'string') return prop.title;
    const ref = typeof prop.$ref === 'string' ? /^#\/\$defs\/(.+)$/.exec(prop.$ref)?.[1] : undefined;
    const target = ref ? (defs[ref] as Record<string, unknown> | undefined) : undefined;
    return typeof target?.title === 'string' ? target.title : undefined;
  };
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const props = (node as { properties?: unknown }).properties;
    if (props && typeof props === 'object' && !Array.isArray(props))
      for (const [key, prop] of Object.entries(props as Record<string, Record<string, unknown>>)) {
        const title = prop && typeof prop === 'object' ? titleOf(prop) : undefined;
        if (typeof title === 'string' && title.trim() && !out.has(key)) out.set(key, splitTitle(title));
      }
    Object.values(node).forEach(walk);
  };
  walk(schema);
  return out;
}

/** "中文 / English" → both halves; a title without the separator serves both languages. */
export function splitTitle(title: string): Bilingual {
  const at = title.indexOf(' / ');
  return at < 0 ? { zh: title.trim(), en: title.trim() } : { zh: title.slice(0, at).trim(), en: title.slice(at + 3).trim() };
}

// Keys rules put into expected/actual that are not fields of the contract.
const EVIDENCE: Record<string, [string, string]> = {
  contract: ['契约版本', 'contract version'],
  collection: ['数据集', 'collection'],
  id: ['记录编号', 'record id'],
  errors: ['不合契约之处', 'contract errors'],
  path: ['位置', 'path'],
  keyword: ['规则', 'check'],
  found: ['找到', 'found'],
  person: ['人员', 'person'],
  member: ['成员', 'member'],
  category: ['栏目类别', 'column category'],
  categories: ['允许的栏目类别', 'allowed column categories'],
  location_level: ['所在地最细层级', 'finest location level'],
  min_days: ['最少公示天数', 'minimum notice days'],
  min_period: ['最短公示期', 'minimum notice period'],
  ends_on_at_least: ['至少公示至', 'runs at least to'],
  working_days: ['工作日数', 'working days'],
  days: ['公示天数', 'notice days'],
  age_on_posting: ['公示当日年龄', 'age on the posting date'],
  resolved_by: ['异议处理期限', 'objections resolved by'],
  decided_after: ['决定应晚于', 'decided after'],
  notice_kind: ['公示种类', 'notice kind'],
  notice_kinds: ['公示种类', 'notice kinds'],
  standing_notices: ['长期公示数', 'standing notices'],
  months: ['月份', 'months'],
  year: ['年度', 'year'],
  households: ['家庭', 'households'],
  applications: ['申请', 'applications'],
  application: ['申请', 'application'],
  programs: ['救助项目', 'programmes'],
  regions: ['行政区划', 'regions'],
  areas: ['城乡类别', 'urban or rural'],
  payments: ['发放记录', 'payments'],
  deaths: ['死亡记录', 'deaths'],
  notices: ['公示', 'notices'],
  filings: ['备案', 'filings'],
  grants: ['救助给付', 'grants'],
  items: ['收入项目', 'income items'],
  listed: ['计入方式', 'listed as'],
  yuan: ['金额(元)', 'amount (yuan)'],
  fen: ['金额', 'amount'],
  amount_fen: ['金额', 'amount'],
  amount_yuan: ['金额(元)', 'amount (yuan)'],
  paid_fen: ['已发放金额', 'amount paid'],
  per_capita_fen: ['家庭月人均收入', 'monthly income per person'],
  recorded_per_capita_fen: ['记录的月人均收入', 'recorded monthly income per person'],
  standard_fen: ['保障标准', 'standard'],
  max_yuan: ['封顶线(元)', 'ceiling (yuan)'],
  max_per_cause_year: ['同一事由每年最多次数', 'grants per cause per year'],
  fine_yuan: ['罚款(元)', 'fine (yuan)'],
  fine_min_yuan: ['罚款下限(元)', 'lowest fine (yuan)'],
  fine_max_yuan: ['罚款上限(元)', 'highest fine (yuan)'],
  recovered_yuan: ['追缴金额(元)', 'recovered (yuan)'],
  eligible: ['符合条件', 'eligible'],
  rule: ['判定方式', 'test'],
  batch_size: ['批次户数', 'households in the batch'],
  batch_unreviewed: ['批次中未入户调查户数', 'unsurveyed in the batch'],
  last_payable_month: ['最后可发放月份', 'last payable month'],
  last_month: ['最后月份', 'last month'],
  limit_month: ['最迟月份', 'latest month'],
  exit_month: ['退出月份', 'exit month'],
  completed_by: ['应完成日期', 'to be completed by'],
  per_year: ['每年次数', 'per year'],
  inspections: ['检查次数', 'inspections'],
  due: ['应报日期', 'due'],
  report: ['报告', 'report'],
  types: ['预警类型', 'warning types'],
  because: ['理由', 'because'],
  defined_codes: ['已规定的情形', 'defined situations'],
  outcomes: ['认定结果', 'outcomes'],
  required: ['必需', 'required'],
  talk_interval: ['谈心谈话间隔', 'time between talks'],
  period: ['期限', 'period'],
  talk_between: ['谈话期间', 'talk between'],
  effective_from: ['生效日期', 'in force from'],
  claimed: ['所称情形', 'claimed situations'],
  applicable_grounds: ['适用情形', 'applicable situations'],
  undefined: ['未规定的情形', 'undefined situations'],
  inapplicable: ['不适用的情形', 'inapplicable situations'],
  corrected_and_repaid_by: ['改正并退还期限', 'corrected and repaid by'],
  decided_by: ['决定期限', 'decided by'],
  no_payment_from: ['自该月起不得发放', 'no payment from'],
  need: ['要求', 'required'],
  filed_no_later_than: ['最迟备案日期', 'filed no later than'],
  filed_by: ['备案期限', 'filed by'],
  filed: ['已备案', 'filed'],
  verified: ['已核查', 'verified'],
  verified_by: ['核查期限', 'verified by'],
  lead: ['提前期限', 'time ahead'],
  exit_on_or_after: ['退出日期不早于', 'exit on or after'],
  handlers_exclude: ['经办人不得包括', 'handlers exclude'],
  link: ['环节', 'link'],
  proven: ['已证实', 'proven'],
  declared: ['申明', 'declared'],
  code: ['代码', 'code'],
};

const FAMILIES: Record<string, [string, string]> = {
  contract: ['数据契约', 'contract'],
  notices: ['公示', 'notices'],
  relatives: ['近亲属备案', 'relatives of staff'],
  crosschecks: ['比对核查', 'cross-checks'],
  exemptions: ['审核确认与免责', 'eligibility and exemptions'],
  penalties: ['骗取救助处理', 'penalties'],
};

let contractTitles: Map<string, Bilingual> | undefined;

function contractLabels(): Map<string, Bilingual> {
  if (!contractTitles) {
    try {
      contractTitles = schemaTitles(JSON.parse(fs.readFileSync(SCHEMA, 'utf8')));
    } catch {
      contractTitles = new Map(); // a report is still written without titles: keys stand in
    }
  }
  return contractTitles;
}

/** The label of an evidence key: the contract's title, then the evidence table, then the key. */
export function fieldLabel(key: string, titles: Map<string, Bilingual> = contractLabels()): Bilingual {
  const own = titles.get(key);
  if (own) return own;
  const known = EVIDENCE[key];
  return known ? { zh: known[0], en: known[1] } : { zh: key, en: key };
}

export function familyLabel(family: string): Bilingual {
  const known = FAMILIES[family];
  return known ? { zh: known[0], en: known[1] } : { zh: family, en: family };
}
