import { Clause } from '../../rule';

// The export contract ships with the product as its JSON Schema.
export const CONTRACT_CLAUSE: Clause = { document: '案件导出数据契约 v1(schemas/case-export.schema.json) / case-export contract v1', tag: 'contract-v1' };
