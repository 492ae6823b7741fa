// The report every format renders: the machine contract of reports/compliance.json, published
// as schemas/compliance-report.schema.json (a test keeps the two in step). Personal
// data is masked here, once, unless the user asked to show it; renderers never see raw values.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { compareFindings, Finding, SEVERITY_RANK, Severity } from '../findings/finding';
import { FINDING_SHAPE, maskReport, Shape } from '../findings/masking';
import { LoadedExport } from '../load/loader';
import { ProfileInfo, ResolvedProfile } from '../profile/profile';
import { citeSource } from '../profile/source';
import { OUTCOME_NAMES, OUTCOMES, Outcome, RuleCounts, RuleResult } from '../run/outcome';
import { PACKAGE_VERSION } from '../version';
import { collectionsOf } from '../../schemas/case-export';
import { auditWindow } from '../run/audit';
import { citeRuleOver, ruleTitle } from '../../policies/rule';
import type { FeaturePlace } from '../run/features';
import { PACKAGE_ROOT } from '../root';
import type { Baseline } from '../gate/baseline';
import { applyGate, AppliedWaiver, FindingStatus, GateSection } from '../gate/gate';
import type { Waiver } from '../gate/waivers';

const ROOT = PACKAGE_ROOT;

export interface ReportOptions {
  failOn: Severity | 'never';
  tags?: string;
  showPersonalData: boolean;
  featureFiles: string[];
  /** Milliseconds each rule took in this run (the audit session's timings); 0 where not measured. */
  timings?: ReadonlyMap<string, number>;
  /** @audit scenarios the run left out as drafts (@草稿 / @draft). */
  drafts?: FeaturePlace[];
  /** --baseline / --waivers: findings are marked new, known or waived, and only new unwaived ones fail. */
  gate?: { baseline?: Baseline; waivers?: Waiver[]; today: string };
}

/** A finding as the report carries it: with its gate status when the run had a baseline or waivers. */
export type ReportFinding = Finding & { status?: FindingStatus; waiver?: AppliedWaiver };

export interface ComplianceReport {
  tool: { name: 'jiuzhu'; version: string; ruleset: { version: string; digest: string; features: number } };
  generated_at: string;
  /** absent_collections: not in the export at all (rules needing them are not reviewed); an empty one is "there are none". */
  export: { path: string; shape: string; meta: unknown; counts: Record<string, number>; rejected: number; absent_collections: string[] };
  profile: { id: string; name: { zh: string; en: string }; chain: string[]; files: string[]; choices: ProfileInfo['choices'] };
  options: { fail_on: ReportOptions['failOn']; tags: string | null; show_personal_data: boolean };
  summary: { verdict: 'pass' | 'fail'; rules: Record<Outcome, number> & { total: number }; findings: Record<Severity, number> & { total: number; at_or_above_fail_on: number } };
  rules: {
    id: string;
    family: string;
    title: { zh: string; en: string };
    clause: string;
    outcome: Outcome;
    outcome_name: { zh: string; en: string };
    counts: RuleCounts;
    reason?: { zh: string; en: string };
    parameters: string[];
    /** Milliseconds the rule took in this run; 0 when not measured (JUnit's `time`). */
    time_ms: number;
  }[];
  findings: ReportFinding[];
  /** @audit scenarios left out as drafts: authored policy text, kept as written. */
  drafts: FeaturePlace[];
  /** Present when the run had --baseline or --waivers. */
  gate?: GateSection;
}

/** Digest of what was checked: the feature files run and the profile files of the chain. */
export function rulesetDigest(featureFiles: string[], profile: ResolvedProfile): string {
  const h = createHash('sha256');
  for (const f of [...featureFiles].sort()) h.update(path.relative(ROOT, f)).update('\0').update(fs.readFileSync(f)).update('\0');
  // A profile's file is named relative to the working directory: hashed by its place in the package.
  for (const f of profile.info.files.map((file) => path.resolve(file))) h.update(path.relative(ROOT, f)).update('\0').update(fs.readFileSync(f)).update('\0');
  return h.digest('hex').slice(0, 16);
}

// 闽民保〔2017〕204号 二(一): 一个不漏 before 一个不错 — omissions lead the list.
const directionRank = (f: Finding) => (f.groups?.direction === 'omission' ? 0 : 1);

