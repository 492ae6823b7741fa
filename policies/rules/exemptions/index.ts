import { Rule } from '../../rule';
import { exemptBarred } from './barred';
import { eligEmergency } from './emergency';
import { exemptGrounds } from './grounds';
import { eligGradual } from './gradual';
import { eligIncome } from './income';
import { exemptProcedure } from './procedure';
import { eligSingle } from './single';
import { eligTolerance } from './tolerance';
import { exemptTracking } from './tracking';
import { eligVehicle } from './vehicle';

// EXEMPT-* and ELIG-* rules.
export const exemptionRules: Rule[] = [
  exemptGrounds,
  exemptBarred,
  exemptProcedure,
  exemptTracking,
  eligVehicle,
  eligIncome,
  eligGradual,
  eligSingle,
  eligTolerance,
  eligEmergency,
];
