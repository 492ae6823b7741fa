// PEN-TRANSFER — the transfers the case requires are recorded: court enforcement on refusal
// (仙桃市、铁岭市清河区 documents: 拒不履行行政处罚决定的,移送市法院强制执行), the police or judiciary at or above the
// prosecution threshold (《某区低保精细化管理报告》二(二)4: 不到3万元不构成犯罪), discipline for publicly funded staff.
import { Rule } from '../../rule';
import { Transfer } from '../../parameters/penalties';
import { perCaseRule } from './cases';
import { TRANSFER_EN, TRANSFER_ZH } from './grading';

export const penTransfer: Rule = perCaseRule({ id: 'PEN-TRANSFER', title: { zh: '拒不履行或达到追诉标准的,应依规移送', en: 'Refusal or the prosecution threshold leads to the required transfer' } }, (c, find) => {
  const done = new Set(c.row.transfers ?? []);
  for (const duty of c.assessment.requirements?.transfers ?? []) {
    const missing: Transfer[] = duty.need === 'all' ? duty.transfers.filter((t) => !done.has(t)) : duty.transfers.some((t) => done.has(t)) ? [] : duty.transfers;
    if (!missing.length) continue;
    const join = duty.need === 'all' ? '并' : '或';
    const zh = missing.map((t) => TRANSFER_ZH[t]).join(join);
    const en = missing.map((t) => TRANSFER_EN[t]).join(duty.need === 'all' ? ' and ' : ' or ');
    find({
      severity: c.severity('error'),
      record: c.record,
      related: c.related,
      message: { zh: `${duty.why.zh},应${zh},未记录`, en: `${duty.why.en}: transfer to ${en} required; not recorded` },
      expected: { need: duty.need, transfers: duty.transfers },
      actual: { transfers: [...done] },
      params: [duty.param],
      remedy: { zh, en: `transfer to ${en}` },
      detail: `${duty.need}:${duty.transfers.join('+')}`,
    });
  }
});
