import { localClause, SOCIAL_ASSISTANCE } from '../../instruments';
import { Clause } from '../../rule';

// Obtaining assistance by fraud: stop, recover, fine 1 to 3 times the amount. Tiers, the
// blacklist and transfers are local (仙桃市、铁岭市清河区 documents, cited by their profiles).
const FRAUD: Omit<Clause, 'tag'> = { document: SOCIAL_ASSISTANCE, note: '骗取社会救助:停止社会救助、责令退回、可处非法获取款额1倍以上3倍以下罚款', verify: '条款号(法律责任章)' };
export const XIANTAO_CLAUSE: Clause = { ...FRAUD, tag: '仙桃市社会救助失信行为认定办法' };
export const TIELING_CLAUSE: Clause = { ...FRAUD, tag: '清河区失信惩戒和守信激励办法-二' };
// Credit repair exists only in local documents.
export const REPAIR_CLAUSE: Clause = localClause('清河区失信惩戒和守信激励办法-三');
