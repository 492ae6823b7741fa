// Proof by re-expression: built-in rules written again in the vocabulary
// (tests/fixtures/vocabulary/) find exactly what the built-in rules find, record by record and
// severity by severity, over every fixture export and under every profile (plus variants that
// set the values the shipped profiles leave unset). A profile that agrees with an earlier one on
// everything both rules read of it gets the earlier pair of results (tests/golden/audits.ts `eachProfile`).
import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadExport, LoadedExport } from '../engine/load/loader';
import { loadProfile } from '../engine/profile/load';
import { ResolvedProfile } from '../engine/profile/profile';
import { auditRule } from '../engine/run/audit';
import { findingDetail, Rule } from '../policies/rule';
import { ruleById } from '../policies/rules';
import { compileRule } from '../policies/vocabulary/compile';
import { knownParameters } from '../policies/vocabulary/load';
import { parseRule } from '../policies/vocabulary/parse';
import { eachProfile } from './golden/audits';

const ROOT = path.resolve(__dirname, '..');
const EXPORTS = path.join(ROOT, 'tests', 'fixtures', 'exports');

function vocabularyRule(name: string): Rule {
  const file = `tests/fixtures/vocabulary/${name}.feature`;
  const parsed = parseRule(file, fs.readFileSync(path.join(ROOT, file), 'utf8'), knownParameters);
  expect(parsed.errors.map((e) => e.message)).to.deep.equal([]);
  return compileRule(parsed.rule!);
}

function profiles(): ResolvedProfile[] {
  const shipped = fs.readdirSync(path.join(ROOT, 'policies', 'profiles')).map((f) => loadProfile(f.replace(/\.yaml$/, '')));
  const national = loadProfile('national');
  return [
    ...shipped,
    national.withValue('dup.temp_standard_cap', 5000, '2024-03-01', 'a standard cap from a date'),
    national.withValue('notice.min_days', { value: 5, unit: 'working_days' }, '2023-01-01', 'working days'),
    national.withValue('notice.min_days', { value: 1, unit: 'months' }, '2023-01-01', 'a month'),
  ];
}

const exportsOnce = new Map<string, Promise<LoadedExport | undefined>>();
function fixture(name: string): Promise<LoadedExport | undefined> {
  if (!exportsOnce.has(name)) exportsOnce.set(name, loadExport(path.join(EXPORTS, name), { allowEmpty: true }).catch(() => undefined));
  return exportsOnce.get(name)!;
}

type Seen = { id: string; severity: string; at: string };
const key = (s: Seen) => `${s.id} ${s.severity} ${s.at}`;

async function findings(ex: LoadedExport, profile: ResolvedProfile, rules: Rule[], keep: (detail: string | undefined) => boolean = () => true): Promise<string[]> {
  const out: string[] = [];
  for (const rule of rules)
    for (const f of (await auditRule(ex, profile, rule)).findings)
      if (keep(findingDetail(f))) out.push(key({ id: f.record.id, severity: f.severity, at: `${f.record.file ?? ''}:${f.record.line ?? f.record.index}` }));
  return out.sort();
}

