// How a Then step states a rule's verdict on the records of a spec scenario, and the
// readable summary a failing step prints.
import { RuleResult } from '../engine/run/outcome';
import { reveal } from '../engine/findings/personal-data';

export type Expectation = 'compliant' | 'violation' | 'history' | 'warning' | 'not_yet_due';

const PHRASES: [RegExp, Expectation][] = [
  [/^(符合规定|合规|无问题|is compliant)$/, 'compliant'],
  [/^(仅作为历史记录|作为历史记录|历史记录|is history only)$/, 'history'],
  // A refusal another ground justifies: an info naming the ground, never an omission.
  [/^(拒绝另有依据,不作漏保|has a ground for the refusal)$/, 'history'],
  [/^(应予提示|警示|is a warning)$/, 'warning'],
  [/^(违反.*|不符合.*|is a violation)$/, 'violation'],
  [/^(期限尚未届满,不予评判|is not yet due)$/, 'not_yet_due'],
];

export function expectationOf(phrase: string): Expectation {
  const hit = PHRASES.find(([re]) => re.test(phrase.trim()));
  if (!hit) throw new Error(`无法理解的结论「${phrase}」(可用: 符合规定 / 违反… / 仅作为历史记录 / 拒绝另有依据,不作漏保 / 应予提示 / 期限尚未届满,不予评判)`);
  return hit[1];
}

export function summarise(result: RuleResult): string {
  if (!result.findings.length) return `${result.rule.id}: 无发现 / no findings (${result.outcome})`;
  return [
    `${result.rule.id} ${result.rule.title.zh}: ${result.findings.length} 项发现 / findings`,
    ...result.findings.map((f) => `  - [${f.severity}] ${f.record.collection} ${f.record.id}${f.record.line ? `:${f.record.line}` : ''}: ${reveal(f.message.zh, false)}`),
  ].join('\n');
}

export function assertExpectation(result: RuleResult, expected: Expectation): void {
  const severities = new Set(result.findings.map((f) => f.severity));
  const ok =
    expected === 'not_yet_due'
      ? result.findings.length === 0 && result.counts.not_reviewed > 0 && !!result.reason?.zh.includes('尚未届满')
      : expected === 'compliant'
      ? result.findings.length === 0
      : expected === 'history'
        ? result.findings.length > 0 && [...severities].every((s) => s === 'info')
        : expected === 'warning'
          ? severities.has('warning') && !severities.has('error')
          : severities.has('error');
  if (!ok) throw new Error(`预期「${expected}」,实际:\n${summarise(result)}${result.counts.not_reviewed ? `\n  未审查 / not reviewed ${result.counts.not_reviewed}: ${result.reason?.zh}` : ''}`);
}
