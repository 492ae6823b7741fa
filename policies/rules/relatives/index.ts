import { Rule } from '../../rule';

// REL-* rules (RULEBOOK §2), filled in by the relatives issue.
export const relativeRules: Rule[] = [];
