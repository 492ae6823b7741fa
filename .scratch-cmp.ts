import { loadExport } from './engine/load/loader';
import { loadProfile } from './engine/profile/load';
import { auditDataset } from './engine/run/audit';
(async () => {
  const out: string[][] = [];
  for (const dir of ['examples/naiman-2024', '/tmp/pq/ex']) {
    const t = Date.now();
    const loaded = await loadExport(dir);
    const results = await auditDataset(loaded, loadProfile(loaded.meta.jurisdiction ?? 'national'));
    const found = results.flatMap((r) => r.findings.map((f) => `${f.rule} ${f.record.collection} ${f.record.id} ${f.severity} ${f.record.line ?? ''} ${f.message.en}`)).sort();
    console.log(dir, Date.now() - t, 'ms', found.length, 'findings', loaded.rejected.length, 'rejected', JSON.stringify(loaded.counts));
    out.push(found);
    loaded.dataset.close();
  }
  const a = new Set(out[0]), b = new Set(out[1]);
  console.log('only ndjson', out[0].filter((x) => !b.has(x)).slice(0, 5));
  console.log('only parquet', out[1].filter((x) => !a.has(x)).slice(0, 5));
})();
