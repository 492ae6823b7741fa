import { Clause } from '../../rule';

// 003 §二(五)2: 应备案而故意隐瞒不备案、备案后应核查而没有及时核查、核查后不符合条件而纳入救助范围.
export const INSPECTION_CLAUSE: Clause = { seed: '003', document: '奈民发〔2022〕28号(实施民发〔2022〕24号)', section: '二(五)2', tag: '003-二-五-2' };
// 002 §三(三): 经办人员和村(居)委会干部近亲属享受社会救助备案制度; 003 §二(五)1 单独登记备案.
export const FILING_CLAUSE: Clause = { seed: '002', document: '闽民保〔2017〕204号;奈民发〔2022〕28号 二(五)1–2', section: '三(三)', tag: '002-三-三' };
// Recusal is national practice, not a seed clause (RULEBOOK §2 REL-RECUSAL); a profile may switch it off.
export const RECUSAL_CLAUSE: Clause = { document: '全国通行做法(RULEBOOK §2 REL-RECUSAL)', section: '回避', tag: 'national-回避' };