describe('vocabulary re-expressions of built-in rules', function () {
  this.timeout(120_000);
  const names = fs.readdirSync(EXPORTS).sort();

  it('DUP-TEMP-CAP: the two vocabulary rules together find what the built-in rule finds, on every fixture export and profile', async () => {
    const vocab = [vocabularyRule('temporary-cap-standard'), vocabularyRule('temporary-cap-ceiling')];
    let compared = 0;
    for (const name of names) {
      const ex = await fixture(name);
      if (!ex) continue;
      const ps = profiles();
      const pairs = await eachProfile(ps, [...vocab, ruleById('DUP-TEMP-CAP')], async (p) => [await findings(ex, p, vocab), await findings(ex, p, [ruleById('DUP-TEMP-CAP')])]);
      pairs.forEach(([v, b], i) => expect(v, `${name} under ${ps[i].id}`).to.deep.equal(b));
      compared += pairs.length;
    }
    expect(compared).to.be.greaterThan(50);
  });

  it("NOTICE-PERIOD's day count: the vocabulary rule finds the built-in rule's too-short notices, on every fixture export and profile", async () => {
    // The built-in rule also reads applications (for its decision checks), so notices that depend on a
    // rejected application are hidden from it; the day count reads the same records when it reads as much.
    const vocab = [{ ...vocabularyRule('notice-period-days'), reads: ['applications' as const] }];
    for (const name of names) {
      const ex = await fixture(name);
      if (!ex) continue;
      const ps = profiles();
      const pairs = await eachProfile(ps, [...vocab, ruleById('NOTICE-PERIOD')], async (p) => [await findings(ex, p, vocab), await findings(ex, p, [ruleById('NOTICE-PERIOD')], (d) => d === 'days')]);
      pairs.forEach(([v, b], i) => expect(v, `${name} under ${ps[i].id}`).to.deep.equal(b));
    }
  });

  it("NOTICE-REQUIRED's result notice: the vocabulary rule, following the household's notices, finds the built-in rule's missing result notices, on every fixture export and profile", async () => {
    // A link's existence, not a comparison on the record: the household's notices of a required kind,
    // for this application or for no application in particular. The standing-notice part is another shape.
    const vocab = [vocabularyRule('notice-required-result')];
    let found = 0;
    for (const name of names) {
      const ex = await fixture(name);
      if (!ex) continue;
      const ps = profiles();
      const pairs = await eachProfile(ps, [...vocab, ruleById('NOTICE-REQUIRED')], async (p) => [await findings(ex, p, vocab), await findings(ex, p, [ruleById('NOTICE-REQUIRED')], (d) => d === 'result')]);
      pairs.forEach(([v, builtIn], i) => {
        expect(v, `${name} under ${ps[i].id}`).to.deep.equal(builtIn);
        found += builtIn.length;
      });
    }
    expect(found).to.be.greaterThan(0);
  });

  it("NOTICE-REQUIRED's result notice: both forms agree on which notices count (a household's, a sibling application's, each kind, each programme)", async () => {
    // notices-basic with five more households: a household notice naming no application (counts), a
    // sibling application's notice (does not), a decision notice (counts), a standing one (does not), a programme not required.
    const base = JSON.parse(fs.readFileSync(path.join(EXPORTS, 'notices-basic.json'), 'utf8'));
    const [hh, app] = [base.households.find((h: { household_id: string }) => h.household_id === 'H005'), base.applications.find((a: { application_id: string }) => a.application_id === 'A005')];
    const household = (id: string) => ({ ...hh, household_id: id });
    const approved = (id: string, household_id: string, program = 'dibao') => ({ ...app, application_id: id, household_id, program, decision: { ...app.decision, decided_on: '2024-07-01' } });
    const notice = (id: string, household_id: string, kind: string, application_id?: string) => ({ ...base.notices[0], notice_id: id, household_id, kind, application_id, objections: [] });
    base.households.push(household('H010'), household('H011'), household('H012'), household('H013'), household('H014'));
    base.applications.push(approved('A010', 'H010'), approved('A011', 'H011'), approved('A012', 'H011'), approved('A013', 'H012', 'temporary'), approved('A014', 'H013'), approved('A015', 'H014'));
    base.notices.push(notice('N020', 'H010', 'review'), notice('N021', 'H011', 'review', 'A012'), notice('N022', 'H013', 'standing', 'A014'), notice('N023', 'H014', 'decision', 'A015'));
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jz-notice-links-')), 'notices-links.json');
    fs.writeFileSync(file, JSON.stringify(base));
    const ex = await loadExport(file);
    expect(ex.rejected).to.deep.equal([]);
    const national = loadProfile('national');
    const builtIn = await findings(ex, national, [ruleById('NOTICE-REQUIRED')], (d) => d === 'result');
    expect(builtIn.map((f) => f.split(' ')[0])).to.deep.equal(['A005', 'A011', 'A014']);
    expect(await findings(ex, national, [vocabularyRule('notice-required-result')])).to.deep.equal(builtIn);
  });

  it('the re-expressions find something somewhere (the comparison is not between two empty lists)', async () => {
    const cap = await findings((await fixture('crosschecks-duplicates.json'))!, loadProfile('neimenggu-naiman'), [vocabularyRule('temporary-cap-ceiling')]);
    const days = await findings((await fixture('notices-basic.json'))!, loadProfile('national'), [vocabularyRule('notice-period-days')]);
    expect(cap.length).to.be.greaterThan(0);
    expect(days.length).to.be.greaterThan(0);
  });
});
