// Household composition: who lives together in an assisted household in rural Naiman, with
// ages that make sense (children born to adult parents, elderly couples, grandparents raising
// grandchildren) and resident ID numbers that encode each birth date.
import type { MemberT } from '../../schemas/case-export';
import { isoOf } from './dates';
import { ResidentIdAllocator } from './ids';
import { NameStyle, pickStyle, pickSurname, uniqueName } from './names';
import { Rng } from './random';

export type Shape = 'single_elder' | 'elder_couple' | 'family' | 'with_parents' | 'skipped_generation' | 'single_disabled' | 'orphan_siblings';

/** A member record plus what the generator needs but the export does not carry. */
export interface Person {
  rec: MemberT;
  male: boolean;
  birthDay: number;
}

export interface MemberOptions {
  /** Day of reference for ages (the period start). */
  refDay: number;
  /** orphan_siblings: exact birth day of the head; family: force a child of this age (years). */
  headBirthDay?: number;
  minorChildAge?: number;
}

const YEAR = 365.25;

class Builder {
  readonly people: Person[] = [];
  readonly names: string[] = [];
  readonly style: NameStyle;
  readonly surname: string;

  constructor(
    private readonly rng: Rng,
    private readonly ids: ResidentIdAllocator,
    private readonly refDay: number,
  ) {
    this.style = pickStyle(rng);
    this.surname = pickSurname(rng, this.style);
  }

  /** Birth day of someone `age` whole years old on the reference day. */
  bornAged(age: number): number {
    return this.refDay - Math.floor(age * YEAR) - this.rng.int(1, 364);
  }

  /** A surname for an in-law: anything but the household's own. */
  otherSurname(): string {
    for (;;) {
      const s = pickSurname(this.rng, this.style);
      if (s !== this.surname) return s;
    }
  }

  add(relation: MemberT['relation'], male: boolean, birthDay: number, surname = this.surname): Person {
    const name = uniqueName(this.rng, this.style, surname, male, +isoOf(birthDay).slice(0, 4), this.names);
    const ageYears = (this.refDay - birthDay) / YEAR;
    // People born before 1990 often still carry Naiman's pre-1999 area code.
    const old = ageYears > 34 && this.rng.chance(0.3);
    const rec: MemberT = { person_id: this.ids.allocate(birthDay, male, old), name, birth_date: isoOf(birthDay), relation };
    if (ageYears >= 18) {
      const elderly = ageYears >= 60;
      if (this.rng.chance(elderly ? 0.2 : 0.05)) rec.serious_illness = true;
      if (this.rng.chance(elderly ? 0.1 : 0.05)) rec.disability_grade = this.rng.int(1, 4);
    }
    const p = { rec, male, birthDay };
    this.people.push(p);
    this.names.push(name);
    return p;
  }
}

/** Children take their father's surname (all surnames in names.ts are one character). */
function fatherSurname(head: Person, spouse: Person | undefined, b: Builder): string {
  if (head.male) return b.surname;
  return spouse ? spouse.rec.name[0] : b.otherSurname();
}

export function makeMembers(rng: Rng, ids: ResidentIdAllocator, shape: Shape, opts: MemberOptions): Person[] {
  const b = new Builder(rng, ids, opts.refDay);
  const age = (p: Person) => (opts.refDay - p.birthDay) / YEAR;
  switch (shape) {
    case 'single_elder':
      b.add('head', rng.chance(0.45), b.bornAged(rng.int(60, 92)));
      break;
    case 'elder_couple': {
      const head = b.add('head', true, b.bornAged(rng.int(62, 88)));
      b.add('spouse', false, b.bornAged(Math.max(55, Math.floor(age(head)) + rng.int(-6, 3))), b.otherSurname());
      break;
    }
    case 'family': {
      const headMale = rng.chance(0.8);
      const headAge = opts.minorChildAge !== undefined ? rng.int(30, 45) : rng.int(28, 58);
      const head = b.add('head', headMale, b.bornAged(headAge));
      const spouse = rng.chance(0.85) ? b.add('spouse', !headMale, b.bornAged(Math.max(24, headAge + rng.int(-6, 6))), b.otherSurname()) : undefined;
      const surname = fatherSurname(head, spouse, b);
      // Children born while their parents were 20–42.
      const maxChild = Math.min(headAge - 20, 30);
      const minChild = Math.max(0, headAge - 42);
      // A forced minor is the only child, so a notice naming the members names exactly one minor.
      const children = opts.minorChildAge !== undefined ? 1 : rng.int(1, 3);
      for (let k = 0; k < children; k++) {
        const childAge = k === 0 && opts.minorChildAge !== undefined ? opts.minorChildAge : rng.int(minChild, maxChild);
        b.add('child', rng.chance(0.5), b.bornAged(childAge), surname);
      }
      break;
    }
    case 'with_parents': {
      const headMale = rng.chance(0.75);
      const headAge = rng.int(30, 55);
      const head = b.add('head', headMale, b.bornAged(headAge));
      const spouse = rng.chance(0.6) ? b.add('spouse', !headMale, b.bornAged(Math.max(26, headAge + rng.int(-5, 5))), b.otherSurname()) : undefined;
      // The father shares the head's surname; the mother kept her own.
      const parentAge = Math.min(95, headAge + rng.int(22, 32));
      const both = rng.chance(0.5);
      const father = both || rng.chance(0.5);
      if (father) b.add('parent', true, b.bornAged(parentAge));
      if (both || !father) b.add('parent', false, b.bornAged(Math.min(95, Math.max(headAge + 20, parentAge + rng.int(-4, 2)))), b.otherSurname());
      if (rng.chance(0.5)) b.add('child', rng.chance(0.5), b.bornAged(rng.int(Math.max(0, headAge - 42), headAge - 22)), fatherSurname(head, spouse, b));
      break;
    }
    case 'skipped_generation': {
      const headMale = rng.chance(0.5);
      const headAge = rng.int(58, 80);
      const head = b.add('head', headMale, b.bornAged(headAge));
      const spouse = rng.chance(0.6) ? b.add('spouse', !headMale, b.bornAged(Math.max(55, headAge + rng.int(-5, 5))), b.otherSurname()) : undefined;
      // A son's children carry the grandfather's surname; a daughter's children do not.
      const surname = rng.chance(0.7) ? fatherSurname(head, spouse, b) : b.otherSurname();
      const n = rng.int(1, 2);
      for (let k = 0; k < n; k++) b.add('grandchild', rng.chance(0.5), b.bornAged(rng.int(2, 16)), surname);
      break;
    }
    case 'single_disabled': {
      const head = b.add('head', rng.chance(0.6), b.bornAged(rng.int(30, 59)));
      if (rng.chance(0.5)) head.rec.serious_illness = true;
      else head.rec.disability_grade = rng.int(1, 2);
      break;
    }
    case 'orphan_siblings': {
      if (opts.headBirthDay === undefined) throw new Error('orphan_siblings needs headBirthDay');
      b.add('head', rng.chance(0.5), opts.headBirthDay);
      b.add('sibling', rng.chance(0.5), b.bornAged(rng.int(10, 13)));
      break;
    }
  }
  return b.people;
}

/** Age in whole years on `iso` of someone born on `birthIso` (a birthday on the day itself counts). */
export function ageOn(birthIso: string, iso: string): number {
  let years = +iso.slice(0, 4) - +birthIso.slice(0, 4);
  if (iso.slice(5) < birthIso.slice(5)) years--;
  return years;
}
