import { Rule } from '../../rule';
import { dupBlock } from './block';
import { dupDeceased } from './deceased';
import { dupCrossRegion, dupDibaoTekun, dupUrbanRural } from './duplicates';
import { dupOverLimit } from './over-limit';
import { supInspection, supReport } from './supervision';
import { dupTempCap, dupTempRepeat } from './temporary';
import { warnOutcome, warnPayments } from './warnings';

// DUP-*, WARN-*, SUP-* rules.
export const crosscheckRules: Rule[] = [
  dupUrbanRural,
  dupDibaoTekun,
  dupCrossRegion,
  dupDeceased,
  dupTempRepeat,
  dupTempCap,
  dupBlock,
  dupOverLimit,
  warnOutcome,
  warnPayments,
  supReport,
  supInspection,
];
