// REL-DECLARE — a related application declares the relationship (如实申明). A relationship the
// staff roster shows but the application does not declare is reported as POSSIBLE concealment
// (故意隐瞒): the roster says so; intent is for the township to establish. 奈民发〔2022〕28号 二(五)2
import { Rule } from '../../rule';
import { Break, evaluateChain, Link, SCOPE_KEYS, SELF } from './chain';
import { INSPECTION_CLAUSE } from './clause';

const KEYS = SCOPE_KEYS;

export function checkDeclared(link: Link): Break | null {
  if (link.declared) return null;
  const others = link.declared_staff_ids;
  const self = link.closeRelatives.some((r) => r.relation === SELF);
  const what = self ? { zh: '本人家庭的关系', en: 'that it is the staff member’s own household' } : { zh: '该近亲属关系', en: 'the relationship' };
  const other = others.length
    ? { zh: `申请只申明了与 ${others.join('、')} 的关系,未申明与该人员${what.zh}`, en: `the application declares relations to ${others.join(', ')} only, not ${what.en}` }
    : { zh: `申请未申明${what.zh}`, en: `the application does not declare ${what.en}` };
  return {
    link: 'undeclared',
    message: {
      zh: `${other.zh}——名册显示存在该关系,可能故意隐瞒(依名册比对推断,尚未查实)`,
      en: `${other.en} — the staff roster shows it: possible concealment (inferred from the roster, not proven)`,
    },
    expected: { declared_relations: [{ staff_id: link.staff_id, ...(self ? { relation: SELF } : {}) }] },
    actual: { evidence: 'roster', proven: false },
    remedy: {
      zh: '乡镇(街道)核实该关系及未申明的原因;查实故意隐瞒的按虚报隐瞒处理,并补办单独登记备案和核查',
      en: 'the township verifies the relationship and why it was not declared; proven concealment is handled as a false statement, and the application is filed and verified',
    },
  };
}

export const relDeclare: Rule = {
  id: 'REL-DECLARE',
  family: 'relatives',
  title: { zh: '经办人员、村(居)干部近亲属申请救助须如实申明关系', en: 'An application by a close relative of staff declares the relationship' },
  clause: INSPECTION_CLAUSE,
  needs: ['applications', 'staff', 'households'],
  reads: ['relative_filings'],
  parameters: KEYS,
  evaluate: (ds, profile) => evaluateChain(ds, profile, { rule: relDeclare, keys: KEYS, judges: (l) => l.rosterInScope, check: checkDeclared }),
};
