import { expect } from 'chai';
import { maskValue, personal, reveal, revealDeep } from './personal-data';

describe('personal data in findings', () => {
  it('masks a wrapped ID number, keeping the first and last four characters', () => {
    expect(reveal(`号码 ${personal('id', '150525197503010112')}`, false)).to.equal('号码 1505**********0112');
  });
  it('masks a wrapped name, keeping the surname', () => {
    expect(reveal(personal('name', '王小明'), false)).to.equal('王**');
  });
  it('masks a wrapped mobile number, keeping the first three and last four digits', () => {
    expect(reveal(personal('phone', '13912345678'), false)).to.equal('139****5678');
  });
  it('shows wrapped values unmasked only when asked', () => {
    expect(reveal(personal('name', '王小明'), true)).to.equal('王小明');
  });
  it('masks an ID number that arrived unwrapped', () => {
    expect(reveal('see 15052519800101007X here', false)).to.equal('see 1505**********007X here');
  });
  it('masks an unwrapped mobile or card number', () => {
    expect(reveal('13912345678 / 6222021234567890128', false)).to.equal('139****5678 / 6222***********0128');
  });
  it('leaves short numbers such as amounts alone', () => {
    expect(reveal('650.07元, 2024-03-01', false)).to.equal('650.07元, 2024-03-01');
  });
  it('masks every string in a nested object', () => {
    expect(revealDeep({ a: [personal('id', '150525197503010112')], n: 3 }, false)).to.deep.equal({ a: ['1505**********0112'], n: 3 });
  });
  it('masks very short values entirely', () => {
    expect(maskValue('id', '1234')).to.equal('****');
    expect(maskValue('name', '王')).to.equal('*');
  });
});
