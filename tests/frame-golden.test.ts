// Every rule over every fixture export and the example, under every profile, is computed once per
// export (tests/golden/audits.ts `auditEveryRule`) and checked for three things, each its own test:
// - the safety net for moving rules onto one frame: exactly the findings (rule, severity, record,
//   fingerprint, message, params, source, …), counts and outcome recorded in
//   tests/fixtures/golden/findings.json (regenerate: tests/golden/write.ts);
// - every finding tells the agency what to do: a remedy in both languages;
// - every table a rule's SQL names is declared in its `needs` or `reads`: the frame hides the
//   dependents of rejected records only from the collections a rule declares, so an undeclared
//   read would see them. Each rule runs with the undeclared collections' tables renamed away
//   (the export still "has" them), so any read of one fails with "Table … does not exist".
import { expect } from 'chai';
import fs from 'node:fs';
import { auditEveryRule, ExportAudit, GOLDEN_FILE, Golden, GoldenResult, goldenExports, goldenProfiles } from './golden/audits';
import { Rule } from '../policies/rule';
import { RULES, ruleById } from '../policies/rules';

/** rule → profile → the result as text, so a difference names the rule and profile it is in. */
function byProfile(rules: Record<string, GoldenResult[]>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [id, results] of Object.entries(rules))
    for (const { profiles, ...result } of results) for (const p of profiles) out.set(`${id} under ${p}`, JSON.stringify(result));
  return out;
}

const profiles = goldenProfiles();
const audits = new Map<string, Promise<ExportAudit>>();
/** The export's audit, computed by the first test that asks for it. */
const auditOf = (exportPath: string) => audits.get(exportPath) ?? audits.set(exportPath, auditEveryRule(exportPath, profiles)).get(exportPath)!;

describe('findings are unchanged by the frame (golden audits)', function () {
  this.timeout(300_000);
  const golden: Golden = JSON.parse(fs.readFileSync(GOLDEN_FILE, 'utf8'));

  it('audits the same exports and refuses the same profiles as the snapshot', () => {
    expect(goldenExports()).to.deep.equal(Object.keys(golden.audits));
    expect(Object.fromEntries(profiles.filter((p) => p.refused).map((p) => [p.name, p.refused]))).to.deep.equal(golden.refused);
  });

  for (const exportPath of goldenExports())
    it(`gives the recorded findings for ${exportPath} under every profile`, async () => {
      const now = byProfile((await auditOf(exportPath)).rules);
      const then = byProfile(golden.audits[exportPath] ?? {});
      const changed = [...new Set([...now.keys(), ...then.keys()])].filter((k) => now.get(k) !== then.get(k));
      if (!changed.length) return;
      const first = changed[0];
      const parse = (s?: string) => (s ? JSON.parse(s) : undefined);
      expect(parse(now.get(first)), `${changed.length} rule results changed, first ${first}; all: ${changed.slice(0, 12).join('; ')}`).to.deep.equal(parse(then.get(first)));
    });
});

describe('every finding carries a remedy', function () {
  this.timeout(300_000);
  let checked = 0;

  for (const exportPath of goldenExports())
    it(`${exportPath}: every finding under every profile has remedy.zh and remedy.en`, async () => {
      const without: string[] = [];
      // A result stands for every profile that gave it: checking it once checks it under each of them.
      for (const [id, results] of Object.entries((await auditOf(exportPath)).rules))
        for (const { profiles: under, findings } of results)
          for (const f of findings as { remedy?: { zh?: string; en?: string }; record: { collection: string; id: string }; severity: string }[]) {
            checked += under.length;
            if (!f.remedy?.zh?.trim() || !f.remedy?.en?.trim()) without.push(`${under.join(',')} ${id} ${f.record.collection} ${f.record.id} ${f.severity}`);
          }
      expect(without).to.deep.equal([]);
    });

  it('the exports above yield findings to check (a clean run cannot pass this test vacuously)', () => {
    expect(checked).to.be.greaterThan(100);
  });
});

describe('what each rule reads', function () {
  this.timeout(300_000);
  /** The rule's runs, over every export, that failed (with its undeclared tables renamed away): `export rule profile: message`. */
  async function failedRuns(rule: Rule): Promise<string[]> {
    const failed: string[] = [];
    for (const exportPath of goldenExports()) for (const f of (await auditOf(exportPath)).failed) if (f.startsWith(`${rule.id} `)) failed.push(`${exportPath} ${f}`);
    return failed;
  }

  for (const rule of RULES)
    it(`${rule.id} declares every collection its SQL reads`, async () => {
      expect(await failedRuns(rule)).to.deep.equal([]);
    });

  it('catches a rule that reads a collection it does not declare', async () => {
    const minors = ruleById('NOTICE-MINORS');
    const undeclared: Rule = { ...minors, needs: ['notices'], reads: [] };
    const { failed } = await auditEveryRule('tests/fixtures/exports/notices-basic.json', profiles, [undeclared]);
    expect(failed).to.not.deep.equal([]);
    expect(failed[0]).to.match(/^NOTICE-MINORS .*: .*(households|applications).* does not exist/);
  });
});
