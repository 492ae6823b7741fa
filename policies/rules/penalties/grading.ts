// The one place a fraud case is graded and its required measures worked out: the PEN-* rules
// and the `penalty` command both call `assess`, so the audit and the caseworker's answer
// cannot drift apart. Amounts are integer fen throughout.
import { addDuration, Duration } from '../../duration';
import { Bilingual } from '../../../engine/findings/finding';
import { ParameterValue, ResolvedProfile } from '../../../engine/profile/profile';
import { Param, Timeline } from '../../frame';
import { BandT, formatBand, SevereRuleT, Stage, Tier, TIER_EN, TIER_ZH, TierMeasuresT, Transfer, TransfersT, yuanToFen } from '../../parameters/penalties';

export const PENALTY_KEYS = ['penalty.grading', 'penalty.measures', 'penalty.transfers', 'penalty.prosecution_threshold', 'penalty.credit_repair'] as const;
export type PenaltyKey = (typeof PENALTY_KEYS)[number];
type Key = PenaltyKey;

export interface CaseFacts {
  stage: Stage;
  amountFen: number;
  circumstances: readonly string[];
  /** The tier the decision recorded, if any (the gravity method takes it as given). */
  recordedTier?: Tier | null;
}

/** Whether the profile's penalty rules bind on the date: before they took effect the case is history. */
export type Standing = 'in_force' | 'pre_rule' | 'off' | 'absent';

export interface TransferDuty {
  /** `all`: every listed transfer is required; `any`: one of them suffices. */
  need: 'all' | 'any';
  transfers: Transfer[];
  why: Bilingual;
  param: ParameterValue;
}

export interface Requirements {
  recoverFen: number | null;
  fine: { minFen: number; maxFen: number; minMultiple: number; maxMultiple: number } | null;
  blacklist: boolean;
  /** YYYY-MM: assistance stops from the decision month (null: the tier does not stop it). */
  stopFromMonth: string | null;
  raiseVerification: boolean;
  education: boolean;
  also: Bilingual[];
  transfers: TransferDuty[];
  repair: { correctBy: string; correctWithin: Duration; decideWithin: Duration; liftsBlacklist: boolean; param: Param<'penalty.credit_repair'> } | null;
}

export interface Assessment {
  date: string;
  standing: Standing;
  method: 'amount' | 'gravity' | null;
  /** The tier the profile gives (amount method) or the recorded tier (gravity); null: cannot classify. */
  tier: Tier | null;
  computed: boolean;
  reason: Bilingual;
  band?: BandT;
  severe: SevereRuleT[];
  requirements: Requirements | null;
  params: { [P in Key]?: Param<P> };
}

// Each penalty parameter has its own frame timeline: a profile may set its transfers or credit
// repair later than its tiers, and a case is graded whenever its tiers are in force.
const timelines = new WeakMap<ResolvedProfile, Map<Key, Timeline<Key>>>();
function timelineOf(profile: ResolvedProfile, key: Key): Timeline<Key> {
  let byKey = timelines.get(profile);
  if (!byKey) timelines.set(profile, (byKey = new Map()));
  let t = byKey.get(key);
  if (!t) byKey.set(key, (t = new Timeline<Key>(profile, [key])));
  return t;
}

/** The value of `key` that grades a case dated `date`: before the parameter's first value, that value (judged as history). */
function valueFor<P extends Key>(profile: ResolvedProfile, key: P, date: string): { p?: Param<P>; standing: Standing } {
  const t = timelineOf(profile, key);
  if (!t.spans.length) return { standing: 'absent' };
  // Only ever set to null: switched off throughout.
  if (t.unset().length) return { standing: 'off' };
  const span = t.on(date);
  return { p: span.maybe(key) as Param<P> | undefined, standing: span.status === 'before' ? 'pre_rule' : span.status === 'off' ? 'off' : 'in_force' };
}

export const fenToYuanText = (fen: number) => {
  const s = (Math.abs(fen) / 100).toFixed(2);
  const [w, f] = s.split('.');
  return `${fen < 0 ? '-' : ''}${w.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${f}`;
};

