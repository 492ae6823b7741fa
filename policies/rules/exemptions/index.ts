import { Rule } from '../../rule';

// EXEMPT-* and ELIG-* rules (RULEBOOK §4), filled in by the exemptions issue.
export const exemptionRules: Rule[] = [];
