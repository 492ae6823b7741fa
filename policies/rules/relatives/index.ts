import { Rule } from '../../rule';
import { relDeclare } from './declare';
import { relFiled } from './filed';
import { relIneligibleApproved } from './ineligible';
import { relRecusal } from './recusal';
import { relVerified } from './verified';

// REL-* rules: the filing chain for applications by close relatives of staff.
export const relativeRules: Rule[] = [relDeclare, relFiled, relVerified, relIneligibleApproved, relRecusal];
