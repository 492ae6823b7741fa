// Column labels as printed vary (全角, spaces, a trailing colon); they are normalised before
// the profile's synonym list classifies them. An unrecognised label stays unclassified and
// the rule reports it: fail closed (an unknown label is never assumed harmless).
export function normaliseLabel(label: string): string {
  return label
    .normalize('NFKC')
    .replace(/[\s:：]/g, '')
    .replace(UNIT_SUFFIX, '')
    .replace(/[()]/g, '')
    .toLowerCase();
}

// Only a unit in brackets is dropped (保障金额(元/月)); any other bracketed words stay part of
// the label, so 姓名(含家庭成员) is not mistaken for the applicant's name.
const UNIT_SUFFIX = /\((元|元\/月|元\/人|元\/人·月|万元|人|户|口|个)\)/g;

export type SynonymIndex = Map<string, string>;

/** label → category; a label listed under two categories makes the profile ambiguous. */
export function synonymIndex(synonyms: Record<string, string[]>): SynonymIndex {
  const index: SynonymIndex = new Map();
  for (const [category, labels] of Object.entries(synonyms))
    for (const label of labels) {
      const key = normaliseLabel(label);
      const other = index.get(key);
      if (other && other !== category) throw new Error(`notice.label_synonyms: label "${label}" is listed under both ${other} and ${category}`);
      index.set(key, category);
    }
  return index;
}

export const CATEGORY_NAMES: Record<string, { zh: string; en: string }> = {
  name: { zh: '申请人姓名', en: 'applicant name' },
  household_size: { zh: '家庭成员数量', en: 'household size' },
  amount: { zh: '保障金额', en: 'benefit amount' },
  location: { zh: '所在地', en: 'location' },
  id_number: { zh: '身份证号', en: 'ID number' },
  phone: { zh: '联系电话', en: 'phone number' },
  income: { zh: '收入', en: 'income' },
  health: { zh: '健康状况', en: 'health' },
  disability: { zh: '残疾情况', en: 'disability' },
  member_names: { zh: '家庭成员姓名', en: "members' names" },
  cause: { zh: '致困原因', en: 'cause of hardship' },
  bank_account: { zh: '银行账号', en: 'bank account' },
  address: { zh: '详细住址', en: 'street address' },
};

export const categoryName = (c: string) => CATEGORY_NAMES[c] ?? { zh: c, en: c };

// A location finer than village level: a house, unit or room number (门牌号). A number
// written in Chinese numerals before 号 is a place name (六号农场, 003's farm) unless it
// ends the address. One pattern serves the SQL prefilter (RE2) and the check here.
export const HOUSE_NUMBER_PATTERN = '[0-9０-９]+\\s*(号|室|单元|栋|幢)|[一二三四五六七八九十百零〇]+\\s*(室|单元|栋|幢)|[一二三四五六七八九十百零〇]+\\s*号$';
const HOUSE_NUMBER = new RegExp(HOUSE_NUMBER_PATTERN);
export const looksLikeStreetAddress = (value: string) => HOUSE_NUMBER.test(value.normalize('NFKC').trim());
