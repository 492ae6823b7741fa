// How a Then step states a rule's verdict on the records of a spec scenario, and the
// readable summary a failing step prints.
import { judgedEverything, OUTCOME_NAMES, RuleResult } from '../engine/run/outcome';
import { reveal } from '../engine/findings/personal-data';
import { ResolvedProfile } from '../engine/profile/profile';
import { ruleTitle } from '../policies/rule';
import { isOfKind, kindOf, violationKind } from './violation-kinds';

export type Expectation = 'compliant' | 'violation' | 'history' | 'warning' | 'unjudged' | 'not_applicable' | 'not_yet_due';

/** A verdict as a spec states it: what it expects, and the kind of violation it names, if any (`违反公示期要求(天数不足)`). */
export interface Verdict {
  expected: Expectation;
  kind?: string;
}

const PHRASES: [RegExp, Expectation][] = [
  [/^(符合规定|合规|无问题|is compliant)$/, 'compliant'],
  [/^(仅作为历史记录|作为历史记录|历史记录|is history only)$/, 'history'],
  // A refusal another ground justifies: an info naming the ground, never an omission.
  [/^(拒绝另有依据,不作漏保|has a ground for the refusal)$/, 'history'],
  [/^(应予提示|警示|is a warning)$/, 'warning'],
  [/^(未审查|不作判断|is not reviewed)$/, 'unjudged'],
  [/^(不适用|不在适用范围内|is not applicable)$/, 'not_applicable'],
  [/^(违反.*|不符合.*|is a violation)$/, 'violation'],
  [/^(期限尚未届满,不予评判|is not yet due)$/, 'not_yet_due'],
];

// A trailing (…) on a violation or warning names its kind; half- or full-width brackets.
const KIND = /^(.*?)\s*[(（]([^()（）]+)[)）]$/;

export function verdictOf(phrase: string): Verdict {
  const text = phrase.trim();
  const named = KIND.exec(text);
  if (named) {
    const outer = expectationOf(named[1]);
    if (outer === 'violation' || outer === 'warning') return { expected: outer, kind: named[2].trim() };
  }
  return { expected: expectationOf(text) };
}

export function expectationOf(phrase: string): Expectation {
  const hit = PHRASES.find(([re]) => re.test(phrase.trim()));
  if (!hit) throw new Error(`无法理解的结论「${phrase}」(可用: 符合规定 / 违反…[(违规类别)] / 仅作为历史记录 / 拒绝另有依据,不作漏保 / 应予提示 / 未审查 / 不适用 / 期限尚未届满,不予评判)`);
  return hit[1];
}

/** Why a rule that found nothing made no claim about the record: not reviewed (and the reason), or not applicable. */
export function unjudgedReason(result: RuleResult): string | undefined {
  if (result.outcome === 'not_applicable')
    return `规则未审查该记录:不适用,记录不在规则的适用范围内 / the rule did not judge the record: not applicable, it is outside the rule's reach`;
  if (!judgedEverything(result))
    return `规则未审查该记录:${OUTCOME_NAMES[result.outcome].zh}(${result.counts.not_reviewed} 条未能审查${result.reason ? `,原因:${result.reason.zh}` : ''}) / the rule did not judge the record: ${OUTCOME_NAMES[result.outcome].en}${result.reason ? ` (${result.reason.en})` : ''}`;
  return undefined;
}

export function summarise(result: RuleResult, profile?: ResolvedProfile): string {
  const unjudged = result.counts.not_reviewed ? `; ${result.counts.not_reviewed} 条未能审查 / not judged${result.reason ? `: ${result.reason.zh}` : ''}` : '';
  if (!result.findings.length) return `${result.rule.id}: 无发现 / no findings (${result.outcome}${unjudged})`;
  return [
    `${result.rule.id} ${ruleTitle(result.rule, profile).zh}: ${result.findings.length} 项发现 / findings`,
    ...result.findings.map((f) => `  - [${f.severity}] ${f.record.collection} ${f.record.id}${f.record.line ? `:${f.record.line}` : ''}${kindOf(f) ? ` (${kindOf(f)!.zh})` : ''}: ${reveal(f.message.zh, false)}`),
  ].join('\n');
}

export function assertExpectation(result: RuleResult, expected: Expectation, kindName?: string): void {
  const severities = new Set(result.findings.map((f) => f.severity));
  // "Compliant" is a claim about every record: a rule that judged none, or not all, cannot make it.
  const ok =
    expected === 'not_yet_due'
      ? result.findings.length === 0 && result.counts.not_reviewed > 0 && !!result.reason?.zh.includes('尚未届满')
      : expected === 'compliant'
      ? result.findings.length === 0 && result.outcome === 'passed'
      : expected === 'history'
        ? result.findings.length > 0 && [...severities].every((s) => s === 'info')
        : expected === 'warning'
          ? severities.has('warning') && !severities.has('error')
          : expected === 'unjudged'
            ? !severities.has('warning') && !severities.has('error') && !judgedEverything(result)
            : expected === 'not_applicable'
              ? result.findings.length === 0 && result.outcome === 'not_applicable'
              : severities.has('error');
  const why = expected === 'compliant' && result.findings.length === 0 ? unjudgedReason(result) : undefined;
  if (!ok) throw new Error(`预期「${expected}」,实际:\n${summarise(result)}${why ? `\n${why}` : ''}`);
  if (kindName) assertKind(result, expected === 'warning' ? 'warning' : 'error', kindName);
}

/** The named kind holds when a finding of it carries the verdict's severity and every finding at warning or above is of it. */
function assertKind(result: RuleResult, severity: 'error' | 'warning', name: string): void {
  const k = violationKind(result.rule.id, name);
  const blocking = result.findings.filter((f) => f.severity !== 'info');
  const others = blocking.filter((f) => !isOfKind(f, k));
  if (others.length || !blocking.some((f) => f.severity === severity && isOfKind(f, k)))
    throw new Error(`预期违规类别「${k.zh}」/ expected kind "${k.en}",实际:\n${summarise(result)}`);
}
