// An absent collection (no file, no key) means the export says nothing about it: rules needing
// it are not reviewed. A present but empty one means "there are none": it is judged as none.
import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { COLLECTION_NAMES } from '../../schemas/case-export';
import { loadRecords, SPEC_META } from '../load/from-records';
import { loadExport, LoadedExport } from '../load/loader';
import { loadProfile } from '../profile/load';
import { buildReport } from '../report/model';
import { renderMarkdown } from '../report/markdown';
import { ruleById } from '../../policies/rules';
import { auditRule } from '../run/audit';

const approved = {
  application_id: 'A001',
  household_id: 'H001',
  applicant_person_id: '150525197503010112',
  program: 'dibao',
  region_code: '150525100201',
  applied_on: '2024-02-01',
  route: 'standard',
  handled_by: [],
  decision: { result: 'approved', decided_on: '2024-03-10', coverage: 'household', covered_person_ids: ['150525197503010112'], benefit_monthly: 650 },
};

const noticeRequired = (loaded: LoadedExport) => auditRule(loaded, loadProfile('national'), ruleById('NOTICE-REQUIRED'));

async function withLoaded<T>(load: Promise<LoadedExport>, run: (l: LoadedExport) => Promise<T>): Promise<T> {
  const loaded = await load;
  try {
    return await run(loaded);
  } finally {
    loaded.dataset.close();
  }
}

/** A folder export: meta.json and one NDJSON file per collection (an empty array → an empty file). */
function folderExport(collections: Record<string, unknown[]>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuzhu-absent-'));
  fs.writeFileSync(path.join(dir, 'meta.json'), JSON.stringify(SPEC_META));
  for (const [c, records] of Object.entries(collections)) fs.writeFileSync(path.join(dir, `${c}.ndjson`), records.map((r) => JSON.stringify(r) + '\n').join(''));
  return dir;
}

describe('absent and empty collections', function () {
  this.timeout(60_000);

  it('an absent collection leaves the rules needing it not reviewed, naming it', async () => {
    const r = await withLoaded(loadRecords({ applications: [approved] }), noticeRequired);
    expect(r.outcome).to.equal('not_reviewed');
    expect(r.findings).to.deep.equal([]);
    expect(r.reason!.en).to.contain('no notices');
  });

  it('an empty collection (an empty array) is judged as holding none', async () => {
    const r = await withLoaded(loadRecords({ applications: [approved], notices: [] }), noticeRequired);
    expect(r.outcome).to.equal('failed');
    expect(r.findings.map((f) => f.message.en)).to.include('approved on 2024-03-10 (dibao) with no notice of the result');
  });

  it('an empty file in a folder export is judged as holding none', async () => {
    const dir = folderExport({ applications: [approved], notices: [] });
    try {
      const r = await withLoaded(loadExport(dir), noticeRequired);
      expect(r.outcome).to.equal('failed');
      expect(r.findings.map((f) => f.record.id)).to.include('A001');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the report names the collections the export did not contain, in JSON and Markdown', async () => {
    await withLoaded(loadRecords({ applications: [approved], notices: [] }), async (loaded) => {
      const report = await buildReport(loaded, loadProfile('national'), [], { failOn: 'error', showPersonalData: false, featureFiles: [] });
      const absent = COLLECTION_NAMES.filter((c) => c !== 'applications' && c !== 'notices');
      expect(report.export.absent_collections).to.deep.equal(absent);
      expect(renderMarkdown(report)).to.contain(`collections the export did not contain: ${absent.join(', ')}`);
    });
  });
});
