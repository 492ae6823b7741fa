import { expect } from 'chai';
import path from 'node:path';
import { ProfileError } from '../errors';
import { bandProblems } from '../../policies/parameters/penalties';
import { lintFile, lintProfiles } from './lint';
import { profileFiles, readProfileFile } from './load';

const fixture = (name: string) => path.join(__dirname, '..', '..', 'tests', 'fixtures', 'profiles', name);

describe('profile lint', () => {
  it('finds no problem in any shipped profile', () => {
    const results = lintProfiles();
    expect(results.map((r) => r.file)).to.have.length(profileFiles().length);
    const problems = results.flatMap((r) => r.problems.map((p) => `${p.file}: ${p.key}: ${p.zh}`));
    expect(problems).to.deep.equal([]);
  });

  it('lints the two penalty profiles by id', () => {
    expect(lintProfiles(['hubei-xiantao', 'liaoning-tieling']).flatMap((r) => r.problems)).to.deep.equal([]);
  });

  it('refuses to load a profile whose tiers overlap at an edge, naming the file, the key and both ranges', () => {
    let error: unknown;
    try {
      readProfileFile(fixture('penalties-overlap.yaml'));
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(ProfileError);
    const e = error as ProfileError;
    expect(e.file).to.match(/penalties-overlap\.yaml$/);
    expect(e.key).to.equal('parameters.penalty.grading[0].value.bands.application.1');
    expect(e.zh).to.contain('general [0, 10000]').and.contain('serious [10000, ∞)').and.contain('区间重叠');
    expect(e.en).to.contain('ranges overlap: general [0, 10000] and serious [10000, ∞)');
  });

  it('reports a gap and an unowned edge, each naming both ranges', () => {
    const { problems } = lintFile(fixture('penalties-gap.yaml'));
    expect(problems.map((p) => p.key)).to.deep.equal(['parameters.penalty.grading[0].value.bands.application.1', 'parameters.penalty.grading[0].value.bands.in_receipt.1']);
    expect(problems[0].zh).to.contain('general [0, 10000]').and.contain('serious [15000, ∞)').and.contain('空缺');
    expect(problems[1].zh).to.contain('general [0, 20000)').and.contain('serious (20000, ∞)').and.contain('边界无归属');
  });

  it('reports a citation of a rule id no rule has, naming the key', () => {
    const { problems } = lintFile(fixture('numbers/unknown-rule.yaml'));
    expect(problems.map((p) => [p.key, p.en])).to.deep.equal([['citations.NOTICE-PERIODS', 'unknown rule id (no rule has it)']]);
  });

  it('reports uncovered amounts below the first and above the last range', () => {
    const problems = bandProblems([
      { tier: 'general', min: 100, includes_min: true, max: 10000, includes_max: true },
      { tier: 'serious', min: 10000, includes_min: false, max: 50000, includes_max: true },
    ]);
    expect(problems.map((p) => p.en)).to.deep.equal([
      'gap: [0, 100) belongs to no tier (the first range is general [100, 10000])',
      'gap: (50000, ∞) belongs to no tier (the last range is serious (10000, 50000])',
    ]);
  });

  it('accepts the shipped Xiantao edges: 10,000 owned by general alone, one fen more is serious', () => {
    expect(bandProblems([
      { tier: 'general', min: 0, includes_min: true, max: 10000, includes_max: true },
      { tier: 'serious', min: 10000, includes_min: false },
    ])).to.deep.equal([]);
  });

  it('refuses a duration without a unit, or in a unit its rule cannot count, naming file and key', () => {
    const { file, problems } = lintFile(fixture('duration-units.yaml'));
    expect(file).to.match(/duration-units\.yaml$/);
    const by = Object.fromEntries(problems.map((p) => [p.key, p.en]));
    expect(by['parameters.notice.min_days[0].value']).to.contain('a duration needs a value and a unit');
    expect(by['parameters.elig.gradual_exit_months[0].value.unit']).to.contain('only takes the unit(s) months');
    expect(by['parameters.relatives.verification_lead_days[0].value.unit']).to.contain('only takes the unit(s) calendar_days, working_days');
    expect(by['parameters.elig.emergency_paperwork[0].value.unit']).to.contain('the unit must be one of calendar_days, working_days, months');
    expect(by['parameters.exempt.tracking[0].value.talk_interval.unit']).to.contain('talk_interval must use the unit of period');
    expect(problems).to.have.length(5);
  });
});
