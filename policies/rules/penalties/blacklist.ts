// PEN-BLACKLIST — on the blacklist (失信人员名单) exactly where the tier requires it (仙桃市、铁岭市清河区 documents: 严重;
// 铁岭市清河区 较重 and above), and off it after a granted credit repair (仙桃市、铁岭市清河区 documents: 信用修复).
// Where the export records the removal date (contract v1.1), a removal without a granted repair,
// or before the repair was granted, is reported too; `blacklisted` is then the decision's entry.
import { Bilingual } from '../../../engine/findings/finding';
import { makeFinding, Rule } from '../../rule';
import { perCaseRule, tierZh } from './cases';

export const penBlacklist: Rule = perCaseRule({ id: 'PEN-BLACKLIST', title: { zh: '列入失信名单应与等级要求一致,信用修复后应移出', en: 'Blacklisted exactly where the tier requires it; removed after a granted repair' } }, (c, findings) => {
  const r = c.assessment.requirements;
  if (!r) return;
  const tier = tierZh(c.assessment.tier);
  const repair = c.row.credit_repair;
  const repaired = !!repair?.granted && !!r.repair?.liftsBlacklist;
  const expected = r.blacklist && !repaired;
  const listed = !!c.row.blacklisted;
  const removedOn = c.row.blacklist_removed_on;
  const actual = listed && !removedOn;
  const params = [c.assessment.params['penalty.measures'], ...(repaired ? [r.repair!.param] : [])];
  const report = (message: Bilingual, remedy: Bilingual, detail: string, severity: 'error' | 'warning' = 'error') =>
    findings.push(
      makeFinding(penBlacklist, {
        severity: c.severity(severity),
        record: c.record,
        related: c.related,
        message,
        expected: { blacklisted: expected },
        actual: { blacklisted: actual, ...(removedOn ? { entered: listed, removed_on: removedOn } : {}) },
        params,
        remedy,
        detail,
      }),
    );
  const REMOVE = { zh: '移出失信人员名单', en: 'remove the person from the blacklist' };
  const RESTORE = { zh: '恢复失信人员名单记录', en: 'restore the blacklist entry' };
  if (removedOn && !listed) {
    report({ zh: `记录了移出失信人员名单的日期 ${removedOn},但处理决定未列入名单`, en: `a removal from the blacklist on ${removedOn} is recorded, but the decision made no entry` }, { zh: '核实名单记录并更正', en: 'check the blacklist records and correct them' }, 'removal-without-entry', 'warning');
    return;
  }
  if (expected && listed && removedOn) {
    report(
      repair?.granted
        ? { zh: `于 ${removedOn} 移出失信人员名单,但${tier}经信用修复后仍应在名单中(政策配置不因修复移出)`, en: `taken off the blacklist on ${removedOn}, though under the profile a repair does not lift a ${c.assessment.tier} entry` }
        : { zh: `未经准予信用修复,于 ${removedOn} 移出失信人员名单`, en: `taken off the blacklist on ${removedOn} without a granted credit repair` },
      RESTORE,
      'removed-without-repair',
    );
    return;
  }
  if (repaired && listed && removedOn && removedOn < repair!.decided_on) {
    report({ zh: `于 ${removedOn} 移出失信人员名单,早于准予信用修复的日期 ${repair!.decided_on}`, en: `taken off the blacklist on ${removedOn}, before the credit repair was granted on ${repair!.decided_on}` }, { zh: '核实移出依据;移出应在准予信用修复之后', en: 'check the grounds for removal: it follows a granted repair' }, 'removed-early');
    return;
  }
  if (expected === actual) return;
  const message = expected
    ? { zh: `${tier}应列入失信人员名单,未列入`, en: `${c.assessment.tier} requires a blacklist entry; none recorded` }
    : r.blacklist
      ? { zh: `已准予信用修复(${repair!.decided_on}),仍在失信人员名单中`, en: `credit repair granted on ${repair!.decided_on}, still blacklisted` }
      : { zh: `${tier}不应列入失信人员名单,却已列入`, en: `${c.assessment.tier} does not allow a blacklist entry, yet one exists` };
  report(message, expected ? { zh: '列入社会救助失信人员名单', en: 'enter the person on the blacklist' } : REMOVE, 'blacklist');
});
