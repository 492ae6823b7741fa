// The kinds of violation a spec may name, for every rule whose findings come in several kinds:
// `那么 该公示违反公示期要求(天数不足)` holds only when every finding at warning or above is
// of that kind. One table, Chinese and English, keyed by the `detail` each rule gives its
// findings (the part of the fingerprint that tells two findings on one record apart).
import { Finding } from '../engine/findings/finding';
import { findingDetail } from '../policies/rule';

export interface ViolationKind {
  zh: string;
  en: string;
  /** A finding is of this kind when its detail is this, or starts with this and a colon ('objection:0'). */
  detail: string;
}

const kind = (detail: string, zh: string, en: string): ViolationKind => ({ detail, zh, en });

export const VIOLATION_KINDS: Record<string, ViolationKind[]> = {
  'NOTICE-PERIOD': [
    kind('days', '天数不足', 'too few days'),
    kind('decided-early', '期满前决定', 'decided before the end'),
    kind('objection', '异议未处理即决定', 'decided before an objection was resolved'),
  ],
  'NOTICE-REQUIRED': [kind('result', '未公示审核结果', 'no result notice'), kind('standing', '未列入长期公示', 'not on the standing notice')],
  'DUP-DECEASED': [
    kind('individual', '单人保对象死亡后仍发放', 'paid after the covered person died'),
    kind('household', '全部保障对象死亡后仍发放', 'paid after every covered person died'),
    kind('partial', '未核减死亡成员', 'the deceased not removed'),
  ],
  'DUP-TEMP-REPEAT': [kind('repeat', '同一事由重复救助', 'repeated for one cause'), kind('no-cause', '未记录事由', 'no cause recorded')],
  'DUP-TEMP-CAP': [
    kind('dup.temp_standard_cap', '超过一般封顶未经一事一议', 'above the standard cap without case-by-case approval'),
    kind('dup.temp_case_by_case_ceiling', '超过一事一议封顶线', 'above the case-by-case ceiling'),
  ],
  'WARN-OUTCOME': [
    kind('type', '预警类型不明', 'unknown warning type'),
    kind('overdue', '逾期未处理', 'left pending after the evidence was due'),
    kind('early', '举证期未满即处理', 'decided before the evidence was due'),
    kind('unassessed', '未审查反证即处理', 'decided without assessing the evidence'),
    kind('outcome', '处理结果不符', 'the wrong outcome'),
  ],
  'CONTRACT-ID-CHECK': [kind('check', '校验码错误', 'wrong check character'), kind('case', '末位小写x', 'lower-case x')],
  'ELIG-GRADUAL': [
    kind('declared', '渐退期超过上限', 'gradual exit too long'),
    kind('reason', '不适用渐退', 'no gradual exit allowed'),
    kind('payments', '渐退期满后仍发放', 'paid after the gradual exit'),
  ],
  'ELIG-INCOME': [kind('omission', '漏保', 'wrongful refusal'), kind('inclusion', '错保', 'wrongful approval'), kind('figure', '收入记录不符', 'recorded income differs')],
  'ELIG-SINGLE': [kind('empty', '未列明保障对象', 'no covered person'), kind('person', '保障对象不符', 'covered person not eligible'), kind('omission', '漏保', 'wrongful refusal')],
  'ELIG-VEHICLE': [kind('inclusion', '错保', 'wrongful approval'), kind('omission', '漏保', 'wrongful refusal')],
  'ELIG-TOLERANCE': [
    kind('no-list', '无容缺情形清单', 'no tolerance list'),
    kind('record', '缺少容缺信息', 'no tolerance record'),
    kind('situation', '情形不在清单内', 'situation not listed'),
    kind('commitment', '未签署承诺书', 'no signed commitment'),
    kind('review', '审核确认超时', 'reviewed late'),
    kind('supplement', '材料未补正', 'documents not supplied'),
  ],
  'ELIG-EMERGENCY': [kind('late', '逾期补齐手续', 'paperwork completed late'), kind('missing', '尚未补齐手续', 'paperwork not completed')],
  'EXEMPT-GROUNDS': [
    kind('no-list', '无免责情形清单', 'no exemption list'),
    kind('undefined', '情形不在清单内', 'situation not listed'),
    kind('outcome', '无此认定结果', 'no such outcome'),
    kind('no-ground', '无适用情形', 'no applicable situation'),
  ],
  'EXEMPT-PROCEDURE': [kind('unknown', '未知程序步骤', 'unknown step'), kind('missing', '缺少程序步骤', 'missing step'), kind('order', '程序顺序颠倒', 'steps out of order')],
  'EXEMPT-TRACKING': [kind('missing', '没有跟踪管理', 'not tracked'), kind('period', '跟踪期不足', 'tracking too short'), kind('talk', '未按期谈心谈话', 'a talk missed')],
  'PEN-TIER': [
    kind('unclassified', '无法认定等级', 'cannot be graded'),
    kind('tier', '等级不符', 'wrong tier'),
    kind('verification', '未加大核查频次', 'verification not raised'),
    kind('education', '未教育引导', 'no education'),
  ],
  'PEN-STOP': [kind('stop-month', '停止月份不符', 'stopped from the wrong month'), kind('payments', '停止后仍发放', 'paid after the stop'), kind('reapproval', '重新批准不成立', 're-approval does not hold')],
  'PEN-BLACKLIST': [
    kind('blacklist', '名单与等级或修复不符', 'entry does not match tier or repair'),
    kind('removed-without-repair', '未经修复移出名单', 'removed without a repair'),
    kind('removed-early', '修复前移出名单', 'removed before the repair'),
    kind('removal-without-entry', '未列入却有移出记录', 'removal without an entry'),
  ],
  'PEN-RECOVER': [kind('recover', '追缴金额不符', 'wrong amount ordered'), kind('collected', '实际追回不符', 'collection short or over')],
  'PEN-REPAIR': [
    kind('no-procedure', '无信用修复程序', 'no repair procedure'),
    kind('window', '超过修复期限仍准予', 'granted outside the window'),
    kind('refused', '应予修复未修复', 'wrongly refused'),
    kind('calendar', '缺少工作日历', 'no working-day calendar'),
    kind('deadline', '认定超时', 'decided late'),
  ],
};

/** The rule's kind a spec names, in Chinese or English; a name the rule does not know is the spec's mistake. */
export function violationKind(ruleId: string, name: string): ViolationKind {
  const kinds = VIOLATION_KINDS[ruleId] ?? [];
  const hit = kinds.find((k) => k.zh === name || k.en === name);
  if (hit) return hit;
  throw new Error(
    kinds.length
      ? `规则 ${ruleId} 没有「${name}」这类违规(可用: ${kinds.map((k) => `${k.zh} / ${k.en}`).join('、')})`
      : `规则 ${ruleId} 只有一类违规,结论不必注明类别「${name}」 / ${ruleId} has one kind of violation; name none`,
  );
}

export const isOfKind = (f: Finding, k: ViolationKind): boolean => {
  const d = findingDetail(f) ?? '';
  return d === k.detail || d.startsWith(`${k.detail}:`);
};

/** The kind a finding is of under its rule's table, for the summary a failing step prints. */
export const kindOf = (f: Finding): ViolationKind | undefined => VIOLATION_KINDS[f.rule]?.find((k) => isOfKind(f, k));
