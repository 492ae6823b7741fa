// Every rule the harness implements, by rulebook id. Each family exports its array.
import { Rule } from '../rule';
import { contractRules } from './contract';
import { crosscheckRules } from './crosschecks';
import { exemptionRules } from './exemptions';
import { noticeRules } from './notices';
import { penaltyRules } from './penalties';
import { relativeRules } from './relatives';
import { alongside, vocabulary } from '../vocabulary/load';

const BUILT_IN: Rule[] = [...contractRules, ...noticeRules, ...relativeRules, ...penaltyRules, ...exemptionRules, ...crosscheckRules];

/** The built-in rules, then those policy staff wrote in the vocabulary (features/**, a @定义 scenario). */
export const RULES: Rule[] = [...BUILT_IN, ...alongside(vocabulary(), BUILT_IN)];

/** A scenario tag naming a rule: `@NOTICE-MINORS`. */
export const RULE_TAG = /^@((?:CONTRACT|NOTICE|REL|PEN|EXEMPT|ELIG|DUP|WARN|SUP)(?:-[A-Z]+)+)$/;

export const RULES_BY_ID = new Map(RULES.map((r) => [r.id, r]));

export function ruleById(id: string): Rule {
  const rule = RULES_BY_ID.get(id);
  // A vocabulary rule that does not compile is named with its mistake, file and line.
  if (!rule) throw vocabulary().problems.find((p) => p.id === id)?.error ?? new Error(`no rule ${id} is implemented`);
  return rule;
}
