import { expect } from 'chai';
import { JiuzhuError } from '../../engine/errors';
import { addWorkingDays, CalendarRangeError, isWorkingDay, knownYears, workingDaysBetween } from './working-days';

describe('working-day calendar', () => {
  it('knows an explicit range of years, 2004 to at least 2026', () => {
    const k = knownYears();
    expect(k.from).to.equal(2004);
    expect(k.to).to.be.at.least(2026);
  });

  it('treats public holidays as rest days and adjusted weekends (调休) as working days', () => {
    expect(isWorkingDay('2024-10-01')).to.equal(false); // 国庆节
    expect(isWorkingDay('2024-10-07')).to.equal(false); // 国庆节 (a Monday)
    expect(isWorkingDay('2024-09-29')).to.equal(true); // Sunday worked for National Day
    expect(isWorkingDay('2024-10-12')).to.equal(true); // Saturday worked
    expect(isWorkingDay('2024-10-13')).to.equal(false); // ordinary Sunday
    expect(isWorkingDay('2024-10-08')).to.equal(true);
    expect(isWorkingDay('2025-01-26')).to.equal(true); // Sunday worked for Spring Festival
    expect(isWorkingDay('2025-01-28')).to.equal(false); // 除夕
  });

  it('adds working days across a holiday, not counting the start date', () => {
    expect(addWorkingDays('2024-09-27', 1)).to.equal('2024-09-29');
    expect(addWorkingDays('2024-09-30', 1)).to.equal('2024-10-08');
    expect(addWorkingDays('2024-09-20', 15)).to.equal('2024-10-16');
    expect(addWorkingDays('2024-10-14', 0)).to.equal('2024-10-14');
    expect(addWorkingDays('2024-10-08', -1)).to.equal('2024-09-30');
  });

  it('counts working days after `from` up to and including `to`', () => {
    expect(workingDaysBetween('2024-09-27', '2024-10-08')).to.equal(3);
    expect(workingDaysBetween('2024-09-20', '2024-10-16')).to.equal(15);
    expect(workingDaysBetween('2024-09-20', '2024-10-17')).to.equal(16);
    expect(workingDaysBetween('2024-10-08', '2024-10-08')).to.equal(0);
    expect(workingDaysBetween('2024-10-08', '2024-09-27')).to.equal(-3);
  });

  it('agrees with itself: addWorkingDays(d, n) is n working days after d', () => {
    for (const d of ['2024-01-31', '2024-02-08', '2025-04-30', '2026-09-24', '2019-12-31'])
      for (const n of [1, 5, 10, 15, 30]) expect(workingDaysBetween(d, addWorkingDays(d, n))).to.equal(n);
  });

  it('refuses dates outside the known years with a bilingual CalendarRangeError', () => {
    const { to } = knownYears();
    expect(() => isWorkingDay(`${to + 1}-01-04`)).to.throw(CalendarRangeError, /超出工作日历已知年份.*outside the working-day calendar/);
    expect(() => isWorkingDay('2003-12-31')).to.throw(CalendarRangeError);
    expect(() => addWorkingDays(`${to}-12-30`, 10)).to.throw(CalendarRangeError);
    const e = (() => { try { isWorkingDay('1999-01-01'); } catch (x) { return x; } })();
    expect(e).to.be.instanceOf(JiuzhuError);
  });

  it('rejects a malformed date', () => {
    expect(() => isWorkingDay('2024-02-30')).to.throw(JiuzhuError, /不是有效日期/);
  });
});
