import { GOVERNANCE_2022, localClause, SOCIAL_ASSISTANCE } from '../../instruments';
import { Clause } from '../../rule';

// 民发〔2022〕24号 orders the checks locally written as 奈民发〔2022〕28号 二(一)3: 同时享受城乡低保、
// 同时享受低保特困、异地重复纳入低保、死亡人员享受低保、同一年度同一事由多次重复享受临时救助.
export const DUPLICATE_CLAUSE: Clause = { document: GOVERNANCE_2022, verify: '重复享受比对要求的条目', tag: '奈民发〔2022〕28号-二-一-3' };
// Monthly comparison with death and funeral records before payment (locally 二(六)3).
export const MONTHLY_CLAUSE: Clause = { document: GOVERNANCE_2022, verify: '发放前比对殡葬信息的条目', tag: '奈民发〔2022〕28号-二-六-3' };
// "一事一议" above the standard cap; the ceiling itself is local (奈曼旗 5万元).
export const TEMP_CAP_CLAUSE: Clause = { document: SOCIAL_ASSISTANCE, verify: '临时救助标准与"一事一议"的国家规定及条款号', tag: '奈民发〔2022〕28号-二-三-1' };
// No "政策保": individual review, no batch admission (locally 二(一)2).
export const BLOCK_CLAUSE: Clause = { document: GOVERNANCE_2022, verify: '整治"人情保""关系保""政策保"的条目', tag: '奈民发〔2022〕28号-二-一-2' };
// Exit when income or property rises above the limit, and recover what was overpaid (locally 二(一)4).
export const OVER_LIMIT_CLAUSE: Clause = { document: SOCIAL_ASSISTANCE, verify: '家庭收入、财产变化后减发停发的条款号', tag: '奈民发〔2022〕28号-二-一-4' };
// The household's burden of counter-evidence after a warning: a district's practice.
export const WARNING_CLAUSE: Clause = localClause('某区低保精细化管理报告-举证责任');
// Half-yearly reports and yearly inspections: 闽民保〔2017〕204号 四(一)、四(二) (fujian profile).
export const REPORT_CLAUSE: Clause = localClause('闽民保〔2017〕204号-四-一');
export const INSPECTION_CLAUSE: Clause = localClause('闽民保〔2017〕204号-四-二');
