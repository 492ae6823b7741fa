import { DIBAO_REVIEW, GOVERNANCE_2022, PIPL, SOCIAL_ASSISTANCE } from '../../instruments';
import { Clause } from '../../rule';

// What a notice may show: name, household size, amount, location (民发〔2022〕24号 as
// implemented locally, e.g. 奈民发〔2022〕28号 二(四)2, "按照《中华人民共和国个人信息保护法》").
export const CONTENT_CLAUSE: Clause = {
  document: GOVERNANCE_2022,
  note: '依《中华人民共和国个人信息保护法》规范公示内容',
  verify: '方案中规范公示内容的条目;"只公示姓名、家庭成员数量、保障金额、所在地"的文字见地方实施方案',
  tag: '奈民发〔2022〕28号-二-四-2',
};
// Nothing about a minor: a child's personal information is sensitive (PIPL art. 28, checked).
export const MINORS_CLAUSE: Clause = { document: PIPL, section: '第二十八条', note: '不满十四周岁未成年人的个人信息属敏感个人信息;成年依《中华人民共和国民法典》第十七条', tag: '奈民发〔2022〕28号-二-四-2' };
// Review results are posted in the village or community before the decision, and published after.
export const DUTY_CLAUSE: Clause = { document: SOCIAL_ASSISTANCE, verify: '低保初审意见公示、审批结果公布的条款号', tag: '奈民发〔2022〕28号-二-四-1' };
// The notice runs its full period (7 days nationally) before the decision.
export const PERIOD_CLAUSE: Clause = { document: DIBAO_REVIEW, verify: '公示期(7天)的条款号', tag: '某区低保精细化管理报告-公示七天' };
