import { expect } from 'chai';
import { parseMoneyToFen } from './money';

describe('parseMoneyToFen', () => {
  it('reads 万元 as ten thousand yuan', () => expect(parseMoneyToFen('1.5万元')).to.equal(1_500_000));
  it('reads thousands separators', () => expect(parseMoneyToFen('15,000元')).to.equal(1_500_000));
  it('reads full-width digits', () => expect(parseMoneyToFen('１５０００元')).to.equal(1_500_000));
  it('keeps fen exact', () => expect(parseMoneyToFen('9,999.99元')).to.equal(999_999));
  it('refuses a fraction of a fen', () => expect(() => parseMoneyToFen('1.005元')).to.throw(/fen/));
  it('refuses text that is not an amount', () => expect(() => parseMoneyToFen('一万元')).to.throw(/amount/));
});