// A waiver's rule, record and dates are structure; its reason, approver and document are free text.
const WAIVER_SHAPE: Shape = { fields: { rule: 'keep', record: 'ref', fingerprint: 'keep', expires: 'keep' }, rest: 'scan' };
const withGate = (s: Shape): Shape => (typeof s === 'object' && 'fields' in s ? { fields: { ...s.fields, status: 'keep', waiver: WAIVER_SHAPE }, rest: s.rest } : s);

// What in the report is structure (kept) and what is free text (masked by what it holds).
const RULE_KEPT = ['id', 'family', 'title', 'clause', 'outcome', 'outcome_name', 'counts', 'parameters'];
export const REPORT_SHAPE: Shape = {
  fields: {
    tool: 'keep',
    generated_at: 'keep',
    options: 'keep',
    summary: 'keep',
    profile: 'keep',
    export: { fields: { meta: 'scan' }, rest: 'keep' },
    rules: { each: { fields: Object.fromEntries(RULE_KEPT.map((k) => [k, 'keep' as const])), rest: 'scan' } },
    findings: { each: withGate(FINDING_SHAPE) },
    drafts: 'keep',
    gate: {
      fields: { today: 'keep', baseline: 'keep', resolved: { each: { fields: { fingerprint: 'keep', rule: 'keep', severity: 'keep', record: 'ref' }, rest: 'scan' } } },
      rest: { each: WAIVER_SHAPE },
    },
  },
  rest: 'scan',
};

export async function buildReport(loaded: LoadedExport, profile: ResolvedProfile, results: RuleResult[], options: ReportOptions): Promise<ComplianceReport> {
  const findings: ReportFinding[] = results.flatMap((r) => r.findings.map((f) => ({ ...f }))).sort((a, b) => directionRank(a) - directionRank(b) || compareFindings(a, b));
  const digest = rulesetDigest(options.featureFiles, profile);
  const gate = options.gate ? applyGate(findings, { profile: profile.id, ruleset: { version: PACKAGE_VERSION, digest } }, options.gate) : undefined;
  const sev = { error: 0, warning: 0, info: 0 };
  for (const f of findings) sev[f.severity]++;
  const threshold = options.failOn === 'never' ? Infinity : SEVERITY_RANK[options.failOn];
  // With a baseline or waivers, only new unwaived findings count towards the gate.
  const blocking = findings.filter((f) => SEVERITY_RANK[f.severity] >= threshold && (f.status ?? 'new') === 'new').length;
  const outcomes = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  for (const r of results) outcomes[r.outcome]++;
  const report: ComplianceReport = {
    tool: { name: 'jiuzhu', version: PACKAGE_VERSION, ruleset: { version: PACKAGE_VERSION, digest, features: options.featureFiles.length } },
    generated_at: new Date().toISOString(),
    export: {
      path: loaded.path,
      shape: loaded.shape,
      meta: loaded.meta,
      counts: Object.fromEntries(Object.entries(loaded.counts).map(([k, v]) => [k, v ?? 0])),
      rejected: loaded.rejected.length,
      absent_collections: collectionsOf(loaded.meta.schema_version).filter((c) => !loaded.dataset.has(c)),
    },
    profile: { id: profile.id, name: profile.info.name, chain: profile.info.chain, files: profile.info.files, choices: profile.info.choices },
    options: { fail_on: options.failOn, tags: options.tags ?? null, show_personal_data: options.showPersonalData },
    summary: {
      verdict: blocking > 0 ? 'fail' : 'pass',
      rules: { total: results.length, ...outcomes },
      findings: { total: findings.length, ...sev, at_or_above_fail_on: blocking },
    },
    rules: results.map((r) => ({
      id: r.rule.id,
      family: r.rule.family,
      title: ruleTitle(r.rule, profile, auditWindow(loaded)),
      clause: citeRuleOver(r.rule, profile, auditWindow(loaded)),
      outcome: r.outcome,
      outcome_name: OUTCOME_NAMES[r.outcome],
      counts: r.counts,
      ...(r.reason ? { reason: r.reason } : {}),
      parameters: r.rule.parameters.flatMap((key) =>
        profile.timeline(key).map((v) => `${key}<${v.from}> = ${JSON.stringify(v.value)} (${citeSource(v.source)}; ${v.inherited ? `inherited from ${v.definedBy}` : `set by ${v.definedBy}`})`),
      ),
      time_ms: options.timings?.get(r.rule.id) ?? 0,
    })),
    findings,
    drafts: options.drafts ?? [],
    ...(gate ? { gate } : {}),
  };
  return maskReport(report, REPORT_SHAPE, loaded, options.showPersonalData);
}
