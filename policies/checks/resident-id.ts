// Resident identity numbers (居民身份证号码, GB 11643-1999): recognising them is what the
// notice privacy rule (NOTICE-PII-VALUES) and the generator's valid IDs both rest on.

/** Weights of the 17 body digits under ISO 7064 MOD 11-2 (2^(17-i) mod 11). */
export const RESIDENT_ID_WEIGHTS: readonly number[] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** Check character indexed by (weighted sum mod 11). */
export const RESIDENT_ID_CHECK_CHARS = '10X98765432';
const WEIGHTS = RESIDENT_ID_WEIGHTS;
const CHECK_CHARS = RESIDENT_ID_CHECK_CHARS;

/** The check character for a 17-digit body; throws on anything but 17 digits. */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error(`residentIdCheckChar needs 17 digits, got ${JSON.stringify(first17)}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** True for a real calendar date (rejects 2023-02-29, month 13, day 00). */
function isCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1];
}

/**
 * A resident ID number: 18 characters whose last is the correct MOD 11-2 check character
 * (a lower-case x is accepted as printed by careless systems), or the first-generation
 * 15-digit form, which has no check digit, so it must at least carry a plausible YYMMDD birth date.
 */
export function isValidResidentId(s: string): boolean {
  if (typeof s !== 'string') return false;
  if (s.length === 18) {
    if (!/^\d{17}[\dXx]$/.test(s)) return false;
    return residentIdCheckChar(s.slice(0, 17)) === s[17].toUpperCase();
  }
  if (s.length === 15) return /^\d{15}$/.test(s) && birthDateOfResidentId(s) !== undefined;
  return false;
}

/**
 * The birth date (YYYY-MM-DD) encoded in an 18-character or 15-digit number, or undefined
 * when the shape or date is impossible. It does not check the check character, so a
 * rule can still age a person whose number was mistyped at the end.
 */
export function birthDateOfResidentId(s: string): string | undefined {
  let y: number, m: number, d: number;
  if (typeof s === 'string' && /^\d{17}[\dXx]$/.test(s)) {
    y = +s.slice(6, 10);
    m = +s.slice(10, 12);
    d = +s.slice(12, 14);
    if (y < 1850) return undefined;
  } else if (typeof s === 'string' && /^\d{15}$/.test(s)) {
    // 15-digit numbers were issued 1984–2004 to people born in the 1900s only.
    y = 1900 + +s.slice(6, 8);
    m = +s.slice(8, 10);
    d = +s.slice(10, 12);
  } else return undefined;
  if (!isCalendarDate(y, m, d)) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
