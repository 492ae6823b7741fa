// What a rule is: its id and words, its clause, what it reads, and a pure function
// of (dataset, resolved profile) to findings. No file I/O, no console.
import { CollectionName } from '../schemas/case-export';
import { Dataset, RecordRef } from '../engine/dataset/dataset';
import { Bilingual, Finding, fingerprint, Severity, usedParameter } from '../engine/findings/finding';
import { ParameterValue, ResolvedProfile } from '../engine/profile/profile';
import { citeSource } from '../engine/profile/source';
import { AuditWindow, InForce } from './in-force';

/**
 * The instrument a rule cites wherever the profile chain cites nothing of its own: the
 * national law, regulation or ministry document (docs/sources.md lists them all). A profile
 * cites its local document for a rule under `citations:`; reports use the one in force.
 */
export interface Clause {
  document: string;
  /** Article or section, only when checked against the published text. */
  section?: string;
  note?: string;
  /** What staff must still confirm (e.g. the article number); printed with the citation. */
  verify?: string;
  /**
   * Tag on the rule's scenarios naming the text they exemplify, e.g.
   * `@clause:奈民发〔2022〕28号-二-四-2` (document number, then section); see docs/sources.md.
   */
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
  /** A function when the title states a number: it reads the value(s) in force (see InForce). */
  title: Bilingual | ((inForce: InForce) => Bilingual);
  clause: Clause;
  /** Collections without which the rule cannot run at all (→ not_reviewed). */
  needs: CollectionName[];
  /** Further collections it reads when the export has them; with `needs`, every table its SQL names. */
  reads?: CollectionName[];
  /**
   * It reports rejected records and references to them itself (the contract rules), so the frame
   * hides nothing from it.
   */
  judgesRejected?: boolean;
  parameters: string[];
  evaluate(ds: Dataset, profile: ResolvedProfile): Promise<RuleEvaluation>;
}

/** The rule's title with the numbers of `profile` in force over `window` (no profile: the words without numbers). */
export function ruleTitle(rule: Pick<Rule, 'title'>, profile?: ResolvedProfile, window: AuditWindow = {}): Bilingual {
  return typeof rule.title === 'function' ? rule.title(new InForce(profile, window)) : rule.title;
}

/** What a finding of `rule` on a record dated `on` cites: the profile chain's citation then, else the rule's own clause. */
export function citeRule(rule: Pick<Rule, 'id' | 'clause'>, profile?: ResolvedProfile, on?: string): string {
  const line = profile?.citationTimeline(rule.id) ?? [];
  const local = on ? profile!.citationAt(rule.id, on) : line[line.length - 1];
  return citeSource(local ?? rule.clause);
}

/** What a report cites for `rule` over `window`: every citation in force in it, dated where it starts inside. */
export function citeRuleOver(rule: Pick<Rule, 'id' | 'clause'>, profile?: ResolvedProfile, window: AuditWindow = {}): string {
  const line = (profile?.citationTimeline(rule.id) ?? []).filter((c) => (!window.to || c.from <= window.to) && (!window.from || !c.until || c.until > window.from));
  if (!line.length) return citeSource(rule.clause);
  const parts: string[] = [];
  // Before the first local citation took effect, the rule's own clause was the one in force.
  if (!window.from || line[0].from > window.from) parts.push(citeSource(rule.clause));
  for (const c of line) parts.push(`${citeSource(c)}${parts.length ? `(${c.from}起 / from ${c.from})` : ''}`);
  return parts.join('; ');
}

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
  /** The record's own date (YYYY-MM-DD): the citation in force then is the one the finding cites. */
  on?: string;
}

// The date a finding is judged on, kept beside it (not in compliance.json) for citeRule.
const FINDING_DATES = new WeakMap<Finding, string>();
/** The record date a rule gave its finding, if it gave one. */
export const findingDate = (f: Finding): string | undefined => FINDING_DATES.get(f);
// The detail that made the fingerprint, kept beside the finding: a spec can name the kind of violation it expects.
const FINDING_DETAILS = new WeakMap<Finding, string>();
/** The `detail` a rule gave its finding ('days', 'decided-early', 'objection:0'…), if it gave one. */
export const findingDetail = (f: Finding): string | undefined => FINDING_DETAILS.get(f);

export function makeFinding(rule: Pick<Rule, 'id' | 'clause'>, f: FindingInput): Finding {
  const finding: Finding = {
    rule: rule.id,
    severity: f.severity,
    record: f.record,
    related: f.related ?? [],
    message: f.message,
    expected: f.expected,
    actual: f.actual,
    params: f.params.filter((p): p is ParameterValue => !!p).map(usedParameter),
    // The rule's own clause; auditRule replaces it with the profile chain's citation in force.
    source: citeSource(rule.clause),
    ...(f.remedy ? { remedy: f.remedy } : {}),
    ...(f.groups ? { groups: f.groups } : {}),
    fingerprint: fingerprint(rule.id, f.record, f.detail),
  };
  if (f.on) FINDING_DATES.set(finding, f.on);
  if (f.detail !== undefined) FINDING_DETAILS.set(finding, f.detail);
  return finding;
}
