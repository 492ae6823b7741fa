// Every vocabulary rule under features/: parsed, type-checked and compiled once per process.
// A mistake never throws here: it is kept with its file and line, so an audit can refuse a
// broken rule by name and leave a broken draft (@草稿) out, and `npm test` shows every one.
import path from 'node:path';
import { PACKAGE_ROOT } from '../../engine/root';
import { PARAMETERS } from '../parameters';
import { Rule } from '../rule';
import { compileRule } from './compile';
import { ruleFiles, VOCABULARY_DIR } from './declared';
import { VocabularyError } from './errors';
import { parseRule } from './parse';
import { Place } from './ir';
import { parameterType } from './params';

export interface VocabularyProblem {
  error: VocabularyError;
  draft: boolean;
  id?: string;
}

export interface Vocabulary {
  rules: Rule[];
  problems: VocabularyProblem[];
  /** Where each rule is defined (its feature). */
  places: Map<string, Place>;
}

/** The vocabulary rules whose ids are free, with a problem for each that takes a built-in rule's id. */
export function alongside(v: Vocabulary, builtIn: Rule[]): Rule[] {
  const taken = new Set(builtIn.map((r) => r.id));
  for (const r of v.rules.filter((x) => taken.has(x.id)))
    v.problems.push({ error: new VocabularyError(v.places.get(r.id)!, { zh: `规则编号 ${r.id} 已被内置规则使用`, en: `rule id ${r.id} is a built-in rule's` }), draft: false, id: r.id });
  return v.rules.filter((r) => !taken.has(r.id));
}

const FAMILIES = ['contract', 'notices', 'relatives', 'penalties', 'exemptions', 'crosschecks'];

export const knownParameters = {
  type: (k: string) => (PARAMETERS[k] ? parameterType(PARAMETERS[k].schema) : undefined),
  keys: () => Object.keys(PARAMETERS),
};

/** Compiles the rule files of `dir` (their family is their folder's, or "vocabulary"). */
export function loadVocabulary(dir = VOCABULARY_DIR): Vocabulary {
  const out: Vocabulary = { rules: [], problems: [], places: new Map() };
  for (const { file, text } of ruleFiles(dir)) {
    const rel = path.relative(PACKAGE_ROOT, file);
    const folder = path.basename(path.dirname(file));
    const parsed = parseRule(rel, text, knownParameters, FAMILIES.includes(folder) ? folder : 'vocabulary');
    for (const error of parsed.errors) out.problems.push({ error, draft: parsed.draft, ...(parsed.id ? { id: parsed.id } : {}) });
    if (parsed.rule) {
      out.rules.push(compileRule(parsed.rule));
      out.places.set(parsed.rule.id, parsed.place);
    }
  }
  return out;
}

let cached: Vocabulary | undefined;

/** The vocabulary rules of the product's features/ folder. */
export function vocabulary(): Vocabulary {
  return (cached ??= loadVocabulary());
}

/** The first mistake in a vocabulary rule that is not a draft: an audit refuses to run with it. */
export function blockingProblem(v: Vocabulary = vocabulary()): VocabularyError | undefined {
  return v.problems.find((p) => !p.draft)?.error;
}
