// A rule title that states a number reads it from the values in force over the audited
// period (InForce); this is the same with the value typed from the parameter's schema.
import { Bilingual } from '../../engine/findings/finding';
import { InForce } from '../in-force';
import { ParamKey, ParamType } from './params';

/** `n.say(key, …)` with `words` given the typed value of `key`. */
export function sayParam<K extends ParamKey>(n: InForce, key: K, words: (value: ParamType<K>) => Bilingual | undefined, fallback: Bilingual): Bilingual {
  return n.say<ParamType<K>>(key, words, fallback);
}
