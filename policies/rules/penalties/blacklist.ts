// PEN-BLACKLIST — on the blacklist (失信人员名单) exactly where the tier requires it (仙桃市、铁岭市清河区 documents: 严重;
// 铁岭市清河区 较重 and above), and off it after a granted credit repair (仙桃市、铁岭市清河区 documents: 信用修复).
import { Rule } from '../../rule';
import { perCaseRule, tierZh } from './cases';

export const penBlacklist: Rule = perCaseRule({ id: 'PEN-BLACKLIST', title: { zh: '列入失信名单应与等级要求一致,信用修复后应移出', en: 'Blacklisted exactly where the tier requires it; removed after a granted repair' } }, (c, find) => {
  const r = c.assessment.requirements;
  if (!r) return;
  const tier = tierZh(c.assessment.tier);
  const repaired = !!c.row.credit_repair?.granted && !!r.repair?.liftsBlacklist;
  const expected = r.blacklist && !repaired;
  const actual = !!c.row.blacklisted;
  if (expected === actual) return;
  const message = expected
    ? { zh: `${tier}应列入失信人员名单,未列入`, en: `${c.assessment.tier} requires a blacklist entry; none recorded` }
    : r.blacklist
      ? { zh: `已准予信用修复(${c.row.credit_repair!.decided_on}),仍在失信人员名单中`, en: `credit repair granted on ${c.row.credit_repair!.decided_on}, still blacklisted` }
      : { zh: `${tier}不应列入失信人员名单,却已列入`, en: `${c.assessment.tier} does not allow a blacklist entry, yet one exists` };
  find({
    severity: c.severity('error'),
    record: c.record,
    related: c.related,
    message,
    expected: { blacklisted: expected },
    actual: { blacklisted: actual },
    params: [c.assessment.params['penalty.measures'], ...(repaired ? [r.repair!.param] : [])],
    remedy: expected ? { zh: '列入社会救助失信人员名单', en: 'enter the person on the blacklist' } : { zh: '移出失信人员名单', en: 'remove the person from the blacklist' },
    detail: 'blacklist',
  });
});
