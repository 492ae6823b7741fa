import { Clause } from '../../rule';

export const CONTRACT_CLAUSE: Clause = { document: '案件导出数据契约 v1 (contract/CASE-EXPORT.md)', section: 'RULEBOOK §0', tag: 'contract-v1' };
