// REL-RECUSAL — the related staff member is not among the case's handlers (回避). National
// practice; a profile switches it off with relatives.recusal_required: false.
import { Rule } from '../../rule';
import { Break, evaluateChain, Link, SCOPE_KEYS, SELF } from './chain';
import { RECUSAL_CLAUSE } from './clause';

const KEYS = [...SCOPE_KEYS, 'relatives.recusal_required'];

export function checkRecusal(link: Link): Break | null {
  if (!(link.handled_by ?? []).includes(link.staff_id)) return null;
  return {
    link: 'handled_by_relative',
    message: link.closeRelatives.some((r) => r.relation === SELF)
      ? { zh: '该人员经办了本人家庭的申请,未回避', en: 'the staff member handled their own household’s application instead of stepping aside' }
      : { zh: '该人员经办了其近亲属的申请,未回避', en: 'the staff member handled their own relative’s application instead of stepping aside' },
    expected: { handlers_exclude: link.staff_id },
    actual: { handled_by: link.handled_by },
    remedy: { zh: '由其他人员重新审核该申请;必要时追究相关人员责任', en: 'have another caseworker review the application again; hold staff accountable where needed' },
  };
}

export const relRecusal: Rule = {
  id: 'REL-RECUSAL',
  family: 'relatives',
  title: { zh: '近亲属所涉经办人员、村(居)干部须回避', en: 'The related staff member does not handle the case' },
  clause: RECUSAL_CLAUSE,
  needs: ['applications', 'staff', 'households'],
  reads: ['relative_filings'],
  parameters: KEYS,
  evaluate: (ds, profile) =>
    evaluateChain(ds, profile, {
      rule: relRecusal,
      keys: KEYS,
      judges: (l) => l.period.values['relatives.recusal_required']?.value === true && (l.required || l.filed),
      check: checkRecusal,
    }),
};
