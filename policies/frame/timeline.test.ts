// The frame splits time where a rule's parameters change and says, for each span, whether the
// rule was in force, not yet in effect (history) or switched off by the profile.
import { expect } from 'chai';
import { ParameterValue, ResolvedProfile } from '../../engine/profile/profile';
import { Timeline } from './timeline';

const INFO = { id: 'test', name: { zh: '测试', en: 'test' }, aliases: [], chain: ['test'], files: [], choices: [] };
const value = (key: string, v: unknown, from: string, until?: string): ParameterValue => ({
  key, value: v, from, ...(until ? { until } : {}), source: { document: 'test' }, definedBy: 'test', inherited: false,
});
const profileOf = (lines: Record<string, ParameterValue[]>) => new ResolvedProfile(INFO, new Map(Object.entries(lines)));

describe('the frame\'s timeline', () => {
  const profile = profileOf({
    'notice.age_of_majority': [value('notice.age_of_majority', 18, '2020-01-01', '2023-01-01'), value('notice.age_of_majority', null, '2023-01-01', '2024-01-01'), value('notice.age_of_majority', 16, '2024-01-01')],
    'notice.min_days': [value('notice.min_days', { value: 7, unit: 'calendar_days' }, '2021-06-01')],
  });
  const t = new Timeline(profile, ['notice.age_of_majority', 'notice.min_days']);

  it('splits time at every date a parameter changes', () => {
    expect(t.spans.map((s) => [s.from, s.until])).to.deep.equal([[null, '2020-01-01'], ['2020-01-01', '2021-06-01'], ['2021-06-01', '2023-01-01'], ['2023-01-01', '2024-01-01'], ['2024-01-01', null]]);
  });

  it('marks the spans before every parameter has a value as before the rule, with the values it took effect with', () => {
    expect(t.spans.map((s) => s.status)).to.deep.equal(['before', 'before', 'in-force', 'off', 'in-force']);
    expect(t.spans[0].value('notice.min_days')).to.deep.equal({ value: 7, unit: 'calendar_days' });
    expect(t.spans[0].history).to.equal(true);
  });

  it('gives the typed value in force in each span', () => {
    expect(t.on('2022-05-05').value('notice.age_of_majority')).to.equal(18);
    expect(t.on('2025-01-01').value('notice.age_of_majority')).to.equal(16);
  });

  it('has no value in a span the profile switched off', () => {
    expect(t.on('2023-06-30').maybe('notice.age_of_majority')).to.equal(undefined);
    expect(() => t.on('2023-06-30').param('notice.age_of_majority')).to.throw(/no value/);
  });

  it('finds the span of a month by its first day', () => {
    expect(t.on('2021-06').status).to.equal('in-force');
    expect(t.on('2021-05').status).to.equal('before');
  });

  it('writes the span as a SQL date predicate, open at either end', () => {
    expect(t.spans[2].where('posted_on')).to.equal("posted_on >= DATE '2021-06-01' AND posted_on < DATE '2023-01-01'");
    expect(t.spans[0].where('posted_on')).to.equal("posted_on < DATE '2020-01-01'");
    expect(t.spans[4].where('posted_on')).to.equal("posted_on >= DATE '2024-01-01'");
  });

  it('lists every value a parameter takes, and the keys the profile never sets', () => {
    expect(t.every('notice.age_of_majority')).to.deep.equal([18, 16]);
    expect(new Timeline(profile, ['notice.age_of_majority', 'dup.review_programs']).unset()).to.deep.equal(['dup.review_programs']);
  });

  it('has no span when the profile sets none of the keys', () => {
    expect(new Timeline(profile, ['dup.review_programs']).spans).to.deep.equal([]);
  });
});
