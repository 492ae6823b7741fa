// Builds the published JSON Schema from the zod contract, and the field tables of
// docs/contract.md from it. The committed files must equal this output; a test fails when
// either is stale (`npm run schema` rewrites both).
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { CaseExport } from './case-export';
import { withFieldTables } from './contract-doc';
import { applyLabels } from './labels';

export const SCHEMA_ID = 'https://jiuzhu.invalid/schemas/case-export.schema.json';

export function buildJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(CaseExport, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  return applyLabels({ $id: SCHEMA_ID, ...schema });
}

export function renderJsonSchema(): string {
  return JSON.stringify(buildJsonSchema(), null, 2) + '\n';
}

/** docs/contract.md with its field tables rewritten from the schema. */
export function renderContractDoc(current: string): string {
  return withFieldTables(current, buildJsonSchema());
}

export const CONTRACT_DOC = path.join(__dirname, '..', 'docs', 'contract.md');

if (require.main === module) {
  fs.writeFileSync(path.join(__dirname, 'case-export.schema.json'), renderJsonSchema());
  fs.writeFileSync(CONTRACT_DOC, renderContractDoc(fs.readFileSync(CONTRACT_DOC, 'utf8')));
}
