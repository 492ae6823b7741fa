import { expect } from 'chai';
import { luhnCheckDigit, luhnValid } from './luhn';

describe('Luhn check digit (bank card numbers)', () => {
  it('accepts well-known valid numbers', () => {
    expect(luhnValid('79927398713')).to.equal(true); // the textbook example
    expect(luhnValid('4111111111111111')).to.equal(true); // 16-digit test card
    expect(luhnValid('6222020200000000006')).to.equal(true); // 19 digits, Chinese 622 prefix
  });

  it('rejects a check digit off by one on either side', () => {
    expect(luhnValid('79927398712')).to.equal(false);
    expect(luhnValid('79927398714')).to.equal(false);
    expect(luhnValid('4111111111111112')).to.equal(false);
  });

  it('rejects non-digits, spaces and too-short input', () => {
    expect(luhnValid('')).to.equal(false);
    expect(luhnValid('0')).to.equal(false);
    expect(luhnValid('4111 1111 1111 1111')).to.equal(false);
    expect(luhnValid('41111111111111x1')).to.equal(false);
  });

  it('computes the check digit so that the result validates', () => {
    expect(luhnCheckDigit('7992739871')).to.equal('3');
    expect(luhnCheckDigit('411111111111111')).to.equal('1');
    expect(luhnCheckDigit('622202020000000000')).to.equal('6');
    for (const partial of ['0', '1', '123456789012345', '622848001234567890']) {
      expect(luhnValid(partial + luhnCheckDigit(partial)), partial).to.equal(true);
    }
    expect(() => luhnCheckDigit('12a')).to.throw();
  });
});
