import { Clause } from '../../rule';

// 003 §二(一)3: 同时享受城乡低保、同时享受低保特困、异地重复纳入低保、死亡人员享受低保、同一年度同一事由多次重复享受临时救助.
export const DUPLICATE_CLAUSE: Clause = { seed: '003', document: '奈民发〔2022〕28号(实施民发〔2022〕24号)', section: '二(一)3', tag: '003-二-一-3' };
// 003 §二(六)3: 每月发放前……殡葬信息的比对,重点监督低保对象重复纳入特困供养,以及死亡人员未退出社会救助.
export const MONTHLY_CLAUSE: Clause = { seed: '003', document: '奈民发〔2022〕28号', section: '二(六)3', tag: '003-二-六-3' };
// 003 §二(三)1: "一事一议"……临时救助封顶线可提高至5万元.
export const TEMP_CAP_CLAUSE: Clause = { seed: '003', document: '奈民发〔2022〕28号', section: '二(三)1', tag: '003-二-三-1' };
// 003 §二(一)2: 坚决杜绝"政策保".
export const BLOCK_CLAUSE: Clause = { seed: '003', document: '奈民发〔2022〕28号', section: '二(一)2', tag: '003-二-一-2' };
// 003 §二(一)4: 及时清退收入、财产动态超标人员……落实违规领取资金的追缴工作.
export const OVER_LIMIT_CLAUSE: Clause = { seed: '003', document: '奈民发〔2022〕28号', section: '二(一)4', tag: '003-二-一-4' };
// 004 三(二)一: 明确举证责任(八项预警).
export const WARNING_CLAUSE: Clause = { seed: '004', document: '某区低保精细化管理报告', section: '三(二)一 明确举证责任', tag: '004-举证责任' };
// 002 §四(一): 落实报告制度.
export const REPORT_CLAUSE: Clause = { seed: '002', document: '闽民保〔2017〕204号', section: '四(一)', tag: '002-四-一' };
// 002 §四(二): 各级民政部门每年至少组织一次专项检查.
export const INSPECTION_CLAUSE: Clause = { seed: '002', document: '闽民保〔2017〕204号', section: '四(二)', tag: '002-四-二' };
