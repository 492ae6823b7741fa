// ELIG-INCOME — per-capita income is recomputed from the application's income items with the
// profile's exclusions (奈民发〔2022〕28号 二(二)1: 基本养老保险基础养老金不计入家庭收入; 就业成本扣减) and
// tested against the recorded local standard, in integer fen. Both directions: a refusal the
// recomputation says was eligible is an omission (漏保, reported first: 闽民保〔2017〕204号 二(一) 一个不漏),
// an approval it says was not is a wrongful inclusion. Individual coverage is ELIG-SINGLE's.
// A refusal is an omission only when no other ground the profile applies justifies it
// (disqualifying-grounds); one with a visible ground is an info naming it, not an omission.
import { FrameContext, frameRule, Span, sqlList } from '../../frame';
import { INCLUSION_CLAUSE } from './clause';
import { fenText, incomeSql, itemBreakdown, toIncomeRow } from './income-items';
import { checkedText, foundText, GROUNDED_REFUSAL_REMEDY, otherGrounds } from '../../disqualifying-grounds';

const KEYS = ['elig.income_tested_programs', 'elig.income_exclusions'] as const;
type Key = (typeof KEYS)[number];

export interface Exclusions {
  not_income: string[];
  deductions: string[];
  eligible_when: 'below' | 'at_or_below';
}

export const eligIncome = frameRule({
  id: 'ELIG-INCOME',
  family: 'exemptions',
  title: { zh: '按规定口径(扣除不计入项目)计算的家庭人均收入与标准比较,错保漏保均须发现', en: 'Per-capita income, recomputed with the exclusions, against the standard: wrongful approvals and refusals' },
  clause: INCLUSION_CLAUSE,
  needs: ['applications', 'households'],
  reads: [],
  parameters: KEYS,
  before: 'skip',
  // One query per span in force; the applications none of them could recompute are counted once, at the end.
  async whole(ctx) {
    let unreviewed = 0;
    for (const span of ctx.timeline.spans) if (span.status === 'in-force') unreviewed += await judgeSpan(span, ctx);
    ctx.notJudged({ zh: `${unreviewed} 份申请缺少收入信息或家庭成员,无法重算`, en: `${unreviewed} application(s) lack income items or household members` }, unreviewed);
  },
});

/** Judges the decisions of one span; returns how many it could not recompute (no income items or members). */
async function judgeSpan(span: Span<Key>, ctx: FrameContext<Key>): Promise<number> {
  const { ds, profile } = ctx;
  const programs = span.param('elig.income_tested_programs');
  const excl = span.param('elig.income_exclusions');
  const x = excl.value;
  const scope = `a.program IN (${sqlList(programs.value)}) AND ${span.where('a.decision.decided_on')}
    AND (a.decision.result = 'rejected' OR (a.decision.result = 'approved' AND a.decision.coverage = 'household'))`;
  const cmp = x.eligible_when === 'below' ? '<' : '<=';
  const [res] = await ds.all<{ n: number; missing: number; rows: unknown[] | null }>(
    incomeSql(scope, x, `((total_fen ${cmp} standard_fen * size) <> (result = 'approved')) OR abs(recorded_fen * size - total_fen) >= size`),
  );
  ctx.examine(res.n);
  const missing = res.missing;
  const rows = (res.rows ?? []).map(toIncomeRow);
  const isEligible = (r: (typeof rows)[number]) => (x.eligible_when === 'below' ? r.total_fen < r.standard_fen * r.size : r.total_fen <= r.standard_fen * r.size);
  const grounds = await otherGrounds(ds, profile, rows.filter((r) => isEligible(r) && r.result === 'rejected').map((r) => r.application_id), ['income']);
  for (const r of rows) {
    const eligible = isEligible(r);
    const b = itemBreakdown(r, x);
    const perCapita = Math.round(r.total_fen / r.size);
    const figure = {
      zh: `按规定口径重算家庭月人均收入 ${fenText(perCapita)} 元(${r.size} 人,月收入合计 ${fenText(r.total_fen)} 元${b.zh ? ';' + b.zh : ''}),标准 ${fenText(r.standard_fen)} 元`,
      en: `recomputed per-capita income ${fenText(perCapita)} yuan (${r.size} members, total ${fenText(r.total_fen)}${b.en ? '; ' + b.en : ''}) against a standard of ${fenText(r.standard_fen)}`,
    };
    const base = {
      record: ds.locate('applications', r.application_id, r._line),
      related: [{ collection: 'households', id: r.household_id }],
      params: [programs, excl],
      expected: { eligible, per_capita_fen: perCapita, standard_fen: r.standard_fen, rule: x.eligible_when },
      actual: { result: r.result, recorded_per_capita_fen: r.recorded_fen, decided_on: r.decided_on, items: b.items },
    };
    const g = grounds.get(r.application_id);
    if (eligible && r.result === 'rejected' && g?.found.length) {
      const why = foundText(g);
      ctx.find(span, {
        ...base,
        actual: { ...base.actual, grounds_checked: g.checked, other_grounds: g.found },
        severity: 'info',
        message: { zh: `${figure.zh},收入符合条件,但拒绝另有依据:${why.zh}(不作漏保)`, en: `${figure.en}: within the income standard, but the refusal has a ground: ${why.en} (not an omission)` },
        remedy: GROUNDED_REFUSAL_REMEDY,
        detail: 'refusal-ground',
      });
    } else if (eligible && r.result === 'rejected') {
      const checked = checkedText(g ?? { checked: [], found: [] });
      ctx.find(span, {
        ...base,
        actual: { ...base.actual, grounds_checked: g?.checked ?? [] },
        severity: 'error',
        message: { zh: `${figure.zh},符合条件却于 ${r.decided_on} 被拒绝(漏保);${checked.zh}`, en: `${figure.en}: eligible, yet refused on ${r.decided_on} (omission); ${checked.en}` },
        remedy: { zh: '重新审核确认,纳入保障', en: 'decide again and include the household' },
        groups: { direction: 'omission' },
        detail: 'omission',
      });
    }
    else if (!eligible && r.result === 'approved')
      ctx.find(span, {
        ...base,
        severity: 'error',
        message: { zh: `${figure.zh},不符合条件却于 ${r.decided_on} 批准(错保)`, en: `${figure.en}: not eligible, yet approved on ${r.decided_on} (wrongful inclusion)` },
        remedy: { zh: '复核后停发,依规追回', en: 'review, stop and recover' },
        groups: { direction: 'inclusion' },
        detail: 'inclusion',
      });
    else
      ctx.find(span, {
        ...base,
        severity: 'warning',
        message: { zh: `记录的人均收入 ${fenText(r.recorded_fen)} 元与${figure.zh}不符,结论不受影响`, en: `recorded per-capita income ${fenText(r.recorded_fen)} differs from the ${figure.en}; the decision stands` },
        remedy: { zh: '更正收入核算', en: 'correct the income calculation' },
        detail: 'figure',
      });
  }
  return missing;
}
