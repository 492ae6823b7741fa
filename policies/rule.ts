// What a rule is: its rulebook id and words, its clause, what it reads, and a pure function
// of (dataset, resolved profile) to findings. No file I/O, no console.
import { CollectionName } from '../schemas/case-export';
import { Dataset, RecordRef } from '../engine/dataset/dataset';
import { Bilingual, Finding, fingerprint, Severity, usedParameter } from '../engine/findings/finding';
import { ParameterValue, ResolvedProfile } from '../engine/profile/profile';

export interface Clause {
  seed?: string;
  document: string;
  section?: string;
  /** Tag form used on scenarios: `@clause:003-二-四-2`. */
  tag: string;
}

export interface RuleEvaluation {
  findings: Finding[];
  /** How many records the rule judged. */
  examined: number;
  /** Records it could not judge (a field or a parameter value it needs is absent). */
  notReviewed?: { count: number; reason: Bilingual };
}

export interface Rule {
  id: string;
  family: string;
  title: Bilingual;
  clause: Clause;
  /** Collections without which the rule cannot run at all (→ not_reviewed). */
  needs: CollectionName[];
  parameters: string[];
  evaluate(ds: Dataset, profile: ResolvedProfile): Promise<RuleEvaluation>;
}

export const citeClause = (c: Clause) => [c.seed ? `seed ${c.seed}` : null, c.document, c.section ? `§${c.section}` : null].filter(Boolean).join(', ');

export interface FindingInput {
  severity: Severity;
  record: RecordRef;
  related?: { collection: string; id: string }[];
  message: Bilingual;
  expected: unknown;
  actual: unknown;
  params: (ParameterValue | undefined)[];
  remedy: Finding["remedy"] & {};
  groups?: Record<string, string>;
  /** Distinguishes two findings of one rule on one record (e.g. the column label). */
  detail?: string;
}

export function makeFinding(rule: Pick<Rule, 'id' | 'clause'>, f: FindingInput): Finding {
  return {
    rule: rule.id,
    severity: f.severity,
    record: f.record,
    related: f.related ?? [],
    message: f.message,
    expected: f.expected,
    actual: f.actual,
    params: f.params.filter((p): p is ParameterValue => !!p).map(usedParameter),
    source: citeClause(rule.clause),
    ...(f.remedy ? { remedy: f.remedy } : {}),
    ...(f.groups ? { groups: f.groups } : {}),
    fingerprint: fingerprint(rule.id, f.record, f.detail),
  };
}
