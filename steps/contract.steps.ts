// Sentences for the export contract itself (RULEBOOK §0).
import { defineRuleCheck } from './rule-checks';

defineRuleCheck('CONTRACT-INVALID', ['导出数据中的每条记录都应符合数据契约'], ['every record of the export conforms to the contract']);
defineRuleCheck('CONTRACT-REFERENCE', ['导出数据中的每条引用都应指向存在的记录'], ['every reference in the export points to a record it holds']);
