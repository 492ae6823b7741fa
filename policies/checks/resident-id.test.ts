import { expect } from 'chai';
import { birthDateOfResidentId, isValidResidentId, residentIdCheckChar } from './resident-id';

describe('resident ID numbers (GB 11643, ISO 7064 MOD 11-2)', () => {
  // Both examples are the ones printed in GB 11643-1999 itself.
  it('computes the check character of the standard examples, including X', () => {
    expect(residentIdCheckChar('11010519491231002')).to.equal('X');
    expect(residentIdCheckChar('44052418800101001')).to.equal('4');
  });

  it('accepts a number with the right check character, X in either case', () => {
    expect(isValidResidentId('11010519491231002X')).to.equal(true);
    expect(isValidResidentId('11010519491231002x')).to.equal(true);
    expect(isValidResidentId('440524188001010014')).to.equal(true);
  });

  it('rejects a check character that is wrong by one', () => {
    expect(isValidResidentId('440524188001010013')).to.equal(false);
    expect(isValidResidentId('440524188001010015')).to.equal(false);
    expect(isValidResidentId('110105194912310029')).to.equal(false); // 9 where X belongs
  });

  it('rejects a body digit changed by one (the check character catches single errors)', () => {
    expect(isValidResidentId('440524188001010114')).to.equal(false);
  });

  it('rejects wrong lengths and non-digits', () => {
    expect(isValidResidentId('')).to.equal(false);
    expect(isValidResidentId('44052418800101001')).to.equal(false);
    expect(isValidResidentId('4405241880010100144')).to.equal(false);
    expect(isValidResidentId('44052418800101X014')).to.equal(false);
    expect(() => residentIdCheckChar('4405241880010100')).to.throw();
  });

  it('accepts the old 15-digit form only with a plausible YYMMDD birth date', () => {
    expect(isValidResidentId('152326780615123')).to.equal(true);
    expect(isValidResidentId('152326781315123')).to.equal(false); // month 13
    expect(isValidResidentId('152326790229123')).to.equal(false); // 1979 was not a leap year
    expect(isValidResidentId('15232678061512X')).to.equal(false);
  });

  it('reads the birth date of both forms', () => {
    expect(birthDateOfResidentId('11010519491231002X')).to.equal('1949-12-31');
    expect(birthDateOfResidentId('152326780615123')).to.equal('1978-06-15');
    expect(birthDateOfResidentId('150525200002300011')).to.equal(undefined); // 30 February
    expect(birthDateOfResidentId('abc')).to.equal(undefined);
  });
});
