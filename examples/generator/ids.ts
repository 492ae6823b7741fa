// Unique, valid resident ID numbers whose birth-date digits equal the person's birth date.
// Uniqueness comes from a counter per (area code, birth date, sex), not from luck: a million
// households hold about 3 million people, and random sequence numbers would collide.
import { RESIDENT_ID_CHECK_CHARS, RESIDENT_ID_WEIGHTS } from '../../policies/checks/resident-id';
import { COUNTY_CODE, OLD_COUNTY_CODE } from './regions';
import { compactOf, dayOf, isoOf } from './dates';
import { mixSeed } from './random';

/** Area codes in order of preference: Naiman, its pre-1999 code, then neighbouring Tongliao counties. */
const AREA_CODES = [COUNTY_CODE, OLD_COUNTY_CODE, '150502', '150521', '150522', '150523', '150524', '150526', '150581'];
/** Each area code's share of the MOD 11-2 weighted sum, so only the date and sequence are summed per person. */
const AREA_SUMS = AREA_CODES.map((code) => weightedSum(code, 0));
const FIRST_BIRTH_DAY = dayOf('1900-01-01');
const LAST_BIRTH_DAY = dayOf('2060-12-31');
const SPAN = LAST_BIRTH_DAY - FIRST_BIRTH_DAY + 1;
/** Sequence numbers per sex and date: 000–999, odd for men, even for women. */
const PER_SEX = 500;

function weightedSum(digits: string, at: number): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += (digits.charCodeAt(i) - 48) * RESIDENT_ID_WEIGHTS[at + i];
  return sum;
}

export class ResidentIdAllocator {
  private used = new Uint16Array(AREA_CODES.length * SPAN * 2);

  constructor(private readonly seed: number) {}

  /** A fresh ID number for someone born on `birthDay`; `old` prefers Naiman's pre-1999 area code. */
  allocate(birthDay: number, male: boolean, old = false): string {
    if (birthDay < FIRST_BIRTH_DAY || birthDay > LAST_BIRTH_DAY) throw new Error(`birth date ${isoOf(birthDay)} out of range`);
    const ymd = compactOf(birthDay);
    for (let k = 0; k < AREA_CODES.length; k++) {
      const area = k === 0 && old ? 1 : k === 1 && old ? 0 : k;
      const slot = (area * SPAN + (birthDay - FIRST_BIRTH_DAY)) * 2 + (male ? 1 : 0);
      const n = this.used[slot];
      if (n >= PER_SEX) continue;
      this.used[slot] = n + 1;
      // Start each date at a seeded offset so sequence numbers look scattered, yet stay unique.
      const seq = ((mixSeed(this.seed, slot) + n) % PER_SEX) * 2 + (male ? 1 : 0);
      const d0 = (seq / 100) | 0;
      const d1 = ((seq / 10) | 0) % 10;
      const d2 = seq % 10;
      // The check character computed inline (the same MOD 11-2 as residentIdCheckChar, which the tests apply to every number).
      const sum = AREA_SUMS[area] + weightedSum(ymd, 6) + d0 * RESIDENT_ID_WEIGHTS[14] + d1 * RESIDENT_ID_WEIGHTS[15] + d2 * RESIDENT_ID_WEIGHTS[16];
      return AREA_CODES[area] + ymd + d0 + d1 + d2 + RESIDENT_ID_CHECK_CHARS[sum % 11];
    }
    throw new Error(`no ID numbers left for ${isoOf(birthDay)}`);
  }
}
