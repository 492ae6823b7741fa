// The safety net for moving rules onto one frame: every fixture export under every profile gives
// exactly the findings (rule, severity, record, fingerprint, message, params, source, …), counts
// and outcome recorded in tests/fixtures/golden/findings.json (regenerate: tests/golden/write.ts).
import { expect } from 'chai';
import fs from 'node:fs';
import { GOLDEN_FILE, Golden, GoldenResult, goldenExports, goldenOf, goldenProfiles } from './golden/audits';

/** rule → profile → the result as text, so a difference names the rule and profile it is in. */
function byProfile(rules: Record<string, GoldenResult[]>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [id, results] of Object.entries(rules))
    for (const { profiles, ...result } of results) for (const p of profiles) out.set(`${id} under ${p}`, JSON.stringify(result));
  return out;
}

describe('findings are unchanged by the frame (golden audits)', function () {
  this.timeout(300_000);
  const golden: Golden = JSON.parse(fs.readFileSync(GOLDEN_FILE, 'utf8'));
  const profiles = goldenProfiles();

  it('audits the same exports and refuses the same profiles as the snapshot', () => {
    expect(goldenExports()).to.deep.equal(Object.keys(golden.audits));
    expect(Object.fromEntries(profiles.filter((p) => p.refused).map((p) => [p.name, p.refused]))).to.deep.equal(golden.refused);
  });

  for (const exportPath of goldenExports())
    it(`gives the recorded findings for ${exportPath} under every profile`, async () => {
      const now = byProfile(await goldenOf(exportPath, profiles));
      const then = byProfile(golden.audits[exportPath] ?? {});
      const changed = [...new Set([...now.keys(), ...then.keys()])].filter((k) => now.get(k) !== then.get(k));
      if (!changed.length) return;
      const first = changed[0];
      const parse = (s?: string) => (s ? JSON.parse(s) : undefined);
      expect(parse(now.get(first)), `${changed.length} rule results changed, first ${first}; all: ${changed.slice(0, 12).join('; ')}`).to.deep.equal(parse(then.get(first)));
    });
});
