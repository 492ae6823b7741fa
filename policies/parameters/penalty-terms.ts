// The words of the penalties family (tiers, circumstances, transfers, stages), apart from its
// zod schemas: the command line's option list names them without loading the schemas.
export const TIERS = ['general', 'serious', 'severe'] as const;
export type Tier = (typeof TIERS)[number];
export const TIER_ZH: Record<Tier, string> = { general: '一般失信', serious: '较重失信', severe: '严重失信' };
export const TIER_EN: Record<Tier, string> = { general: 'general', serious: 'serious', severe: 'severe' };

export const CIRCUMSTANCES = ['forged_documents', 'impersonation', 'concealed_income', 'concealed_death', 'public_funded_for_relative', 'refused_penalty', 'false_statement'] as const;
export type Circumstance = (typeof CIRCUMSTANCES)[number];
export const TRANSFERS = ['court_enforcement', 'police', 'judiciary', 'discipline'] as const;
export type Transfer = (typeof TRANSFERS)[number];
export const STAGES = ['application', 'in_receipt'] as const;
export type Stage = (typeof STAGES)[number];
