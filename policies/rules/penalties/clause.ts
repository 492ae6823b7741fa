import { Clause } from '../../rule';

// 000 湖北仙桃 二: 一般/较重/严重失信 by stage, amount and circumstances; 1〜3倍处罚; 失信人员名单; 移送.
export const XIANTAO_CLAUSE: Clause = { seed: '000', document: '仙桃市《社会救助失信行为认定办法(暂行)》(《中国民政》案例)', section: '湖北仙桃 二', tag: '000-仙桃-二' };
// 001 铁岭清河 强化体系建设 二: 较重失信当月起停止救助、列入失信名单.
export const TIELING_CLAUSE: Clause = { seed: '001', document: '铁岭市清河区《社会救助对象失信惩戒和守信激励办法(试行)》', section: '铁岭清河 强化体系建设 二', tag: '001-清河-二' };
// 001 铁岭清河 强化体系建设 三: 半年内纠正并退缴可申请信用修复, 15个工作日内完成认定.
export const REPAIR_CLAUSE: Clause = { seed: '001', document: '铁岭市清河区《社会救助对象失信惩戒和守信激励办法(试行)》', section: '铁岭清河 强化体系建设 三', tag: '001-清河-三' };
// 004 二(二)4: 诈骗不到3万元也不构成犯罪 (the prosecution threshold).
export const PROSECUTION_CLAUSE: Clause = { seed: '004', document: '某区低保精细化管理报告', section: '二(二)4', tag: '004-二-二-4' };
