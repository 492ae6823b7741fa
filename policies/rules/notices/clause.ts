import { Clause } from '../../rule';

// 003 §二(四)2: the privacy limit on what a notice may show.
export const PRIVACY_CLAUSE: Clause = { seed: '003', document: '奈民发〔2022〕28号(实施民发〔2022〕24号,依《个人信息保护法》)', section: '二(四)2', tag: '003-二-四-2' };
// 003 §二(四)1: notices of review results and standing notices.
export const DUTY_CLAUSE: Clause = { seed: '003', document: '奈民发〔2022〕28号', section: '二(四)1', tag: '003-二-四-1' };
// 004: 公示7天无举报 before approval.
export const PERIOD_CLAUSE: Clause = { seed: '004', document: '某区低保精细化管理报告', section: '公示7天无举报', tag: '004-公示七天' };
