// Which span judges an accountability case or a tolerance acceptance: in force, history before the
// local mechanism, or nothing where the profile does not bind it.
import { expect } from 'chai';
import { ParameterValue, ResolvedProfile } from '../../../engine/profile/profile';
import { Timeline } from '../../frame';
import { judgingSpan, takesEffect } from './cases';

const INFO = { id: 'test', name: { zh: '测试', en: 'test' }, aliases: [], chain: ['test'], files: [], choices: [] };
const entry = (key: string, value: unknown, from: string): ParameterValue => ({ key, value, from, source: { document: 'test' }, definedBy: 'test', inherited: false });
const SITUATION = [{ code: 'S1', zh: '情形', en: 'situation', status: 'quoted' }];
const BARRED = [{ code: 'B1', zh: '不予免责', en: 'barred', status: 'quoted', when_all: ['abuse_of_power'] }];
const profileOf = (lines: Record<string, ParameterValue[]>) => new ResolvedProfile(INFO, new Map(Object.entries(lines)));
// Situations from 2020, the barred list from 2021, switched off for 2023.
const profile = profileOf({
  'exempt.situations': [entry('exempt.situations', SITUATION, '2020-01-01')],
  'exempt.barred': [entry('exempt.barred', BARRED, '2021-01-01'), entry('exempt.barred', null, '2023-01-01'), entry('exempt.barred', BARRED, '2024-01-01')],
});
const timeline = new Timeline(profile, ['exempt.situations', 'exempt.barred']);

describe('the span that judges an exemption case', () => {
  it('is in force once every parameter has a value', () => {
    expect(judgingSpan(timeline, '2021-01-01')!.status).to.equal('in-force');
    expect(judgingSpan(timeline, '2024-06-01')!.status).to.equal('in-force');
  });

  it('is history before the last parameter took effect, with the values the mechanism started with', () => {
    const span = judgingSpan(timeline, '2020-12-31')!;
    expect(span.history).to.equal(true);
    expect(span.value('exempt.barred')).to.deep.equal(BARRED);
    expect(takesEffect(timeline)).to.equal('2021-01-01');
  });

  it('is none where the profile switched a parameter off', () => {
    expect(judgingSpan(timeline, '2023-06-01')).to.equal(undefined);
  });

  it('is none, at any date, where the profile never sets one of the parameters', () => {
    const partial = new Timeline(profileOf({ 'exempt.situations': [entry('exempt.situations', SITUATION, '2020-01-01')] }), ['exempt.situations', 'exempt.barred']);
    expect(judgingSpan(partial, '2019-01-01')).to.equal(undefined);
    expect(judgingSpan(partial, '2024-01-01')).to.equal(undefined);
  });
});
