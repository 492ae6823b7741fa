// Parameters of the penalties family: how a profile grades a fraud case into
// a tier, what each tier requires, when a case goes to the court or the judiciary, and the
// credit-repair window. Amounts are in yuan (at most two decimals); rules compare in fen.
//
// Tier tables state for every edge which side owns it (以上/以下/以内 each include the number,
// 刑法 art. 99, so "1万元以内" and "1万元以上" both claim 10,000: the profile must choose).
// The schema refuses a table whose ranges overlap, leave a gap or leave an edge unowned, and
// names both ranges; the profile loader reports it with the file and the key.
import { z } from 'zod';
import { defineParameters } from './define';
import { duration } from '../duration';

export { CIRCUMSTANCES, STAGES, TIER_EN, TIER_ZH, TIERS, TRANSFERS } from './penalty-terms';
export type { Circumstance, Stage, Tier, Transfer } from './penalty-terms';
import { CIRCUMSTANCES, STAGES, TIERS, TRANSFERS, Tier } from './penalty-terms';

/** Yuan as written in a profile: a non-negative number with at most two decimals. */
const yuan = z
  .number()
  .nonnegative()
  .refine((v) => Number.isFinite(v) && /^\d+(\.\d{1,2})?$/.test(String(v)), { message: '金额最多两位小数 / at most two decimals (fen)' });

/** Yuan (profile value) → integer fen, through the decimal text, never float arithmetic. */
export function yuanToFen(v: number | string): number {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(String(v));
  if (!m) throw new Error(`not an amount in yuan: ${v}`);
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

export const Band = z
  .object({
    tier: z.enum(TIERS),
    min: yuan,
    includes_min: z.boolean(),
    /** Absent: no upper bound. */
    max: yuan.optional(),
    includes_max: z.boolean().optional(),
    /** The words of the local document, e.g. 1万元以内. */
    text: z.string().optional(),
  })
  .strict()
  .refine((b) => (b.max === undefined) === (b.includes_max === undefined), { message: 'max 与 includes_max 须同时给出 / give max and includes_max together' });
export type BandT = z.infer<typeof Band>;

export function formatBand(b: Pick<BandT, 'min' | 'includes_min' | 'max' | 'includes_max'>): string {
  const left = b.includes_min ? '[' : '(';
  if (b.max === undefined) return `${left}${b.min}, ∞)`;
  return `${left}${b.min}, ${b.max}${b.includes_max ? ']' : ')'}`;
}

/** Overlaps, gaps and unowned edges in one stage's bands; each message names both ranges. */
export function bandProblems(bands: BandT[]): { index: number; zh: string; en: string }[] {
  const problems: { index: number; zh: string; en: string }[] = [];
  const fen = (v: number) => yuanToFen(v);
  const sorted = bands.map((b, index) => ({ b, index })).sort((x, y) => fen(x.b.min) - fen(y.b.min) || Number(y.b.includes_min) - Number(x.b.includes_min));
  const name = (b: BandT) => `${b.tier} ${formatBand(b)}`;
  sorted.forEach(({ b, index }) => {
    if (b.max !== undefined && (fen(b.max) < fen(b.min) || (fen(b.max) === fen(b.min) && !(b.includes_min && b.includes_max))))
      problems.push({ index, zh: `区间 ${name(b)} 为空`, en: `range ${name(b)} is empty` });
  });
  if (!sorted.length) return [{ index: 0, zh: '没有任何区间', en: 'no ranges' }];
  const first = sorted[0];
  if (fen(first.b.min) > 0 || !first.b.includes_min)
    problems.push({ index: first.index, zh: `区间之间留有空缺: [0, ${first.b.min}${first.b.includes_min ? ')' : ']'} 不属于任何等级(第一个区间为 ${name(first.b)})`, en: `gap: [0, ${first.b.min}${first.b.includes_min ? ')' : ']'} belongs to no tier (the first range is ${name(first.b)})` });
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1].b;
    const b = sorted[i].b;
    const at = sorted[i].index;
    if (a.max === undefined) {
      problems.push({ index: at, zh: `区间重叠: ${name(a)} 与 ${name(b)}`, en: `ranges overlap: ${name(a)} and ${name(b)}` });
      continue;
    }
    const amax = fen(a.max);
    const bmin = fen(b.min);
    if (bmin < amax) problems.push({ index: at, zh: `区间重叠: ${name(a)} 与 ${name(b)}`, en: `ranges overlap: ${name(a)} and ${name(b)}` });
    else if (bmin > amax) problems.push({ index: at, zh: `区间之间留有空缺: ${name(a)} 与 ${name(b)} 之间的金额不属于任何等级`, en: `gap between ${name(a)} and ${name(b)}: amounts in between belong to no tier` });
    else if (a.includes_max && b.includes_min)
      problems.push({ index: at, zh: `区间重叠: ${name(a)} 与 ${name(b)} 都包含边界 ${b.min} 元,须指明边界属于哪一侧`, en: `ranges overlap: ${name(a)} and ${name(b)} both own the edge ${b.min}; say which side owns it` });
    else if (!a.includes_max && !b.includes_min)
      problems.push({ index: at, zh: `边界无归属: ${name(a)} 与 ${name(b)} 都不包含 ${b.min} 元`, en: `edge unowned: neither ${name(a)} nor ${name(b)} includes ${b.min}` });
  }
  const last = sorted[sorted.length - 1].b;
  if (last.max !== undefined && !sorted.slice(0, -1).some((s) => s.b.max === undefined))
    problems.push({ index: sorted[sorted.length - 1].index, zh: `区间之间留有空缺: ${last.includes_max ? '(' : '['}${last.max}, ∞) 不属于任何等级(最后一个区间为 ${name(last)})`, en: `gap: ${last.includes_max ? '(' : '['}${last.max}, ∞) belongs to no tier (the last range is ${name(last)})` });
  return problems;
}

