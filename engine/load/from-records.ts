// Builds a dataset from records in memory (spec scenarios, unit tests) through the very same
// loader an export goes through, so a rule sees identical tables either way.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CollectionName, MetaT } from '../../schemas/case-export';
import { loadExport, LoadedExport } from './loader';

export const SPEC_META: MetaT = {
  schema_version: '1.0',
  exported_at: '2025-01-01T00:00:00+08:00',
  source_system: 'spec',
  region_code: '150525',
  region_name: '奈曼旗',
  period: { from: '2024-01-01', to: '2024-12-31' },
};

export async function loadRecords(collections: Partial<Record<CollectionName, unknown[]>>, meta: Partial<MetaT> = {}): Promise<LoadedExport> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuzhu-spec-'));
  const file = path.join(dir, 'export.json');
  try {
    fs.writeFileSync(file, JSON.stringify({ meta: { ...SPEC_META, ...meta }, ...collections }));
    return await loadExport(file, { allowEmpty: true });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
