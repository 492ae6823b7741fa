import { z } from 'zod';
import { StaffRelation, Staff } from '../../schemas/case-export';
import { defineParameters } from './define';
import { duration } from '../duration';

// Parameters of the relatives family.

/** The links of the filing chain whose breaks the REL-* rules report, in chain order. */
export const REL_LINKS = ['undeclared', 'unfiled', 'filed_late', 'verified_never', 'verified_late', 'ineligible_approved', 'handled_by_relative'] as const;
export type RelLink = (typeof REL_LINKS)[number];

const severity = z.enum(['error', 'warning', 'info']);
const RANK = { info: 0, warning: 1, error: 2 } as const;

export const relativesParameters = defineParameters({
  'relatives.close_relations': {
    schema: z.array(StaffRelation).min(1),
    description: { zh: '近亲属范围(名册所列关系中哪些属于近亲属)', en: 'relations (as the roster names them) that count as close relatives' },
  },
  'relatives.other_relations': {
    schema: z.array(StaffRelation),
    description: {
      zh: '明确不属于近亲属的关系;两表都未列出的关系无法归类,按近亲属处理并在发现中注明',
      en: 'relations explicitly outside the set; a relation in neither list cannot be classified and is treated as close (fail closed)',
    },
  },
  'relatives.staff_roles': {
    schema: z.array(Staff.shape.role).min(1),
    description: { zh: '适用备案制度的人员身份', en: 'staff roles the filing duty covers' },
  },
  'relatives.verification_lead_days': {
    // Days before the decision day; a lead counted in months would be no verification deadline anyone sets.
    schema: duration({ units: ['calendar_days', 'working_days'], min: 0 }),
    description: {
      zh: '核查须早于审核确认决定的期限(自然日或工作日;1天 = 至迟决定前一日完成;0天 = 决定当日完成亦可)',
      en: 'how long the verification must precede the decision (calendar or working days; 1 day = by the day before; 0 = the decision day itself is enough)',
    },
  },
  'relatives.recusal_required': {
    schema: z.boolean(),
    description: { zh: '近亲属所涉人员须回避,不得经办该申请', en: 'the related staff member may not handle the case' },
  },
  'relatives.severity': {
    schema: z
      .object(Object.fromEntries(REL_LINKS.map((l) => [l, severity])) as Record<RelLink, typeof severity>)
      .strict()
      .refine((s) => REL_LINKS.every((l) => RANK[s[l]] <= RANK[s.ineligible_approved]), {
        message: 'ineligible_approved must be the highest severity of the family (《社会救助暂行办法》第六十六条: approving an ineligible application)',
      }),
    description: { zh: '备案链条各环节断裂时的严重程度', en: 'severity of a break at each link of the filing chain' },
  },
});
