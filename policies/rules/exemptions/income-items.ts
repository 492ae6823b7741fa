// Recomputing household income from the application's items, in SQL (fen, never floating
// yuan). `counted` items are what the agency counted, net (employment costs already taken off,
// as the contract's generator writes them); `excluded` items are what it left out. The profile
// decides: a not-income type counts zero wherever it is listed; a deduction type listed among
// the counted items is subtracted, among the excluded ones it only records what was taken off;
// any other type is income even if the agency excluded it (an exclusion the profile does not
// grant is no exclusion: fail closed).
import { sqlList } from '../../frame';

export interface IncomeItem {
  listed: 'counted' | 'excluded';
  type: string;
  fen: number;
}

export interface IncomeRow {
  application_id: string;
  household_id: string;
  _line: number;
  result: string;
  decided_on: string;
  recorded_fen: number;
  standard_fen: number;
  size: number;
  total_fen: number;
  items: IncomeItem[];
}

/**
 * One statement per span: how many applications it judges (`n`), how many lack income items or
 * members (`missing`), and the recomputed rows `keep` holds, with their items, in line order.
 */
export function incomeSql(scope: string, x: { not_income: string[]; deductions: string[] }, keep: string): string {
  // Per application, over its own two lists (no unnest and regrouping of every item): linear in the export.
  const fen = `CAST(i.amount * 100 AS BIGINT)`;
  const counts = (listed: 'counted' | 'excluded') =>
    `CASE WHEN i.type IN (${sqlList(x.not_income)}) THEN 0 WHEN i.type IN (${sqlList(x.deductions)}) THEN ${listed === 'counted' ? `-${fen}` : '0'} ELSE ${fen} END`;
  const total = (listed: 'counted' | 'excluded') => `coalesce(list_sum(list_transform(${listed}, i -> ${counts(listed)})), 0)`;
  const items = (listed: 'counted' | 'excluded') => `coalesce(list_transform(${listed}, i -> {'listed': '${listed}', 'type': i.type, 'fen': ${fen}}), [])`;
  return `WITH joined AS MATERIALIZED (
      SELECT a.application_id, a.household_id, a._line, a.decision.result AS result, a.decision.decided_on::VARCHAR AS decided_on,
             CAST(a.income.monthly_per_capita * 100 AS BIGINT) AS recorded_fen, CAST(a.income.standard_monthly * 100 AS BIGINT) AS standard_fen,
             len(h.members)::INTEGER AS size, a.income IS NULL AS no_income, h.household_id IS NULL AS no_household,
             a.income.counted AS counted, a.income.excluded AS excluded
      FROM applications a LEFT JOIN households h USING (household_id)
      WHERE ${scope}),
    recomputed AS (
      SELECT application_id, household_id, _line, result, decided_on, recorded_fen, standard_fen, size, counted, excluded,
             (${total('counted')} + ${total('excluded')})::BIGINT AS total_fen
      FROM joined WHERE NOT no_income AND NOT no_household AND size > 0)
    SELECT (SELECT count(*) FROM joined)::INTEGER AS n,
           (SELECT count(*) FILTER (WHERE no_income OR no_household OR size = 0) FROM joined)::INTEGER AS missing,
           (SELECT list({'application_id': application_id, 'household_id': household_id, '_line': _line, 'result': result, 'decided_on': decided_on,
                         'recorded_fen': recorded_fen, 'standard_fen': standard_fen, 'size': size, 'total_fen': total_fen,
                         'items': list_concat(${items('counted')}, ${items('excluded')})} ORDER BY _line)
            FROM recomputed WHERE ${keep}) AS rows`;
}

export const fenText = (fen: number | string) => {
  const f = Number(fen);
  const sign = f < 0 ? '-' : '';
  const a = Math.abs(f);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
};

const TYPE_ZH: Record<string, string> = { basic_pension_base: '基础养老金', employment_cost: '就业成本' };
const typeZh = (t: string) => TYPE_ZH[t] ?? t;

/** What the recomputation did with each item, for the auditor to follow. */
export function itemBreakdown(r: IncomeRow, x: { not_income: string[]; deductions: string[] }) {
  const items = r.items.map((i) => ({ ...i, fen: Number(i.fen) }));
  const zh: string[] = [];
  const en: string[] = [];
  const notIncome = items.filter((i) => x.not_income.includes(i.type));
  const deducted = items.filter((i) => x.deductions.includes(i.type));
  const wronglyExcluded = items.filter((i) => i.listed === 'excluded' && !x.not_income.includes(i.type) && !x.deductions.includes(i.type));
  const wronglyCounted = notIncome.filter((i) => i.listed === 'counted');
  if (notIncome.length) {
    zh.push(`不计入收入:${notIncome.map((i) => `${typeZh(i.type)} ${fenText(i.fen)} 元`).join('、')}`);
    en.push(`not income: ${notIncome.map((i) => `${i.type} ${fenText(i.fen)}`).join(', ')}`);
  }
  if (deducted.length) {
    zh.push(`扣减:${deducted.map((i) => `${typeZh(i.type)} ${fenText(i.fen)} 元${i.listed === 'excluded' ? '(已从计入项目中扣除)' : ''}`).join('、')}`);
    en.push(`deducted: ${deducted.map((i) => `${i.type} ${fenText(i.fen)}${i.listed === 'excluded' ? ' (already netted)' : ''}`).join(', ')}`);
  }
  if (wronglyCounted.length) {
    zh.push(`原核算误计入:${wronglyCounted.map((i) => typeZh(i.type)).join('、')}`);
    en.push(`wrongly counted: ${wronglyCounted.map((i) => i.type).join(', ')}`);
  }
  if (wronglyExcluded.length) {
    zh.push(`原核算误剔除(无排除依据,仍计入):${wronglyExcluded.map((i) => `${typeZh(i.type)} ${fenText(i.fen)} 元`).join('、')}`);
    en.push(`wrongly excluded (no ground, counted): ${wronglyExcluded.map((i) => i.type).join(', ')}`);
  }
  return { zh: zh.join(';'), en: en.join('; '), items };
}

/** BIGINT arrives as a string from the dataset: fen values become numbers here (well within 2^53). */
export const toIncomeRow = (r: any): IncomeRow => ({
  ...r,
  recorded_fen: Number(r.recorded_fen),
  standard_fen: Number(r.standard_fen),
  total_fen: Number(r.total_fen),
  size: Number(r.size),
  items: (r.items ?? []).map((i: any) => ({ ...i, fen: Number(i.fen) })),
});
