// JUnit XML for CI systems: one test case per rule; a failed rule's failure lists its findings.
import { ComplianceReport } from './model';
import { escapeXml, position } from './escape';

export function renderJunit(report: ComplianceReport): string {
  const cases = report.rules.map((r) => {
    const findings = report.findings.filter((f) => f.rule === r.id);
    const name = escapeXml(`${r.id} ${r.title.zh}`);
    const head = `    <testcase classname="jiuzhu.${escapeXml(r.family)}" name="${name}">`;
    if (r.outcome === 'failed') {
      const body = findings.map((f) => `[${f.severity}] ${f.record.collection} ${f.record.id} ${position(f)}: ${f.message.zh} / ${f.message.en}`).join('\n');
      return `${head}\n      <failure message="${escapeXml(`${r.counts.findings} findings (${r.counts.error} error, ${r.counts.warning} warning)`)}" type="${escapeXml(r.id)}">${escapeXml(body)}</failure>\n    </testcase>`;
    }
    if (r.outcome === 'not_reviewed' || r.outcome === 'not_applicable')
      return `${head}\n      <skipped message="${escapeXml(`${r.outcome_name.zh} / ${r.outcome_name.en}${r.reason ? `: ${r.reason.zh} / ${r.reason.en}` : ''}`)}"/>\n    </testcase>`;
    return `${head}</testcase>`;
  });
  const s = report.summary.rules;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="jiuzhu" tests="${s.total}" failures="${s.failed}">`,
    `  <testsuite name="${escapeXml(`jiuzhu ${report.profile.id}`)}" tests="${s.total}" failures="${s.failed}" skipped="${s.not_applicable + s.not_reviewed}" timestamp="${report.generated_at}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