const STAGE_ZH: Record<Stage, string> = { application: '申请救助时', in_receipt: '获得救助后' };
const STAGE_EN: Record<Stage, string> = { application: 'at application', in_receipt: 'while in receipt' };
export const CIRCUMSTANCE_ZH: Record<string, string> = {
  forged_documents: '伪造或提供虚假证明材料',
  impersonation: '冒名顶替或使用他人身份信息',
  concealed_income: '隐瞒收入、财产或人口变动',
  concealed_death: '故意隐瞒救助对象死亡信息',
  public_funded_for_relative: '财政供养人员为亲属或他人骗取',
  refused_penalty: '拒不履行行政处罚决定',
  false_statement: '虚报隐瞒家庭情况',
};
export const TRANSFER_ZH: Record<Transfer, string> = { court_enforcement: '移送法院强制执行', police: '移送公安机关', judiciary: '移送司法机关', discipline: '移送纪委监委问责' };
export const TRANSFER_EN: Record<Transfer, string> = { court_enforcement: 'court enforcement', police: 'police', judiciary: 'judiciary', discipline: 'discipline inspection' };

const meets = (amountFen: number, min: number, inclusive: boolean) => (inclusive ? amountFen >= yuanToFen(min) : amountFen > yuanToFen(min));
const inBand = (amountFen: number, b: BandT) =>
  meets(amountFen, b.min, b.includes_min) && (b.max === undefined || (b.includes_max ? amountFen <= yuanToFen(b.max) : amountFen < yuanToFen(b.max)));

/**
 * Grades a case by the profile values in force on `date` (the decision date, or the date it
 * was found when undecided) and works out what the tier requires, given the decision date.
 */
export function assess(profile: ResolvedProfile, facts: CaseFacts, date: string, decidedOn: string | null = null): Assessment {
  const grading = valueFor(profile, 'penalty.grading', date);
  const measures = valueFor(profile, 'penalty.measures', date);
  const params: Assessment['params'] = {};
  if (grading.p) params['penalty.grading'] = grading.p;
  if (measures.p) params['penalty.measures'] = measures.p;
  const standing: Standing = grading.standing === 'absent' || measures.standing === 'absent' ? 'absent' : grading.standing === 'off' || measures.standing === 'off' ? 'off' : grading.standing;
  const base = { date, standing, severe: [] as SevereRuleT[], params, requirements: null };
  if (!grading.p || !measures.p)
    return { ...base, method: null, tier: null, computed: false, reason: { zh: '政策配置未规定失信分级', en: 'the profile defines no penalty tiers' } };

  const amount = fenToYuanText(facts.amountFen);
  let tier: Tier | null = null;
  let computed = false;
  let reason: Bilingual;
  let band: BandT | undefined;
  let severe: SevereRuleT[] = [];
  const g = grading.p.value;
  if (g.method === 'gravity') {
    tier = facts.recordedTier ?? null;
    reason = tier
      ? { zh: `按失信程度由民政部门认定为${TIER_ZH[tier]}`, en: `graded ${TIER_EN[tier]} by the authority on the conduct's gravity` }
      : { zh: '该配置按失信程度认定等级,但未记录等级,无法认定', en: 'this profile grades by gravity, but no tier is recorded: cannot classify' };
  } else {
    computed = true;
    band = g.bands[facts.stage].find((b) => inBand(facts.amountFen, b));
    severe = g.severe.filter((s) => facts.circumstances.includes(s.circumstance) && meets(facts.amountFen, s.min, s.includes_min));
    if (severe.length) {
      tier = 'severe';
      const why = severe.map((s) => `${CIRCUMSTANCE_ZH[s.circumstance] ?? s.circumstance}且金额 ${amount} 元${s.includes_min ? '≥' : '>'} ${fenToYuanText(yuanToFen(s.min))} 元`);
      reason = { zh: `${why.join(';')} → 严重失信`, en: `${severe.map((s) => `${s.circumstance} with ${amount} ${s.includes_min ? '≥' : '>'} ${s.min}`).join('; ')} → severe` };
    } else if (band) {
      tier = band.tier;
      reason = {
        zh: `${STAGE_ZH[facts.stage]}骗取 ${amount} 元,属区间 ${formatBand(band)}${band.text ? `「${band.text}」` : ''} → ${TIER_ZH[band.tier]}`,
        en: `${amount} yuan obtained ${STAGE_EN[facts.stage]}, in range ${formatBand(band)} → ${TIER_EN[band.tier]}`,
      };
    } else {
      reason = { zh: `${STAGE_ZH[facts.stage]}骗取 ${amount} 元,不属于配置的任何区间,无法认定`, en: `${amount} yuan ${STAGE_EN[facts.stage]} falls in no range of the profile: cannot classify` };
    }
  }
  const assessment: Assessment = { date, standing, method: g.method, tier, computed, reason, band, severe, requirements: null, params };
  if (tier) assessment.requirements = requirementsOf(profile, measures.p.value[tier], facts, date, decidedOn, params);
  return assessment;
}

