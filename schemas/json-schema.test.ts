import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { CONTRACT_DOC, renderContractDoc, renderJsonSchema } from './json-schema';

describe('the published JSON Schema', () => {
  it('equals what the zod contract generates (run `npm run schema` after changing the contract)', () => {
    const committed = fs.readFileSync(path.join(__dirname, 'case-export.schema.json'), 'utf8');
    expect(committed, 'schemas/case-export.schema.json is stale: run `npm run schema`').to.equal(renderJsonSchema());
  });

  it('has its field tables in docs/contract.md, current (run `npm run schema`)', () => {
    const doc = fs.readFileSync(CONTRACT_DOC, 'utf8');
    expect(doc, 'docs/contract.md field tables are stale: run `npm run schema`').to.equal(renderContractDoc(doc));
    for (const field of ['`households.members[]`', '`decision.covered_person_ids`', '`amount`', '`tracking.talks`']) expect(doc).to.include(field);
  });
});

describe('the labels of the published JSON Schema', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(__dirname, 'case-export.schema.json'), 'utf8'));
  const unlabelled: string[] = [];
  const walk = (node: any, at: string) => {
    for (const [k, v] of Object.entries<any>(node.properties ?? {})) {
      if (!/^\S.* \/ \S/.test(v.title ?? '') || !/^\S.* \/ \S/.test(v.description ?? '')) unlabelled.push(`${at}.${k}`);
      walk(v, `${at}.${k}`);
    }
    if (node.items && !node.items.$ref) walk(node.items, `${at}[]`);
  };
  walk(schema, '');
  for (const [name, def] of Object.entries<any>(schema.$defs)) walk(def, name);

  it('gives every property a title "中文 / English" and a bilingual description', () => {
    expect(unlabelled).to.deep.equal([]);
  });

  it('puts the Chinese first in every title', () => {
    const titles: string[] = [];
    const collect = (node: any) => {
      for (const v of Object.values<any>(node.properties ?? {})) titles.push(v.title), collect(v);
      if (node.items) collect(node.items);
    };
    collect(schema);
    for (const def of Object.values<any>(schema.$defs)) collect(def);
    expect(titles.filter((t) => !/^[\u4e00-\u9fff]/.test(t))).to.deep.equal([]);
  });

  it('says in both languages which fields and collections contract 1.1 added', () => {
    const since: string[] = [];
    const unsaid: string[] = [];
    const visit = (node: any, at: string) => {
      for (const [k, v] of Object.entries<any>(node.properties ?? {})) {
        if (v['x-since']) {
          since.push(`${at}.${k}`);
          if (!v.description.startsWith('v1.1 起可用') || !v.description.includes(' / Since v1.1.')) unsaid.push(`${at}.${k}`);
        }
        visit(v, `${at}.${k}`);
      }
    };
    visit(schema, '');
    for (const [name, def] of Object.entries<any>(schema.$defs)) visit(def, name);
    expect(since).to.include.members(['.recoveries', '.assistance_chains', 'Application.declared_relations', 'FraudCase.reapproval', 'FraudCase.decision.measures']);
    expect(unsaid).to.deep.equal([]);
  });

  it('names no file the reader does not have', () => {
    for (const file of [path.join(__dirname, 'case-export.schema.json'), CONTRACT_DOC])
      expect(fs.readFileSync(file, 'utf8'), file).not.to.match(/CASE-EXPORT\.md|RULEBOOK|\.\.\/shared|\bseed \d/);
  });
});

describe('an independent validator (Python jsonschema) reading the published schema', () => {
  const probe = spawnSync('python3', ['-c', 'import jsonschema'], { encoding: 'utf8' });
  const META = { schema_version: '1.0', exported_at: '2024-12-31T18:00:00+08:00', source_system: 't', region_code: '150525', region_name: '奈曼旗', period: { from: '2024-01-01', to: '2024-12-31' } };
  const pay = (i: number, amount: number) => ({ payment_id: `P${i}`, application_id: 'A1', household_id: 'H1', program: 'dibao', region_code: '150525', month: '2024-03', amount, paid_on: '2024-03-15', channel: 'bank' });

  function pythonErrors(doc: unknown): string[] {
    const script = `import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
doc = json.load(sys.stdin)
v = jsonschema.Draft202012Validator(schema)
for e in v.iter_errors(doc): print('/'.join(map(str, e.absolute_path)), e.validator)`;
    const r = spawnSync('python3', ['-c', script, path.join(__dirname, 'case-export.schema.json')], { input: JSON.stringify(doc), encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    return r.stdout.split('\n').filter(Boolean);
  }

  it('accepts amounts with two decimals that are not exact binary fractions', function () {
    if (probe.status !== 0) this.skip();
    const amounts = [0.07, 0.29, 1.15, 650.07, 4503599627.37, 9999999999.99];
    expect(pythonErrors({ meta: META, payments: amounts.map((a, i) => pay(i, a)) })).to.deep.equal([]);
  });

  it('rejects amounts beyond the maximum, as the harness does', function () {
    if (probe.status !== 0) this.skip();
    expect(pythonErrors({ meta: META, payments: [pay(0, 1e20), pay(1, 10000000000)] })).to.deep.equal(['payments/0/amount maximum', 'payments/1/amount maximum']);
  });
});
