// The roster of caseworkers (经办人员) and village cadres (嘎查村干部) with their close
// relatives: applications are handled by them, and a few assisted households are their kin,
// which the relative-filing rules (REL-*) must see declared, filed and verified.
import type { StaffT } from '../../schemas/case-export';
import { dayOf, isoOf } from './dates';
import { ResidentIdAllocator } from './ids';
import { pickStyle, pickSurname, uniqueName } from './names';
import { COUNTY_CODE, TOWNSHIPS, Village } from './regions';
import { Rng } from './random';

export interface StaffMember {
  rec: StaffT;
  birthDay: number;
  fromDay: number;
  toDay: number; // Infinity while in post
}

export class Roster {
  readonly all: StaffMember[] = [];
  private caseworkers = new Map<string, StaffMember[]>(); // by township code, '' for the county
  private cadres = new Map<string, StaffMember[]>(); // by village code

  constructor(seed: number, ids: ResidentIdAllocator, refDay: number) {
    const rng = new Rng(seed);
    const make = (role: StaffT['role'], region: string, fromIso?: string): StaffMember => {
      const style = pickStyle(rng);
      const male = rng.chance(0.55);
      const birthDay = refDay - rng.int(25, 58) * 365 - rng.int(0, 364);
      const name = uniqueName(rng, style, pickSurname(rng, style), male, +isoOf(birthDay).slice(0, 4), []);
      const fromDay = fromIso ? dayOf(fromIso) : dayOf(`${rng.int(2012, 2021)}-${String(rng.int(1, 12)).padStart(2, '0')}-01`);
      // One in ten has left the post; they stay on the roster because old cases name them.
      const toDay = !fromIso && rng.chance(0.1) ? fromDay + rng.int(400, 2000) : Infinity;
      const rec: StaffT = {
        staff_id: `JB${String(this.all.length + 1).padStart(4, '0')}`,
        person_id: ids.allocate(birthDay, male),
        name,
        role,
        region_code: region,
        active_from: isoOf(fromDay),
        relatives: [],
      };
      if (toDay !== Infinity) {
        if (toDay >= refDay) return make(role, region, fromIso); // keep "left" meaning left before the period
        rec.active_to = isoOf(toDay);
      }
      // Spouse, parents, children, siblings who are not in any assisted household.
      const kin: [StaffT['relatives'][number]['relation'], number][] = [
        ['spouse', birthDay + rng.int(-1500, 1500)],
        ['parent', birthDay - rng.int(8000, 11000)],
        ['child', birthDay + rng.int(8000, 11000)],
        ['sibling', birthDay + rng.int(-2500, 2500)],
      ];
      for (const [relation, day] of kin) {
        if (day > refDay - 30 || !rng.chance(relation === 'spouse' ? 0.9 : 0.6)) continue;
        const kinMale = relation === 'spouse' ? !male : rng.chance(0.5);
        // Blood kin on the father's line share the surname; a spouse keeps her or his own.
        const surname = relation === 'spouse' ? pickSurname(rng, style) : name[0];
        rec.relatives.push({ person_id: ids.allocate(day, kinMale), name: uniqueName(rng, style, surname, kinMale, +isoOf(day).slice(0, 4), [name]), relation });
      }
      const m: StaffMember = { rec, birthDay, fromDay, toDay };
      this.all.push(m);
      return m;
    };

    // Two county-level caseworkers in post since 2010 guarantee a handler for every date.
    const county = [make('caseworker', COUNTY_CODE, '2010-03-01'), make('caseworker', COUNTY_CODE, '2010-09-01')];
    this.caseworkers.set('', county);
    for (const t of TOWNSHIPS) {
      const list: StaffMember[] = [];
      for (let k = rng.int(2, 3); k > 0; k--) list.push(make('caseworker', t.code));
      this.caseworkers.set(t.code, list);
      for (const v of t.villages) {
        const cadres: StaffMember[] = [];
        for (let k = rng.int(1, 2); k > 0; k--) cadres.push(make('village_cadre', v.code));
        this.cadres.set(v.code, cadres);
      }
    }
  }

  /** Staff in post on `day` who would handle a case from `village`, nearest level first. */
  inPost(rng: Rng, village: Village, day: number, exclude?: StaffMember): { caseworker: StaffMember; cadre?: StaffMember; candidates: StaffMember[] } {
    const active = (m: StaffMember) => m.fromDay <= day && day <= m.toDay && m !== exclude;
    const township = (this.caseworkers.get(village.township.code) ?? []).filter(active);
    const cadres = (this.cadres.get(village.code) ?? []).filter(active);
    const caseworker = township.length ? rng.pick(township) : this.caseworkers.get('')!.filter(active)[0];
    return { caseworker, cadre: cadres.length ? rng.pick(cadres) : undefined, candidates: [...cadres, ...township] };
  }
}
