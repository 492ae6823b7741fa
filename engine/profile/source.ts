import { z } from 'zod';

/**
 * Where a value comes from: the published document (title and number) and the article or
 * section in it. A reader of the report must be able to look the document up: no internal
 * file names. `verify` names what staff still have to confirm against the published text
 * (an article number that could not be checked), so nothing unchecked reads as settled.
 */
export const Source = z
  .object({
    document: z.string().min(1),
    section: z.string().min(1).optional(),
    note: z.string().min(1).optional(),
    /** A value the documents do not settle, chosen here; policy staff must confirm it. */
    assumption: z.string().min(1).optional(),
    /** What of the citation itself is unchecked (e.g. the article number); staff confirm it. */
    verify: z.string().min(1).optional(),
  })
  .strict();
export type SourceT = z.infer<typeof Source>;

/**
 * One line naming a document and its article: `《社会救助暂行办法》(国务院令第649号) 第六十六条`.
 * An unchecked citation says so; what to check is in the profile or clause (`verify`).
 */
export function citeSource(s: { document: string; section?: string; verify?: string }): string {
  return [s.document, s.section, s.verify ? '(条款待核对 / article to be verified)' : undefined].filter(Boolean).join(' ');
}
