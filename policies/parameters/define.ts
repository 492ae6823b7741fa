// Every parameter a profile may set is declared here, by family, with the zod schema of its
// value. A profile key that no family declares is refused (no silent typo).
import { z } from 'zod';

export interface ParameterSpec {
  schema: z.ZodType;
  description: { zh: string; en: string };
}

export function defineParameters<T extends Record<string, ParameterSpec>>(specs: T): T {
  return specs;
}
