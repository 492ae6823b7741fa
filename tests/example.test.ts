// The README's first command audits examples/naiman-2024. Every planted violation must be
// reported exactly once, the pre-rule rows as history, and nothing else, by any rule.
import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateExport } from '../examples/generator';
import { loadExport } from '../engine/load/loader';
import { loadProfile } from '../engine/profile/load';
import { auditDataset } from '../engine/run/audit';

const EXAMPLE = path.join(__dirname, '..', 'examples', 'naiman-2024');

describe('the example export', function () {
  this.timeout(120_000);

  it('yields exactly the planted findings, under its own profile, and nothing on clean records', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuzhu-example-'));
    const { planted } = await generateExport({ outDir: tmp, households: 60, seed: 2024, plant: true });
    fs.rmSync(tmp, { recursive: true, force: true });
    const loaded = await loadExport(EXAMPLE);
    try {
      const results = await auditDataset(loaded, loadProfile(loaded.meta.jurisdiction ?? 'national'));
      const found = results.flatMap((r) => r.findings.map((f) => `${f.rule} ${f.record.collection} ${f.record.id} ${f.severity}`)).sort();
      const expected = planted.map((p) => `${p.rule} ${p.collection} ${p.id} ${p.expect === 'violation' ? 'error' : 'info'}`).sort();
      expect(found).to.deep.equal(expected);
      expect(loaded.rejected).to.deep.equal([]);
    } finally {
      loaded.dataset.close();
    }
  });
});
