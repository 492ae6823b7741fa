// The JUnit report tells what the exit code tells, and Jenkins' junit-10 schema accepts it
// (checked by xmllint, an independent validator).
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadExport, LoadedExport } from '../load/loader';
import { loadProfile } from '../profile/load';
import { auditDataset } from '../run/audit';
import { RuleResult } from '../run/outcome';
import { renderJunit } from './junit';
import { buildReport, ComplianceReport, ReportOptions } from './model';

const ROOT = path.resolve(__dirname, '..', '..');
const XSD = path.join(ROOT, 'tests', 'fixtures', 'junit', 'junit-10.xsd');

function xmllint(xml: string): { status: number | null; stderr: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuzhu-junit-'));
  try {
    const file = path.join(dir, 'compliance-junit.xml');
    fs.writeFileSync(file, xml);
    const r = spawnSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8' });
    return { status: r.status, stderr: r.stderr };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const attr = (xml: string, element: string, name: string) => new RegExp(`<${element} [^>]*\\b${name}="([^"]*)"`).exec(xml)?.[1];
const testcase = (xml: string, ruleId: string) => new RegExp(`<testcase [^>]*name="${ruleId} [^"]*"[^>]*(?:/>|>[\\s\\S]*?</testcase>)`).exec(xml)?.[0] ?? '';

interface Audited {
  loaded: LoadedExport;
  profile: ReturnType<typeof loadProfile>;
  results: RuleResult[];
}

async function audited(exportPath: string, ruleIds?: string[], profileId?: string): Promise<Audited> {
  const loaded = await loadExport(path.join(ROOT, exportPath));
  const profile = loadProfile(profileId ?? loaded.meta.jurisdiction ?? 'national');
  return { loaded, profile, results: await auditDataset(loaded, profile, ruleIds) };
}

const report = (a: Audited, failOn: ReportOptions['failOn']): Promise<ComplianceReport> =>
  buildReport(a.loaded, a.profile, a.results, { failOn, showPersonalData: false, featureFiles: [], timings: new Map(a.results.map((r, i) => [r.rule.id, i * 7])) });

describe('JUnit report', function () {
  this.timeout(120_000);
  let example: Audited;
  let warningOnly: Audited;
  before(async () => {
    example = await audited('examples/naiman-2024');
    // ELIG-TOLERANCE has warnings only; ELIG-SINGLE has an error as well.
    warningOnly = await audited('tests/fixtures/exports/exemptions-households.json', ['ELIG-TOLERANCE', 'ELIG-SINGLE'], 'national');
  });
  after(() => [example, warningOnly].forEach((a) => a?.loaded.dataset.close()));

  describe('validates against the junit-10 schema', () => {
    before(function () {
      if (spawnSync('xmllint', ['--version']).status === 0) return;
      if (process.env.CI === 'true') throw new Error('xmllint is missing on CI (Debian package libxml2-utils; .ci/run installs it)');
      console.log('      (skipped: xmllint is not installed here; apt-get install libxml2-utils)');
      this.skip();
    });

    for (const [name, pick, failOn] of [
      ['the example audit', () => example, 'error'],
      ['a --fail-on never run', () => example, 'never'],
      ['a warning-only run', () => warningOnly, 'error'],
      ['a warning-only run with --fail-on warning', () => warningOnly, 'warning'],
    ] as const)
      it(`for ${name}`, async () => {
        const r = xmllint(renderJunit(await report(pick(), failOn)));
        expect(r.status, r.stderr).to.equal(0);
      });

    it('and the schema is strict enough to reject what jiuzhu used to write (no errors attribute)', async () => {
      const xml = renderJunit(await report(example, 'error')).replace(/ errors="0"/g, '');
      expect(xmllint(xml).status).to.not.equal(0);
    });
  });

  it('counts a failure exactly when the run fails, for every --fail-on', async () => {
    for (const a of [example, warningOnly])
      for (const failOn of ['error', 'warning', 'never'] as const) {
        const rep = await report(a, failOn);
        const xml = renderJunit(rep);
        const failures = Number(attr(xml, 'testsuite', 'failures'));
        expect(failures > 0, `${failOn}: ${rep.summary.verdict}`).to.equal(rep.summary.verdict === 'fail');
        expect(xml.match(/<failure /g)?.length ?? 0).to.equal(failures);
        expect(attr(xml, 'testsuites', 'failures')).to.equal(String(failures));
      }
  });

  it('reports no failure with --fail-on never, and lists the findings in each test case’s system-out', async () => {
    const rep = await report(example, 'never');
    const xml = renderJunit(rep);
    expect(attr(xml, 'testsuite', 'failures')).to.equal('0');
    expect(xml).not.to.include('<failure');
    const minors = testcase(xml, 'NOTICE-MINORS');
    expect(minors).to.include('<system-out>低于 --fail-on never 的发现 / findings below --fail-on never:');
    expect(minors.match(/\[error\] notices /g)).to.have.length(rep.rules.find((r) => r.id === 'NOTICE-MINORS')!.counts.error);
  });

  it('does not fail a warning-only rule unless warnings fail the run', async () => {
    const underError = renderJunit(await report(warningOnly, 'error'));
    const tolerance = testcase(underError, 'ELIG-TOLERANCE');
    expect(tolerance).not.to.include('<failure');
    expect(tolerance.match(/\[warning\] applications /g)).to.have.length(4);
    expect(testcase(underError, 'ELIG-SINGLE')).to.match(/<failure message="1 项发现达到 --fail-on error \/ 1 findings at or above --fail-on error \(1 error, 0 warning\)" type="ELIG-SINGLE">/);
    // The single rule's warnings are below the threshold: listed apart, not in the failure.
    expect(testcase(underError, 'ELIG-SINGLE')).to.match(/<\/failure>\s*<system-out>[^<]*\[warning\]/);

    const underWarning = renderJunit(await report(warningOnly, 'warning'));
    expect(testcase(underWarning, 'ELIG-TOLERANCE')).to.include('<failure message="4 项发现达到 --fail-on warning / 4 findings at or above --fail-on warning (0 error, 4 warning)"');
    expect(testcase(underWarning, 'ELIG-TOLERANCE')).not.to.include('<system-out>');
  });

  it('skips a partially reviewed rule, saying how many records were not judged and why', async () => {
    const rep = await report(example, 'error');
    const cap = rep.rules.find((r) => r.id === 'DUP-TEMP-CAP')!;
    expect(cap.outcome).to.equal('partially_reviewed');
    const xml = testcase(renderJunit(rep), 'DUP-TEMP-CAP');
    expect(xml).to.include(
      `<skipped message="部分审查: 已审查 ${cap.counts.examined} 条,${cap.counts.not_reviewed} 条未能审查 / partially reviewed: ${cap.counts.examined} judged, ${cap.counts.not_reviewed} could not be judged: ${cap.reason!.zh} / ${cap.reason!.en}"/>`,
    );
  });

  it('skips not-reviewed and not-applicable rules with their outcome and reason, and counts every skip', async () => {
    const rep = await report(example, 'error');
    const xml = renderJunit(rep);
    const sup = rep.rules.find((r) => r.outcome === 'not_reviewed')!;
    expect(testcase(xml, sup.id)).to.include(`<skipped message="未审查 / not reviewed: ${sup.reason!.zh.replace(/"/g, '&quot;')} / ${sup.reason!.en.replace(/"/g, '&quot;')}"/>`);
    const na = rep.rules.find((r) => r.outcome === 'not_applicable')!;
    expect(testcase(xml, na.id)).to.include('<skipped message="不适用 / not applicable"/>');
    const s = rep.summary.rules;
    expect(attr(xml, 'testsuite', 'skipped')).to.equal(String(s.not_reviewed + s.not_applicable + s.partially_reviewed));
  });

  it('gives every test case a time in seconds from the run’s rule timings, and the suite their sum', async () => {
    const rep = await report(example, 'error');
    const xml = renderJunit(rep);
    const times = [...xml.matchAll(/<testcase [^>]*time="([^"]*)"/g)].map((m) => m[1]);
    expect(times).to.have.length(rep.rules.length);
    expect(times.slice(0, 3)).to.deep.equal(['0.000', '0.007', '0.014']);
    const total = rep.rules.reduce((t, r) => t + r.time_ms, 0);
    expect(attr(xml, 'testsuite', 'time')).to.equal((total / 1000).toFixed(3));
    expect(attr(xml, 'testsuite', 'errors')).to.equal('0');
  });
});
