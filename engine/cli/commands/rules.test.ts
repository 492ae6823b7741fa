// `jiuzhu rules`, through the real entry point in this process.
import { expect } from 'chai';
import { runCli as run } from '../../../tests/support/cli';
import { loadProfile } from '../../profile/load';
import { RULE_TAG, RULES, ruleById } from '../../../policies/rules';
import { DRAFT_TAGS } from '../../run/features';
import { listRules, ruleCode, RulesListing } from './rules';

const json = async (...args: string[]): Promise<RulesListing> => {
  const r = await run('rules', ...args, '--json');
  expect(r.code, r.stderr).to.equal(0);
  return JSON.parse(r.stdout);
};

describe('jiuzhu rules', function () {
  this.timeout(30_000);

  it('lists every rule the harness implements, with its family, code and its spec and audit scenarios', async () => {
    const l = await json();
    expect(l.rules.map((r) => r.id)).to.deep.equal(RULES.map((r) => r.id));
    const lacking = l.rules.filter((r) => !r.code || !r.family || !r.scenarios.some((s) => s.kind === 'spec') || !r.scenarios.some((s) => s.kind === 'audit'));
    expect(lacking.map((r) => r.id)).to.deep.equal([]);
  });

  it('names each scenario by file and line', async () => {
    const [minors] = (await json('NOTICE-MINORS')).rules;
    expect(minors.scenarios.filter((s) => s.kind === 'audit' && s.file.startsWith('features/notices/'))).to.deep.equal([{ kind: 'audit', file: 'features/notices/minors.feature', line: 72, name: '审计导出数据中的全部公示', draft: false }]);
  });

  it('finds the code of a rule a family builds from a list of ids', () => {
    expect(ruleCode('DUP-CROSS-REGION')?.file).to.equal('policies/rules/crosschecks/duplicates.ts');
    expect(ruleCode('NOTICE-PERIOD')?.file).to.equal('policies/rules/notices/period.ts');
  });

  it('cites the clause the profile puts in force on --on', async () => {
    const national = (await json('DUP-CROSS-REGION', '--profile', 'national', '--on', '2024-06-01')).rules[0];
    const naiman = (await json('DUP-CROSS-REGION', '--profile', 'neimenggu-naiman', '--on', '2024-06-01')).rules[0];
    expect(national.clause).not.to.include('奈民发〔2022〕28号');
    expect(naiman.clause).to.include('奈民发〔2022〕28号').and.not.to.include('民发〔2022〕24号');
  });

  it('gives each parameter’s values under the profile, set or inherited, with their source', async () => {
    const [fields] = (await json('NOTICE-FIELDS', '--profile', 'neimenggu-naiman')).rules;
    const synonyms = fields.parameters.find((p) => p.key === 'notice.label_synonyms')!;
    expect(synonyms.values.map((v) => [v.from, v.profile, v.inherited])).to.deep.equal([
      ['2021-11-01', 'national', true],
      ['2022-06-21', 'neimenggu-naiman', false],
    ]);
    expect(synonyms.values.every((v) => v.source.length > 0)).to.equal(true);
  });

  it('takes the numbers of its title from the profile', () => {
    // A county with a 5-day notice period, in whatever shape the value has (a count, or a count with its unit).
    const five = (v: any) => (typeof v === 'number' ? 5 : { ...v, ['value' in v ? 'value' : 'days']: 5 });
    const county = loadProfile('national').withChange('notice.min_days', five, 'a county', 'county');
    const [period] = listRules([ruleById('NOTICE-PERIOD')], county, [], RULE_TAG, DRAFT_TAGS).rules;
    expect(period.title.zh).to.include('5').and.not.to.include('7');
  });

  it('marks a scenario tagged @草稿 as a draft', () => {
    const scenario = { file: 'features/x.feature', line: 5, name: '新规则', feature: 'x', tags: ['@NOTICE-MINORS', '@audit', '@草稿'], examplesTags: [] };
    const l = listRules([ruleById('NOTICE-MINORS')], loadProfile('national'), [scenario], RULE_TAG, DRAFT_TAGS);
    expect(l.rules[0].scenarios).to.deep.equal([{ kind: 'audit', file: 'features/x.feature', line: 5, name: '新规则', draft: true }]);
  });

  it('prints Chinese first, then English', async () => {
    const r = await run('rules', 'NOTICE-MINORS');
    expect(r.stdout).to.match(/^政策配置 profile: national\n\nNOTICE-MINORS [\u4e00-\u9fa5]/);
    expect(r.stdout).to.include('  审计 audit: features/notices/minors.feature:72 审计导出数据中的全部公示\n');
  });

  it('refuses an unknown rule id: one line in each language, exit 2', async () => {
    const r = await run('rules', 'NOTICE-NOPE');
    expect(r.code).to.equal(2);
    expect(r.stdout).to.equal('');
    expect(r.stderr).to.equal('jiuzhu: 未知规则 NOTICE-NOPE(jiuzhu rules 列出全部)\njiuzhu: unknown rule NOTICE-NOPE (jiuzhu rules lists them all)\n');
  });

  it('refuses an empty --profile: one line in each language, exit 2', async () => {
    const r = await run('rules', '--profile', '');
    expect(r.code).to.equal(2);
    expect(r.stderr).to.equal('jiuzhu: --profile 的取值为空\njiuzhu: --profile is empty\n');
  });
});
