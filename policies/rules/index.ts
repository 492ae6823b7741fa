// Every rule the harness implements, by rulebook id. Each family exports its array.
import { Rule } from '../rule';
import { contractRules } from './contract';
import { crosscheckRules } from './crosschecks';
import { exemptionRules } from './exemptions';
import { noticeRules } from './notices';
import { penaltyRules } from './penalties';
import { relativeRules } from './relatives';

export const RULES: Rule[] = [...contractRules, ...noticeRules, ...relativeRules, ...penaltyRules, ...exemptionRules, ...crosscheckRules];

/** A scenario tag naming a rule: `@NOTICE-MINORS`. */
export const RULE_TAG = /^@((?:CONTRACT|NOTICE|REL|PEN|EXEMPT|ELIG|DUP|WARN|SUP)(?:-[A-Z]+)+)$/;

export const RULES_BY_ID = new Map(RULES.map((r) => [r.id, r]));

export function ruleById(id: string): Rule {
  const rule = RULES_BY_ID.get(id);
  if (!rule) throw new Error(`no rule ${id} is implemented`);
  return rule;
}
