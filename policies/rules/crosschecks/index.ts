import { Rule } from '../../rule';

// DUP-*, WARN-*, SUP-* rules (RULEBOOK §5–7), filled in by the cross-checks issue.
export const crosscheckRules: Rule[] = [];
