// What every part of the generator shares while writing one export.
import type { CollectionName } from '../../schemas/case-export';
import { ResidentIdAllocator } from './ids';
import { PlantedViolation, PlantKind } from './plants';
import { NdjsonSink } from './sink';
import { Roster } from './staff';

/** Features forced onto a few households so that even a 60-household example shows each one. */
export type Showcase = 'related' | 'death' | 'warning_continued' | 'warning_exit' | 'individual_coverage' | 'temporary_case_by_case' | 'objection' | 'rejected';

export interface Ctx {
  seed: number;
  from: string;
  to: string;
  fromDay: number;
  toDay: number;
  firstMonth: string;
  lastMonth: string;
  /** The period's months, precomputed: payments iterate them millions of times. */
  months: { month: string; compact: string; firstDay: number }[];
  /** Digits in household numbers, so that ids sort and stay the same width. */
  idWidth: number;
  ids: ResidentIdAllocator;
  roster: Roster;
  out: Record<CollectionName, NdjsonSink>;
  plants: Map<number, PlantKind>;
  showcase: Map<number, Showcase>;
  planted: PlantedViolation[];
}
