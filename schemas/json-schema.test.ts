import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { renderJsonSchema } from './json-schema';

describe('the published JSON Schema', () => {
  it('equals what the zod contract generates (run `npm run schema` after changing the contract)', () => {
    const committed = fs.readFileSync(path.join(__dirname, 'case-export.schema.json'), 'utf8');
    expect(committed, 'schemas/case-export.schema.json is stale: run `npm run schema`').to.equal(renderJsonSchema());
  });
});
