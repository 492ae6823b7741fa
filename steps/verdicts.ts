// How a Then step states a rule's verdict on the records of a spec scenario, and the
// readable summary a failing step prints.
import { judgedEverything, RuleResult } from '../engine/run/outcome';
import { reveal } from '../engine/findings/personal-data';
import { ResolvedProfile } from '../engine/profile/profile';
import { ruleTitle } from '../policies/rule';

export type Expectation = 'compliant' | 'violation' | 'history' | 'warning' | 'unjudged' | 'not_yet_due';

const PHRASES: [RegExp, Expectation][] = [
  [/^(符合规定|合规|无问题|is compliant)$/, 'compliant'],
  [/^(仅作为历史记录|作为历史记录|历史记录|is history only)$/, 'history'],
  // A refusal another ground justifies: an info naming the ground, never an omission.
  [/^(拒绝另有依据,不作漏保|has a ground for the refusal)$/, 'history'],
  [/^(应予提示|警示|is a warning)$/, 'warning'],
  [/^(未审查|不作判断|is not reviewed)$/, 'unjudged'],
  [/^(违反.*|不符合.*|is a violation)$/, 'violation'],
  [/^(期限尚未届满,不予评判|is not yet due)$/, 'not_yet_due'],
];

export function expectationOf(phrase: string): Expectation {
  const hit = PHRASES.find(([re]) => re.test(phrase.trim()));
  if (!hit) throw new Error(`无法理解的结论「${phrase}」(可用: 符合规定 / 违反… / 仅作为历史记录 / 拒绝另有依据,不作漏保 / 应予提示 / 未审查 / 期限尚未届满,不予评判)`);
  return hit[1];
}

export function summarise(result: RuleResult, profile?: ResolvedProfile): string {
  const unjudged = result.counts.not_reviewed ? `; ${result.counts.not_reviewed} 条未能审查 / not judged${result.reason ? `: ${result.reason.zh}` : ''}` : '';
  if (!result.findings.length) return `${result.rule.id}: 无发现 / no findings (${result.outcome}${unjudged})`;
  return [
    `${result.rule.id} ${ruleTitle(result.rule, profile).zh}: ${result.findings.length} 项发现 / findings`,
    ...result.findings.map((f) => `  - [${f.severity}] ${f.record.collection} ${f.record.id}${f.record.line ? `:${f.record.line}` : ''}: ${reveal(f.message.zh, false)}`),
  ].join('\n');
}

export function assertExpectation(result: RuleResult, expected: Expectation): void {
  const severities = new Set(result.findings.map((f) => f.severity));
  // "Compliant" is a claim about every record: a rule that could not judge some of them cannot make it.
  const ok =
    expected === 'not_yet_due'
      ? result.findings.length === 0 && result.counts.not_reviewed > 0 && !!result.reason?.zh.includes('尚未届满')
      : expected === 'compliant'
      ? result.findings.length === 0 && judgedEverything(result)
      : expected === 'history'
        ? result.findings.length > 0 && [...severities].every((s) => s === 'info')
        : expected === 'warning'
          ? severities.has('warning') && !severities.has('error')
          : expected === 'unjudged'
            ? !severities.has('warning') && !severities.has('error') && !judgedEverything(result)
            : severities.has('error');
  if (!ok) throw new Error(`预期「${expected}」,实际:\n${summarise(result)}`);
}
