// Every table a rule's SQL names is declared in its `needs` or `reads`: the frame hides the
// dependents of rejected records only from the collections a rule declares, so an undeclared
// read would see them. Each rule runs over every fixture and example export under every
// profile, with the undeclared collections' tables renamed away (the export still "has" them),
// so any read of one fails with DuckDB's "Table … does not exist".
import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { COLLECTION_NAMES, CollectionName } from '../../schemas/case-export';
import { Dataset } from '../dataset/dataset';
import { loadExport, LoadedExport } from '../load/loader';
import { loadProfile } from '../profile/load';
import { ResolvedProfile } from '../profile/profile';
import { Rule } from '../../policies/rule';
import { RULES, ruleById } from '../../policies/rules';
import { auditRule, collectionsRead } from './audit';

const ROOT = path.resolve(__dirname, '..', '..');
const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'exports');
const EXPORTS = [path.join(ROOT, 'examples', 'naiman-2024'), ...fs.readdirSync(FIXTURES).sort().map((f) => path.join(FIXTURES, f))];
const PROFILES = fs.readdirSync(path.join(ROOT, 'policies', 'profiles')).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, '')).sort();

async function withOnly<T>(ds: Dataset, declared: CollectionName[], run: () => Promise<T>): Promise<T> {
  const hidden = COLLECTION_NAMES.filter((c) => ds.has(c) && !declared.includes(c));
  for (const c of hidden) await ds.run(`ALTER TABLE ${c} RENAME TO undeclared_${c}`);
  try {
    return await run();
  } finally {
    for (const c of hidden) await ds.run(`ALTER TABLE undeclared_${c} RENAME TO ${c}`);
  }
}

/** The rule's runs that named a table it does not declare: `export profile: message`. */
async function undeclaredReads(rule: Rule, exports: LoadedExport[], profiles: ResolvedProfile[]): Promise<string[]> {
  const errors: string[] = [];
  // Tables are renamed once per export, not per profile: renaming them costs about as much as a rule's run.
  for (const loaded of exports)
    await withOnly(loaded.dataset, collectionsRead(rule), async () => {
      for (const profile of profiles)
        await auditRule(loaded, profile, rule).catch((e: Error) => {
          errors.push(`${path.relative(ROOT, loaded.path)} ${profile.id}: ${e.message.split('\n')[0]}`);
        });
    });
  return errors;
}

describe('what each rule reads', function () {
  this.timeout(600_000);
  let exports: LoadedExport[];
  let profiles: ResolvedProfile[];
  before(async () => {
    exports = [];
    for (const e of EXPORTS) exports.push(await loadExport(e, { allowEmpty: true }));
    profiles = PROFILES.map((p) => loadProfile(p));
  });
  after(() => exports.forEach((e) => e.dataset.close()));

  for (const rule of RULES)
    it(`${rule.id} declares every collection its SQL reads`, async () => {
      expect(await undeclaredReads(rule, exports, profiles)).to.deep.equal([]);
    });

  it('catches a rule that reads a collection it does not declare', async () => {
    const minors = ruleById('NOTICE-MINORS');
    const undeclared: Rule = { ...minors, needs: ['notices'], reads: [] };
    expect(await undeclaredReads(undeclared, exports, profiles)).to.not.deep.equal([]);
  });
});
