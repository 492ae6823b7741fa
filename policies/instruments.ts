// The national instruments rules cite by default (full titles, issuers and dates in
// docs/sources.md). An article is named only where it was checked against the published
// text; otherwise the clause carries `verify` for staff to confirm.
import { Clause } from './rule';

export const SOCIAL_ASSISTANCE = '《社会救助暂行办法》(国务院令第649号)';
export const DIBAO_REVIEW = '《最低生活保障审核确认办法》(民发〔2021〕57号)';
export const TEKUN = '《特困人员认定办法》(民发〔2021〕43号)';
export const PIPL = '《中华人民共和国个人信息保护法》';
export const CIVIL_CODE = '《中华人民共和国民法典》';
export const CRIMINAL_LAW = '《中华人民共和国刑法》';
export const GOVERNANCE_2022 = '民政部《社会救助领域群众身边腐败和作风问题综合治理工作方案(2022-2025年)》(民发〔2022〕24号)';

/**
 * A rule that only local documents set up (staff exemption, credit repair, warnings,
 * reporting deadlines): it cites the profile's document, and says so when a profile cites none.
 */
export function localClause(tag: string): Clause {
  return { document: '本地政策文件(政策配置未引用) / local policy document (the profile cites none)', tag };
}
