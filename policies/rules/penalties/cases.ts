// Reads the fraud cases once per rule run (a small collection: tier logic runs in TypeScript
// over rows) and grades each by the profile in force on its decision date, or the date it was
// found when undecided.
import { Dataset, RecordRef } from '../../../engine/dataset/dataset';
import { Bilingual, Finding, Severity } from '../../../engine/findings/finding';
import { ResolvedProfile } from '../../../engine/profile/profile';
import { Tier } from '../../parameters/penalties';
import { Rule } from '../../rule';
import { FrameContext, FrameFinding, frameRule } from '../../frame';
import { XIANTAO_CLAUSE } from './clause';
import { assess, Assessment, PENALTY_KEYS, PenaltyKey } from './grading';
import { auditPeriod, beforePeriodNote, HISTORY_REMEDY } from '../../audit-period';
import { onceEach } from '../../../engine/dataset/once';

export interface CaseRow {
  case_id: string;
  household_id: string;
  application_id: string | null;
  _line: number;
  stage: 'application' | 'in_receipt';
  amount_fen: string;
  circumstances: string[];
  found_on: string;
  decided_on: string | null;
  tier: Tier | null;
  recovered_fen: string | null;
  fine_fen: string | null;
  blacklisted: boolean | null;
  assistance_stopped_from: string | null;
  verification_frequency_raised: boolean | null;
  education_given: boolean | null;
  transfers: string[] | null;
  credit_repair: { corrected_on: string; repaid_on: string; applied_on: string; decided_on: string; granted: boolean } | null;
  /** Contract v1.1: when the person was taken off the blacklist. */
  blacklist_removed_on: string | null;
  /** Contract v1.1: the household approved again after the stop. */
  reapproval: { application_id: string; decided_on: string; from_month: string } | null;
}

export interface JudgedCase {
  row: CaseRow;
  amountFen: number;
  assessment: Assessment;
  record: RecordRef;
  related: { collection: string; id: string }[];
  /**
   * info before the profile's penalty rules took effect, or for a duty that fell before the
   * export's period (history), the given severity otherwise. `dutyOn` defaults to the decision date.
   */
  severity: (inForce: Severity, dutyOn?: string) => Severity;
  /** The case was decided before meta.period.from. */
  beforePeriod: boolean;
}

// The seven PEN rules judge the same cases under the same profile: read and grade them once
// per (dataset, profile). A loaded dataset does not change, so the cache cannot go stale.
const judged = onceEach<ResolvedProfile, JudgedCase[]>();

export function judgedCases(ds: Dataset, profile: ResolvedProfile): Promise<JudgedCase[]> {
  return judged(ds, profile, () => readAndJudge(ds, profile));
}

async function readAndJudge(ds: Dataset, profile: ResolvedProfile): Promise<JudgedCase[]> {
  const rows = await ds.all<CaseRow>(
    `SELECT case_id, household_id, application_id, _line, stage, CAST(amount * 100 AS BIGINT) AS amount_fen, circumstances, found_on,
            decision.decided_on AS decided_on, decision.tier AS tier,
            CAST(decision.recovered_amount * 100 AS BIGINT) AS recovered_fen, CAST(decision.fine_amount * 100 AS BIGINT) AS fine_fen,
            decision.blacklisted AS blacklisted, decision.assistance_stopped_from AS assistance_stopped_from,
            decision.verification_frequency_raised AS verification_frequency_raised, decision.education_given AS education_given,
            decision.transfers AS transfers, credit_repair,
            blacklist_removed_on::VARCHAR AS blacklist_removed_on,
            CASE WHEN reapproval IS NULL THEN NULL ELSE {'application_id': reapproval.application_id, 'decided_on': reapproval.decided_on::VARCHAR, 'from_month': reapproval.from_month} END AS reapproval
     FROM fraud_cases ORDER BY _line`,
  );
  const period = auditPeriod(ds);
  return rows.map((row) => {
    const amountFen = Number(row.amount_fen);
    const before = (d: string | null) => !!d && d < period.from;
    const assessment = assess(profile, { stage: row.stage, amountFen, circumstances: row.circumstances ?? [], recordedTier: row.tier }, row.decided_on ?? row.found_on, row.decided_on);
    return {
      row,
      amountFen,
      assessment,
      record: ds.locate('fraud_cases', row.case_id, row._line),
      related: [{ collection: 'households', id: row.household_id }, ...(row.application_id ? [{ collection: 'applications', id: row.application_id }] : [])],
      severity: (s: Severity, dutyOn: string | null = row.decided_on) => (assessment.standing === 'pre_rule' || before(dutyOn) ? 'info' : s),
      beforePeriod: before(row.decided_on),
    };
  });
}

const NO_TIERS: Bilingual = { zh: '适用的政策配置未规定失信分级与惩戒措施,无法审查', en: 'the profile in use defines no penalty tiers or measures; cannot review' };

/**
 * The decided cases the profile can grade, counted as examined (`alsoExamined`: how many of
 * them; all by default); those it cannot grade (no tiers in the profile) are not reviewed.
 */
export async function reviewableCases(ctx: FrameContext<PenaltyKey>, alsoExamined: (judged: JudgedCase[]) => number = (j) => j.length): Promise<JudgedCase[]> {
  const decided = (await judgedCases(ctx.ds, ctx.profile)).filter((c) => c.row.decided_on && c.assessment.standing !== 'off');
  const judged = decided.filter((c) => c.assessment.standing !== 'absent');
  const absent = decided.length - judged.length;
  ctx.examine(alsoExamined(judged) + absent);
  ctx.notJudged(NO_TIERS, absent);
  return judged;
}

export const tierZh = (t: Tier | null) => (t ? { general: '一般失信', serious: '较重失信', severe: '严重失信' }[t] : '未认定');

/** An info finding on a case decided before the export's period says so, with the history remedy. */
export function markBeforePeriod(findings: Finding[], ds: Dataset, cases: JudgedCase[]): Finding[] {
  const before = new Set(cases.filter((c) => c.beforePeriod && c.assessment.standing !== 'pre_rule').map((c) => c.row.case_id));
  const note = beforePeriodNote(auditPeriod(ds));
  for (const f of findings) {
    if (f.severity === 'info' && before.has(f.record.id)) {
      f.message = { zh: f.message.zh + note.zh, en: f.message.en + note.en };
      f.remedy = HISTORY_REMEDY;
    }
  }
  return findings;
}

/** What a PEN rule finds on a case: a finding under the rule, its severity from the case (JudgedCase.severity). */
export type FindOnCase = (f: FrameFinding) => Finding;

/**
 * The PEN rules that judge each graded case on its own: the frame counts the cases and builds
 * the findings; history (before the profile's penalty rules or the export's period) is the case's.
 */
export function perCaseRule(meta: Pick<Rule, 'id' | 'title'>, check: (c: JudgedCase, find: FindOnCase) => void): Rule {
  return frameRule({
    ...meta,
    family: 'penalties',
    clause: XIANTAO_CLAUSE,
    needs: ['fraud_cases'],
    reads: [],
    parameters: PENALTY_KEYS,
    before: {},
    async whole(ctx) {
      const judged = await reviewableCases(ctx);
      for (const c of judged) check(c, (f) => ctx.find(undefined, f));
      markBeforePeriod(ctx.findings, ctx.ds, judged);
    },
  });
}
