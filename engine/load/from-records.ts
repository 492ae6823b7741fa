// Builds a dataset from records in memory (spec scenarios, unit tests) through the very same
// loader an export goes through, so a rule sees identical tables either way.
import { CollectionName, MetaT, SCHEMA_VERSION } from '../../schemas/case-export';
import { discoverText } from './discover';
import { loadDiscovered, LoadedExport } from './loader';

export const SPEC_META: MetaT = {
  // Spec scenarios describe the current contract; fixture exports keep their own version.
  schema_version: SCHEMA_VERSION,
  exported_at: '2025-01-01T00:00:00+08:00',
  source_system: 'spec',
  region_code: '150525',
  region_name: '奈曼旗',
  period: { from: '2024-01-01', to: '2024-12-31' },
};

/** Names the spec's export in rejections, as a file's path would. */
export const SPEC_EXPORT = 'spec-export.json';

export async function loadRecords(collections: Partial<Record<CollectionName, unknown[]>>, meta: Partial<MetaT> = {}): Promise<LoadedExport> {
  // No temporary file and no instance of its own: the text is read as a file of it would be,
  // into a database attached to the shared instance (closing the dataset detaches it).
  const text = JSON.stringify({ meta: { ...SPEC_META, ...meta }, ...collections });
  return loadDiscovered(discoverText(text, SPEC_EXPORT), { allowEmpty: true, attached: true });
}
