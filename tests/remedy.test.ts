// Every finding tells the agency what to do: each finding of every rule, on every fixture
// export and the example export, under every shipped profile, carries a remedy in both languages.
import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { loadExport } from '../engine/load/loader';
import { loadProfile, profileFiles } from '../engine/profile/load';
import { auditDataset } from '../engine/run/audit';

const ROOT = path.join(__dirname, '..');
const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'exports');
const EXPORTS = [...fs.readdirSync(FIXTURES).map((f) => path.join(FIXTURES, f)), path.join(ROOT, 'examples', 'naiman-2024')];
const PROFILES = profileFiles().map((f) => path.basename(f).replace(/\.ya?ml$/, ''));

describe('every finding carries a remedy', function () {
  this.timeout(300_000);
  let checked = 0;

  for (const file of EXPORTS)
    it(`${path.relative(ROOT, file)}: every finding under every profile has remedy.zh and remedy.en`, async () => {
      const loaded = await loadExport(file, { allowEmpty: true });
      try {
        const without: string[] = [];
        let total = 0;
        for (const name of PROFILES)
          for (const r of await auditDataset(loaded, loadProfile(name)))
            for (const f of r.findings) {
              total++;
              if (!f.remedy?.zh?.trim() || !f.remedy?.en?.trim()) without.push(`${name} ${f.rule} ${f.record.collection} ${f.record.id} ${f.severity}`);
            }
        checked += total;
        expect(without).to.deep.equal([]);
      } finally {
        loaded.dataset.close();
      }
    });

  it('the exports above yield findings to check (a clean run cannot pass this test vacuously)', () => {
    expect(checked).to.be.greaterThan(100);
  });
});
