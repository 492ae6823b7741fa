// The shape of a profile file (YAML or JSON) in policies/profiles/. Values are dated, as in
// OpenFisca: each entry holds from its `from` date until the next entry; `value: null`
// switches the parameter off from that date. Every entry carries its source.
import { z } from 'zod';
import { Source } from './source';

export const DatedValue = z
  .object({
    from: z.iso.date(),
    value: z.unknown(),
    source: Source,
  })
  .strict();
export type DatedValueT = z.infer<typeof DatedValue>;

/** A rule's citation in this profile from `from` on: the local document that binds its values. */
export const DatedCitation = z
  .object({
    from: z.iso.date(),
    document: z.string().min(1),
    section: z.string().min(1).optional(),
    note: z.string().min(1).optional(),
    verify: z.string().min(1).optional(),
  })
  .strict();
export type DatedCitationT = z.infer<typeof DatedCitation>;

export const ProfileFile = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    name: z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict(),
    /** Other names staff use in features, e.g. 内蒙古自治区奈曼旗. */
    aliases: z.array(z.string().min(1)).default([]),
    extends: z.string().optional(),
    level: z.enum(['national', 'province', 'city', 'county']),
    /** Choices this profile makes where the documents are unclear, each with its reason. */
    choices: z.array(z.object({ key: z.string(), choice: z.string(), reason: z.string() }).strict()).default([]),
    /** Per rule id, the document a report cites for that rule under this profile (dated). */
    citations: z.record(z.string(), z.array(DatedCitation).min(1)).default({}),
    parameters: z.record(z.string(), z.array(DatedValue).min(1)),
  })
  .strict();
export type ProfileFileT = z.infer<typeof ProfileFile>;
