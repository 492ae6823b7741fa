import { contractIdCheck } from './id-check';
import { contractInvalid } from './invalid';
import { contractReference } from './references';

export const contractRules = [contractInvalid, contractReference, contractIdCheck];
