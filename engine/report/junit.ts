// JUnit XML for CI systems, one test case per rule, telling the same story as the exit code:
// - <failure> only for a rule with findings at or above --fail-on, so a run that exits 0
//   (`--fail-on never`, or warnings under `--fail-on error`) reports no failure;
// - findings below --fail-on are listed in the case's <system-out>, not hidden;
// - <skipped> for a rule that could not run (not reviewed), had nothing in its reach (not
//   applicable) or left records unjudged (partially reviewed): neither a failure the exit code
//   does not have nor a plain pass. The message says how many records were not judged and why.
// Checked against Jenkins xunit's junit-10 schema (tests/fixtures/junit/junit-10.xsd).
import { SEVERITY_RANK, Severity } from '../findings/finding';
import { ComplianceReport, ReportFinding } from './model';
import { escapeXml, position } from './escape';

type RuleRow = ComplianceReport['rules'][number];

const seconds = (ms: number) => (ms / 1000).toFixed(3);
// With --baseline or --waivers each line carries the finding's status (new, known, waived).
const line = (f: ReportFinding) => `[${f.status ? `${f.status} ` : ''}${f.severity}] ${f.record.collection} ${f.record.id} ${position(f)}: ${f.message.zh} / ${f.message.en}`;

function unjudged(r: RuleRow): string | undefined {
  const why = r.reason ? `: ${r.reason.zh} / ${r.reason.en}` : '';
  if (r.outcome === 'not_reviewed' || r.outcome === 'not_applicable') return `${r.outcome_name.zh} / ${r.outcome_name.en}${why}`;
  if (r.counts.not_reviewed > 0)
    return `部分审查: 已审查 ${r.counts.examined} 条,${r.counts.not_reviewed} 条未能审查 / partially reviewed: ${r.counts.examined} judged, ${r.counts.not_reviewed} could not be judged${why}`;
  return undefined;
}

function testCase(r: RuleRow, findings: ReportFinding[], failOn: Severity | 'never'): { xml: string; failed: boolean; skipped: boolean } {
  const threshold = failOn === 'never' ? Infinity : SEVERITY_RANK[failOn];
  // Only new, unwaived findings fail, as in the exit code; known and waived ones are listed with those below.
  const fails = (f: ReportFinding) => SEVERITY_RANK[f.severity] >= threshold && (f.status ?? 'new') === 'new';
  const blocking = findings.filter(fails);
  const below = findings.filter((f) => !fails(f));
  const open = `    <testcase classname="jiuzhu.${escapeXml(r.family)}" name="${escapeXml(`${r.id} ${r.title.zh}`)}" time="${seconds(r.time_ms)}">`;
  const body: string[] = [];
  const partial = unjudged(r);
  if (blocking.length) {
    const by = (s: Severity) => blocking.filter((f) => f.severity === s).length;
    const notJudged = r.counts.not_reviewed ? `; ${r.counts.not_reviewed} 条未能审查 / could not be judged` : '';
    const message = `${blocking.length} 项发现达到 --fail-on ${failOn} / ${blocking.length} findings at or above --fail-on ${failOn} (${by('error')} error, ${by('warning')} warning)${notJudged}`;
    body.push(`      <failure message="${escapeXml(message)}" type="${escapeXml(r.id)}">${escapeXml(blocking.map(line).join('\n'))}</failure>`);
  } else if (partial) body.push(`      <skipped message="${escapeXml(partial)}"/>`);
  if (below.length) body.push(`      <system-out>${escapeXml(`${findings.some((f) => f.status) ? `不使本次失败的发现(低于 --fail-on ${failOn}、已知或已豁免) / findings that do not fail this run (below --fail-on ${failOn}, known or waived)` : `低于 --fail-on ${failOn} 的发现 / findings below --fail-on ${failOn}`}:\n${below.map(line).join('\n')}`)}</system-out>`);
  return { xml: body.length ? `${open}\n${body.join('\n')}\n    </testcase>` : `${open}</testcase>`, failed: blocking.length > 0, skipped: !blocking.length && !!partial };
}

export function renderJunit(report: ComplianceReport): string {
  const failOn = report.options.fail_on;
  const cases = report.rules.map((r) => testCase(r, report.findings.filter((f) => f.rule === r.id), failOn));
  const tests = cases.length;
  const failures = cases.filter((c) => c.failed).length;
  const skipped = cases.filter((c) => c.skipped).length;
  const time = seconds(report.rules.reduce((t, r) => t + r.time_ms, 0));
  const property = (name: string, value: string) => `      <property name="${escapeXml(name)}" value="${escapeXml(value)}"/>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="jiuzhu" tests="${tests}" failures="${failures}" errors="0" time="${time}">`,
    `  <testsuite name="${escapeXml(`jiuzhu ${report.profile.id}`)}" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}" time="${time}" timestamp="${escapeXml(report.generated_at)}">`,
    '    <properties>',
    property('export', report.export.path),
    property('profile', report.profile.chain.join(' <- ')),
    property('fail_on', report.options.fail_on),
    property('verdict', report.summary.verdict),
    property('ruleset_digest', report.tool.ruleset.digest),
    property('generated_at', report.generated_at),
    '    </properties>',
    ...cases.map((c) => c.xml),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
