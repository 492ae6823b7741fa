// One code path for every way a rule is run: the CLI's Cucumber run, spec scenarios,
// `explain` and the benchmark all call `auditRule`/`auditDataset`.
import { LoadedExport } from '../load/loader';
import { ResolvedProfile } from '../profile/profile';
import { AuditWindow } from '../../policies/in-force';
import { citeRule, findingDate, Rule, RuleEvaluation } from '../../policies/rule';
import { RULES, ruleById } from '../../policies/rules';
import { Dependents, dependentsOf, dependentsReason } from './dependents';
import { missingCollections, resultOf, RuleResult } from './outcome';

/** Every collection the rule's SQL may name. */
export const collectionsRead = (rule: Rule) => [...new Set([...rule.needs, ...(rule.reads ?? [])])];

export async function auditRule(loaded: LoadedExport, profile: ResolvedProfile, rule: Rule): Promise<RuleResult> {
  const ds = loaded.dataset;
  const missing = missingCollections(rule, (c) => ds.has(c));
  if (missing) return missing;
  // Records that depend on a rejected record are left out of what the rule reads and counted
  // as not reviewed, so a rejected household never lets its notices pass unjudged.
  const dependents = rule.judgesRejected ? undefined : await dependentsOf(ds, collectionsRead(rule));
  if (!dependents?.count) return resultOf(rule, cited(loaded, profile, rule, await rule.evaluate(ds, profile)));
  const view = await ds.hide(dependents.lines);
  try {
    const result = resultOf(rule, withDependents(cited(loaded, profile, rule, await rule.evaluate(view, profile)), dependents));
    return { ...result, notReviewedRecords: [...dependents.lines].flatMap(([collection, lines]) => lines.map((line) => ({ collection, line }))) };
  } finally {
    view.unhide();
  }
}

function withDependents(e: RuleEvaluation, d: Dependents): RuleEvaluation {
  const reason = dependentsReason(d);
  const own = e.notReviewed;
  return {
    ...e,
    notReviewed: own
      ? { count: own.count + d.count, reason: { zh: `${own.reason.zh};${reason.zh}`, en: `${own.reason.en}; ${reason.en}` } }
      : { count: d.count, reason },
  };
}

// A finding cites what the profile chain puts in force for the rule (a county's own document
// for its own values) on the record's date, else at the end of the audited period.
function cited(loaded: Pick<LoadedExport, 'meta'>, profile: ResolvedProfile, rule: Rule, evaluation: RuleEvaluation): RuleEvaluation {
  const window = auditWindow(loaded);
  for (const f of evaluation.findings) f.source = citeRule(rule, profile, findingDate(f) ?? window.to);
  return evaluation;
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
