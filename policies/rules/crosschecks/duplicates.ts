// DUP-URBAN-RURAL, DUP-DIBAO-TEKUN, DUP-CROSS-REGION — one person paid by two enrolments in
// the same month (奈民发〔2022〕28号 二(一)3). One finding per person and pair of applications, on the
// later enrolment, naming both households, both applications, every payment concerned and
// the months, with the later enrolment's payments in those months as the amount to recover.
import { personal } from '../../../engine/findings/personal-data';
import { FrameContext, frameRule } from '../../frame';
import { Rule } from '../../rule';
import { monthRanges, paymentRefs, programZh, yuan } from './common';
import { DUPLICATE_CLAUSE } from './clause';
import { DuplicatePair, DuplicateRuleId, ENROLMENT_KEYS, EnrolmentSide, enrolmentDuplicates } from './enrolments';

const AREA_ZH: Record<string, string> = { urban: '城市', rural: '农村' };

function describe(rule: DuplicateRuleId, s: EnrolmentSide): string {
  const what = rule === 'DUP-URBAN-RURAL' ? `${AREA_ZH[s.area_type ?? ''] ?? ''}低保` : programZh(s.program);
  return `${what}(家庭 ${s.household_id},申请 ${s.application_id},${s.region_code})`;
}

const WORDS: Record<DuplicateRuleId, { zh: string; en: string }> = {
  'DUP-URBAN-RURAL': { zh: '同时享受城市低保和农村低保', en: 'in urban and rural dibao at once' },
  'DUP-DIBAO-TEKUN': { zh: '同时享受低保和特困供养', en: 'in dibao and in support for the extremely poor at once' },
  'DUP-CROSS-REGION': { zh: '重复纳入低保', en: 'enrolled twice' },
};

const HISTORY = { zh: '(比对要求生效前的月份,作为历史记录)', en: ' (months before the cross-check took effect: history)' };

function findingOf(ctx: FrameContext<(typeof ENROLMENT_KEYS)[number]>, p: DuplicatePair) {
  const { ds } = ctx;
  const words =
    p.rule === 'DUP-CROSS-REGION'
      ? p.sameRegion
        ? { zh: `在同一地区重复纳入${programZh(p.later.program)}`, en: `enrolled twice in ${p.later.program} in the same place` }
        : { zh: `异地重复纳入${programZh(p.later.program)}`, en: `enrolled in ${p.later.program} in two places` }
      : WORDS[p.rule];
  const months = monthRanges(p.months);
  const households = [...new Set([p.earlier.household_id, p.later.household_id])];
  return ctx.find(p.span, {
    severity: 'error',
    record: ds.locate('applications', p.later.application_id, p.later.app_line),
    related: [
      { collection: 'applications', id: p.earlier.application_id },
      ...households.map((id) => ({ collection: 'households', id })),
      ...paymentRefs([...new Set(p.paymentIds)]),
    ],
    message: {
      zh: `${personal('id', p.person_id)} ${months} ${words.zh}:${describe(p.rule, p.earlier)}与${describe(p.rule, p.later)},较晚一方重复发放 ${yuan(p.overpaidFen)} 元`,
      en: `${personal('id', p.person_id)} was ${words.en} in ${months}: application ${p.earlier.application_id} (household ${p.earlier.household_id}) and ${p.later.application_id} (household ${p.later.household_id}); the later paid ${yuan(p.overpaidFen)} yuan twice`,
    },
    expected: { zh: '同一人同一月份只享受一份', en: 'one enrolment per person per month' },
    actual: {
      person: personal('id', p.person_id),
      months: [...p.months].sort(),
      applications: [p.earlier.application_id, p.later.application_id],
      households,
      programs: [p.earlier.program, p.later.program],
      regions: [p.earlier.region_code, p.later.region_code],
      areas: [p.earlier.area_type, p.later.area_type],
    },
    params: p.params,
    remedy: {
      zh: `核实后停发较晚纳入的一方(申请 ${p.later.application_id}),追回重复发放的 ${yuan(p.overpaidFen)} 元(户保时为应核实的上限)`,
      en: `stop the later enrolment (${p.later.application_id}) and recover ${yuan(p.overpaidFen)} yuan paid twice (for a household payment, the upper bound to verify)`,
      amount_fen: p.overpaidFen,
      month: [...p.months].sort()[0],
    },
    detail: `${p.person_id}:${p.earlier.application_id}:${p.later.application_id}:${p.span.history ? 'history' : 'in-force'}`,
  });
}

// The three rules share one analysis (memoised per dataset and profile), which judges each
// person-month by the values in force that month.
function duplicateRule(id: DuplicateRuleId, title: Rule['title'], clause: Rule['clause'], needs: Rule['needs']): Rule {
  return frameRule({
    id,
    family: 'crosschecks',
    title,
    clause,
    needs,
    reads: ['households'],
    parameters: ENROLMENT_KEYS,
    before: { note: HISTORY },
    async whole(ctx) {
      const { pairs, examined } = await enrolmentDuplicates(ctx.ds, ctx.profile);
      ctx.examine(examined);
      for (const p of pairs) if (p.rule === id) findingOf(ctx, p);
    },
  });
}

export const dupUrbanRural = duplicateRule(
  'DUP-URBAN-RURAL',
  { zh: '同一人不得同月同时享受城市低保和农村低保', en: 'Nobody is in urban and rural dibao in the same month' },
  DUPLICATE_CLAUSE,
  ['payments', 'applications', 'households'],
);

export const dupDibaoTekun = duplicateRule(
  'DUP-DIBAO-TEKUN',
  { zh: '同一人不得同月同时享受低保和特困供养', en: 'Nobody is in dibao and 特困供养 in the same month' },
  DUPLICATE_CLAUSE,
  ['payments', 'applications'],
);

export const dupCrossRegion = duplicateRule(
  'DUP-CROSS-REGION',
  { zh: '同一人不得同月在两地(或两处)重复纳入低保', en: 'Nobody is in dibao in two places in the same month' },
  DUPLICATE_CLAUSE,
  ['payments', 'applications'],
);
