import { z } from 'zod';
import { defineParameters } from './define';
import { duration } from '../duration';
import { normaliseLabel } from '../rules/notices/labels';

export const NOTICE_CATEGORIES = ['name', 'household_size', 'amount', 'location'] as const;

export const noticeParameters = defineParameters({
  'notice.allowed_categories': {
    schema: z.array(z.string().min(1)).min(1),
    description: { zh: '公示可以包含的信息类别', en: 'categories a public notice may show' },
  },
  'notice.label_synonyms': {
    // One label under two categories would make a column's category depend on list order.
    schema: z.record(z.string().min(1), z.array(z.string().min(1)).min(1)).superRefine((table, ctx) => {
      const seen = new Map<string, string>();
      for (const [category, labels] of Object.entries(table))
        for (const label of labels) {
          const other = seen.get(normaliseLabel(label));
          if (other && other !== category) ctx.addIssue({ code: 'custom', path: [category], message: `label "${label}" is listed under both ${other} and ${category}` });
          seen.set(normaliseLabel(label), category);
        }
    }),
    description: { zh: '公示栏目名称同义词表(类别 → 栏目名称),业务人员可扩充', en: 'column-label synonyms (category → labels as printed); staff may extend' },
  },
  'notice.location_max_level': {
    schema: z.enum(['village', 'township', 'county']),
    description: { zh: '所在地最细只到的层级', en: 'finest location level a notice may show' },
  },
  'notice.age_of_majority': {
    schema: z.number().int().min(1),
    description: { zh: '成年年龄(公示当日)', en: 'age of majority, on the posting date' },
  },
  'notice.required_programs': {
    schema: z.array(z.enum(['dibao', 'tekun', 'temporary', 'low_income'])),
    description: { zh: '新批准须公示的救助类别', en: 'programmes whose new approvals need a notice' },
  },
  'notice.standing_programs': {
    schema: z.array(z.enum(['dibao', 'tekun', 'temporary', 'low_income'])),
    description: { zh: '在享对象须长期公示的救助类别', en: 'programmes whose recipients stay on the standing notice' },
  },
  'notice.required_kinds': {
    schema: z.array(z.enum(['review', 'decision', 'standing'])).min(1),
    description: { zh: '新批准申请须有的公示类型(任一即可)', en: 'notice kinds that satisfy the result-notice duty (any one)' },
  },
  'notice.min_days': {
    // Counted from the posting day to the end day, both included, in the value's unit.
    schema: duration(),
    description: { zh: '公示最短期限(含张贴日与截止日;自然日、工作日或月)', en: 'minimum notice period, posting and end day included (calendar days, working days or months)' },
  },
});
