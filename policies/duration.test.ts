import { expect } from 'chai';
import { addDuration, addMonths, countInclusive, duration, formatDuration, lastDayCountingStart } from './duration';

describe('durations', () => {
  it('month arithmetic keeps the day, or takes the month\'s last day when it has none (民法典第二百零二条)', () => {
    expect(addMonths('2024-03-15', 6)).to.equal('2024-09-15');
    expect(addMonths('2024-08-31', 6)).to.equal('2025-02-28');
    expect(addMonths('2023-08-31', 6)).to.equal('2024-02-29');
    expect(addMonths('2024-03-31', 1)).to.equal('2024-04-30');
    expect(addMonths('2024-01-31', -2)).to.equal('2023-11-30');
  });

  it('adds each unit from a date that is not itself counted', () => {
    expect(addDuration('2024-09-27', { value: 10, unit: 'calendar_days' })).to.equal('2024-10-07');
    expect(addDuration('2024-09-30', { value: 1, unit: 'working_days' })).to.equal('2024-10-08');
    expect(addDuration('2024-08-31', { value: 6, unit: 'months' })).to.equal('2025-02-28');
  });

  it('ends a period that counts its first day on the last day of the count', () => {
    expect(lastDayCountingStart('2024-03-01', { value: 7, unit: 'calendar_days' })).to.equal('2024-03-07');
    // Thursday 2024-03-07: Thu, Fri, Mon, Tue, Wed.
    expect(lastDayCountingStart('2024-03-07', { value: 5, unit: 'working_days' })).to.equal('2024-03-13');
    // Saturday 2024-03-09 is not counted: Mon 11 … Fri 15.
    expect(lastDayCountingStart('2024-03-09', { value: 5, unit: 'working_days' })).to.equal('2024-03-15');
    // National Day 2024: 1–7 October off, Saturday 12 October worked.
    expect(lastDayCountingStart('2024-09-27', { value: 5, unit: 'working_days' })).to.equal('2024-10-09');
    expect(lastDayCountingStart('2024-01-15', { value: 1, unit: 'months' })).to.equal('2024-02-14');
    expect(lastDayCountingStart('2024-03-01', { value: 1, unit: 'months' })).to.equal('2024-03-31');
  });

  it('counts calendar and working days with both ends included', () => {
    expect(countInclusive('2024-03-07', '2024-03-11', 'calendar_days')).to.equal(5);
    expect(countInclusive('2024-03-07', '2024-03-11', 'working_days')).to.equal(3);
    expect(countInclusive('2024-09-30', '2024-10-08', 'working_days')).to.equal(2);
  });

  it('says the unit with the number', () => {
    expect(formatDuration({ value: 5, unit: 'working_days' })).to.deep.equal({ zh: '5个工作日', en: '5 working days' });
    expect(formatDuration({ value: 7, unit: 'calendar_days' })).to.deep.equal({ zh: '7天', en: '7 days' });
    expect(formatDuration({ value: 1, unit: 'months' })).to.deep.equal({ zh: '1个月', en: '1 month' });
  });

  it('refuses a unit the parameter cannot take, a bare number and an unknown unit', () => {
    const months = duration({ units: ['months'] });
    expect(months.safeParse({ value: 6, unit: 'months' }).success).to.equal(true);
    expect(months.safeParse({ value: 6, unit: 'working_days' }).error?.issues[0].message).to.match(/only takes the unit\(s\) months/);
    expect(duration().safeParse(7).success).to.equal(false);
    expect(duration().safeParse({ value: 7, unit: 'weeks' }).success).to.equal(false);
    expect(duration().safeParse({ value: 0, unit: 'calendar_days' }).success).to.equal(false);
  });
});
