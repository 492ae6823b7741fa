// One code path for every way a rule is run: the CLI's Cucumber run, spec scenarios,
// `explain` and the benchmark all call `auditRule`/`auditDataset`.
import { LoadedExport } from '../load/loader';
import { ResolvedProfile } from '../profile/profile';
import { Rule } from '../../policies/rule';
import { RULES, ruleById } from '../../policies/rules';
import { missingCollections, resultOf, RuleResult } from './outcome';

export async function auditRule(loaded: LoadedExport, profile: ResolvedProfile, rule: Rule): Promise<RuleResult> {
  const missing = missingCollections(rule, (c) => loaded.dataset.has(c));
  if (missing) return missing;
  return resultOf(rule, await rule.evaluate(loaded.dataset, profile));
}

export async function auditDataset(loaded: LoadedExport, profile: ResolvedProfile, ruleIds?: string[]): Promise<RuleResult[]> {
  const rules = ruleIds ? ruleIds.map(ruleById) : RULES;
  const results: RuleResult[] = [];
  for (const rule of rules) results.push(await auditRule(loaded, profile, rule));
  return results;
}
