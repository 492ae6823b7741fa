import { z } from 'zod';
import { defineParameters } from './define';
import { duration } from '../duration';

// Parameters of the exemptions family: staff accountability exemptions
// (EXEMPT-*) and household eligibility exemptions (ELIG-*).

/** The facts an accountability case records (contract: accountability_cases.facts). */
export const FACTS = ['abuse_of_power', 'personal_gain', 'repeated_same_matter', 'failed_timely_remedy', 'major_loss', 'knowingly'] as const;
export type Fact = (typeof FACTS)[number];
export const FAVOURABLE_OUTCOMES = ['exempt', 'reduced', 'lenient'] as const;

const fact = z.enum(FACTS);
/** `quoted`: the wording is quoted from the published document; `to_complete`: only the count is, policy staff must supply the wording. */
const status = z.enum(['quoted', 'to_complete']);
const programs = z.array(z.enum(['dibao', 'tekun', 'temporary', 'low_income'])).min(1);

/** elig.vehicle: which programmes a vehicle disqualifies from, and the serious-illness exception. */
const VehicleRule = z.object({ programs, exempt_if_serious_illness: z.boolean(), max_vehicles_when_exempt: z.number().int().min(1) }).strict();
export type VehicleRuleT = z.infer<typeof VehicleRule>;

const Situation = z
  .object({
    code: z.string().min(1),
    zh: z.string().min(1),
    en: z.string().min(1),
    status,
    /** Facts that must NOT hold for the situation to reach the case (its own conditions, e.g. 未造成重大损失). */
    requires_absent: z.array(fact).optional(),
  })
  .strict();

const Barred = z
  .object({
    code: z.string().min(1),
    zh: z.string().min(1),
    en: z.string().min(1),
    status,
    /** The barred situation holds when all these facts hold; empty = not expressible in the contract's facts (reported as unverifiable). */
    when_all: z.array(fact),
  })
  .strict();

const Step = z
  .object({
    step: z.string().min(1),
    en: z.string().min(1),
    /** always: every decided case; favourable: only exempt/reduced/lenient outcomes; optional: when it happens (e.g. on appeal). */
    required: z.enum(['always', 'favourable', 'optional']),
  })
  .strict();

function uniqueCodes<T extends { code: string }>(items: T[], ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  for (const [i, it] of items.entries()) {
    if (seen.has(it.code)) ctx.addIssue({ code: 'custom', path: [i, 'code'], message: `重复的情形编号 ${it.code} / duplicate code` });
    seen.add(it.code);
  }
}

export const exemptionsParameters = defineParameters({
  'exempt.situations': {
    schema: z.array(Situation).min(1).superRefine(uniqueCodes),
    description: { zh: '容错免责(从轻、减轻)情形正面清单', en: 'positive list of exemption / leniency situations' },
  },
  'exempt.barred': {
    schema: z.array(Barred).min(1).superRefine(uniqueCodes),
    description: { zh: '不予免责情形负面清单(优先于正面清单)', en: 'negative list of barred facts (overrides the positive list)' },
  },
  'exempt.outcomes': {
    schema: z.array(z.enum(FAVOURABLE_OUTCOMES)).min(1),
    description: { zh: '本地机制可作出的从宽认定结果', en: 'favourable outcomes the local mechanism provides' },
  },
  'exempt.procedure': {
    schema: z
      .array(Step)
      .min(1)
      .superRefine((steps, ctx) => {
        const seen = new Set<string>();
        steps.forEach((s, i) => (seen.has(s.step) ? ctx.addIssue({ code: 'custom', path: [i, 'step'], message: `重复的程序步骤 ${s.step}` }) : seen.add(s.step)));
      }),
    description: { zh: '免责认定程序步骤(按先后顺序)', en: 'exemption procedure steps, in order' },
  },
  'exempt.tracking': {
    schema: z
      .object({ period: duration(), talk_interval: duration(), outcomes: z.array(z.enum(FAVOURABLE_OUTCOMES)).min(1) })
      .strict()
      // The talk windows divide the tracking period: both must be counted in the same unit.
      .refine((t) => t.period.unit === t.talk_interval.unit, { path: ['talk_interval', 'unit'], message: 'talk_interval 须与 period 使用同一单位 / talk_interval must use the unit of period' }),
    description: { zh: '免责人员跟踪管理期限及谈心谈话间隔', en: 'tracking period for exempted staff and the talk interval' },
  },
  'elig.vehicle': {
    schema: VehicleRule,
    description: { zh: '拥有机动车原则上不符合条件;家庭成员患重大疾病且名下唯一机动车的例外', en: 'a vehicle disqualifies, except a single vehicle in a household with a seriously ill member' },
  },
  'elig.income_tested_programs': {
    schema: programs,
    description: { zh: '按家庭人均收入与标准比较认定的救助类别', en: 'programmes tested on per-capita income against the standard' },
  },
  'elig.income_exclusions': {
    schema: z
      .object({ not_income: z.array(z.string().min(1)), deductions: z.array(z.string().min(1)), eligible_when: z.enum(['below', 'at_or_below']) })
      .strict(),
    description: { zh: '不计入家庭收入的项目、扣减项目,及人均收入与标准的比较方式', en: 'items not counted as income, deducted items, and how per-capita income meets the standard' },
  },
  'elig.gradual_exit_months': {
    // Payments are monthly and the period starts with the month after the exit month: only months count.
    schema: duration({ units: ['months'], min: 0 }),
    description: { zh: '低保渐退期(月数,自退出当月的次月起算)', en: 'gradual-exit period in months after the exit month' },
  },
  'elig.single_coverage': {
    schema: z
      .object({
        programs,
        serious_illness: z.boolean(),
        severe_disability_grades: z.array(z.number().int().min(1).max(4)),
        unclear_disability_grades: z.array(z.number().int().min(1).max(4)),
        /** A refused household at or under this multiple of the standard is a low-income household (低收入家庭), owed 单人保 consideration. */
        low_income_ratio: z.number().min(1),
      })
      .strict(),
    description: { zh: '单人保的适用对象(重病、重度残疾)', en: 'who may be covered individually (serious illness, severe disability)' },
  },
  'elig.tolerance': {
    schema: z
      .object({
        situations: z.array(z.object({ code: z.string().min(1), type: z.string().min(1), zh: z.string().min(1), status }).strict()).min(1).superRefine(uniqueCodes),
        review_within: duration(),
        commitment_required: z.boolean(),
      })
      .strict(),
    description: { zh: '容缺受理(告知承诺)的适用情形、审核时限及承诺要求', en: 'tolerance acceptance: listed situations, review time limit, signed commitment' },
  },
  'elig.emergency_paperwork': {
    schema: duration(),
    description: { zh: '先行救助后补齐手续的时限', en: 'limit for completing the paperwork after emergency assistance' },
  },
});
