import { Rule } from '../../rule';
import { penBlacklist } from './blacklist';
import { penFine } from './fine';
import { penRecover } from './recover';
import { penRepair } from './repair';
import { penStop } from './stop';
import { penTier } from './tier';
import { penTransfer } from './transfer';

// PEN-* rules.
export const penaltyRules: Rule[] = [penTier, penRecover, penFine, penBlacklist, penStop, penTransfer, penRepair];
