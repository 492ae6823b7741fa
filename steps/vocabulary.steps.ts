// Sentences for the scenarios of rules written in the vocabulary (docs/vocabulary.md): records
// built from tables whose columns are the contract's own labels, a parameter set from a date,
// and the audit check of the scenario's rule. Thin: the labels are read by policies/vocabulary.
import { DataTable } from '@cucumber/cucumber';
import { judgedEverything } from '../engine/run/outcome';
import { buildRecords } from '../policies/vocabulary/records';
import { parseParameterValue } from '../policies/vocabulary/records';
import { given, then } from './phrases';
import { summarise } from './verdicts';
import { JiuzhuWorld } from './world';

// | 申请编号 | 家庭编号 | 救助类别 | 审核确认的审核结果 | … : one record per row, other required fields filled in.
given([/^有以下(.+?)[::]$/], [/^these (.+?):$/], function (this: JiuzhuWorld, collection: string, table: DataTable) {
  this.scene.vocabulary ??= { people: new Map<string, string>() };
  for (const { collection: c, record } of buildRecords(collection, table.hashes(), this.records, this.scene.vocabulary.people)) if (c) this.add(c, record);
  this.forgetSpecExport();
});

given(['参数 {word} 自 {date} 起为 {}'], ['parameter {word} is {} from {date}'], function (this: JiuzhuWorld, key: string, a: string, b: string) {
  const [from, value] = /^\d{4}-\d{2}-\d{2}$/.test(a) ? [a, b] : [b, a];
  this.setParameter(key, parseParameterValue(value), from, '场景设定 / scenario');
});

// The @audit check of a vocabulary rule: nothing blocking; not every record judged → skipped, never passed.
then(['每一条记录都应符合本规则'], ['every record satisfies the rule'], async function (this: JiuzhuWorld) {
  const result = await this.audit(this.onlyRule());
  if (result.findings.some((f) => f.severity !== 'info')) throw new Error(summarise(result));
  return judgedEverything(result) ? undefined : 'skipped';
});
