import { expect } from 'chai';
import { makeFinding, Rule } from '../../policies/rule';
import { Severity } from '../findings/finding';
import { outcomeTally, resultOf } from './outcome';

const rule = { id: 'NOTICE-PERIOD', clause: { document: 'd', tag: 't' } } as Rule;
const finding = (severity: Severity) => makeFinding(rule, { severity, record: { collection: 'notices', id: `N-${severity}` }, message: { zh: 'z', en: 'e' }, expected: 1, actual: 2, params: [], remedy: { zh: '更正', en: 'correct it' } });
const why = { zh: '缺少日期', en: 'no date' };

describe('rule outcomes', () => {
  it('is partially reviewed when nothing at warning or above was found but some records could not be judged', () => {
    const r = resultOf(rule, { findings: [finding('info')], examined: 3, notReviewed: { count: 2, reason: why } });
    expect(r.outcome).to.equal('partially_reviewed');
    expect(r.counts).to.include({ examined: 3, not_reviewed: 2, info: 1 });
    expect(r.reason).to.deep.equal(why);
  });

  it('is failed, still counting the records not judged, when a warning was found', () => {
    const r = resultOf(rule, { findings: [finding('warning')], examined: 3, notReviewed: { count: 2, reason: why } });
    expect(r.outcome).to.equal('failed');
    expect(r.counts.not_reviewed).to.equal(2);
  });

  it('is passed only when every record in reach was judged', () => {
    expect(resultOf(rule, { findings: [finding('info')], examined: 3 }).outcome).to.equal('passed');
    expect(resultOf(rule, { findings: [], examined: 3, notReviewed: { count: 0, reason: why } }).outcome).to.equal('passed');
  });

  it('is not reviewed when nothing could be judged, and not applicable when nothing was in reach', () => {
    expect(resultOf(rule, { findings: [], examined: 0, notReviewed: { count: 2, reason: why } }).outcome).to.equal('not_reviewed');
    expect(resultOf(rule, { findings: [], examined: 0 }).outcome).to.equal('not_applicable');
  });

  it('names every outcome in a tally, zeros included', () => {
    expect(outcomeTally({ passed: 14, failed: 5, partially_reviewed: 1, not_applicable: 17, not_reviewed: 0 })).to.equal(
      '14 passed, 5 failed, 1 partially reviewed, 17 not applicable, 0 not reviewed',
    );
  });
});
