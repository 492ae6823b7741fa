// Each rule gets an outcome for the run, so nothing is silently passed: `not_reviewed` when
// the export lacks what the rule needs, `not_applicable` when nothing in it is in the rule's
// reach, `failed` when it found something at warning or above, and `partially_reviewed` when
// it found nothing at warning or above but could not judge some records (never a plain pass).
import { Bilingual, compareFindings, Finding, Severity } from '../findings/finding';
import { Rule, RuleEvaluation } from '../../policies/rule';

export type Outcome = 'passed' | 'failed' | 'partially_reviewed' | 'not_applicable' | 'not_reviewed';

export const OUTCOME_NAMES: Record<Outcome, Bilingual> = {
  passed: { zh: '通过', en: 'passed' },
  failed: { zh: '不通过', en: 'failed' },
  partially_reviewed: { zh: '部分审查', en: 'partially reviewed' },
  not_applicable: { zh: '不适用', en: 'not applicable' },
  not_reviewed: { zh: '未审查', en: 'not reviewed' },
};

/** Every outcome, in the order summaries list them. */
export const OUTCOMES = Object.keys(OUTCOME_NAMES) as Outcome[];

/** "15 passed, 5 failed, 1 partially reviewed, …": every outcome named, zeros included, so a summary line never hides one. */
export function outcomeTally(counts: Record<Outcome, number>): string {
  return OUTCOMES.map((o) => `${counts[o]} ${OUTCOME_NAMES[o].en}`).join(', ');
}

/** True when the rule judged every record in its reach: not for a rule that could not run or left records unjudged. */
export const judgedEverything = (r: { outcome: Outcome; counts: { not_reviewed: number } }) => r.outcome !== 'not_reviewed' && r.counts.not_reviewed === 0;

export interface RuleCounts {
  examined: number;
  findings: number;
  error: number;
  warning: number;
  info: number;
  not_reviewed: number;
}

export interface RuleResult {
  rule: Rule;
  outcome: Outcome;
  counts: RuleCounts;
  findings: Finding[];
  reason?: Bilingual;
  /** Records left out because they depend on a rejected record (counted in not_reviewed). */
  notReviewedRecords?: { collection: Rule['needs'][number]; line: number }[];
}

export function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

export function resultOf(rule: Rule, evaluation: RuleEvaluation): RuleResult {
  const findings = [...evaluation.findings].sort(compareFindings);
  const sev = countBySeverity(findings);
  const notReviewed = evaluation.notReviewed?.count ?? 0;
  const outcome: Outcome =
    sev.error + sev.warning > 0
      ? 'failed'
      : evaluation.examined === 0
        ? notReviewed > 0
          ? 'not_reviewed'
          : 'not_applicable'
        : notReviewed > 0
          ? 'partially_reviewed'
          : 'passed';
  return {
    rule,
    outcome,
    counts: { examined: evaluation.examined, findings: findings.length, ...sev, not_reviewed: notReviewed },
    findings,
    ...(evaluation.notReviewed ? { reason: evaluation.notReviewed.reason } : {}),
  };
}

export function missingCollections(rule: Rule, has: (c: Rule['needs'][number]) => boolean): RuleResult | undefined {
  const missing = rule.needs.filter((c) => !has(c));
  if (!missing.length) return undefined;
  return {
    rule,
    outcome: 'not_reviewed',
    counts: { examined: 0, findings: 0, error: 0, warning: 0, info: 0, not_reviewed: 0 },
    findings: [],
    reason: { zh: `导出数据缺少 ${missing.join('、')},无法审查`, en: `the export has no ${missing.join(', ')}; cannot review` },
  };
}
