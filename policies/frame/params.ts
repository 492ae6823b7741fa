// A parameter's key and the type of its value, both taken from the schemas in
// policies/parameters/: a rule that names a key no family declares does not compile, and the
// value it reads has the type the profile loader validated (a Duration, a list of programmes…).
import { z } from 'zod';
import { ParameterValue } from '../../engine/profile/profile';
import { PARAMETER_SPECS } from '../parameters';

type Specs = typeof PARAMETER_SPECS;

/** Every key a profile may set ('notice.min_days', 'dup.review_programs', …). */
export type ParamKey = keyof Specs & string;

/** The value of `K` as its schema reads it: `Duration` for 'notice.min_days', `number` for 'notice.age_of_majority'. */
export type ParamType<K extends ParamKey> = z.output<Specs[K]['schema']>;

/** One dated value of `K` as the profile chain sets it (its source goes into a finding's `params`). */
export type Param<K extends ParamKey> = ParameterValue<ParamType<K>>;
