import { z } from 'zod';

/** Where a value comes from: the seed file, the document number and the section. */
export const Source = z
  .object({
    seed: z.string().regex(/^00\d$/).optional(),
    document: z.string().min(1),
    section: z.string().min(1).optional(),
    note: z.string().min(1).optional(),
    /** A value the seeds do not settle, chosen here; policy staff must confirm it. */
    assumption: z.string().min(1).optional(),
  })
  .strict();
export type SourceT = z.infer<typeof Source>;

export function citeSource(s: SourceT): string {
  return [s.seed ? `seed ${s.seed}` : null, s.document, s.section ? `§${s.section}` : null].filter(Boolean).join(', ');
}
