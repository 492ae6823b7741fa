import { expect } from 'chai';
import { isMobileNumber } from './phone';

describe('Chinese mobile numbers', () => {
  it('accepts 11 digits starting 13–19', () => {
    for (const n of ['13800138000', '15004756789', '18647512345', '19912345678']) expect(isMobileNumber(n), n).to.equal(true);
  });

  it('accepts common printed forms: separators and the +86 prefix', () => {
    expect(isMobileNumber('138 0013 8000')).to.equal(true);
    expect(isMobileNumber('138-0013-8000')).to.equal(true);
    expect(isMobileNumber('+86 138 0013 8000')).to.equal(true);
    expect(isMobileNumber('008613800138000')).to.equal(true);
  });

  it('rejects second digits 0–2, wrong lengths and landlines', () => {
    expect(isMobileNumber('12800138000')).to.equal(false);
    expect(isMobileNumber('1380013800')).to.equal(false);
    expect(isMobileNumber('138001380001')).to.equal(false);
    expect(isMobileNumber('0475-8821234')).to.equal(false); // Tongliao landline
    expect(isMobileNumber('')).to.equal(false);
  });
});