function requirementsOf(profile: ResolvedProfile, m: TierMeasuresT, facts: CaseFacts, date: string, decidedOn: string | null, params: Assessment['params']): Requirements {
  const transfers: TransferDuty[] = [];
  const t = valueFor(profile, 'penalty.transfers', date).p;
  const threshold = valueFor(profile, 'penalty.prosecution_threshold', date).p;
  const repair = valueFor(profile, 'penalty.credit_repair', date).p;
  if (t) params['penalty.transfers'] = t;
  if (threshold) params['penalty.prosecution_threshold'] = threshold;
  if (repair) params['penalty.credit_repair'] = repair;
  if (t && facts.circumstances.includes('refused_penalty') && t.value.on_refusal.length)
    transfers.push({ need: 'all', transfers: t.value.on_refusal, why: { zh: '拒不履行行政处罚决定', en: 'the party refused to carry out the penalty decision' }, param: t });
  if (t && threshold && meets(facts.amountFen, threshold.value.min, threshold.value.includes_min))
    transfers.push({
      need: 'any',
      transfers: t.value.at_threshold,
      why: { zh: `骗取金额 ${fenToYuanText(facts.amountFen)} 元达到追诉标准 ${fenToYuanText(yuanToFen(threshold.value.min))} 元`, en: `${fenToYuanText(facts.amountFen)} yuan reaches the prosecution threshold of ${threshold.value.min}` },
      param: threshold,
    });
  for (const c of facts.circumstances) {
    const list = t?.value.on_circumstance?.[c as keyof TransfersT['on_circumstance']];
    if (t && list?.length) transfers.push({ need: 'all', transfers: list, why: { zh: CIRCUMSTANCE_ZH[c] ?? c, en: c }, param: t });
  }
  const fine = m.fine === 'none' ? null : { minFen: facts.amountFen * m.fine.min_multiple, maxFen: facts.amountFen * m.fine.max_multiple, minMultiple: m.fine.min_multiple, maxMultiple: m.fine.max_multiple };
  return {
    recoverFen: m.recover ? facts.amountFen : null,
    fine,
    blacklist: m.blacklist,
    stopFromMonth: m.stop_assistance_from_decision_month ? (decidedOn ?? date).slice(0, 7) : null,
    raiseVerification: m.raise_verification,
    education: m.education,
    also: m.also ?? [],
    transfers,
    repair: repair && decidedOn ? { correctBy: addDuration(decidedOn, repair.value.correct_within), correctWithin: repair.value.correct_within, decideWithin: repair.value.decide_within, liftsBlacklist: repair.value.lifts_blacklist, param: repair } : null,
  };
}

/** Fen → plain decimal yuan for expected/actual data ("15000.00"); fenToYuanText is for messages. */
export const fenToDecimal = (fen: number) => (fen / 100).toFixed(2);
