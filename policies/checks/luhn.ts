// Luhn (mod 10) check digit, used by Chinese bank card numbers (银行卡号, 16–19 digits):
// the notice privacy rule treats a Luhn-valid digit run of that length as a card number.

/** Sum of the Luhn-doubled digits of `digits`, doubling from the right starting at `doubleFirst`. */
function luhnSum(digits: string, doubleFirst: boolean): number {
  let sum = 0;
  let dbl = doubleFirst;
  for (let i = digits.length - 1; i >= 0; i--) {
    let v = digits.charCodeAt(i) - 48;
    if (dbl) {
      v *= 2;
      if (v > 9) v -= 9;
    }
    sum += v;
    dbl = !dbl;
  }
  return sum;
}

/** True when `digits` (at least two digits, nothing else) ends with a correct Luhn check digit. */
export function luhnValid(digits: string): boolean {
  if (typeof digits !== 'string' || !/^\d{2,}$/.test(digits)) return false;
  return luhnSum(digits, false) % 10 === 0;
}

/** The digit to append to `partial` (digits only, at least one) to make it Luhn-valid. */
export function luhnCheckDigit(partial: string): string {
  if (typeof partial !== 'string' || !/^\d+$/.test(partial)) throw new Error(`luhnCheckDigit needs digits, got ${JSON.stringify(partial)}`);
  return String((10 - (luhnSum(partial, true) % 10)) % 10);
}