const Bands = z.array(Band).min(1);

/** A circumstance that makes a case severe from an amount on (Xiantao: concealed death ≥ 2万…). */
export const SevereRule = z
  .object({
    circumstance: z.enum(CIRCUMSTANCES),
    min: yuan,
    includes_min: z.boolean(),
    text: z.string().optional(),
  })
  .strict();
export type SevereRuleT = z.infer<typeof SevereRule>;

export const Grading = z
  .discriminatedUnion('method', [
    z
      .object({
        /** Tier from stage and amount, raised to severe by aggravating circumstances (Xiantao). */
        method: z.literal('amount'),
        bands: z.object({ application: Bands, in_receipt: Bands }).strict(),
        severe: z.array(SevereRule),
      })
      .strict(),
    z
      .object({
        /** Tier set by the deciding authority on the conduct's gravity (Tieling): the recorded tier stands. */
        method: z.literal('gravity'),
      })
      .strict(),
  ])
  .superRefine((g, ctx) => {
    if (g.method !== 'amount') return;
    for (const stage of STAGES)
      for (const p of bandProblems(g.bands[stage]))
        ctx.addIssue({ code: 'custom', path: ['bands', stage, p.index], message: `${p.zh} / ${p.en}` });
  });
export type GradingT = z.infer<typeof Grading>;

const text = z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict();

export const TierMeasures = z
  .object({
    recover: z.boolean(),
    /** `none`, or a fine required between min and max multiples of the amount obtained. */
    fine: z.union([
      z.literal('none'),
      z
        .object({ min_multiple: z.number().int().min(1), max_multiple: z.number().int().min(1) })
        .strict()
        .refine((f) => f.min_multiple <= f.max_multiple, { message: 'min_multiple 不得大于 max_multiple / min_multiple exceeds max_multiple' }),
    ]),
    blacklist: z.boolean(),
    stop_assistance_from_decision_month: z.boolean(),
    raise_verification: z.boolean(),
    education: z.boolean(),
    /** Measures the export has no field for (从严审核, 联合惩戒): printed, not checked. */
    also: z.array(text).default([]),
  })
  .strict();
export type TierMeasuresT = z.infer<typeof TierMeasures>;

export const Measures = z.object({ general: TierMeasures, serious: TierMeasures, severe: TierMeasures }).strict();
export type MeasuresT = z.infer<typeof Measures>;

export const Transfers = z
  .object({
    /** Required (all) when the party refused to carry out the penalty decision. */
    on_refusal: z.array(z.enum(TRANSFERS)),
    /** At or above the prosecution threshold: any one of these suffices. */
    at_threshold: z.array(z.enum(TRANSFERS)).min(1),
    /** Required (all) when the case has the circumstance. */
    on_circumstance: z.partialRecord(z.enum(CIRCUMSTANCES), z.array(z.enum(TRANSFERS))).default({}),
  })
  .strict();
export type TransfersT = z.infer<typeof Transfers>;

export const Threshold = z.object({ min: yuan, includes_min: z.boolean() }).strict();
export type ThresholdT = z.infer<typeof Threshold>;

export const CreditRepair = z
  .object({
    /** Correction and repayment within this long after the decision (半年内: { value: 6, unit: months }). */
    correct_within: duration(),
    /** The repair is decided within this long after the application (15个工作日: { value: 15, unit: working_days }). */
    decide_within: duration(),
    /** A granted repair takes the person off the blacklist. */
    lifts_blacklist: z.boolean(),
  })
  .strict();
export type CreditRepairT = z.infer<typeof CreditRepair>;

export const penaltiesParameters = defineParameters({
  'penalty.grading': {
    schema: Grading,
    description: { zh: '失信等级的认定方法及金额区间(每个边界须指明归属)', en: 'how a fraud case is graded, with amount ranges whose every edge has an owner' },
  },
  'penalty.measures': {
    schema: Measures,
    description: { zh: '各失信等级应采取的惩戒措施', en: 'the measures each tier requires' },
  },
  'penalty.transfers': {
    schema: Transfers,
    description: { zh: '拒不履行、达到追诉标准或特定情节时应移送的机关', en: 'transfers required on refusal, at the prosecution threshold, or for a circumstance' },
  },
  'penalty.prosecution_threshold': {
    schema: Threshold,
    description: { zh: '移送司法机关的金额标准(元)', en: 'amount (yuan) from which a case goes to the police or judiciary' },
  },
  'penalty.credit_repair': {
    schema: CreditRepair,
    description: { zh: '信用修复的期限', en: 'credit-repair window and decision deadline' },
  },
});
