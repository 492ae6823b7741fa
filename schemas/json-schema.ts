// Builds the published JSON Schema from the zod contract. The committed file must equal
// this output; a test fails when it is stale (`npm run schema` rewrites it).
import { z } from 'zod';
import { CaseExport } from './case-export';
import { applyLabels } from './labels';

export const SCHEMA_ID = 'https://jiuzhu.invalid/schemas/case-export.schema.json';

export function buildJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(CaseExport, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  return applyLabels({ $id: SCHEMA_ID, ...schema });
}

export function renderJsonSchema(): string {
  return JSON.stringify(buildJsonSchema(), null, 2) + '\n';
}

if (require.main === module) {
  const fs = require('node:fs') as typeof import('node:fs');
  fs.writeFileSync(require('node:path').join(__dirname, 'case-export.schema.json'), renderJsonSchema());
}
