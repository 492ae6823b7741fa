import { Rule } from '../../rule';

// PEN-* rules (RULEBOOK §3), filled in by the penalties issue.
export const penaltyRules: Rule[] = [];
