// One code path for every way a rule is run: the CLI's Cucumber run, spec scenarios,
// `explain` and the benchmark all call `auditRule`/`auditDataset`.
import { LoadedExport } from '../load/loader';
import { ResolvedProfile } from '../profile/profile';
import { AuditWindow } from '../../policies/in-force';
import { citeRule, findingDate, Rule } from '../../policies/rule';
import { RULES, ruleById } from '../../policies/rules';
import { missingCollections, resultOf, RuleResult } from './outcome';

export async function auditRule(loaded: LoadedExport, profile: ResolvedProfile, rule: Rule): Promise<RuleResult> {
  const missing = missingCollections(rule, (c) => loaded.dataset.has(c));
  if (missing) return missing;
  const evaluation = await rule.evaluate(loaded.dataset, profile);
  // A finding cites what the profile chain puts in force for the rule (a county's own document
  // for its own values) on the record's date, else at the end of the audited period.
  const window = auditWindow(loaded);
  for (const f of evaluation.findings) f.source = citeRule(rule, profile, findingDate(f) ?? window.to);
  return resultOf(rule, evaluation);
}

/** The export's audited period (meta.period), if it states one. */
export function auditWindow(loaded: Pick<LoadedExport, 'meta'>): AuditWindow {
  const period = (loaded.meta as { period?: { from?: string; to?: string } } | undefined)?.period;
  return { ...(period?.from ? { from: period.from } : {}), ...(period?.to ? { to: period.to } : {}) };
}

export async function auditDataset(loaded: LoadedExport, profile: ResolvedProfile, ruleIds?: string[]): Promise<RuleResult[]> {
  const rules = ruleIds ? ruleIds.map(ruleById) : RULES;
  const results: RuleResult[] = [];
  for (const rule of rules) results.push(await auditRule(loaded, profile, rule));
  return results;
}
