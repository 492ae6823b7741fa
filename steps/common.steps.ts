// Sentences every family shares: which policy applies, which export is under audit, and
// what a rule found.
import { DataTable, Then } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { reveal } from '../engine/findings/personal-data';
import { OUTCOME_NAMES, Outcome } from '../engine/run/outcome';
import { assertExpectation, summarise, verdictOf } from './verdicts';
import { given, then } from './phrases';
import { JiuzhuWorld } from './world';

given(['适用{text}政策'], ['the {text} policy applies'], function (this: JiuzhuWorld, name: string) {
  this.usePolicy(name);
});

given(['导出数据的期间为 {date} 至 {date}'], ['the exported period is {date} to {date}'], function (this: JiuzhuWorld, from: string, to: string) {
  this.setPeriod(from, to);
});

given(['待审计数据为{text}'], ['the export under audit is {text}'], function (this: JiuzhuWorld, file: string) {
  this.useFixture(file);
});

// Spec verdicts on the scenario's own records, judged by the scenario's rule tag.
// A violation may name its kind: 违反公示期要求(天数不足) / is a violation (too few days).
then(
  [/^(?:该|此)(?:公示|申请|家庭|案件|记录|决定|发放)(.+)$/],
  [/^the (?:notice|application|household|case|record) (is compliant|is a violation(?: \([^)]+\))?|is a warning(?: \([^)]+\))?|is history only|is not reviewed|is not applicable|is not yet due|has a ground for the refusal)$/],
  async function (this: JiuzhuWorld, verdict: string) {
    const v = verdictOf(verdict);
    assertExpectation(await this.judge(), v.expected, v.kind);
  },
);

// Exact findings over a fixture export: exactly these rows, nothing else.
// The table's columns: 记录 / 严重程度 / 说明 (or record / severity / message); 说明 is matched as a part of the message.
then(['规则 {ruleId} 的发现应为:'], ['rule {ruleId} finds exactly:'], async function (this: JiuzhuWorld, ruleId: string, table: DataTable) {
  const result = await this.audit(ruleId);
  const expected = table.hashes().map((r) => ({ id: r['记录'] ?? r.record, severity: r['严重程度'] ?? r.severity, text: r['说明'] ?? r.message ?? '' }));
  const actual = result.findings.map((f) => ({ id: f.record.id, severity: f.severity, message: reveal(f.message.zh, false) }));
  const unmatched = [...actual];
  const missing = expected.filter((e) => {
    const i = unmatched.findIndex((a) => a.id === e.id && a.severity === e.severity && a.message.includes(e.text));
    if (i < 0) return true;
    unmatched.splice(i, 1);
    return false;
  });
  if (missing.length || unmatched.length)
    throw new Error(
      [
        missing.length ? `未找到预期的发现 / expected but not found:\n${missing.map((m) => `  - ${m.id} [${m.severity}] …${m.text}…`).join('\n')}` : '',
        unmatched.length ? `多出的发现 / found but not expected:\n${unmatched.map((m) => `  - ${m.id} [${m.severity}] ${m.message}`).join('\n')}` : '',
      ].filter(Boolean).join('\n'),
    );
});

Then('规则 {ruleId} 应无发现', async function (this: JiuzhuWorld, ruleId: string) {
  const result = await this.audit(ruleId);
  if (result.findings.length) throw new Error(summarise(result));
});

Then('规则 {ruleId} 未审查 {int} 条,原因包含{text}', async function (this: JiuzhuWorld, ruleId: string, count: number, why: string) {
  const result = await this.audit(ruleId);
  assert.equal(result.counts.not_reviewed, count, `未审查 ${result.counts.not_reviewed} 条,应为 ${count} 条: ${summarise(result)}`);
  assert.ok((result.reason?.zh ?? '').includes(why), `原因「${result.reason?.zh ?? ''}」不含「${why}」`);
});

Then('规则 {ruleId} 的结论应为{text}', async function (this: JiuzhuWorld, ruleId: string, outcome: string) {
  const result = await this.audit(ruleId);
  const wanted = (Object.keys(OUTCOME_NAMES) as Outcome[]).find((o) => OUTCOME_NAMES[o].zh === outcome || o === outcome);
  if (!wanted) throw new Error(`未知结论「${outcome}」(${Object.values(OUTCOME_NAMES).map((n) => n.zh).join('/')})`);
  assert.equal(result.outcome, wanted, `结论为 ${result.outcome},应为 ${wanted}: ${summarise(result)}`);
});
