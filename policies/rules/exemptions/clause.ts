import { Clause } from '../../rule';

// 000 洞头: 尽职免责 — 10 exempt / 7 not-exempt situations, the 6-step procedure, one year of tracking.
export const DONGTOU_CLAUSE: Clause = { seed: '000', document: '《中国民政》社会救助创新案例(浙江温州洞头区尽职免责机制)', section: '洞头三', tag: '000-洞头-三' };
// 001 寒亭/铁岭: 容错纠错 positive list, not-exempt situations, 申请—受理—核查—会商—认定—反馈.
export const HANTING_CLAUSE: Clause = { seed: '001', document: '民政部2023年度社会救助领域创新实践优秀案例(山东潍坊寒亭区、辽宁铁岭清河区)', section: '寒亭 创建机制科学"界错"', tag: '001-寒亭-界错' };
// 000 洞头 四: 为期一年的跟踪管理,至少每半年谈心谈话.
export const TRACKING_CLAUSE: Clause = { seed: '000', document: '《中国民政》社会救助创新案例(浙江温州洞头区尽职免责机制)', section: '洞头四', tag: '000-洞头-四' };
// 000 顺义: 家庭成员中有患重大疾病且名下拥有唯一机动车的家庭放宽申请限制.
export const VEHICLE_CLAUSE: Clause = { seed: '000', document: '《中国民政》社会救助创新案例(北京顺义区党建引领)', section: '顺义 一', tag: '000-顺义-一' };
// 003 §二(二)1: 单人保, 渐退, 就业成本扣减, 基础养老金不计入家庭收入.
export const INCLUSION_CLAUSE: Clause = { seed: '003', document: '奈民发〔2022〕28号(实施民发〔2022〕24号)', section: '二(二)1', tag: '003-二-二-1' };
// 001 铁岭: 告知承诺、容缺受理 3种类型10种情形, 10个工作日内完成审核确认.
export const TOLERANCE_CLAUSE: Clause = { seed: '001', document: '民政部2023年度社会救助领域创新实践优秀案例(辽宁铁岭清河区)', section: '铁岭 简化审核程序', tag: '001-铁岭-告知承诺' };
// 003 §二(三)1: 情况紧急的可实行"先行救助",后补齐有关手续.
export const EMERGENCY_CLAUSE: Clause = { seed: '003', document: '奈民发〔2022〕28号', section: '二(三)1', tag: '003-二-三-1' };
