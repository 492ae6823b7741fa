import { DIBAO_REVIEW, localClause, SOCIAL_ASSISTANCE } from '../../instruments';
import { Clause } from '../../rule';

// Staff exemption (尽职免责, 容错纠错) is set up by local documents: 洞头区, 寒亭区 (cited by their profiles).
export const DONGTOU_CLAUSE: Clause = localClause('洞头区尽职免责-三');
export const HANTING_CLAUSE: Clause = localClause('寒亭区容错纠错实施细则-界错');
export const TRACKING_CLAUSE: Clause = localClause('洞头区尽职免责-四');
// Property rules (vehicles) are set by provinces and counties; 顺义区 relaxes them for serious illness.
export const VEHICLE_CLAUSE: Clause = localClause('顺义区党建引领社会救助-一');
// 单人保, 渐退, income exclusions (locally 奈民发〔2022〕28号 二(二)1).
export const INCLUSION_CLAUSE: Clause = { document: DIBAO_REVIEW, verify: '单人保、渐退期、收入扣减的条款号', tag: '奈民发〔2022〕28号-二-二-1' };
// 告知承诺、容缺受理 (铁岭市清河区).
export const TOLERANCE_CLAUSE: Clause = localClause('清河区告知承诺容缺受理');
// Emergency first, paperwork after (先行救助).
export const EMERGENCY_CLAUSE: Clause = { document: SOCIAL_ASSISTANCE, verify: '临时救助情况紧急先行救助、后补手续的条款号', tag: '奈民发〔2022〕28号-二-三-1' };
