// Checks over the feature files as a whole: every implemented rule is specified by example,
// every scenario names its rule and clause, and only rulebook ids are used.
import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { AstBuilder, GherkinClassicTokenMatcher, Parser } from '@cucumber/gherkin';
import { IdGenerator } from '@cucumber/messages';
import { RULE_TAG, RULES } from '../policies/rules';
import { featureFiles } from '../engine/run/features';

const ROOT = path.resolve(__dirname, '..');

interface ScenarioInfo {
  file: string;
  name: string;
  tags: string[];
  steps: string[];
}

function scenarios(): ScenarioInfo[] {
  const out: ScenarioInfo[] = [];
  for (const file of featureFiles()) {
    const text = fs.readFileSync(file, 'utf8');
    const language = /^#\s*language:\s*(\S+)/m.exec(text)?.[1] ?? 'en';
    const doc = new Parser(new AstBuilder(IdGenerator.uuid()), new GherkinClassicTokenMatcher(language)).parse(text);
    const feature = doc.feature!;
    const featureTags = feature.tags.map((t) => t.name);
    const visit = (children: readonly any[], inherited: string[]) => {
      for (const child of children) {
        if (child.rule) visit(child.rule.children, [...inherited, ...child.rule.tags.map((t: any) => t.name)]);
        if (child.scenario)
          out.push({ file: path.relative(ROOT, file), name: child.scenario.name, tags: [...inherited, ...child.scenario.tags.map((t: any) => t.name)], steps: child.scenario.steps.map((s: any) => s.text) });
      }
    };
    visit(feature.children, featureTags);
  }
  return out;
}

describe('the feature files', () => {
  const all = scenarios();

  it('give every implemented rule at least one @spec scenario', () => {
    const specified = new Set(all.filter((s) => s.tags.includes('@spec')).flatMap((s) => s.tags.map((t) => RULE_TAG.exec(t)?.[1]).filter(Boolean)));
    const missing = RULES.map((r) => r.id).filter((id) => !specified.has(id));
    expect(missing, 'implemented rules without a @spec scenario').to.deep.equal([]);
  });

  it('give every implemented rule an @audit scenario, so `jiuzhu audit` runs it', () => {
    const audited = new Set(all.filter((s) => s.tags.includes('@audit')).flatMap((s) => s.tags.map((t) => RULE_TAG.exec(t)?.[1]).filter(Boolean)));
    expect(RULES.map((r) => r.id).filter((id) => !audited.has(id))).to.deep.equal([]);
  });

  it('tag every scenario with a rule id, a clause and its kind', () => {
    const untagged = all.filter((s) => !s.tags.some((t) => RULE_TAG.test(t)) || !s.tags.some((t) => t.startsWith('@clause:')) || !s.tags.some((t) => ['@spec', '@audit', '@fixture', '@定义', '@definition'].includes(t)));
    expect(untagged.map((s) => `${s.file}: ${s.name}`)).to.deep.equal([]);
  });

  it('tag clauses only with tags docs/sources.md explains, naming documents rather than internal files', () => {
    // docs/sources.md lists every tag, e.g. `@clause:奈民发〔2022〕28号-二-四-2` or `@clause:洞头区尽职免责-三` / `-四`.
    const table = fs.readFileSync(path.join(ROOT, 'docs', 'sources.md'), 'utf8');
    const documented = new Set<string>();
    for (const [, tag, more] of table.matchAll(/^\| `@clause:([^`]+)`((?: \/ `-[^`]+`)*) \|/gm)) {
      documented.add(tag);
      for (const [, suffix] of more.matchAll(/`(-[^`]+)`/g)) documented.add(tag.replace(/-[^-]+$/, '') + suffix);
    }
    const used = new Set([...all.flatMap((s) => s.tags), ...RULES.map((r) => `@clause:${r.clause.tag}`)].filter((t) => t.startsWith('@clause:')).map((t) => t.slice('@clause:'.length)));
    expect([...used].filter((t) => !documented.has(t)), 'clause tags missing from docs/sources.md').to.deep.equal([]);
    expect([...used].filter((t) => /^\d{3}-|seed|RULEBOOK/.test(t)), 'tags naming internal files').to.deep.equal([]);
  });

  it('name only rules the harness implements', () => {
    const known = new Set(RULES.map((r) => r.id));
    const unknown = all.flatMap((s) => s.tags.map((t) => RULE_TAG.exec(t)?.[1]).filter((id): id is string => !!id && !known.has(id)).map((id) => `${s.file}: ${id}`));
    expect([...new Set(unknown)]).to.deep.equal([]);
  });

  it('have scenarios that assert something (a Then step)', () => {
    const empty = all.filter((s) => s.steps.length === 0);
    expect(empty.map((s) => `${s.file}: ${s.name}`)).to.deep.equal([]);
  });

  // The product ships alone: rule ids are checked against its own pattern, not an outside list.
  it('give every rule a unique id of the family-prefixed form', () => {
    const ids = RULES.map((r) => r.id);
    expect(ids.filter((id) => !/^(?:CONTRACT|NOTICE|REL|PEN|EXEMPT|ELIG|DUP|WARN|SUP)-[A-Z]+(?:-[A-Z]+)*$/.test(id))).to.deep.equal([]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).to.deep.equal([]);
  });
});
